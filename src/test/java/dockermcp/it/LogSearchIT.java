package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * docker_logs' grep on the unix test engine, against `docker logs` of the same container as the oracle (one stream, so
 * that the order of lines is the order written): the same
 * matching lines, their context, the newest kept by tail, counts of what matched and what was scanned; a pattern
 * never matches a secret's value; a tail that leaves lines out says truncated; every request is a GET.
 */
class LogSearchIT {

    static final String NAME = "dms-logsearch";
    static final String SECRET = "Pl4ntedGrepSecret9xQ";
    static final int LINES = 2000;

    @TempDir
    static Path state;
    static McpSession session;
    static List<String> logged;

    @BeforeAll
    static void start() throws Exception {
        RealEngines.docker("rm", "-f", NAME);
        RealEngines.docker("run", "-d", "--network", "none", "--name", NAME, "dms-fixture:1", "sh", "-c",
                "i=1; while [ $i -le " + LINES + " ]; do if [ $((i % 100)) -eq 0 ]; then echo \"ERROR request $i failed\"; "
                        + "else echo \"info request $i ok\"; fi; i=$((i+1)); done; echo \"login password=" + SECRET + " accepted\"; echo done; exec sleep 1000000");
        for (int i = 0; i < 600 && !RealEngines.docker("logs", "--tail", "1", NAME).strip().equals("done"); i++) {
            Thread.sleep(100);
        }
        logged = RealEngines.docker("logs", NAME).lines().toList();
        assertThat(logged).hasSize(LINES + 2);
        session = McpSession.onLocalEngine(state);
    }

    @AfterAll
    static void stop() throws Exception {
        session.close();
        RealEngines.docker("rm", "-f", NAME);
    }

    private static List<String> texts(JsonNode answer) {
        return answer.get("lines").valueStream().map(l -> l.get("text").asString()).toList();
    }

    @Test
    void grepFindsWhatDockerLogsHoldsAndCountsMatchesAndScannedLines() {
        JsonNode j = session.call("docker_logs", "container", NAME, "grep", "^ERROR request \\d+ failed$", "tail", 1000).json();
        List<String> expected = logged.stream().filter(Pattern.compile("^ERROR request \\d+ failed$").asPredicate()).toList();
        assertThat(expected).hasSize(LINES / 100);
        assertThat(texts(j)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(j.get("matched").asLong()).isEqualTo(expected.size());
        assertThat(j.get("scanned").asLong()).isEqualTo(logged.size());
        assertThat(j.get("lines").valueStream().allMatch(l -> l.get("match").asBoolean())).isTrue();
        assertThat(j.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void contextShowsTheLinesAroundAMatchInTheirOrder() {
        JsonNode j = session.call("docker_logs", "container", NAME, "grep", "request 1000 ", "context", 2).json();
        assertThat(texts(j)).containsExactly("info request 998 ok", "info request 999 ok", "ERROR request 1000 failed", "info request 1001 ok", "info request 1002 ok");
        assertThat(j.get("lines").valueStream().map(l -> l.get("match").asBoolean())).containsExactly(false, false, true, false, false);
        assertThat(j.get("lines").valueStream().map(l -> l.get("line").asLong())).containsExactly(998L, 999L, 1000L, 1001L, 1002L);
        assertThat(session.call("docker_logs", "container", NAME, "grep", "request 1000 ", "context", 2).text()).contains("out- info request 999 ok", "out| ERROR request 1000 failed");
    }

    @Test
    void tailKeepsTheNewestMatchesAndSaysOlderOnesWereLeftOut() {
        JsonNode j = session.call("docker_logs", "container", NAME, "grep", "ERROR", "tail", 3).json();
        assertThat(texts(j)).containsExactly("ERROR request 1800 failed", "ERROR request 1900 failed", "ERROR request 2000 failed");
        assertThat(j.get("matched").asLong()).isEqualTo(20);
        assertThat(j.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void aPatternMatchesTheRedactedTextSoASecretCannotBeProbed() {
        for (String probe : List.of(SECRET, "password=P", "password=" + SECRET.substring(0, 5) + ".*", "accepted$")) {
            matchesNothingSecret(probe);
        }
        JsonNode none = session.call("docker_logs", "container", NAME, "grep", "password=P").json();
        assertThat(none.get("matched").asLong()).isZero();
        McpSession.Reply marked = session.call("docker_logs", "container", NAME, "grep", "password=\\[REDACTED\\]");
        assertThat(marked.json().get("matched").asLong()).isEqualTo(1);
        assertThat(marked.everything()).doesNotContain(SECRET);
    }

    private static void matchesNothingSecret(String probe) {
        McpSession.Reply r = session.call("docker_logs", "container", NAME, "grep", probe, "context", 3);
        assertThat(r.isError()).as(probe).isFalse();
        assertThat(r.everything()).as(probe).doesNotContain(SECRET);
    }

    @Test
    void sinceTakesADurationAndABadPatternIsOneSentence() {
        assertThat(session.call("docker_logs", "container", NAME, "grep", "ERROR", "since", "1h").json().get("matched").asLong()).isEqualTo(20);
        assertThat(session.call("docker_logs", "container", NAME, "grep", "ERROR", "since", "15m", "until", "0s").json().get("matched").asLong()).isEqualTo(20);
        McpSession.Reply bad = session.call("docker_logs", "container", NAME, "grep", "(ERROR");
        assertThat(bad.isError()).isTrue();
        assertThat(bad.text()).startsWith("docker_logs: grep '(ERROR' is not a regular expression RE2 accepts").doesNotContain("Exception").hasLineCount(1);
        assertThat(session.call("docker_logs", "container", NAME, "context", 2).text()).contains("needs grep");
    }

    @Test
    void aTailThatCutsTheLogOrAWindowSaysTruncated() {
        List<String> newest = logged.subList(logged.size() - 5, logged.size()).stream().map(l -> l.replace(SECRET, "[REDACTED]")).toList();
        JsonNode tail = session.call("docker_logs", "container", NAME, "tail", 5).json();
        assertThat(texts(tail)).containsExactlyElementsOf(newest);
        assertThat(tail.get("truncated").asBoolean()).isTrue();
        JsonNode window = session.call("docker_logs", "container", NAME, "tail", 5, "until", "0s").json();
        assertThat(texts(window)).containsExactlyElementsOf(newest);
        assertThat(window.get("truncated").asBoolean()).isTrue();
        JsonNode whole = session.call("docker_logs", "container", NAME, "tail", 1000, "since", "1h", "grep", ".").json();
        assertThat(whole.get("truncated").asBoolean()).as("1000 of 2002 matching lines").isTrue();
    }

    @Test
    void aSearchSendsOnlyGetsToTheEngine() throws Exception {
        DaemonLog witness = DaemonLog.from(RealEngines.get("UNIX_LOG"));
        assertThat(session.call("docker_logs", "container", NAME, "grep", "ERROR", "context", 1).isError()).isFalse();
        List<String> requests = witness.requests();
        assertThat(requests).allSatisfy(q -> assertThat(q).matches("GET /(v1\\.\\d+/)?(version|containers/.+)"));
        assertThat(requests).anyMatch(q -> q.contains("/logs?"));
    }
}
