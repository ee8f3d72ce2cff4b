package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, the fourth and fifth outside tests: a provider's word and a generated body ({@code napi_…}, {@code tgp_v1_…})
 * is a token wherever it stands in a log line. And the fourth: a configuration value of a digest's length in hex (64, 96, 128) is shown under any
 * name as an image id or a digest; glued to a short word by a dot ({@code mlsn.<64 hex>}) it is a provider's token and
 * goes, unless the word names the digest ({@code sha256.<hex>}). (In free text such a token is judged as any random
 * token is: hidden next to a keyword or alone on its line.)
 */
class PrefixedDigestTokensPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final List<String> HARMLESS_NAMES = List.of("UPSTREAM_1", "SVC_OPT", "APP_MODE_X", "FEATURE", "RELAY", "BACKEND_REF");

    @Test
    void aDigestLengthHexAfterAProviderWordIsHiddenWhateverTheWordAndName() {
        Random r = new Random(11);
        for (int i = 0; i < 300; i++) {
            String word = letters(r, 2 + r.nextInt(9));
            String hex = hex(r, List.of(64, 96, 128).get(r.nextInt(3)));
            String value = word + "." + hex;
            String name = HARMLESS_NAMES.get(r.nextInt(HARMLESS_NAMES.size()));
            assertThat(REDACTOR.envEntry(name + "=" + value)).as(value).doesNotContain(hex.substring(20, 40));
        }
    }

    @Test
    void digestsAndIdsStayWhetherBareOrNamedByTheirAlgorithm() {
        Random r = new Random(12);
        for (int i = 0; i < 200; i++) {
            String hex = hex(r, 64);
            for (String value : List.of(hex, "sha256:" + hex, "sha256." + hex, "SHA256." + hex, "blake3." + hex, "/var/cache/app." + hex)) {
                assertThat(REDACTOR.envEntry("IMAGE_REF=" + value)).isEqualTo("IMAGE_REF=" + value);
            }
        }
    }

    @Test
    void aProvidersWordThenAGeneratedBodyIsHiddenInALogLineWithNoKeyword() {
        Random r = new Random(13);
        String alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 400; i++) {
            String body = random(r, alnum.substring(r.nextBoolean() ? 0 : 26), 30 + r.nextInt(40));
            if (body.chars().noneMatch(Character::isDigit) || body.chars().noneMatch(Character::isLetter)) {
                continue;
            }
            String token = letters(r, 2 + r.nextInt(7)) + (r.nextInt(4) == 0 ? "_v" + r.nextInt(10) : "") + (r.nextBoolean() ? "_" : "-") + body;
            String line = List.of("client init ok (", "loaded: ", "using ", "connected with ", "cfg=").get(r.nextInt(5)) + token
                    + List.of(")", "", " ok", " (cached)").get(r.nextInt(4));
            assertThat(REDACTOR.lines(List.of(line)).get(0)).as(line).doesNotContain(body.substring(4, 20));
        }
    }

    @Test
    void namesIdsAndReferencesWithAWordAndADashStayInLogs() {
        Random r = new Random(14);
        for (int i = 0; i < 200; i++) {
            String hex = hex(r, 32);
            for (String line : List.of("pod web-deployment-" + hex.substring(0, 10) + "-x2kqp ready", "req-" + hex + " done in 12 ms",
                    "image sha256-" + hex(r, 64) + " pulled",
                    "Content-Security-Policy: script-src 'self' 'sha256-B2yPHKaXnvFWtRChIbabYmUBFZdVfKKXHbWtWidDVF8='", "container app_web_1 started", "trace_id=" + hex + " span_id=" + hex.substring(0, 16),
                    "build_20241130T100003Z_linux-amd64-gnu-release ok", "GET /assets/app-" + hex.substring(0, 20) + ".js 200",
                    "job ci-build-" + hex.substring(0, 8) + " finished", "volume pvc-" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4abc-9def-" + hex.substring(12, 24) + " bound")) {
                assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
            }
        }
    }

    private static String random(Random r, String alphabet, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String letters(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    private static String hex(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("0123456789abcdef".charAt(r.nextInt(16)));
        }
        return b.toString();
    }
}
