package dockermcp.it.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The packaged jar started with --transport http on a free loopback port, and a java.net.http client for it. */
final class HttpServerProcess implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern READY = Pattern.compile("ready on (https?://\\S+)");

    final Process process;
    final Path dir;
    final Path stderr;
    final Path stdout;
    URI endpoint;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpServerProcess(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
        this.stderr = dir.resolve("stderr.txt");
        this.stdout = dir.resolve("stdout.txt");
    }

    /** Starts the server; {@code env} adds to a clean environment (HOME and the audit file in {@code dir}). */
    static HttpServerProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(dockermcp.it.PackagedJar.command("--transport", "http"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).redirectOutput(dir.resolve("stdout.txt").toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("DOCKER_") || k.startsWith("MCP_"));
        e.put("HOME", dir.toString());
        e.remove("XDG_STATE_HOME");
        e.put("SECURITY_AUDIT_LOG_FILE", dir.resolve("audit.log").toString());
        e.put("MCP_PORT", "0");
        e.putAll(env);
        return new HttpServerProcess(pb.start(), dir);
    }

    /** Waits for the "ready on URL" line; returns false if the process ended first. */
    boolean awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = READY.matcher(Files.exists(stderr) ? Files.readString(stderr) : "");
            if (m.find()) {
                endpoint = URI.create(m.group(1));
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not ready within 30 s: " + Files.readString(stderr));
    }

    String log() throws IOException {
        return Files.readString(stderr);
    }

    HttpRequest.Builder post(String token, String session, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return b;
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** initialize + initialized; the session id. */
    String initialize(String token) throws Exception {
        HttpResponse<String> r = send(post(token, null, """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},\
                "clientInfo":{"name":"http-it","version":"2.0"}}}"""));
        if (r.statusCode() != 200) {
            throw new AssertionError(r.statusCode() + " " + r.body());
        }
        String session = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
        send(post(token, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        return session;
    }

    /** One JSON-RPC request in the session; the message from the SSE answer. */
    JsonNode call(String token, String session, int id, String method, String params) throws Exception {
        HttpResponse<String> r = send(post(token, session, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}"));
        if (r.statusCode() != 200) {
            throw new AssertionError(r.statusCode() + " " + r.body());
        }
        for (String line : r.body().split("\n")) {
            if (line.startsWith("data:")) {
                return JSON.readTree(line.substring(5).strip());
            }
        }
        return JSON.readTree(r.body());
    }

    List<JsonNode> audit() throws IOException {
        return Files.readAllLines(dir.resolve("audit.log")).stream().map(l -> (JsonNode) JSON.readTree(l)).toList();
    }

    /** SIGTERM, then waits; the exit status, or -1 if it did not end within {@code seconds}. */
    int terminate(int seconds) throws InterruptedException {
        process.destroy();
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** The unix-socket test engine as host 'local'. */
    static Map<String, String> localEngine() {
        return dockermcp.it.adversarial.TestEngines.shared().local();
    }
}
