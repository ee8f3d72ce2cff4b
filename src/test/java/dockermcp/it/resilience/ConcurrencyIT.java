package dockermcp.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.it.adversarial.JarServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3 §6: 200 tool calls written at once over one stdio session, every tool mixed in, then all
 * replies read: each of the 200 ids answered exactly once with a proper result, none lost or duplicated.
 */
@ExtendWith(PrivateEngine.Resolver.class)
@Timeout(600) // a guard against a hang only
class ConcurrencyIT {

    @TempDir
    Path dir;

    private static Map<String, String> patientWithDebugLog(Map<String, String> env) {
        Map<String, String> m = new java.util.HashMap<>(env);
        m.put("LOG_LEVEL", "debug");
        // what is tested is that no answer is lost or doubled, not the daemon's speed: 200 requests at once to a
        // daemon on a busy machine took over the default 30 s (seen at load average 45)
        m.put("DOCKER_REQUEST_TIMEOUT", "300s");
        return m;
    }

    @Test
    void twoHundredConcurrentCallsAreAllAnswered(PrivateEngine engine) throws Exception {
        try (JarServer s = JarServer.started(patientWithDebugLog(engine.local()), dir, List.of())) {
            List<Map<String, Object>> calls = List.of(
                    Map.of("name", "docker_list_containers", "arguments", Map.of()),
                    Map.of("name", "docker_inspect", "arguments", Map.of("container", "web")),
                    Map.of("name", "docker_logs", "arguments", Map.of("container", "chatty", "tail", 10)),
                    Map.of("name", "docker_list_images", "arguments", Map.of()),
                    Map.of("name", "docker_image_info", "arguments", Map.of("image", "dms-fixture:1")),
                    Map.of("name", "docker_connection_status", "arguments", Map.of()),
                    Map.of("name", "docker_stats", "arguments", Map.of("container", "chatty")),
                    Map.of("name", "docker_list_containers", "arguments", Map.of("label", "app=web")),
                    Map.of("name", "docker_inspect", "arguments", Map.of("container", "../not-a-name")),
                    Map.of("name", "docker_logs", "arguments", Map.of("container", "no-such-container")));
            List<String> ids = new ArrayList<>();
            List<CompletableFuture<JsonNode>> replies = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                Map<String, Object> c = calls.get(i % calls.size());
                String id = "\"c-" + i + "\"";
                ids.add(id);
                replies.add(s.request(id, "tools/call", JarServer.JSON.valueToTree(c)));
            }
            long writtenMs = (System.nanoTime() - t0) / 1_000_000;
            long[] arrivedMs = new long[200];
            for (int i = 0; i < 200; i++) {
                int k = i;
                replies.get(i).thenRun(() -> arrivedMs[k] = (System.nanoTime() - t0) / 1_000_000);
            }
            int ok = 0;
            int expectedErrors = 0;
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                JsonNode r = replies.get(i).get(120, TimeUnit.SECONDS);
                boolean shouldFail = i % calls.size() >= 8;
                boolean isError = r.at("/result/isError").asBoolean(true);
                if (!r.has("result") || isError != shouldFail) {
                    wrong.add(ids.get(i) + ": " + r.toString().substring(0, Math.min(300, r.toString().length())));
                } else if (shouldFail) {
                    expectedErrors++;
                } else {
                    ok++;
                }
            }
            long allMs = (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(500);
            List<JsonNode> extra = s.unsolicited().stream().filter(m -> m.has("id")).toList();
            System.out.printf("ConcurrencyIT: 200 calls written in %d ms, all answered after %d ms (%d results, %d expected errors); RSS %d MiB, peak %d MiB%n",
                    writtenMs, allMs, ok, expectedErrors, s.rssKiB() >> 10, s.peakRssKiB() >> 10);
            java.util.Map<String, Long> slowest = new java.util.TreeMap<>();
            for (int i = 0; i < 200; i++) {
                slowest.merge((String) calls.get(i % calls.size()).get("name"), arrivedMs[i], Math::max);
            }
            System.out.println("ConcurrencyIT: latest answer per tool (ms after the first write): " + slowest);
            if (!wrong.isEmpty()) {
                System.out.println("ConcurrencyIT: server stderr:\n" + s.stderr().lines().filter(l -> !l.contains("DEBUG")).limit(40).reduce("", (a, b) -> a + b + "\n"));
            }
            assertThat(wrong).as("replies that are missing their result or have the wrong outcome").isEmpty();
            assertThat(ok + expectedErrors).isEqualTo(200);
            assertThat(extra).as("replies with an unknown or repeated id").isEmpty();
            assertThat(s.ping(JarServer.HANG_GUARD)).isTrue();
        }
    }

    /**
     * Slow calls in a burst do not wait for each other: each call runs on the server's own worker pool, not on
     * the SDK's small shared one (20 threads on 2 cores, each with its own queue), so a stats sweep or a hung
     * host never holds up unrelated calls. Shown by order, not by a time limit: from the audit log (end time and
     * duration of every call, measured by the server), stats calls ran at the same time as each other, and quick
     * calls were answered from start to end while a stats call was running.
     */
    @Test
    void slowCallsInABurstDoNotWaitForEachOther(PrivateEngine engine) throws Exception {
        try (JarServer s = JarServer.started(patientWithDebugLog(engine.local()), dir, List.of())) {
            List<CompletableFuture<JsonNode>> replies = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                replies.add(i % 10 == 6 ? s.call("docker_stats", Map.of("container", "chatty")) : s.call("docker_inspect", Map.of("container", "web")));
            }
            for (CompletableFuture<JsonNode> f : replies) {
                assertThat(f.get(120, TimeUnit.SECONDS).at("/result/isError").asBoolean(true)).isFalse();
            }
            List<long[]> stats = new ArrayList<>();
            List<long[]> quick = new ArrayList<>();
            for (String line : java.nio.file.Files.readAllLines(dir.resolve("audit.log"))) {
                JsonNode r = JarServer.JSON.readTree(line);
                java.time.Instant end = java.time.Instant.parse(r.get("time").asString());
                long endMicros = end.getEpochSecond() * 1_000_000 + end.getNano() / 1000;
                long[] span = {endMicros - r.get("durationMs").asLong() * 1000, endMicros};
                (r.get("tool").asString().equals("docker_stats") ? stats : quick).add(span);
            }
            assertThat(stats).hasSize(20);
            assertThat(quick).hasSize(180);
            int mostAtOnce = 0;
            for (long[] a : stats) {
                mostAtOnce = Math.max(mostAtOnce, (int) stats.stream().filter(b -> b[0] <= a[0] && a[0] < b[1]).count());
            }
            assertThat(mostAtOnce).as("stats calls running at the same moment (1 if each waited for the one before)").isGreaterThan(1);
            long answeredDuringStats = quick.stream().filter(q -> stats.stream().anyMatch(st -> st[0] < q[0] && q[1] < st[1])).count();
            assertThat(answeredDuringStats).as("quick calls that began and ended while a stats call ran").isPositive();
        }
    }
}
