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
