package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The redactor against secrets planted in arbitrary text: a secret of a well-known shape, set off from
 * the text around it by any non-word character, never survives; command arrays lose the value after a
 * secret flag; ordinary text passes unchanged; and any input, however hostile, is redacted fast.
 */
class RedactorPropertyTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One place to build the redactor, so a change of its constructor touches one line here. */
    static Redactor redactor() {
        return new Redactor();
    }

    /** A secret in its shape, and the part of it that must not survive. */
    record Planted(String text, String core) {
        @Override
        public String toString() {
            return text;
        }
    }

    static String alnum(Gen g, int min, int max) {
        return g.string(Gen.ALNUM, min, max);
    }

    static Planted shape(String core, UnaryOperator<String> render) {
        return new Planted(render.apply(core), core);
    }

    static final List<String> SECRET_NAMES = List.of("password", "PASSWORD", "db_password", "DB_PASSWORD", "passwd", "api_key", "apiKey",
            "API-KEY", "secret", "client_secret", "token", "auth_token", "access_token", "access_key", "aws_secret_access_key", "private_key",
            "credential");
    static final List<String> ASSIGNMENTS = List.of("=", ": ", ":", " = ", "=\"", "='");

    /** The well-known shapes of secrets, each planting a random core. */
    static final List<Function<Gen, Planted>> SHAPES = List.of(
            g -> shape(upper16(g), c -> "AKIA" + c),
            g -> shape(upper16(g), c -> "ASIA" + c),
            g -> shape(alnum(g, 36, 36), c -> "ghp_" + c),
            g -> shape(alnum(g, 36, 36), c -> "gho_" + c),
            g -> shape(alnum(g, 82, 82), c -> "github_pat_" + c.substring(0, 22) + "_" + c.substring(22)),
            g -> shape(alnum(g, 20, 30), c -> "glpat-" + c),
            g -> shape(alnum(g, 24, 32), c -> "xoxb-123456789012-" + c),
            g -> shape(alnum(g, 24, 32), c -> "xoxp-" + c),
            g -> shape(alnum(g, 20, 48), c -> "sk-" + c),
            g -> shape(b64(g), c -> "eyJhbGciOiJIUzI1NiJ9.eyJ" + c + ".sig" + c.substring(0, 10)),
            g -> shape(b64(g), c -> "-----BEGIN PRIVATE KEY-----\nMIIE" + c + "\n" + c + "==\n-----END PRIVATE KEY-----"),
            g -> shape(b64(g), c -> "-----BEGIN RSA PRIVATE KEY-----\r\nMIIE" + c + "\r\n-----END RSA PRIVATE KEY-----"),
            g -> shape(b64(g), c -> "-----BEGIN OPENSSH PRIVATE KEY-----\n" + c + "\n-----END OPENSSH PRIVATE KEY-----"),
            g -> shape(b64(g), c -> "Authorization: Bearer " + c),
            g -> shape(b64(g), c -> "authorization: bearer " + c),
            g -> shape(b64(g), c -> "Authorization: Basic " + Base64.getEncoder().encodeToString(("admin:" + c).getBytes())),
            g -> shape(b64(g), c -> "Authorization: token " + c),
            g -> shape(b64(g), c -> "postgres://admin:" + c + "@db.internal:5432/app"),
            g -> shape(b64(g), c -> "https://user:" + c + "@example.com/x"),
            g -> shape(b64(g), c -> "redis://:" + c + "@cache:6379/0"),
            g -> {
                String name = g.pick(SECRET_NAMES);
                String assign = g.pick(ASSIGNMENTS);
                String close = assign.endsWith("\"") ? "\"" : assign.endsWith("'") ? "'" : "";
                return shape(b64(g), c -> name + assign + c + close);
            },
            g -> shape(b64(g), c -> "--password=" + c),
            g -> shape(b64(g), c -> "--token=" + c));

    static String upper16(Gen g) {
        return g.string(Gen.UPPER + Gen.DIGITS, 16, 16);
    }

    static String b64(Gen g) {
        return alnum(g, 20, 60);
    }

    static Planted secret(Gen g) {
        return g.pick(SHAPES).apply(g);
    }

    static final List<String> SURROUNDINGS = List.of("", "log line: ", "{\"msg\":\"", "2025-01-02T15:04:05Z INFO ", "password", "=", "://", "@");

    static String surrounding(Gen g) {
        return switch (g.between(0, 2)) {
            case 0 -> g.anyString(0, 200);
            case 1 -> g.ascii(0, 200);
            default -> g.pick(SURROUNDINGS);
        };
    }

    /** Non-word characters that set a secret off from its neighbours (a secret glued to a word is another word). */
    static final List<String> SEPARATORS = List.of(" ", "\n", "\t", "\r\n", " (", ") ", "[", "]", "<", ">", "\"", "'", ",", ";", "|", " | ",
            "\u00a0", "\u2028");

    @Test
    void aPlantedSecretNeverSurvivesInArbitraryText(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < 3000; i++) {
            Gen g = tries.gen(i);
            String before = surrounding(g);
            String s1 = g.pick(SEPARATORS);
            Planted secret = secret(g);
            String s2 = g.pick(SEPARATORS);
            String after = surrounding(g);
            String input = before + s1 + secret.text() + s2 + after;
            tries.check(i, input, () -> {
                String out = redactor().text(input);
                if (!(before + after).contains(secret.core())) {
                    assertThat(out).as("redacted").doesNotContain(secret.core());
                }
            });
        }
    }

    /** A text whose first character is '@' (a mention, a decorator) still loses the passwords in its URLs. */
    @Test
    void urlCredentialsAfterALeadingAt() {
        assertThat(redactor().text("@ postgres://admin:Hx7pw@db.internal:5432/app")).doesNotContain("Hx7pw");
    }

    @Test
    void aSecretAloneIsRedacted(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < 1000; i++) {
            Planted secret = secret(tries.gen(i));
            tries.check(i, secret.text(), () -> assertThat(redactor().text(secret.text())).doesNotContain(secret.core()).contains(Redactor.MARK));
        }
    }

    static final List<String> NAME_PARTS = List.of("PASSWORD", "PASSWD", "PASS", "SECRET", "TOKEN", "KEY", "API_KEY", "ACCESS_KEY",
            "PRIVATE_KEY", "CREDENTIALS", "AUTH", "PASSPHRASE", "Password", "token", "ConnectionString");

    static String secretName(Gen g) {
        return g.string(Gen.UPPER + "_", 0, 8) + g.pick(NAME_PARTS) + g.string(Gen.UPPER + "_", 0, 8);
    }

    @Test
    void envValuesUnderSecretNamesAreRedactedAndTheNamesStay(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < 2000; i++) {
            Gen g = tries.gen(i);
            String name = secretName(g);
            String value = surrounding(g);
            tries.check(i, List.of(name, value), () -> {
                String core = "Zq9" + Integer.toHexString(value.hashCode()) + "Xw";
                ArrayNode env = JSON.createArrayNode().add(name + "=" + value + core + value).add("PLAIN_SETTING=visible-value");
                JsonNode out = redactor().tree(JSON.createObjectNode().set("env", env));
                String first = out.at("/env/0").asString();
                assertThat(first).startsWith(name + "=").doesNotContain(core);
                assertThat(out.at("/env/1").asString()).isEqualTo("PLAIN_SETTING=visible-value");
            });
        }
    }

    static final List<String> SECRET_FLAGS = List.of("--password", "--token", "--api-key", "--secret", "--client-secret", "--auth", "-p", "--pass",
            "--private-key");

    /** The element after a secret flag, "-p" (the short password flag of mysql and many CLIs) included, is redacted. */
    @Test
    void theValueAfterASecretFlagInACommandIsRedacted(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < 500; i++) {
            Gen g = tries.gen(i);
            String flag = g.pick(SECRET_FLAGS);
            String other = surrounding(g);
            tries.check(i, List.of(flag, other), () -> {
                String core = "Cq7" + Integer.toHexString(other.hashCode() ^ flag.hashCode()) + "Vv";
                ArrayNode cmd = JSON.createArrayNode().add("app").add("--verbose").add(flag).add(core).add("--port").add("8080");
                JsonNode out = redactor().tree(JSON.createObjectNode().set("command", cmd));
                assertThat(out.toString()).doesNotContain(core).contains(flag, "--port", "8080");
            });
        }
    }

    @Test
    void shortPasswordFlag() {
        ArrayNode cmd = JSON.createArrayNode().add("mysql").add("-u").add("root").add("-p").add("Cq7shortflagVv");
        assertThat(redactor().tree(JSON.createObjectNode().set("command", cmd)).toString()).doesNotContain("Cq7shortflagVv");
    }

    @Test
    void ordinaryTextPassesUnchanged(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < 1000; i++) {
            String text = tries.gen(i).string(Gen.LOWER + " .,\n", 0, 400);
            tries.check(i, text, () -> assertThat(redactor().text(text)).isEqualTo(text));
        }
    }

    @Test
    void redactionIsIdempotent(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < 1000; i++) {
            Gen g = tries.gen(i);
            String input = surrounding(g) + " " + secret(g).text() + " " + surrounding(g);
            tries.check(i, input, () -> {
                String once = redactor().text(input);
                assertThat(redactor().text(once)).isEqualTo(once);
            });
        }
    }

    static final List<String> HOSTILE_UNITS = List.of("password=", "password: ", "a://", "a://b:", ":@", "@", "-----BEGIN PRIVATE KEY-----", "eyJ",
            "eyJa.", "Authorization: ", "Bearer ", "AKIA", "gh", "ghp_", "xox", "sk-", "--password", "=", ":", "'", "\"", "\n", "x", "-", ".", "_",
            "//", "token", "secret", "key=", "PRIVATE KEY-----", "\\", "%");

    /** Mostly a few near-miss fragments repeated to tens of thousands of characters; sometimes a long arbitrary string. */
    static String hostile(Gen g) {
        if (g.weighted(4, 1) == 1) {
            return g.anyString(10_000, 100_000);
        }
        String unit = String.join("", g.list(1, 4, () -> g.pick(HOSTILE_UNITS)));
        int n = g.between(1000, 30_000);
        return unit.repeat(Math.max(1, n / unit.length()) + 1);
    }

    /** Hostile inputs complete without an error (a backtracking regex overflows the stack here); linear cost is LinearCostTest's, counted, not timed. */
    @Test
    void redactionOfAnyHostileInputCompletes(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < 150; i++) {
            String input = hostile(tries.gen(i));
            tries.check(i, input, () -> {
                String out = redactor().text(input);
                redactor().envEntry("PASSWORD=" + input);
                redactor().tree(JSON.createArrayNode().add("--password").add(input).add(input));
                assertThat(out).as("redacted text of %d characters", input.length()).isNotNull();
            });
        }
    }
}
