package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: a passphrase of plain words, unquoted, under a secret name that starts its line (YAML, a config file, a list item:
 * {@code - CHAVE_API: russet saffron russet russet01}) is the whole rest of the line; every word goes, not the first only.
 * Lines of harmless settings with several words (descriptions, names of secrets, plain values) stay.
 */
class WordPassphrasesPropertyTest {

    private static final Redactor R = new Redactor();
    private static final String[] WORDS = {"russet", "saffron", "osprey", "basalt", "marlin", "zinnia", "ermine", "tundra", "fennel", "garnet",
        "wren", "lichen", "cobalt", "harbor", "willow"};

    @Test
    void everyWordOfAPassphraseUnderASecretNameStartingItsLineGoes() {
        List<String> leaked = new ArrayList<>();
        for (int seed = 0; seed < 500; seed++) {
            Gen g = new Gen(seed);
            List<String> words = new ArrayList<>();
            for (int k = g.between(2, 6); k > 0; k--) {
                words.add(g.pick(WORDS) + (g.percent(30) ? String.valueOf(g.between(1, 99)) : ""));
            }
            String phrase = String.join(" ", words);
            String name = g.pick("", "DB_", "app_", "smtp.") + g.pick("PASSWORD", "password", "passphrase", "SECRET_KEY", "CHAVE_API", "api_key", "SEKRET",
                    "wallet_seed", "PASSWORT");
            String line = g.pick("", "  ", "  - ", "    ") + name + g.pick(": ", "=", " = ") + phrase + g.pick("", "  # rotated monthly", " ");
            List<String> in = List.of("config:", line, "  port: 8080");
            String shown = String.join("\n", R.lines(in));
            for (String w : words) {
                if (w.length() >= 5 && shown.contains(" " + w + " ") || shown.contains(" " + w + "\n") || shown.endsWith(" " + w)) {
                    leaked.add(line + " -> " + shown);
                    break;
                }
            }
        }
        assertThat(leaked).isEmpty();
    }

    @Test
    void settingsOfSeveralPlainWordsUnderHarmlessNamesStay() {
        List<String> changed = new ArrayList<>();
        for (int seed = 0; seed < 300; seed++) {
            Gen g = new Gen(seed);
            String line = g.pick("", "  ", "  - ") + g.pick("description", "secret_name", "title", "password_policy", "token_type", "motd", "comment")
                    + ": " + g.pick("the admin password store", "db creds", "nightly backup of orders", "strict", "Bearer", "welcome to acme", "rotated monthly");
            List<String> in = List.of("config:", line);
            if (!R.lines(in).equals(in)) {
                changed.add(line + " -> " + R.lines(in));
            }
        }
        assertThat(changed).isEmpty();
    }
}
