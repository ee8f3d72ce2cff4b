package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, the fourth outside test: a configuration value of a digest's length in hex (64, 96, 128) is shown under any
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
