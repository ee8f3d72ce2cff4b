package dockermcp.it.contract;

import dockermcp.it.PackagedJar;
import dockermcp.server.McpServerAssembly;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server behind one transport, with the official Java SDK client connected to it: the same
 * contract runs over each.
 */
abstract class ServedOver implements AutoCloseable {

    static final McpSchema.Implementation CLIENT = new McpSchema.Implementation("contract-suite", "1.0");

    final McpSyncClient client;

    ServedOver(McpSyncClient client) {
        this.client = client;
        client.initialize();
    }

    abstract String transport();

    static String java() {
        return PackagedJar.java();
    }

    /** stdio: the client starts the jar itself, as Claude Desktop does. */
    static final class Stdio extends ServedOver {
        Stdio(Map<String, String> env) {
            super(McpClient.sync(new StdioClientTransport(ServerParameters.builder(java()).args(PackagedJar.command().subList(1, PackagedJar.command().size())).env(env).build(),
                    McpServerAssembly.JSON)).clientInfo(CLIENT).requestTimeout(Duration.ofSeconds(60)).build());
        }

        @Override
        String transport() {
            return "stdio";
        }

        @Override
        public void close() {
            client.closeGracefully();
        }
    }

    /** Streamable HTTP: the jar runs as a service with a bearer token; the client connects with it. */
    static final class Http extends ServedOver {
        private final Process server;

        private Http(McpSyncClient client, Process server) {
            super(client);
            this.server = server;
        }

        static Http start(Map<String, String> env, Path logDir) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            List<String> cmd = new ArrayList<>(PackagedJar.command("--transport", "http"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logDir.resolve("http-server.log").toFile());
            pb.environment().putAll(env);
            pb.environment().put("MCP_PORT", Integer.toString(port));
            pb.environment().put("MCP_AUTH_TOKEN", token);
            Process server = pb.start();
            awaitHealthy(port, server);
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                    .endpoint("/mcp").jsonMapper(McpServerAssembly.JSON)
                    .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                    .build();
            return new Http(McpClient.sync(transport).clientInfo(CLIENT).requestTimeout(Duration.ofSeconds(60)).build(), server);
        }

        private static void awaitHealthy(int port, Process server) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && server.isAlive()) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("the HTTP server did not become healthy (alive: " + server.isAlive() + ")");
        }

        @Override
        String transport() {
            return "http";
        }

        @Override
        public void close() throws InterruptedException {
            client.closeGracefully();
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public abstract void close() throws Exception;
}
