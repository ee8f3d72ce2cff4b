package dockermcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RedactorTest {

    private final Redactor r = new Redactor();

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWORD", "MYSQL_ROOT_PASSWD", "API_TOKEN", "AWS_SECRET_ACCESS_KEY", "GPG_PRIVATE", "BASIC_AUTH",
            "GOOGLE_APPLICATION_CREDENTIALS", "SSH_KEY", "pass", "session_cookie", "SENTRY_DSN"})
    void secretLookingVariablesLoseTheirValueButKeepTheirName(String name) {
        assertThat(r.envEntry(name + "=s3cr3t value")).isEqualTo(name + "=" + Redactor.MARK);
    }

    /**
     * An image's history lists ENTRYPOINT and CMD as separate rows; Docker runs the CMD as the entrypoint's arguments, so
     * a word-shaped passphrase after ssh-keygen's -N (no shape of its own) goes from the CMD row as it does from a
     * container's cmd; a CMD given to a program with no such flag stays as written.
     */
    @Test
    void aHistoryCmdRowIsJudgedAsTheArgumentsOfTheImagesEntrypointRow() {
        JsonNode history = JsonMapper.builder().build().readTree("""
                {"history": [
                  {"createdBy": "/bin/sh -c #(nop)  CMD [\\"-N\\" \\"correcthorse\\" \\"-f\\" \\"/etc/ssh/key\\"]"},
                  {"createdBy": "/bin/sh -c #(nop)  ENTRYPOINT [\\"ssh-keygen\\" \\"-q\\"]"},
                  {"createdBy": "/bin/sh -c #(nop)  CMD [\\"-g\\" \\"daemon off;\\"]"},
                  {"createdBy": "/bin/sh -c #(nop)  ENTRYPOINT [\\"nginx\\"]"}
                ]}""");
        r.tree(history);
        assertThat(history.get("history").get(0).get("createdBy").asString())
                .isEqualTo("/bin/sh -c #(nop)  CMD [\"-N\" \"[REDACTED]\" \"-f\" \"/etc/ssh/key\"]");
        assertThat(history.get("history").get(2).get("createdBy").asString()).isEqualTo("/bin/sh -c #(nop)  CMD [\"-g\" \"daemon off;\"]");
        assertThat(history.get("history").get(1).get("createdBy").asString()).isEqualTo("/bin/sh -c #(nop)  ENTRYPOINT [\"ssh-keygen\" \"-q\"]");
    }

    /**
     * An image history's ENV row shows what the image's Env shows, no more: each NAME=value (and the old ENV NAME value
     * form) is judged as that env entry, whatever builder wrote the row.
     */
    @Test
    void aHistoryEnvRowIsJudgedAsTheImagesEnvEntries() {
        java.util.Random random = new java.util.Random(11);
        String[] names = {"DB_P4SSWORD", "PSSWD", "API_TOKEN", "MYSQL_ROOT_PASSWORD", "DJANGO_SECRET_KEY"};
        String[] prefixes = {"/bin/sh -c #(nop)  ENV ", "/bin/sh -c #(nop) ENV ", "ENV "};
        for (int i = 0; i < 200; i++) {
            String value = "Silver.maple" + (1000 + random.nextInt(9000)) + "?!#".charAt(random.nextInt(3)) + Integer.toString(random.nextInt(1 << 20), 36);
            String name = names[random.nextInt(names.length)];
            String prefix = prefixes[random.nextInt(prefixes.length)];
            for (String row : java.util.List.of(prefix + name + "=" + value, prefix + "TZ=UTC " + name + "=" + value + " LOG_LEVEL=info",
                    prefix + name + " " + value)) {
                JsonNode step = JsonMapper.builder().build().createObjectNode().put("createdBy", row);
                String shown = r.tree(step).get("createdBy").asString();
                assertThat(shown).as(row).doesNotContain(value).contains(name);
                assertThat(r.envEntry(name + "=" + value)).isEqualTo(name + "=" + Redactor.MARK);
            }
        }
        for (String row : java.util.List.of("/bin/sh -c #(nop)  ENV LANG=C.UTF-8", "ENV PATH=/usr/local/bin:/usr/bin TZ=Europe/Paris",
                "/bin/sh -c #(nop)  ENV NODE_VERSION=20.11.1", "/bin/sh -c #(nop)  ENV JAVA_HOME /opt/java/openjdk")) {
            JsonNode step = JsonMapper.builder().build().createObjectNode().put("createdBy", row);
            assertThat(r.tree(step).get("createdBy").asString()).isEqualTo(row);
        }
    }

    /**
     * An identifier under an id's name is random by design and is shown (MONGO_OBJECT_ID, EVENT_KSUID, the swarm ids the
     * engine puts on a task's container); a name that also says secret, a value a provider rule knows, or a value that is
     * not one identifier word still goes.
     */
    @Test
    void identifiersUnderAnIdsNameStayAndSecretsUnderOneGo() {
        java.util.Random random = new java.util.Random(12);
        String alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 200; i++) {
            StringBuilder id = new StringBuilder();
            for (int k = 0; k < 25; k++) {
                id.append(alnum.charAt(random.nextInt(alnum.length())));
            }
            String hex = Long.toHexString(random.nextLong() | 1L << 63) + Long.toHexString(random.nextLong() | 1L << 63);
            for (String entry : java.util.List.of("MONGO_OBJECT_ID=" + hex.substring(0, 24), "EVENT_KSUID=" + id.substring(0, 25) + "Zz",
                    "JOB_NANOID=" + id.substring(0, 19) + "_-", "AWS_XRAY_TRACE_ID=1-" + hex.substring(0, 8) + "-" + hex.substring(8, 32),
                    "STRIPE_PRICE_ID=price_" + id, "runId=" + hex.substring(0, 16))) {
                assertThat(r.envEntry(entry)).isEqualTo(entry);
            }
            assertThat(r.envEntry("UPSTREAM_ID=" + id + "x9")).isEqualTo("UPSTREAM_ID=" + Redactor.MARK); // a random key of no id form still goes
            String swarmId = id.toString().toLowerCase(java.util.Locale.ROOT); // the engine's ids: 25 small letters and digits
            for (String label : java.util.List.of("com.docker.swarm.task.id", "com.docker.swarm.node.id", "com.docker.swarm.task.name")) {
                String value = label.endsWith("name") ? "web.1." + swarmId : swarmId;
                JsonNode labels = JsonMapper.builder().build().createObjectNode().set("labels",
                        JsonMapper.builder().build().createObjectNode().put(label, value));
                assertThat(r.tree(labels).get("labels").get(label).asString()).isEqualTo(value);
            }
            for (String entry : java.util.List.of("SECRET_ID=" + id, "ACCESS_KEY_ID=" + id, "APP_ID=sk_live_" + id, "CLIENT_ID=" + id.substring(0, 8) + "#!x" + id,
                    "SESSION_ID=" + id)) {
                assertThat(r.envEntry(entry)).as(entry).endsWith("=" + Redactor.MARK);
            }
        }
    }

    /** Names that say what a setting of a secret is (its lifetime, its rules, where it applies) and a harmless value stay. */
    @ParameterizedTest
    @ValueSource(strings = {"OAUTH2_PROXY_EMAIL_DOMAINS=*", "OAUTH2_PROXY_COOKIE_EXPIRE=12h", "OAUTH2_PROXY_UPSTREAMS=http://grafana:3000/",
            "GF_AUTH_DISABLE_LOGIN_FORM=true", "PASSWORD_REQUIRE_UPPERCASE=true", "OTP_DIGITS=6", "OTP_PERIOD=30", "SIGNATURE_TOLERANCE_SECONDS=300",
            "JWT_LEEWAY=30s", "TOKEN_CLOCK_SKEW=5m"})
    void settingsAboutASecretWithAHarmlessValueStay(String entry) {
        assertThat(r.envEntry(entry)).isEqualTo(entry);
        String name = entry.substring(0, entry.indexOf('='));
        assertThat(r.envEntry(name + "=Xk9#mPq2vLt")).isEqualTo(name + "=" + Redactor.MARK); // a password's shape under it still goes
    }

    @Test
    void ordinaryVariablesStay() {
        assertThat(r.envEntry("PATH=/usr/bin:/bin")).isEqualTo("PATH=/usr/bin:/bin");
        assertThat(r.envEntry("PLAIN_SETTING=visible-value")).isEqualTo("PLAIN_SETTING=visible-value");
    }

    @Test
    void credentialsInsideUrlsAreRemovedWhereverTheyAppear() {
        assertThat(r.envEntry("DATABASE_URL=postgres://admin:s3cr3t@db:5432/app")).isEqualTo("DATABASE_URL=[REDACTED]"); // configuration: the whole value
        assertThat(r.text("DATABASE_URL=postgres://admin:s3cr3t@db:5432/app")).isEqualTo("DATABASE_URL=postgres://[REDACTED]@db:5432/app");
        assertThat(r.text("connecting to redis://:hunter2@cache:6379 now")).isEqualTo("connecting to redis://[REDACTED]@cache:6379 now");
    }

    @Test
    void secretFlagsAndAssignmentsInCommandsAndLogsAreRemoved() {
        assertThat(r.text("mysqld --password=hunter2 --port=3306")).isEqualTo("mysqld --password=[REDACTED] --port=3306");
        assertThat(r.text("export API_TOKEN=abc123; run")).isEqualTo("export API_TOKEN=[REDACTED]; run");
        assertThat(r.text("Authorization: Bearer abc.def.ghi")).isEqualTo("Authorization: Bearer [REDACTED]");
        assertThat(r.text("key AKIAIOSFODNN7EXAMPLE used")).isEqualTo("key [REDACTED] used");
        assertThat(r.text("ghp_" + "a".repeat(36))).isEqualTo(Redactor.MARK);
        assertThat(r.text("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"))
                .doesNotContain("MIIE").contains("[REDACTED]");
    }

    @Test
    void treesAreRedactedByKeyAndByValueIncludingFlagsFollowedByTheirValue() {
        JsonNode tree = JsonMapper.builder().build().readTree("""
                {"labels":{"app":"web","com.example.db-password":"x1"},
                 "env":["DB_PASSWORD=x2","PLAIN=ok"],
                 "command":["server","--token","x3","--verbose"],
                 "nested":{"url":"https://u:x4@h/"},
                 "count":3}""");
        String out = r.tree(tree).toString();
        assertThat(out).doesNotContain("x1", "x2", "x3", "x4").contains("\"app\":\"web\"", "PLAIN=ok", "--verbose", "\"count\":3");
    }

    @Test
    void auditArgumentsAreRedacted() {
        assertThat(r.arguments(Map.of("label", "password=hunter2", "tail", 5)))
                .containsEntry("label", "password=[REDACTED]").containsEntry("tail", 5);
    }

    @Test
    void longAuditArgumentsAreShortened() {
        assertThat(r.arguments(Map.of("container", "x".repeat(10_000))).get("container").toString())
                .hasSizeLessThan(260).endsWith("...(10000 characters)");
    }

    @Test
    void moreSecretShapesSeenInTheWild() {
        assertThat(r.text("MAPS=AIzaSyPl4ntedGoogleE25xxxxxxxxxxxxxxxxx")).doesNotContain("AIza");
        assertThat(r.text("stripe sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc")).doesNotContain("4eC39");
        assertThat(r.text("npm_" + "a".repeat(36))).isEqualTo(Redactor.MARK);
        assertThat(r.text("post to https://hooks.slack.com/services/T000/B000/XXXX now")).doesNotContain("T000/B000");
        assertThat(r.text("mysql -uroot -pS3cret db")).isEqualTo("mysql -uroot -p[REDACTED] db");
        assertThat(r.text("Cookie: session=abc123; theme=dark")).isEqualTo("Cookie: session=[REDACTED]; theme=dark"); // cookie by cookie: the session goes, a preference stays
        assertThat(r.text("{\"api_key\": \"abc123\", \"user\": \"bob\"}")).doesNotContain("abc123").contains("bob");
        assertThat(r.text("run --api-key abc123 --verbose")).isEqualTo("run --api-key [REDACTED] --verbose");
        assertThat(r.text("login with password 'hunter2'")).doesNotContain("hunter2");
        assertThat(r.text("@postgres://u:p4ss@h")).doesNotContain("p4ss");
        assertThat(r.text("the password is wrong")).isEqualTo("the password is wrong");
        assertThat(r.text("/bin/sh -c app -p s3cr3t --port 80")).isEqualTo("/bin/sh -c app -p [REDACTED] --port 80");
        assertThat(r.text("docker run -p 8080:80 -p 53/udp nginx")).isEqualTo("docker run -p 8080:80 -p 53/udp nginx");
    }

    @Test
    void driverOptionsKeepTheirNamesAndLoseSecretValuesPartByPart() throws Exception {
        JsonNode volume = JsonMapper.builder().build().readTree("{\"options\": {\"type\": \"cifs\", \"device\": \"//nas.local/share\","
                + " \"o\": \"addr=10.0.0.5,username=backup,password=Hunter2Pl4nted!,vers=3.0\", \"password\": \"plain\","
                + " \"com.docker.network.bridge.name\": \"br-app\"}}");
        r.tree(volume);
        JsonNode o = volume.get("options");
        assertThat(o.get("o").asString()).isEqualTo("addr=10.0.0.5,username=backup,password=" + Redactor.MARK + ",vers=3.0");
        assertThat(o.get("type").asString()).isEqualTo("cifs");
        assertThat(o.get("device").asString()).isEqualTo("//nas.local/share");
        assertThat(o.get("password").asString()).isEqualTo(Redactor.MARK);
        assertThat(o.get("com.docker.network.bridge.name").asString()).isEqualTo("br-app");
    }
}
