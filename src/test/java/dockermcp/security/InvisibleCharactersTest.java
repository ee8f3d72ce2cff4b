package dockermcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Terminal colour codes, other escape sequences and invisible characters next to or inside a secret do not hide it
 * (found by an outside test: a colour code before a token let whole provider tokens through docker_logs).
 */
class InvisibleCharactersTest {

    private static final Redactor R = new Redactor();
    private static final List<String> TOKENS = List.of(
            "ghp_Zcxn5lVshv0FKXUXE0TgLHp5SsV07g4aoKhS",
            "AKIAQ3EGRZKJ7WLN5XPA",
            "sk_live_4eC39HqLyjWDarjtT1zdp7dcTYooMQauvdEDq54NiTphI7jx",
            "xoxb-2034923049-2304923049234-aSdfGhJkLqWeRtYuIoPzXcVb",
            "hf_JkLmNoPqRsTuVwXyZaBcDeFgHiJkLmNoPq",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
    private static final List<String> WRAPS = List.of(
            "\u001b[1m%s\u001b[0m", "\u001b[32m%s", "\u001b[Kx %s", "\u001b[2m%s\u001b[22m done", "data=\u001b[1m%s",
            "\u001b]0;title\u0007%s", "\u009b31m%s", "%s\u001b[0m", "token: \u001b[36m%s\u001b[39m");

    @Test
    void aTokenBehindOrInsideEscapeSequencesIsRedactedInTextAndLogLines() {
        for (String token : TOKENS) {
            for (String wrap : WRAPS) {
                String line = wrap.formatted(token);
                assertThat(R.text(line)).as(line).doesNotContain(token.substring(0, 12)).doesNotContain(token.substring(token.length() - 12));
                assertThat(R.lines(List.of("before", line, "after")).get(1)).as(line)
                        .doesNotContain(token.substring(0, 12)).doesNotContain(token.substring(token.length() - 12));
            }
        }
    }

    @Test
    void invisibleCharactersInsideATokenDoNotSplitIt() {
        for (String token : TOKENS) {
            for (String invisible : List.of("\u200d", "\u200b", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u0008", "\r")) {
                String split = token.substring(0, 10) + invisible + token.substring(10);
                String out = R.lines(List.of("value " + split)).get(0);
                assertThat(out).as(split).doesNotContain(token.substring(10, Math.min(22, token.length()))).doesNotContain(token.substring(0, 10));
            }
        }
    }

    @Test
    void harmlessColouredTextKeepsItsCharacters() {
        String line = "\u001b[32mINFO\u001b[0m server started on port 8080";
        assertThat(R.text(line)).isEqualTo(line);
        assertThat(R.lines(List.of(line))).containsExactly(line);
    }

    @Test
    void colourCodedKeysAreStillKeys() {
        assertThat(R.text("{\"\u001b[34mpassword\u001b[0m\":\"Walnut-Hydra-77\"}")).doesNotContain("Walnut-Hydra-77");
        assertThat(R.lines(List.of("\u001b[33mpassword\u001b[0m: Walnut-Hydra-77")).get(0)).doesNotContain("Walnut-Hydra-77");
    }
}
