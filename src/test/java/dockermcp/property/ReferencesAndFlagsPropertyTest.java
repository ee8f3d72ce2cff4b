package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, the fourth outside test's false positives: a path under a secret name names where the secret is (shown,
 * unless a segment looks generated); JVM flags in CamelCase are words, not a key; a name that describes a secret
 * (a prefix, a hasher) shows a value of a harmless shape.
 */
class ReferencesAndFlagsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final List<String> SECRET_NAMES = List.of("GOOGLE_APPLICATION_CREDENTIALS", "DB_PASSWORD", "API_TOKEN", "TLS_KEY",
            "SSH_PRIVATE_KEY", "VAULT_SECRET", "KUBECONFIG", "AUTH_CONFIG", "ConnectionStrings__Default", "PGPASSWORD");
    private static final List<String> WORDS = List.of("var", "run", "secrets", "etc", "app", "config", "google", "keys", "key.json",
            "tls.key", "db", "password.txt", "service-account.json", "vault", "kube", "config.yaml", "srv", "home", "node", ".ssh", "id_ed25519");
    private static final List<String> JVM_FLAGS = List.of("+ExitOnOutOfMemoryError", "+HeapDumpOnOutOfMemoryError", "+UseContainerSupport",
            "+UseG1GC", "+UseSerialGC", "+UseStringDeduplication", "-UseCompressedOops", "+PrintGCDetails", "+AlwaysPreTouch",
            "+UnlockExperimentalVMOptions", "+UseZGC", "+CrashOnOutOfMemoryError", "+DisableExplicitGC", "+UseTransparentHugePages",
            "+OptimizeStringConcat", "+PerfDisableSharedMem", "+ShowCodeDetailsInExceptionMessages");

    @Test
    void aPathOfOrdinarySegmentsUnderASecretNameIsShown() {
        Random r = new Random(21);
        for (int i = 0; i < 400; i++) {
            StringBuilder path = new StringBuilder();
            for (int k = 2 + r.nextInt(4); k > 0; k--) {
                path.append('/').append(WORDS.get(r.nextInt(WORDS.size())));
            }
            String entry = SECRET_NAMES.get(r.nextInt(SECRET_NAMES.size())) + "=" + path;
            assertThat(REDACTOR.envEntry(entry)).isEqualTo(entry);
        }
    }

    @Test
    void aPathWithAGeneratedOrPasswordLikeSegmentOrAOneSegmentPathUnderASecretNameIsHidden() {
        for (int seed = 0; seed < 200; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            String generated = parts.chars(SecretCorpus.ALNUM, 14 + seed % 10);
            for (String value : List.of("/" + generated, "/srv/" + generated, "/run/secrets/" + generated + "/x", "/Maple-harbor" + seed + "!x",
                    "/" + parts.chars("abcdefghijklmnopqrstuvwxyz", 10))) {
                String name = SECRET_NAMES.get(seed % SECRET_NAMES.size());
                assertThat(REDACTOR.envEntry(name + "=" + value)).as(value).isEqualTo(name + "=[REDACTED]");
            }
        }
    }

    @Test
    void theShellsWorkingDirectoriesAreShown() {
        for (String value : List.of("/", "/app", "/usr/src/app", "/home/node", "/srv/www/site")) {
            assertThat(REDACTOR.envEntry("PWD=" + value)).isEqualTo("PWD=" + value);
            assertThat(REDACTOR.envEntry("OLDPWD=" + value)).isEqualTo("OLDPWD=" + value);
        }
        assertThat(REDACTOR.envEntry("PWD=Xk9fQ2mP7vL4")).isEqualTo("PWD=[REDACTED]");
    }

    @Test
    void jvmFlagsInCamelCaseAreWordsWhileRandomLettersOfBothCasesAreNot() {
        Random r = new Random(22);
        for (int i = 0; i < 300; i++) {
            StringBuilder opts = new StringBuilder("-Xmx" + (256 << r.nextInt(4)) + "m");
            for (int k = 1 + r.nextInt(4); k > 0; k--) {
                opts.append(" -XX:").append(JVM_FLAGS.get(r.nextInt(JVM_FLAGS.size())));
            }
            String entry = List.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS", "JDK_JAVA_OPTIONS", "CATALINA_OPTS").get(r.nextInt(4)) + "=" + opts;
            assertThat(REDACTOR.envEntry(entry)).isEqualTo(entry);
        }
        for (int seed = 0; seed < 200; seed++) {
            String random = new SecretCorpus(seed).chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 24);
            assertThat(REDACTOR.envEntry("UPSTREAM=+" + random)).as(random).isEqualTo("UPSTREAM=[REDACTED]");
        }
    }

    @Test
    void namesThatDescribeASecretShowAHarmlessValue() {
        for (String entry : List.of("CACHE_KEY_PREFIX=myapp:", "SESSION_KEY_PREFIX=sess:", "PASSWORD_HASHER=argon2id", "TOKEN_CLAIM=sub",
                "SECRET_NAMESPACE=prod", "AUTH_FIELD=email", "API_KEY_SUFFIX=live")) {
            assertThat(REDACTOR.envEntry(entry)).isEqualTo(entry);
        }
        assertThat(REDACTOR.envEntry("CACHE_KEY_PREFIX=Xk9fQ2mP7vL4wZ8s")).isEqualTo("CACHE_KEY_PREFIX=[REDACTED]");
    }

    @Test
    void referencesAddressesAndDigestsUnderSecretNamesAreShownAndCredentialsInThemAreNot() {
        for (String entry : List.of("CACHE_KEY_PREFIX=app:v2:", "TOKEN_AUDIENCE=api://default", "ConnectionStrings__Redis=redis:6379",
                "REDIS_CONN=cache.internal:6380", "DATABASE_URL=postgres://app@db:5432/app?sslmode=require", "SECRET_REF=vault:secret/data/checkout#db",
                "PASSWORD_POLICY=min12-upper-digit", "traefik.http.middlewares.a-auth.forwardauth.authResponseHeaders=Remote-User,Remote-Groups",
                "traefik.http.middlewares.a-auth.forwardauth.address=http://authelia:9091/api/verify?rd=https://auth.example.com",
                "NPM_INTEGRITY=sha512-WFN/Qf3Lx9OB4Mg3kP9tDqQ7tG4vXzZrQz1mWBAr9SlJ5sjUJwqfmrUQj8vW0cJxK9w6z2tY6p3Vb0KtOqS2RQ==")) {
            assertThat(REDACTOR.envEntry(entry)).isEqualTo(entry);
        }
        for (int seed = 0; seed < 100; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            String secret = parts.chars(SecretCorpus.ALNUM, 12) + "!";
            String token = parts.chars(SecretCorpus.ALNUM, 32);
            for (String entry : List.of("REDIS_CONN=admin:" + secret, "DATABASE_URL=postgres://app:" + secret + "@db:5432/app",
                    "GIT_URL=https://" + token + "@github.com/o/r", "SECRET_REF=vault:secret/data/x?token=" + token,
                    "traefik.http.middlewares.a-auth.forwardauth.address=http://authelia:9091/verify?token=" + token)) {
                assertThat(REDACTOR.envEntry(entry)).as(entry).doesNotContain(secret).doesNotContain(token.substring(8, 24));
            }
            assertThat(REDACTOR.text("connecting to postgres://" + token.toLowerCase(java.util.Locale.ROOT) + "@db:5432/app")).doesNotContain(token.toLowerCase(java.util.Locale.ROOT).substring(8, 24));
            assertThat(REDACTOR.text("connecting to postgres://app@db:5432/app")).isEqualTo("connecting to postgres://app@db:5432/app");
        }
    }

    @Test
    void aLineStartingWithABracketIsNotTheRestOfALineBeforeItWhileASplitBearerTokenStillGoes() {
        for (String end : List.of("token_type=Bearer", "auth=Basic", "mode=token", "Authorization scheme Bearer", "password policy Strict")) {
            for (String next : List.of("[2026-11-30 10:00:03] production.INFO: User 42 logged in", "(worker-3) started", "<info> ready",
                    "[INFO] Building app 1.0")) {
                List<String> lines = List.of("level=info msg=\"refreshed\" " + end, next);
                assertThat(REDACTOR.lines(lines)).isEqualTo(lines);
            }
        }
        for (int seed = 0; seed < 50; seed++) {
            String token = new SecretCorpus(seed).chars(SecretCorpus.ALNUM, 32);
            assertThat(String.join("\n", REDACTOR.lines(List.of("curl -H 'Authorization: Bearer", token + "' https://api.example.com"))))
                    .doesNotContain(token.substring(0, 12));
        }
    }

    @Test
    void aValueAloneOnTheLineAfterASecretFlagThatEndsALineIsHidden() {
        for (int seed = 0; seed < 100; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            String pw = seed % 2 == 0 ? parts.chars(SecretCorpus.ALNUM, 14) + "$" : "Maple-harbor" + seed + "!";
            String flag = List.of("--password", "--db-password", "--token", "--api-key", "--client-secret").get(seed % 5);
            List<String> shown = REDACTOR.lines(List.of("exec: " + List.of("mysqldump", "app", "cli", "deploy").get(seed % 4) + " " + flag, "  " + pw, "done"));
            assertThat(String.join("\n", shown)).doesNotContain(pw);
        }
        for (List<String> lines : List.of(List.of("usage: app --password", "reads the password from stdin"), List.of("  --token", "  -v, --verbose"),
                List.of("options: --password", "# read from the terminal"), List.of("flags --api-key", "${API_KEY}"))) {
            assertThat(REDACTOR.lines(lines)).isEqualTo(lines);
        }
    }

    @Test
    void aYamlSecretKeyWithACommentHidesTheValueOnTheNextLineAndKeepsTheComment() {
        for (int seed = 0; seed < 100; seed++) {
            String pw = seed % 2 == 0 ? new SecretCorpus(seed).chars(SecretCorpus.ALNUM, 14) + "$" : "Maple-harbor" + seed + "!";
            String key = List.of("db_password", "api_token", "secret", "smtpPassword").get(seed % 4);
            List<String> shown = REDACTOR.lines(List.of(key + ": # set by ops", "  " + pw, "port: 5432"));
            assertThat(String.join("\n", shown)).doesNotContain(pw).contains("# set by ops").contains("port: 5432");
        }
        List<String> heading = List.of("db_password: # see vault", "port: 5432");
        assertThat(REDACTOR.lines(heading)).isEqualTo(heading);
        assertThat(REDACTOR.envEntry("PASSWORD_COMPLEXITY=high")).isEqualTo("PASSWORD_COMPLEXITY=high");
    }
}
