package dockermcp.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass keyword set answers exactly as a case-insensitive search of the text would. */
class KeywordsTest {

    private static final String[] WORDS = {"key", "keyword", "secret", "seed words", "pass", "passphrase", "a", "-- x"};

    @Test
    void itAnswersAsASearchWouldForWordsInAndOutOfTheSet() {
        Keywords set = Keywords.of(WORDS);
        Random random = new Random(7);
        String alphabet = "keyworsdpahKEYWORSDPAH -x\né";
        for (int round = 0; round < 2000; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            Keywords.Found found = set.in(text.toCharArray());
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            for (String w : new String[] {"key", "keyword", "secret", "seed words", "pass", "passphrase", "a", "-- x", "word", "sp", "kéy"}) {
                assertThat(found.has(w)).as("'%s' in '%s'", w, text).isEqualTo(lower.contains(w));
            }
        }
    }

    @Test
    void aWordFollowingAnotherThatSharesItsStartIsFound() {
        Keywords.Found found = Keywords.of(WORDS).in("KeYwOrD and PASSphrase".toCharArray());
        assertThat(found.has("key")).isTrue();
        assertThat(found.has("keyword")).isTrue();
        assertThat(found.has("pass")).isTrue();
        assertThat(found.has("passphrase")).isTrue();
        assertThat(found.has("secret")).isFalse();
    }

    @Test
    void onlyLowerCaseAsciiWordsMakeASet() {
        assertThatThrownBy(() -> Keywords.of("Key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keywords.of("clé")).isInstanceOf(IllegalArgumentException.class);
    }
}
