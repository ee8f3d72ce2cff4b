package dockermcp.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.it.adversarial.JarServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12 §2: docker_logs with grep on a container with 200 MiB of logs (100-byte lines, then one marked line) answers
 * within LOGS_MAX_BYTES, counts what it matched and scanned, says when it did not search the whole log, and the
 * packaged server run with -Xmx64m keeps a bounded heap (from its GC log): the search is streamed, never held whole.
 */
@ExtendWith(PrivateEngine.Resolver.class)
@Timeout(600)
class HugeLogSearchIT {

    static final long LOG_BYTES = 200L << 20; // lines of 100 bytes: no partial line before the marked one
    static final String NAME = "huge-search";
    static PrivateEngine engine;

    @BeforeAll
    static void write200MebibytesOfLogs(PrivateEngine privateEngine) throws Exception {
        engine = privateEngine;
        Path logFile = engine.containerWithLog(NAME, "line=$(printf 'search-log-line-%083d' 7); yes \"$line\" | head -c " + LOG_BYTES
                + "; echo 'ERROR the one failure, api_key=Pl4ntedHugeSearchKey77x'", "END-OF-SEARCH-LOG", 4 * LOG_BYTES);
        assertThat(Files.size(logFile)).isGreaterThan(LOG_BYTES);
    }

    @AfterAll
    static void removeTheContainer() throws Exception {
        if (engine != null) {
            engine.docker("rm", "-f", NAME);
        }
    }

    @Test
    void grepOnAHugeLogAnswersWithinTheCapAndTheHeapStaysBounded(@TempDir Path dir) throws Exception {
        Path gcLog = dir.resolve("gc.log");
        Map<String, String> env = new HashMap<>(engine.local());
        env.put("DOCKER_REQUEST_TIMEOUT", "300s"); // redaction of every line searched is what takes time on a loaded machine
        try (JarServer s = JarServer.started(env, dir, List.of("-Xmx64m", "-Xlog:gc:file=" + gcLog))) {
            long t0 = System.nanoTime();
            JarServer.Reply newest = s.callAndWait("docker_logs", Map.of("container", NAME, "grep", "^ERROR"), Duration.ofSeconds(300));
            long newestMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(newest.isError()).as(newest.text()).isFalse();
            JsonNode r = newest.structured();
            assertThat(r.get("matched").asLong()).isEqualTo(1);
            assertThat(r.get("scanned").asLong()).isEqualTo(50_000);
            assertThat(r.get("truncated").asBoolean()).isTrue();
            assertThat(r.get("notice").asString()).contains("newest 50000 lines");
            assertThat(newest.text()).contains("ERROR the one failure").doesNotContain("Pl4ntedHugeSearchKey77x");

            // every line matches: the answer keeps the newest that fit in the cap
            long t1 = System.nanoTime();
            JarServer.Reply everything = s.callAndWait("docker_logs", Map.of("container", NAME, "grep", "line", "context", 10, "tail", 1000), Duration.ofSeconds(300));
            long everythingMs = (System.nanoTime() - t1) / 1_000_000;
            assertThat(everything.isError()).as(everything.text()).isFalse();
            assertThat(everything.structured().get("bytes").asLong()).isLessThanOrEqualTo(HugeLogsIT.CAP);
            assertThat(everything.structured().get("matched").asLong()).isEqualTo(49_998);

            // a window is searched from its start, up to the read cap, and says so
            long t2 = System.nanoTime();
            JarServer.Reply window = s.callAndWait("docker_logs", Map.of("container", NAME, "grep", "ERROR", "since", "1d", "until", "0s"), Duration.ofSeconds(300));
            long windowMs = (System.nanoTime() - t2) / 1_000_000;
            assertThat(window.isError()).as(window.text()).isFalse();
            assertThat(window.structured().get("matched").asLong()).as("the one ERROR line is at the end, past the read cap").isZero();
            assertThat(window.structured().get("scanned").asLong()).isGreaterThan(100_000);
            assertThat(window.structured().get("notice").asString()).contains("narrow since and until");

            assertThat(s.alive()).isTrue();
            HugeLogsIT.HeapFigures heap = HugeLogsIT.HeapFigures.of(Files.readString(gcLog));
            System.out.printf("HugeLogSearchIT: grep over the newest 50000 lines of a 200 MiB log %d ms; every line matching, context 10: %d ms; "
                    + "a window read to the 16 MiB cap (%d lines): %d ms; -Xmx64m: heap used at most %d MiB before a GC, %d MiB after, %d GCs; peak RSS %d MiB%n",
                    newestMs, everythingMs, window.structured().get("scanned").asLong(), windowMs, heap.maxBeforeMiB(), heap.maxAfterMiB(), heap.collections(),
                    s.peakRssKiB() >> 10);
            assertThat(heap.maxAfterMiB()).as("live heap after GC, MiB").isLessThan(48);
            assertThat(s.stderr()).doesNotContain("OutOfMemoryError");
        }
    }
}
