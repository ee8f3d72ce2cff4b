package dockermcp.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.it.adversarial.JarServer;
import dockermcp.it.adversarial.TestEngines;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3 §6, against a daemon the test stops, kills and freezes (its own instance): a daemon that goes
 * away gives a clear, classified error and is used again as soon as it is back, without restarting the
 * server; a hung daemon costs one request timeout while ping and the other host keep answering, and in
 * dual-source mode the healthy host's results still arrive.
 */
@ExtendWith(PrivateEngine.Resolver.class)
@Timeout(180)
class BrokenDaemonIT {

    static PrivateEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void engine(PrivateEngine privateEngine) {
        engine = privateEngine;
    }

    /**
     * The request timeout the hung host must reach while healthy hosts answer within it: long enough for a healthy
     * daemon on a busy machine (3 s was missed at load average 45), short enough to wait for.
     */
    static final int TIMEOUT_S = 20;

    private JarServer server(Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(engine.local());
        env.put("DOCKER_REQUEST_TIMEOUT", TIMEOUT_S + "s");
        env.put("DOCKER_CONNECT_TIMEOUT", "2s");
        env.putAll(extra);
        return JarServer.started(env, dir, List.of());
    }

    private static JarServer.Reply call(JarServer s, String tool, Map<String, ?> args) throws Exception {
        return s.callAndWait(tool, args, JarServer.HANG_GUARD);
    }

    @Test
    void aDaemonThatDiesOrStopsGivesAClassifiedErrorAndIsUsedAgainWhenItIsBack() throws Exception {
        try (JarServer s = server(Map.of())) {
            long pid = s.pid();
            assertThat(call(s, "docker_inspect", Map.of("container", "web")).isError()).isFalse();

            // the daemon dies while a call is in flight (a stats sample takes a second or two)
            CompletableFuture<JsonNode> inFlight = s.call("docker_stats", Map.of("container", "web"));
            Thread.sleep(300);
            engine.stop(true); // a crash: the socket file stays, nobody listens
            try {
                JarServer.Reply cut = new JarServer.Reply(inFlight.get(JarServer.HANG_GUARD.toSeconds(), TimeUnit.SECONDS));
                System.out.println("BrokenDaemonIT: a call in flight when the daemon died: " + cut.text());
                assertThat(cut.isError()).as(cut.text()).isTrue();
                assertThat(cut.text()).startsWith("Cannot").endsWith(".").doesNotContain("Exception", "\n", "java.");
                JarServer.Reply r = call(s, "docker_inspect", Map.of("container", "web"));
                assertThat(r.isError()).isTrue();
                assertThat(r.text()).startsWith("Cannot reach Docker at unix://" + engine.socket()).contains("connection refused")
                        .contains("systemctl status docker").doesNotContain("Exception", "\n");
                JsonNode status = call(s, "docker_connection_status", Map.of()).structured();
                assertThat(status.at("/hosts/0/reachable").asBoolean(true)).isFalse();
                assertThat(status.at("/hosts/0/error/kind").asString()).isEqualTo("connection_refused");
            } finally {
                engine.start();
            }
            JarServer.Reply back = call(s, "docker_inspect", Map.of("container", "web"));
            assertThat(back.isError()).as(back.text()).isFalse();

            engine.stop(false); // a clean stop: dockerd removes its socket
            try {
                JarServer.Reply r = call(s, "docker_list_containers", Map.of());
                assertThat(r.isError()).isTrue();
                assertThat(r.text()).contains("the socket does not exist").doesNotContain("Exception", "\n");
                assertThat(call(s, "docker_connection_status", Map.of()).structured().at("/hosts/0/error/kind").asString()).isEqualTo("no_socket");
            } finally {
                engine.start();
            }
            assertThat(call(s, "docker_list_containers", Map.of()).isError()).isFalse();
            assertThat(call(s, "docker_logs", Map.of("container", "chatty")).isError()).isFalse();
            assertThat(s.pid()).as("the same server process throughout").isEqualTo(pid);
            assertThat(s.alive()).isTrue();
        }
    }

    /** A request cut off by the daemon dying gets a plain sentence: no library object names or hashes. */
    @Test
    void aCallCutOffByTheDaemonDyingGetsAPlainSentence() throws Exception {
        try (JarServer s = server(Map.of())) {
            assertThat(call(s, "docker_connection_status", Map.of()).isError()).isFalse();
            CompletableFuture<JsonNode> inFlight = s.call("docker_stats", Map.of("container", "web"));
            Thread.sleep(300);
            engine.stop(true);
            try {
                JarServer.Reply cut = new JarServer.Reply(inFlight.get(JarServer.HANG_GUARD.toSeconds(), TimeUnit.SECONDS));
                assertThat(cut.isError()).isTrue();
                assertThat(cut.text()).doesNotContainPattern("@[0-9a-f]{6,}").doesNotContain("oej", "EndPoint", "HttpConnection", "{l=");
            } finally {
                engine.start();
            }
        }
    }

    /**
     * The server contacts the daemon after the handshake (a warm-up on a background thread), but initialize and
     * tools/list never wait for it: with the daemon frozen from before the start and a request timeout far beyond the
     * test's guard, both still answer, and so does ping.
     */
    @Test
    void initializeAndToolsListAnswerWhileTheDaemonIsFrozen() throws Exception {
        engine.pause();
        try {
            Map<String, String> env = new HashMap<>(engine.local());
            env.put("DOCKER_REQUEST_TIMEOUT", "300s"); // a wait for the daemon could not end within the guard
            env.put("LOG_LEVEL", "debug");
            try (JarServer s = JarServer.start(env, dir, List.of())) {
                assertThat(s.initialize().at("/result/protocolVersion").asString()).isNotEmpty();
                JsonNode list = s.request("tools/list", null).get(JarServer.HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
                dockermcp.it.RegisteredTools.assertListed(list.at("/result/tools"));
                assertThat(s.ping(JarServer.HANG_GUARD)).isTrue();
            }
        } finally {
            engine.resume();
        }
    }

    @Test
    void aHungDaemonTimesOutWhilePingAndTheOtherHostKeepAnswering() throws Exception {
        TestEngines shared = TestEngines.shared();
        try (JarServer s = server(shared.remote("TLS_CERT_PATH"))) {
            // negotiate with both hosts first, so the hang hits a real request, not start-up
            JsonNode status = call(s, "docker_connection_status", Map.of()).structured();
            assertThat(status.at("/hosts/0/reachable").asBoolean()).isTrue();
            assertThat(status.at("/hosts/1/reachable").asBoolean()).isTrue();

            engine.pause();
            try {
                long t0 = System.nanoTime();
                CompletableFuture<JsonNode> hung = s.call("docker_inspect", Map.of("container", "web", "host", "local"));
                Thread.sleep(300);
                long p0 = System.nanoTime();
                assertThat(s.ping(JarServer.HANG_GUARD)).as("ping while a call hangs").isTrue();
                long pingMs = (System.nanoTime() - p0) / 1_000_000;
                long r0 = System.nanoTime();
                JarServer.Reply remote = call(s, "docker_list_containers", Map.of("host", "remote"));
                long remoteMs = (System.nanoTime() - r0) / 1_000_000;
                assertThat(remote.isError()).as(remote.text()).isFalse();
                assertThat(remote.structured().get("count").asInt()).isPositive();
                assertThat(hung).as("the call to the hung host is still waiting").isNotDone();

                JarServer.Reply timedOut = new JarServer.Reply(hung.get(JarServer.HANG_GUARD.toSeconds(), TimeUnit.SECONDS));
                long hungMs = (System.nanoTime() - t0) / 1_000_000;
                assertThat(timedOut.isError()).isTrue();
                assertThat(timedOut.text()).contains("did not answer within " + TIMEOUT_S + " s").contains("DOCKER_REQUEST_TIMEOUT").doesNotContain("\n", "Exception");
                assertThat(hungMs).as("ms until the hung call failed: not before the timeout").isGreaterThanOrEqualTo(TIMEOUT_S * 1000L - 500);

                long d0 = System.nanoTime();
                JarServer.Reply dual = call(s, "docker_list_containers", Map.of());
                long dualMs = (System.nanoTime() - d0) / 1_000_000;
                assertThat(dual.isError()).as(dual.text()).isFalse();
                assertThat(dual.structured().get("containers").valueStream().map(c -> c.get("host").asString()).distinct().toList())
                        .containsExactly("remote");
                assertThat(dual.structured().at("/errors/0/host").asString()).isEqualTo("local");
                assertThat(dual.structured().at("/errors/0/error").asString()).contains("did not answer within " + TIMEOUT_S + " s");
                assertThat(dual.text()).contains("host 'local' failed");
                System.out.printf("BrokenDaemonIT: with 'local' frozen: ping %d ms, remote list %d ms, hung call failed after %d ms, dual list %d ms%n",
                        pingMs, remoteMs, hungMs, dualMs);
            } finally {
                engine.resume();
            }
            JarServer.Reply again = call(s, "docker_inspect", Map.of("container", "web", "host", "local"));
            assertThat(again.isError()).as(again.text()).isFalse();
        }
    }
}
