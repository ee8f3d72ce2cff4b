package dockermcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Filters match what the caller is shown: a guess at a redacted part matches nothing, harmless text filters as Docker does. */
class ShownTest {

    private static final String TOKEN = "ghp_wuR3kT9xQ2mZ7vB4nL8pY6cJ1hF5dS0aE3gK";
    private static final Redactor REDACTOR = new Redactor();

    @Test
    void noPrefixOfANameWithATokenTellsARightGuessFromAWrongOne() {
        String raw = "a2-" + TOKEN;
        String shown = Shown.name(REDACTOR, raw);
        assertThat(shown).doesNotContain("ghp_").contains(Redactor.MARK);
        for (int i = 4; i <= raw.length(); i++) {
            String right = raw.substring(0, i);
            String wrong = right.substring(0, i - 1) + (right.charAt(i - 1) == 'x' ? 'y' : 'x');
            assertThat(Shown.nameMatches(shown, right)).as(right).isEqualTo(Shown.nameMatches(shown, wrong)).isFalse();
            assertThat(Shown.nameMatches(shown, TOKEN.substring(0, Math.min(i, TOKEN.length())))).isFalse();
        }
        assertThat(Shown.nameMatches(shown, Redactor.MARK)).as("the marker matches literally, as it is shown").isTrue();
    }

    @Test
    void harmlessNamesFilterAsDockerDoes() {
        String shown = Shown.name(REDACTOR, "shop-web-1");
        assertThat(shown).isEqualTo("shop-web-1");
        assertThat(Shown.nameMatches(shown, "web")).isTrue();
        assertThat(Shown.nameMatches(shown, "/shop")).as("a leading slash anchors at the start, as the engine's /name does").isTrue();
        assertThat(Shown.nameMatches(shown, "/web")).isFalse();
        assertThat(Shown.nameMatches(shown, "db")).isFalse();
    }

    @Test
    void aSecretLabelValueMatchesOnlyItsShownForm() {
        JsonNode labels = Shown.labels(REDACTOR, JsonMapper.builder().build().readTree("{\"db.password\":\"4711\",\"team\":\"shop\"}"));
        assertThat(Shown.labelMatches(labels, "db.password=4711")).as("the right value").isFalse();
        assertThat(Shown.labelMatches(labels, "db.password=0000")).as("a wrong value").isFalse();
        assertThat(Shown.labelMatches(labels, "db.password")).as("the key is shown").isTrue();
        assertThat(Shown.labelMatches(labels, "db.password=" + Redactor.MARK)).isTrue();
        assertThat(Shown.labelMatches(labels, "team=shop")).isTrue();
        assertThat(Shown.labelMatches(labels, "team=sho")).as("a value matches exactly").isFalse();
        assertThat(Shown.labelMatches(labels, "team")).isTrue();
        assertThat(Shown.labelMatches(labels, "owner")).isFalse();
    }
}
