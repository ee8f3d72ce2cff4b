package dockermcp.transport.http;

import dockermcp.server.Core;
import dockermcp.config.HttpSettings;
import dockermcp.config.HttpSettingsLoader;
import dockermcp.config.SettingsLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP transport in-process on a free loopback port, with no Docker engine configured (the HTTP layer's
 * refusals never reach one), plus a small client built on java.net.http.
 */
final class TestServer implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TOKEN_A = "a".repeat(20) + "-test-token-number-one";
    static final String TOKEN_B = "b".repeat(20) + "-test-token-number-two";
    static final String INIT = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},\
            "clientInfo":{"name":"junit","version":"1"}}}""";

    final Path dir;
    final Core core;
    final HttpServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A server with tokens A and B (from a token file) and the given extra MCP_* settings. */
    TestServer(Path dir, Map<String, String> extra) throws Exception {
        this.dir = dir;
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "# two clients\n" + TOKEN_A + "\n\n" + TOKEN_B + "\n");
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.toString());
        env.put("SECURITY_AUDIT_LOG_FILE", dir.resolve("audit.log").toString());
        env.put("MCP_PORT", "0");
        env.put("MCP_AUTH_TOKEN_FILE", tokens.toString());
        env.putAll(extra);
        env.values().removeIf(v -> v == null);
        HttpSettings http = HttpSettingsLoader.load(env, false);
        core = Core.open(SettingsLoader.load(env));
        AccessTokens accessTokens = null;
        if (http.auth() instanceof HttpSettings.Auth.Tokens t) {
            accessTokens = AccessTokens.of(t.tokens().stream().map(HttpSettings.Secret::value).toList());
        }
        server = new HttpServer(http, core, accessTokens);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpRequest.Builder post(String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/mcp")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** initialize + notifications/initialized with the token; returns the session id. */
    String openSession(String token) throws Exception {
        HttpResponse<String> r = send(post(token, INIT));
        if (r.statusCode() != 200) {
            throw new AssertionError("initialize answered " + r.statusCode() + ": " + r.body());
        }
        String id = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> n = send(post(token, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").header("Mcp-Session-Id", id));
        if (n.statusCode() != 202) {
            throw new AssertionError("initialized answered " + n.statusCode());
        }
        return id;
    }

    HttpResponse<String> ping(String token, String session) throws Exception {
        return send(post(token, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}").header("Mcp-Session-Id", session));
    }

    /** The JSON-RPC message in an SSE answer (the data line), or the body itself when it is plain JSON. */
    static JsonNode message(String body) {
        for (String line : body.split("\n")) {
            if (line.startsWith("data:")) {
                return JSON.readTree(line.substring(5).strip());
            }
        }
        return JSON.readTree(body);
    }

    List<JsonNode> auditRecords() throws IOException {
        Path f = dir.resolve("audit.log");
        List<JsonNode> out = new ArrayList<>();
        if (Files.exists(f)) {
            for (String l : Files.readAllLines(f)) {
                out.add(JSON.readTree(l));
            }
        }
        return out;
    }

    /** One request written by hand, for what java.net.http will not send (a foreign Host, a lying Content-Length). */
    String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] b = new byte[8192];
            int n;
            try {
                while ((n = in.read(b)) > 0) {
                    buf.write(b, 0, n);
                    String sofar = buf.toString(StandardCharsets.ISO_8859_1);
                    int headerEnd = sofar.indexOf("\r\n\r\n");
                    if (headerEnd > 0 && complete(sofar, headerEnd)) {
                        break;
                    }
                }
            } catch (java.net.SocketException reset) {
                // the server may close after answering a refusal; what arrived is the answer
            }
            return buf.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean complete(String response, int headerEnd) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(response.substring(0, headerEnd));
        return m.find() && response.length() - headerEnd - 4 >= Integer.parseInt(m.group(1));
    }

    static int status(String rawResponse) {
        return Integer.parseInt(rawResponse.substring(9, 12));
    }

    @Override
    public void close() {
        server.close();
        core.close();
    }
}
