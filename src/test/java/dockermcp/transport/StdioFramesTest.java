package dockermcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.server.Workers;
import dockermcp.config.Settings;
import dockermcp.config.SettingsLoader;
import dockermcp.engine.Engines;
import dockermcp.security.AuditLog;
import dockermcp.tools.ToolRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stdio framing: hostile frames never stop the session, and a cancelled call is abandoned. */
class StdioFramesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private OutputStream toServer;
    private BufferedReader fromServer;
    private StdioTransport server;

    private void start(Map<String, String> env) throws Exception {
        Settings settings = SettingsLoader.load(env);
        PipedOutputStream clientOut = new PipedOutputStream();
        InputStream serverIn = new PipedInputStream(clientOut, 1 << 16);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        OutputStream serverOut = new PipedOutputStream(clientIn);
        ToolRegistry registry = new ToolRegistry(settings, new Engines(settings, "t"), AuditLog.to(null), Workers.pool());
        server = new StdioTransport(serverIn, serverOut, registry, Duration.ofSeconds(30));
        toServer = clientOut;
        fromServer = new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8));
        send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        assertThat(read().at("/result/serverInfo/name").asString()).isEqualTo("docker-mcp-secure");
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void send(String line) throws Exception {
        toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    private JsonNode read() throws Exception {
        return JSON.readTree(fromServer.readLine());
    }

    @Test
    void hostileFramesGetJsonRpcErrorsAndTheSessionGoesOn() throws Exception {
        start(Map.of("HOME", "/nonexistent", "SECURITY_AUDIT_LOG", "false"));
        String[] frames = {"not json", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]",
                "{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"1.0\",\"id\":2,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":42}", "\"just a string\"", "12"};
        for (String f : frames) {
            send(f);
            JsonNode reply = read();
            assertThat(reply.at("/error/code").asInt()).as(f).isIn(-32700, -32600);
            assertThat(reply.at("/error/message").asString()).as(f).doesNotContain("Exception");
        }
        send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"no/such\"}");
        assertThat(read().at("/error/code").asInt()).isEqualTo(-32601);
        send("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\",\"x\":\"" + "a".repeat(StdioTransport.MAX_MESSAGE_BYTES) + "\"}");
        assertThat(read().at("/error/message").asString()).contains("too large");
        send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}");
        assertThat(read().get("id").asInt()).isEqualTo(6);
    }

    /**
     * Answers come from two threads at once (pings from the reading thread, tool calls from the reply thread) while
     * the client writes everything before it reads anything: every request is answered, once. The SDK's own stdio
     * transport could fail an answer under such contention and then stop reading stdin for good.
     */
    @Test
    void everyRequestIsAnsweredWhenAnswersComeFromManyThreadsAndTheClientReadsLate() throws Exception {
        start(Map.of("HOME", "/nonexistent", "SECURITY_AUDIT_LOG", "false"));
        int n = 3000; // the answers fit in the client's pipe, so the writes never wait for the reads below
        for (int i = 0; i < n; i++) {
            send(i % 2 == 0 ? "{\"jsonrpc\":\"2.0\",\"id\":\"b" + i + "\",\"method\":\"ping\"}"
                    : "{\"jsonrpc\":\"2.0\",\"id\":\"b" + i + "\",\"method\":\"tools/call\",\"params\":{\"name\":\"docker_inspect\",\"arguments\":{\"container\":\"../x\"}}}");
        }
        java.util.Set<String> answered = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            JsonNode reply = read();
            assertThat(reply.has("result")).as(reply.toString()).isTrue();
            assertThat(answered.add(reply.get("id").asString())).as("answered once: " + reply.get("id")).isTrue();
        }
        assertThat(answered).hasSize(n);
        send("{\"jsonrpc\":\"2.0\",\"id\":\"after\",\"method\":\"ping\"}");
        assertThat(read().get("id").asString()).isEqualTo("after");
    }

    @Test
    void aCancelledCallIsAbandonedAndItsAnswerNotSent() throws Exception {
        try (ServerSocket silentEngine = new ServerSocket(0)) {
            // the engine never answers; requests would wait 10 minutes (DOCKER_REQUEST_TIMEOUT), so a connection that
            // closes within the test was given up by a cancellation
            start(Map.of("HOME", "/nonexistent", "SECURITY_AUDIT_LOG", "false", "DOCKER_REQUEST_TIMEOUT", "600",
                    "DOCKER_HOST", "tcp://127.0.0.1:" + silentEngine.getLocalPort()));
            send("{\"jsonrpc\":\"2.0\",\"id\":\"slow\",\"method\":\"tools/call\",\"params\":{\"name\":\"docker_list_containers\",\"arguments\":{}}}");
            // two requests reach the engine: the background warm-up's, which nobody cancels, and the call's
            java.util.List<CompletableFuture<Void>> closed = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Socket engineSide = silentEngine.accept();
                InputStream in = engineSide.getInputStream();
                StringBuilder request = new StringBuilder();
                while (!request.toString().contains("\r\n\r\n")) {
                    request.append((char) in.read()); // wait until the request is in flight
                }
                assertThat(request.toString()).startsWith("GET /version");
                closed.add(CompletableFuture.runAsync(() -> {
                    try (engineSide; in) {
                        while (in.read() >= 0) {
                            // nothing more comes; the read ends when the server gives up the connection
                        }
                    } catch (Exception e) {
                        // closed
                    }
                }));
            }
            send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"slow\",\"reason\":\"user\"}}");
            CompletableFuture.anyOf(closed.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(closed.stream().filter(CompletableFuture::isDone).count()).as("the cancelled call's engine request, and only it, was abandoned").isEqualTo(1);
            send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}");
            JsonNode next = read();
            assertThat(next.get("id").asString()).as("no answer for the cancelled call").isEqualTo("7");
        }
    }
}
