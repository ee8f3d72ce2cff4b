package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.it.adversarial.TestEngines;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker_logs with a time window answers what `docker logs` answers for the same window on the same engine,
 * however old the window: the engine applies tail before until, so the tool must not send tail with until.
 * The container logs three bursts two seconds apart, A (300 lines), B (300) and C (3000), so each burst is a
 * window older than the newest lines.
 */
class LogWindowIT {

    static final String NAME = "log-window";
    static final String SCRIPT = "for p in A:300 B:300 C:3000; do i=0; while [ $i -lt ${p#*:} ]; do echo ${p%:*}-$i; i=$((i+1)); done; sleep 2; done; "
            + "echo done; exec sleep 1000000";

    @TempDir
    static Path state;
    static TestEngines engines;
    /** Unix times (with nanoseconds) inside the pauses: after A, after B. */
    static String afterA;
    static String afterB;

    @BeforeAll
    static void aContainerThatHasLoggedALot() throws Exception {
        engines = TestEngines.shared();
        engines.docker("rm", "-f", NAME);
        engines.docker("run", "-d", "--network", "none", "--name", NAME, "dms-fixture:1", "sh", "-c", SCRIPT);
        for (int i = 0; i < 600 && !engines.docker("logs", "--tail", "1", NAME).strip().equals("done"); i++) {
            Thread.sleep(100);
        }
        List<String> stamped = engines.docker("logs", "--timestamps", NAME).lines().toList();
        afterA = oneSecondAfter(stamped, "A-299");
        afterB = oneSecondAfter(stamped, "B-299");
    }

    @AfterAll
    static void remove() throws Exception {
        engines.docker("rm", "-f", NAME);
    }

    /** The time one second after the line {@code text} was logged, in the middle of the two-second pause that follows it. */
    private static String oneSecondAfter(List<String> stamped, String text) {
        String line = stamped.stream().filter(l -> l.endsWith(" " + text)).findFirst().orElseThrow();
        Instant t = Instant.parse(line.substring(0, line.indexOf(' '))).plusSeconds(1);
        return new BigDecimal(t.getEpochSecond()).add(new BigDecimal(t.getNano()).movePointLeft(9)).toPlainString();
    }

    private static List<String> tool(McpSession s, Object... args) {
        Object[] all = new Object[args.length + 2];
        all[0] = "container";
        all[1] = NAME;
        System.arraycopy(args, 0, all, 2, args.length);
        McpSession.Reply r = s.call("docker_logs", all);
        assertThat(r.isError()).as(r.text()).isFalse();
        return r.json().get("lines").valueStream().map(l -> l.get("text").asString()).toList();
    }

    private static List<String> cli(String... options) throws Exception {
        String[] cmd = new String[options.length + 2];
        cmd[0] = "logs";
        System.arraycopy(options, 0, cmd, 1, options.length);
        cmd[cmd.length - 1] = NAME;
        return engines.docker(cmd).lines().toList();
    }

    private static List<String> last(int n, List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }

    @Test
    void aWindowAtTheStartOfALongLogGivesItsLastLines() throws Exception {
        try (McpSession s = McpSession.onLocalEngine(state)) {
            List<String> got = tool(s, "until", afterA);
            assertThat(got).hasSize(100).startsWith("A-200").endsWith("A-299");
            assertThat(got).isEqualTo(last(100, cli("--until", afterA)));
            assertThat(tool(s, "until", afterA, "tail", 1000)).hasSize(300).isEqualTo(cli("--until", afterA));
        }
    }

    @Test
    void aWindowInTheMiddleGivesItsLastLines() throws Exception {
        try (McpSession s = McpSession.onLocalEngine(state)) {
            List<String> got = tool(s, "since", afterA, "until", afterB, "tail", 50);
            assertThat(got).hasSize(50).startsWith("B-250").endsWith("B-299");
            assertThat(got).isEqualTo(last(50, cli("--since", afterA, "--until", afterB)));
        }
    }

    @Test
    void aWindowOpenAtTheEndGivesTheNewestLinesAsTheCliDoes() throws Exception {
        try (McpSession s = McpSession.onLocalEngine(state)) {
            List<String> got = tool(s, "since", afterB, "tail", 100);
            assertThat(got).hasSize(100).startsWith("C-2901").endsWith("done");
            assertThat(got).isEqualTo(cli("--since", afterB, "--tail", "100"));
        }
    }
}
