package dockermcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Pattern;
import dockermcp.engine.LogLines;
import dockermcp.security.Redactor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docker_logs' grep: what matches, what is shown around it, what is kept, and that matching never sees a secret. */
class LogSearchTest {

    private static LogSearch search(String pattern, int context, int tail, int maxBytes, Redactor redactor, List<String> lines) {
        LogSearch s = new LogSearch(Pattern.compile(pattern), context, context, tail, maxBytes, redactor, false);
        lines.forEach(l -> s.line(new LogLines.Line("stdout", l)));
        s.finish();
        return s;
    }

    private static List<String> numbered(int n) {
        return java.util.stream.IntStream.range(1, n + 1).mapToObj(i -> (i % 100 == 0 ? "ERROR at " : "info at ") + i).toList();
    }

    private static List<String> shown(LogSearch s) {
        return s.kept().stream().map(h -> h.number() + (h.match() ? ":" : "-") + h.line().text()).toList();
    }

    @Test
    void countsMatchesAndScannedLinesAndShowsContextAroundEachMatch() {
        LogSearch s = search("^ERROR", 1, 100, 65536, new Redactor(), numbered(1000));
        assertThat(s.scanned()).isEqualTo(1000);
        assertThat(s.matched()).isEqualTo(10);
        assertThat(shown(s)).startsWith("99-info at 99", "100:ERROR at 100", "101-info at 101", "199-info at 199").hasSize(29); // the last match has no line after it
        assertThat(s.dropped()).isFalse();
    }

    @Test
    void keepsTheNewestMatchesWithTheirContextWithinTheTailAndTheByteCap() {
        LogSearch s = search("ERROR", 2, 3, 65536, new Redactor(), numbered(1000));
        assertThat(s.matched()).isEqualTo(10);
        assertThat(s.kept().stream().filter(LogSearch.Hit::match).map(LogSearch.Hit::number)).containsExactly(800L, 900L, 1000L);
        assertThat(shown(s).get(0)).isEqualTo("798-info at 798");
        assertThat(s.dropped()).isTrue();

        LogSearch capped = search("ERROR", 0, 100, 30, new Redactor(), numbered(1000));
        assertThat(capped.bytes()).isLessThanOrEqualTo(30);
        assertThat(shown(capped)).containsExactly("900:ERROR at 900", "1000:ERROR at 1000");
        assertThat(capped.dropped()).isTrue();
    }

    @Test
    void aPatternRunsOnTheRedactedTextSoItCannotProbeForASecret() {
        List<String> log = List.of("starting", "login password=Tr0ub4dor-x9Qz ok", "done");
        assertThat(search("Tr0ub4dor", 0, 100, 65536, new Redactor(), log).matched()).isZero();
        assertThat(search("password=T", 0, 100, 65536, new Redactor(), log).matched()).isZero();
        LogSearch marked = search("password=\\[REDACTED\\]", 1, 100, 65536, new Redactor(), log);
        assertThat(marked.matched()).isEqualTo(1);
        assertThat(shown(marked)).containsExactly("1-starting", "2:login password=[REDACTED] ok", "3-done");
        // with log-content redaction turned off by the operator the lines shown are the lines searched
        assertThat(search("Tr0ub4dor", 0, 100, 65536, null, log).matched()).isEqualTo(1);
    }

    @Test
    void aSecretOnTheLineAfterItsKeywordIsRedactedWhereverTheBatchesAreCut() {
        for (int at = LogSearch.BATCH - 2; at < LogSearch.BATCH + LogSearch.NEIGHBOURS + 3; at++) {
            List<String> log = new java.util.ArrayList<>(numbered(3 * LogSearch.BATCH));
            log.set(at, "database password:");
            log.set(at + 1, "Tr0ub4dor-x9Qz");
            assertThat(search("Tr0ub4dor", 0, 100, 65536, new Redactor(), log).matched()).as("keyword on line %d", at).isZero();
            LogSearch context = search("password:", 1, 100, 65536, new Redactor(), log);
            assertThat(shown(context)).as("keyword on line %d", at).contains((at + 2) + "-[REDACTED]");
        }
    }

    @Test
    void aTimeStampIsNotPartOfWhatIsSearched() {
        LogSearch s = new LogSearch(Pattern.compile("^ERROR"), 0, 0, 10, 65536, new Redactor(), true);
        s.line(new LogLines.Line("stderr", "2026-11-30T10:00:00.000000000Z ERROR disk full"));
        s.line(new LogLines.Line("stdout", "2026-11-30T10:00:01.000000000Z INFO ERROR later"));
        s.finish();
        assertThat(s.matched()).isEqualTo(1);
        assertThat(s.kept()).singleElement().extracting(h -> h.line().stream()).isEqualTo("stderr");
    }

    @Test
    void aBadPatternIsOneSentenceThatSaysWhatRe2Accepts() {
        assertThatThrownBy(() -> LogsTool.pattern("(unclosed")).isInstanceOf(ToolFailure.class)
                .hasMessageStartingWith("docker_logs: grep '(unclosed' is not a regular expression RE2 accepts (missing closing )");
        assertThatThrownBy(() -> LogsTool.pattern("(?<=a)b")).hasMessageContaining("no look-around");
        assertThatThrownBy(() -> LogsTool.pattern("")).hasMessageContaining("grep is empty");
    }

    @Test
    void nestedCountedRepetitionsThatWouldFillTheHeapAreRefused() throws Exception {
        assertThatThrownBy(() -> LogsTool.pattern("((a{1000}){1000}){1000}")).hasMessageContaining("repeats too much");
        assertThatThrownBy(() -> LogsTool.pattern("(a{100,}){1000}")).hasMessageContaining("repeats too much");
        assertThat(LogsTool.pattern("\\d{4}-\\d{2}-\\d{2}").matcher("on 2026-11-30").find()).isTrue();
        assertThat(LogsTool.pattern("x{1000}")).isNotNull();
    }
}
