package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, the third outside test's secret names: pepper, access, recovery codes, LDAP bind passwords, PUK and PIN,
 * in every naming style, hide their value in env and labels; settings about a secret (a boolean saying whether to make
 * one, a hash algorithm, OAuth scopes, a Keycloak user name) stay visible.
 */
class SecretNameStemsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final List<List<String>> STEMS = List.of(List.of("pepper"), List.of("access"), List.of("recovery", "codes"),
            List.of("ldap", "bindpw"), List.of("bindpw"), List.of("puk"), List.of("sim", "puk"), List.of("pin"), List.of("admin", "pin"),
            List.of("backup", "codes"), List.of("password", "pepper"));
    private static final List<String> PREFIXES = List.of("", "app", "db", "my", "svc");

    @Test
    void valuesUnderTheNewSecretStemsAreHiddenInEveryNamingStyle() {
        int checked = 0;
        for (int seed = 0; seed < 25; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            Random r = new Random(seed);
            for (List<String> stem : STEMS) {
                List<String> words = new ArrayList<>();
                String prefix = parts.pick(PREFIXES);
                if (!prefix.isEmpty() && stem.size() == 1 && !stem.get(0).equals("access")) {
                    words.add(prefix);
                }
                words.addAll(stem);
                String name = style(words, r.nextInt(5));
                String value = switch (r.nextInt(4)) {
                    case 0 -> parts.chars(SecretCorpus.DIGITS, 4 + r.nextInt(7)); // a PIN or PUK
                    case 1 -> parts.password();
                    case 2 -> parts.chars(SecretCorpus.LOWER + SecretCorpus.DIGITS, 5) + "-" + parts.chars(SecretCorpus.LOWER + SecretCorpus.DIGITS, 5)
                            + "," + parts.chars(SecretCorpus.LOWER + SecretCorpus.DIGITS, 5) + "-" + parts.chars(SecretCorpus.LOWER + SecretCorpus.DIGITS, 5);
                    default -> parts.chars(SecretCorpus.LOWER, 6 + r.nextInt(6));
                };
                assertThat(REDACTOR.envEntry(name + "=" + value)).as(name + "=" + value).isEqualTo(name + "=" + Redactor.MARK);
                assertThat(label(name, value)).as("label " + name + "=" + value).isEqualTo(Redactor.MARK);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(25 * STEMS.size());
    }

    @Test
    void settingsAboutASecretStayVisible() {
        List<String> hidden = new ArrayList<>();
        int total = 0;
        for (int seed = 0; seed < 25; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            String product = parts.pick(List.of("MYSQL", "MARIADB", "APP", "PG"));
            List<String> entries = List.of(
                    product + "_" + parts.pick(List.of("RANDOM_ROOT_PASSWORD", "ALLOW_EMPTY_PASSWORD", "GENERATE_SECRET", "RANDOM_PASSWORD")) + "="
                            + parts.pick(List.of("yes", "no", "true", "false", "1", "0")),
                    parts.pick(List.of("PASSWORD_HASH_ALGO", "password_hash_algorithm", "TOKEN_HASH_ALGO")) + "="
                            + parts.pick(List.of("argon2id", "bcrypt", "sha256", "pbkdf2")),
                    parts.pick(List.of("OAUTH_SCOPES", "oidc_scope", "AUTH_SCOPES")) + "="
                            + String.join(" ", parts.pick(List.of(List.of("openid", "email"), List.of("openid", "profile", "email"), List.of("read:user", "repo")))),
                    "KEYCLOAK_" + parts.pick(List.of("ADMIN", "HOSTNAME", "REALM")) + "=" + parts.pick(List.of("admin", "keycloak", "sso")),
                    parts.pick(List.of("SECRET_REF", "TOKEN_REF", "PASSWORD_REF")) + "=" + parts.pick(List.of("vault", "db", "app")) + "-creds");
            for (String e : entries) {
                total++;
                if (!REDACTOR.envEntry(e).equals(e)) {
                    hidden.add(e);
                }
            }
        }
        assertThat(hidden).as("of " + total).isEmpty();
    }

    @Test
    void aSentenceHoldingAMadeUpPasswordUnderAHarmlessLabelIsHidden() {
        for (int seed = 0; seed < 25; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            for (int i = 0; i < 20; i++) {
                String pw = parts.password();
                String v = parts.pick(List.of("db pw is ", "admin login: ", "use ", "initial credentials admin / ")) + pw + parts.pick(List.of("", " (change it)", " for now"));
                String key = parts.pick(List.of("org.opencontainers.image.description", "com.acme.note", "description"));
                assertThat(label(key, v)).as(key + "=" + v).isEqualTo(Redactor.MARK);
            }
        }
        String prose = "A small web server, version 1.2.3-rc1 for Linux/amd64 (see https://example.com/docs)";
        assertThat(label("org.opencontainers.image.description", prose)).isEqualTo(prose);
    }

    /** UPPER_SNAKE, lower_snake, camelCase, kebab-case, dotted. */
    private static String style(List<String> words, int style) {
        return switch (style) {
            case 0 -> String.join("_", words).toUpperCase(java.util.Locale.ROOT);
            case 1 -> String.join("_", words);
            case 2 -> {
                StringBuilder sb = new StringBuilder(words.get(0));
                words.subList(1, words.size()).forEach(w -> sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)));
                yield sb.toString();
            }
            case 3 -> String.join("-", words);
            default -> String.join(".", words);
        };
    }

    private static String label(String key, String value) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.putObject("labels").put(key, value);
        return REDACTOR.tree(o).get("labels").get(key).asString();
    }
}
