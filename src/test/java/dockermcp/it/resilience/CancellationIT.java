package dockermcp.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.it.adversarial.JarServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3 §6: a client cancels a slow call with notifications/cancelled. The call is slow because the
 * daemon is frozen (SIGSTOP) and the request timeout is long (300 s). Observables, from outside the server:
 * the server's threads blocked in a request to the engine (jstack), its open sockets to the daemon
 * (/proc/PID/fd), and when the call's audit record is written. After the cancel, all three must show the
 * request abandoned while the test waits (at most a minute, a guard only), which only the cancel can do.
 */
@ExtendWith(PrivateEngine.Resolver.class)
@Timeout(300)
class CancellationIT {

    static PrivateEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void engine(PrivateEngine privateEngine) {
        engine = privateEngine;
    }

    @Test
    void aCancelledCallAbandonsItsRequestToTheDaemon() throws Exception {
        Path auditFile = dir.resolve("audit.log");
        Map<String, String> env = new HashMap<>(engine.local());
        env.put("DOCKER_REQUEST_TIMEOUT", "300s"); // far beyond the test's wait: only the cancel can end the call in time
        env.put("SECURITY_AUDIT_LOG_FILE", auditFile.toString());
        env.put("LOG_LEVEL", "debug");
        try (JarServer s = JarServer.started(env, dir, List.of())) {
            assertThat(s.callAndWait("docker_connection_status", Map.of(), Duration.ofSeconds(30)).isError()).isFalse();
            // the warm-up after the handshake is over before the freeze: the only request left waiting is the call's
            s.awaitWarmUp();
            int socketsIdle = sockets(s.pid());
            engine.pause();
            long t0 = 0;
            String report;
            try {
                String id = "\"slow-stats\"";
                CompletableFuture<JsonNode> reply = s.request(id, "tools/call",
                        JarServer.JSON.readTree("{\"name\":\"docker_stats\",\"arguments\":{\"container\":\"web\"}}"));
                int blockedBefore = 0;
                for (long guard = System.nanoTime() + JarServer.HANG_GUARD.toNanos(); blockedBefore == 0 && System.nanoTime() < guard; ) {
                    Thread.sleep(100); // until the call is waiting on the frozen daemon
                    blockedBefore = threadsInEngineRequests(s.pid());
                }
                int socketsBefore = sockets(s.pid());
                assertThat(blockedBefore).as("threads waiting on the frozen daemon before the cancel").isPositive();
                long auditLinesBefore = auditLines(auditFile, "docker_stats");

                t0 = System.nanoTime();
                s.sendLine("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"slow-stats\",\"reason\":\"user pressed stop\"}}");
                int blockedAfter = blockedBefore;
                int socketsAfter = socketsBefore;
                long audited = auditLinesBefore;
                for (long guard = System.nanoTime() + JarServer.HANG_GUARD.toNanos();
                        (blockedAfter > 0 || audited == auditLinesBefore) && System.nanoTime() < guard; ) {
                    Thread.sleep(100);
                    blockedAfter = threadsInEngineRequests(s.pid());
                    socketsAfter = sockets(s.pid());
                    audited = auditLines(auditFile, "docker_stats");
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                report = String.format("threads in engine requests %d -> %d, sockets to the daemon %d (idle) / %d -> %d, audit record %s, %d ms after the cancel; "
                        + "reply sent for the cancelled id: %s", blockedBefore, blockedAfter, socketsIdle, socketsBefore, socketsAfter,
                        audited > auditLinesBefore ? "written" : "not written", ms, reply.isDone() ? CancelText.of(reply) : "none");
                System.out.println("CancellationIT: " + report);
                assertThat(blockedAfter).as("threads still waiting on the daemon after the cancel: " + report).isZero();
                assertThat(socketsAfter).as("the abandoned request's connection is closed: " + report).isLessThan(socketsBefore);
                assertThat(audited).as("the cancelled call is audited when it is abandoned: " + report).isGreaterThan(auditLinesBefore);
            } finally {
                engine.resume();
            }
            assertThat(s.ping(JarServer.HANG_GUARD)).isTrue();
            assertThat(s.callAndWait("docker_inspect", Map.of("container", "web"), Duration.ofSeconds(30)).isError()).isFalse();
        }
    }

    /** Sockets the process holds (its only sockets are connections to the daemon: stdio are pipes). */
    static int sockets(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return (int) fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }

    /** Threads of the server whose stack is inside a request to an engine. */
    static int threadsInEngineRequests(long pid) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(), Long.toString(pid))
                .redirectErrorStream(true).start();
        String dump = new String(p.getInputStream().readAllBytes());
        p.waitFor(20, TimeUnit.SECONDS);
        int n = 0;
        for (String thread : dump.split("\n\n")) {
            if (thread.contains("dockermcp.engine.EngineHttp.get") || thread.contains("dockermcp.engine.EngineHttp.stream")) {
                n++;
            }
        }
        return n;
    }

    static long auditLines(Path file, String tool) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.contains("\"" + tool + "\"")).count();
        }
    }

    private static final class CancelText {
        static String of(CompletableFuture<JsonNode> reply) {
            JsonNode r = reply.getNow(null);
            return r == null ? "none" : r.toString().length() > 200 ? r.toString().substring(0, 200) : r.toString();
        }
    }
}
