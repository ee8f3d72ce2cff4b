package dockermcp.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provider rule set: its size, that every rule is well formed, and that each one fires on tokens of its own shape. */
class ProviderRulesTest {

    private final List<ProviderRules.Rule> rules = ProviderRules.builtIn().rules();
    private final SecretDetector detector = new SecretDetector(List.of());

    @Test
    void thereAreAtLeast150ProviderRulesWithUniqueIdsAndKeywords() {
        assertThat(rules).hasSizeGreaterThanOrEqualTo(150);
        Set<String> ids = new HashSet<>();
        rules.forEach(r -> {
            assertThat(ids.add(r.id())).as("duplicate id " + r.id()).isTrue();
            assertThat(r.keywords()).as(r.id()).isNotEmpty().allSatisfy(k -> assertThat(k).isEqualTo(k.toLowerCase()).isNotBlank());
        });
    }

    /** Bounded repetition only: an open-ended * or + could make a rule's cost grow with the text, not with the token. */
    @Test
    void noRuleRepeatsWithoutBound() {
        rules.forEach(r -> {
            String p = r.pattern().pattern().replaceAll("\\\\.", "").replace("}+", "}");
            assertThat(p).as(r.id()).doesNotContain("*", "+}").doesNotContainPattern("[^\\[]\\+(?![^\\[]*\\])").doesNotContainPattern(",\\}");
        });
    }

    /** Every rule, fed random tokens made from its own pattern and set in a sentence, hides the secret part of each. */
    @Test
    void everyRuleFiresOnTokensOfItsOwnShape() {
        Random random = new Random(7);
        for (ProviderRules.Rule rule : rules) {
            int fired = 0;
            for (int attempt = 0; attempt < 40 && fired < 3; attempt++) {
                RegexSamples.Sample s = RegexSamples.of(rule.pattern().pattern(), random);
                if (!rule.pattern().matcher(s.text()).lookingAt()) {
                    continue; // a look-ahead the sample missed (a required digit): try another
                }
                String prefix = "deploy step 3: ";
                String text = prefix + s.text() + " (done)";
                int[] spans = detector.find(text).merged();
                int from = prefix.length() + s.secretStart();
                int to = prefix.length() + s.secretEnd();
                assertThat(covered(spans, from, to)).as(rule.id() + " on " + text + " must hide " + s.secret()).isTrue();
                fired++;
            }
            assertThat(fired).as(rule.id() + ": no sample matched its own pattern").isPositive();
        }
    }

    /**
     * Two tokens of one rule on one line, as an image's command holds many arguments: each is hidden. A rule that may
     * start before its keyword (a Go DSN's user:password before @unix) once took the earlier token as the answer for
     * the later keyword and let the later token out (SecretCorpusIT's committed image, docker_image_info).
     */
    @Test
    void everyRuleHidesEachOfTwoTokensOfItsShapeOnOneLine() {
        Random random = new Random(11);
        for (ProviderRules.Rule rule : rules) {
            int fired = 0;
            for (int attempt = 0; attempt < 80 && fired < 3; attempt++) {
                RegexSamples.Sample a = RegexSamples.of(rule.pattern().pattern(), random);
                RegexSamples.Sample b = RegexSamples.of(rule.pattern().pattern(), random);
                if (!rule.pattern().matcher(a.text()).lookingAt() || !rule.pattern().matcher(b.text()).lookingAt()) {
                    continue;
                }
                String prefix = "run --source ";
                String middle = " --source ";
                String text = prefix + a.text() + middle + b.text() + " --ready";
                int[] spans = detector.find(text).merged();
                int bAt = prefix.length() + a.text().length() + middle.length();
                assertThat(covered(spans, prefix.length() + a.secretStart(), prefix.length() + a.secretEnd())).as(rule.id() + " first in " + text).isTrue();
                assertThat(covered(spans, bAt + b.secretStart(), bAt + b.secretEnd())).as(rule.id() + " second in " + text).isTrue();
                fired++;
            }
            assertThat(fired).as(rule.id() + ": no pair of samples matched its own pattern").isPositive();
        }
    }

    private static boolean covered(int[] spans, int from, int to) {
        for (int k = 0; k < spans.length; k += 2) {
            if (spans[k] <= from && spans[k + 1] >= to) {
                return true;
            }
        }
        return false;
    }
}
