package dockermcp.it.adversarial;

import dockermcp.it.PackagedJar;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The packaged server (target/docker-mcp-secure.jar) as a child process, driven over stdio by a small
 * JSON-RPC client: raw frames in, every line of stdout parsed and matched to its request by id. Frames
 * are written with non-ASCII escaped, so that any string (lone surrogates, RTL marks) reaches the
 * server exactly as the test meant it.
 */
public final class JarServer implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    /**
     * How long a test waits for a ping, an exit or a quick call before it calls the server hung: only a guard
     * against a hang, far beyond what these take even on a busy machine; never a claim about speed.
     */
    public static final Duration HANG_GUARD = Duration.ofSeconds(120); // a JVM start took over 30 s at load average 58

    private final Process process;
    private final OutputStream in;
    private final Path stderr;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** Messages without an id we asked for: notifications, replies with a null or unexpected id. */
    private final List<JsonNode> unsolicited = new CopyOnWriteArrayList<>();
    /** stdout lines that are not JSON at all: a breach of stdio hygiene. */
    private final List<String> garbage = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final Thread reader;
    /**
     * Every write to the server's stdin happens on this one thread, so that a caller can stop waiting: a write to
     * a pipe the server no longer reads blocks for ever, and ignores interrupts.
     */
    private final java.util.concurrent.ExecutorService stdinWriter;
    private volatile java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(0);

    private JarServer(Process process, Path stderr) {
        this.process = process;
        this.in = process.getOutputStream();
        this.stderr = stderr;
        this.reader = new Thread(this::readLoop, "jar-server-stdout");
        reader.setDaemon(true);
        reader.start();
        this.stdinWriter = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jar-server-stdin");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the jar with exactly this environment (plus PATH), HOME in {@code dir}, stderr to dir/stderr.txt. */
    public static JarServer start(Map<String, String> env, Path dir, List<String> jvmFlags) throws IOException {
        List<String> cmd = PackagedJar.command(jvmFlags);
        Path err = dir.resolve("stderr-" + System.nanoTime() + ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("HOME", dir.toString());
        pb.environment().putIfAbsent("SECURITY_AUDIT_LOG_FILE", dir.resolve("audit.log").toString());
        pb.environment().putAll(env);
        return new JarServer(pb.start(), err);
    }

    /** Starts the jar and completes the initialize handshake. */
    public static JarServer started(Map<String, String> env, Path dir, List<String> jvmFlags) throws Exception {
        JarServer s = start(env, dir, jvmFlags);
        s.initialize();
        return s;
    }

    public JsonNode initialize() throws Exception {
        JsonNode init = request("initialize", JSON.readTree("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"adversarial-it\",\"version\":\"1\"}}")).get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        sendLine("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return init;
    }

    private void readLoop() {
        try (InputStream out = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while (awaitRelease() && (b = out.read()) >= 0) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                dispatch(text);
            }
        } catch (IOException ignored) {
            // the process ended
        }
        pending.values().forEach(f -> f.completeExceptionally(new IOException("server stdout closed")));
    }

    private boolean awaitRelease() {
        try {
            hold.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Stops reading the server's stdout (from the next byte on), as a client that writes without reading. */
    public void holdOutput() {
        hold = new java.util.concurrent.CountDownLatch(1);
    }

    public void releaseOutput() {
        hold.countDown();
    }

    private void dispatch(String text) {
        if (text.isBlank()) {
            return;
        }
        JsonNode msg;
        try {
            msg = JSON.readTree(text);
        } catch (RuntimeException e) {
            garbage.add(text.length() > 300 ? text.substring(0, 300) + "..." : text);
            return;
        }
        JsonNode id = msg.get("id");
        CompletableFuture<JsonNode> f = id == null || id.isNull() ? null : pending.remove(id.toString());
        if (f != null) {
            f.complete(msg);
        } else {
            unsolicited.add(msg);
        }
    }

    /**
     * Writes bytes as they are: no newline added, nothing checked. Waits while the server is not reading (a full
     * pipe is the server's backpressure), but not longer than {@link #HANG_GUARD}: then the server counts as hung,
     * is killed, and this throws, instead of blocking the test run for ever.
     */
    public void sendRaw(byte[] bytes) throws IOException {
        java.util.concurrent.Future<?> write;
        try {
            write = stdinWriter.submit(() -> {
                in.write(bytes);
                in.flush();
                return null;
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IOException("the server was stopped: its stdin is closed");
        }
        try {
            write.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly(); // the only way to free a write into a pipe nobody reads
            throw new IOException("the server did not read its stdin for " + HANG_GUARD.toSeconds() + " s, so it was killed as hung");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing to the server's stdin");
        }
    }

    public void sendLine(String json) throws IOException {
        sendRaw((json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Registers interest in the reply to the given id (its JSON text, e.g. {@code 5} or {@code "a"}). */
    public CompletableFuture<JsonNode> expect(String idJson) {
        return pending.computeIfAbsent(idJson, k -> new CompletableFuture<>());
    }

    public String nextId() {
        return Long.toString(ids.incrementAndGet());
    }

    public CompletableFuture<JsonNode> request(String method, JsonNode params) throws IOException {
        return request(nextId(), method, params);
    }

    public CompletableFuture<JsonNode> request(String idJson, String method, JsonNode params) throws IOException {
        ObjectNode msg = JSON.createObjectNode().put("jsonrpc", "2.0");
        msg.set("id", JSON.readTree(idJson));
        msg.put("method", method);
        if (params != null) {
            msg.set("params", params);
        }
        CompletableFuture<JsonNode> f = expect(idJson);
        sendLine(JSON.writeValueAsString(msg));
        return f;
    }

    /** A tools/call frame whose arguments object is given as raw JSON text (so numbers like 1e400 stay as written). */
    public CompletableFuture<JsonNode> callRaw(String tool, String argumentsJson) throws IOException {
        String id = nextId();
        CompletableFuture<JsonNode> f = expect(id);
        sendLine("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                + JSON.writeValueAsString(tool) + ",\"arguments\":" + argumentsJson + "}}");
        return f;
    }

    public CompletableFuture<JsonNode> call(String tool, Map<String, ?> arguments) throws IOException {
        return callRaw(tool, JSON.writeValueAsString(arguments));
    }

    /** Calls a tool and waits for its reply. */
    public Reply callAndWait(String tool, Map<String, ?> arguments, Duration timeout) throws Exception {
        return new Reply(call(tool, arguments).get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** True when the server answers a ping within the timeout. */
    public boolean ping(Duration timeout) {
        try {
            JsonNode r = request("ping", null).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return r.has("result");
        } catch (TimeoutException e) {
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public List<JsonNode> unsolicited() {
        return unsolicited;
    }

    public List<String> garbage() {
        return garbage;
    }

    /**
     * Waits (at most {@link #HANG_GUARD}) until the warm-up the server runs after the handshake has ended, done or
     * stopped, so that a test's next engine request is the call's own. Needs {@code LOG_LEVEL=debug}.
     */
    public void awaitWarmUp() throws InterruptedException {
        for (long guard = System.nanoTime() + HANG_GUARD.toNanos(); System.nanoTime() < guard; ) {
            String err = stderr();
            if (err.contains("warm-up done") || err.contains("warm-up stopped")) {
                return;
            }
            Thread.sleep(50);
        }
    }

    public String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "";
        }
    }

    /** Resident set size of the server process in KiB, from /proc. */
    public long rssKiB() throws IOException {
        return procStatus("VmRSS");
    }

    public long peakRssKiB() throws IOException {
        return procStatus("VmHWM");
    }

    private long procStatus(String key) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (l.startsWith(key + ":")) {
                return Long.parseLong(l.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    /**
     * Closes stdin and waits for a clean exit; kills the process if it does not exit. Returns the exit code or -1.
     * Never blocks beyond {@code grace}: closing stdin flushes it, which waits for a write still stuck in a full
     * pipe, so it happens on its own thread, and killing the process frees it.
     */
    public int stop(Duration grace) {
        Thread closer = new Thread(() -> {
            try {
                in.close();
            } catch (IOException ignored) {
                // already gone
            }
        }, "jar-server-stdin-close");
        closer.setDaemon(true);
        closer.start();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stdinWriter.shutdownNow();
        }
        process.destroyForcibly();
        return -1;
    }

    @Override
    public void close() {
        releaseOutput(); // a server blocked on its stdout cannot see the end of its stdin
        if (process.isAlive()) {
            stop(Duration.ofSeconds(3));
        }
        stdinWriter.shutdownNow();
    }

    /** A tools/call reply. */
    public record Reply(JsonNode message) {
        public boolean isProtocolError() {
            return message.has("error");
        }

        public boolean isError() {
            return message.path("result").path("isError").asBoolean(false);
        }

        public String text() {
            JsonNode c = message.path("result").path("content");
            return c.isArray() && !c.isEmpty() ? c.get(0).path("text").asString("") : "";
        }

        public JsonNode structured() {
            return message.path("result").path("structuredContent");
        }

        /** Everything a client receives in this reply, as one string: the JSON text and every decoded string in it. */
        public String everything() {
            StringBuilder sb = new StringBuilder(message.toString());
            strings(message, sb);
            return sb.toString();
        }

        private static void strings(JsonNode n, StringBuilder sb) {
            if (n.isString()) {
                sb.append('\n').append(n.asString());
            }
            n.properties().forEach(e -> {
                sb.append('\n').append(e.getKey());
                strings(e.getValue(), sb);
            });
            if (n.isArray()) {
                n.forEach(v -> strings(v, sb));
            }
        }
    }
}
