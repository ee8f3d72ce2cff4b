package dockermcp.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.it.adversarial.JarServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3 §6: a container that wrote 1 GiB of logs (about 1 GiB of 4 KB lines, then 32 MiB without a
 * line break, which Docker stores as 16 KiB pieces, so the newest 1000 "lines" are 16 MiB). docker_logs
 * answers within LOGS_MAX_BYTES with truncated=true, and the server, run with -Xmx64m, stays alive and
 * bounded: its heap use (from the GC log) and resident size are measured and printed.
 */
@ExtendWith(PrivateEngine.Resolver.class)
@Timeout(300)
class HugeLogsIT {

    static final long LOG_BYTES = 1L << 30;
    static final int CAP = 65536;
    static PrivateEngine engine;

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeOneGibibyteOfLogs(PrivateEngine privateEngine) throws Exception {
        engine = privateEngine;
        long t0 = System.nanoTime();
        // 4 GiB free for a 1 GiB log: json-file adds its own framing
        Path logFile = engine.containerWithLog("huge-logs", "line=$(printf 'huge-log-line-%03990d' 7); yes \"$line\" | head -c " + (LOG_BYTES - (32L << 20))
                + "; yes \"$line\" | busybox tr -d '\\n' | head -c " + (32L << 20) + "; echo", "END-OF-HUGE-LOG", 4 * LOG_BYTES);
        System.out.printf("HugeLogsIT: the container wrote its log in %d ms; json-file on disk: %d MiB%n",
                (System.nanoTime() - t0) / 1_000_000, Files.size(logFile) >> 20);
        assertThat(Files.size(logFile)).isGreaterThan(LOG_BYTES);
    }

    @AfterAll
    static void removeTheContainer() throws Exception {
        if (engine != null) {
            engine.docker("rm", "-f", "huge-logs");
        }
    }

    @Test
    void docker_logsAnswersWithinTheCapAndTheHeapStaysBounded() throws Exception {
        Path gcLog = dir.resolve("gc.log");
        try (JarServer s = JarServer.started(engine.local(), dir, List.of("-Xmx64m", "-Xlog:gc:file=" + gcLog))) {
            long t0 = System.nanoTime();
            JarServer.Reply newest = s.callAndWait("docker_logs", Map.of("container", "huge-logs", "tail", 1000, "timestamps", true), Duration.ofSeconds(60));
            long firstMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(newest.isError()).as(newest.text()).isFalse();
            JsonNode r = newest.structured();
            assertThat(r.get("truncated").asBoolean()).isTrue();
            assertThat(r.get("bytes").asLong()).isLessThanOrEqualTo(CAP);
            assertThat(newest.text().length()).as("text rendering").isLessThan(2 * CAP);
            assertThat(newest.text()).contains("END-OF-HUGE-LOG");

            // a time window (until) is read without the engine's tail: reading stops at the read cap, bounded, and says so
            JarServer.Reply window = s.callAndWait("docker_logs", Map.of("container", "huge-logs", "tail", 1000, "until", "0s"), Duration.ofSeconds(120));
            assertThat(window.isError()).as(window.text()).isFalse();
            assertThat(window.structured().get("bytes").asLong()).isLessThanOrEqualTo(CAP);
            assertThat(window.structured().get("truncated").asBoolean()).isTrue();
            assertThat(window.structured().get("notice").asString()).contains("narrow since and until");

            // several at once, with every option that makes the daemon send more
            List<CompletableFuture<JsonNode>> many = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                many.add(s.call("docker_logs", Map.of("container", "huge-logs", "tail", 1000, "since", "1d", "timestamps", i % 2 == 0)));
            }
            many.add(s.call("docker_logs", Map.of("container", "huge-logs")));
            long t1 = System.nanoTime();
            for (CompletableFuture<JsonNode> f : many) {
                JarServer.Reply each = new JarServer.Reply(f.get(120, TimeUnit.SECONDS));
                assertThat(each.isError()).as(each.text()).isFalse();
                assertThat(each.structured().get("bytes").asLong()).isLessThanOrEqualTo(CAP);
            }
            long manyMs = (System.nanoTime() - t1) / 1_000_000;
            assertThat(s.ping(JarServer.HANG_GUARD)).isTrue();
            assertThat(s.alive()).isTrue();
            long rss = s.rssKiB();
            long peak = s.peakRssKiB();
            HeapFigures heap = HeapFigures.of(Files.readString(gcLog));
            System.out.printf("HugeLogsIT: first docker_logs (tail 1000 of a 1 GiB log, 16 MiB from the daemon) %d ms; 9 more at once %d ms; "
                    + "-Xmx64m: heap used at most %d MiB before a GC, %d MiB after, %d GCs; RSS now %d MiB, peak %d MiB%n",
                    firstMs, manyMs, heap.maxBeforeMiB, heap.maxAfterMiB, heap.collections, rss >> 10, peak >> 10);
            assertThat(heap.maxAfterMiB).as("live heap after GC, MiB").isLessThan(48);
            assertThat(s.stderr()).doesNotContain("OutOfMemoryError");
        }
    }

    /** Figures from -Xlog:gc lines such as "Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(64M) 2.1ms". */
    record HeapFigures(long maxBeforeMiB, long maxAfterMiB, int collections) {
        static HeapFigures of(String gcLog) {
            Matcher m = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)").matcher(gcLog);
            long before = 0;
            long after = 0;
            int n = 0;
            while (m.find()) {
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                n++;
            }
            return new HeapFigures(before, after, n);
        }
    }
}
