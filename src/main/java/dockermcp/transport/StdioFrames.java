package dockermcp.transport;

import dockermcp.tools.InFlightCalls;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stdio framing in front of the SDK: every line from the client is checked before the SDK sees it.
 * Oversized, malformed or ill-typed frames get a JSON-RPC error here and are dropped, so no frame can
 * stop the session; {@code notifications/cancelled} abandons the named call; and every message written to
 * stdout is written whole, under one lock, by the thread that has it: it waits while the client is not reading.
 */
final class StdioFrames {

    private static final Logger LOG = LoggerFactory.getLogger(StdioFrames.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InputStream stdin;
    private final LineWriter stdout;
    private final InFlightCalls inFlight;
    private final int maxLineBytes;
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final java.time.Duration requestTimeout;
    private final java.util.concurrent.CountDownLatch drained = new java.util.concurrent.CountDownLatch(1);
    /** Requests passed to the SDK and not answered yet; guarded by {@code this}. */
    private int unanswered;

    /** {@code requestTimeout} bounds how long the answers still owed at the end of stdin are waited for. */
    StdioFrames(InputStream stdin, OutputStream stdout, InFlightCalls inFlight, int maxLineBytes, java.time.Duration requestTimeout) {
        this.stdin = new BufferedInputStream(stdin, 64 * 1024);
        this.stdout = new LineWriter(stdout);
        this.inFlight = inFlight;
        this.maxLineBytes = maxLineBytes;
        this.requestTimeout = requestTimeout;
    }

    /**
     * Reads the next message the SDK may see, answering or handling on the way every line it must not see.
     *
     * @return the checked message, or null at the end of stdin
     */
    McpSchema.JSONRPCMessage next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        while (true) {
            boolean oversized = false;
            int b;
            while ((b = stdin.read()) >= 0 && b != '\n') {
                if (line.size() < maxLineBytes) {
                    line.write(b);
                } else {
                    oversized = true;
                }
            }
            if (b < 0 && line.size() == 0) {
                return null;
            }
            if (oversized) {
                error(null, -32600, "Request too large: a message may be at most " + maxLineBytes + " bytes.");
            } else if (line.size() > 0) {
                McpSchema.JSONRPCMessage checked = frame(line.toByteArray());
                if (checked != null) {
                    return checked;
                }
            }
            if (b < 0) {
                return null;
            }
            line.reset();
        }
    }

    /** In-flight calls are keyed by session and request id; stdio has one session. */
    private static final String KEY_PREFIX = "stdio:";

    /** Returns once stdin has ended and every request read before its end has been answered (or given up on). */
    void awaitEndOfInput() throws InterruptedException {
        drained.await();
    }

    /**
     * At the end of stdin: waits for the answers still owed, up to the request timeout; then cancels the calls
     * still running, so that they answer at once with what they have, and waits for those answers up to the
     * request timeout again.
     */
    void drain() {
        try {
            if (!awaitAnswered(requestTimeout)) {
                int cancelled = inFlight.cancelAll(KEY_PREFIX);
                LOG.info("stdin closed; {} call(s) still running after {} s (DOCKER_REQUEST_TIMEOUT) are cancelled", cancelled,
                        requestTimeout.toSeconds());
                if (!awaitAnswered(requestTimeout)) {
                    LOG.warn("stdin closed; {} answer(s) could not be delivered", pending());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            drained.countDown();
        }
    }

    /** @return true when every request passed to the SDK has been answered within {@code limit} */
    private synchronized boolean awaitAnswered(java.time.Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long left;
        while (unanswered > 0 && (left = deadline - System.nanoTime()) > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return unanswered == 0;
    }

    private synchronized int pending() {
        return unanswered;
    }

    private synchronized void requested() {
        unanswered++;
    }

    private synchronized void answered() {
        unanswered--;
        notifyAll();
    }

    /** @return the message to pass on, or null when it was answered or handled here */
    private McpSchema.JSONRPCMessage frame(byte[] bytes) throws IOException {
        JsonNode msg;
        try {
            msg = JSON.readTree(bytes);
        } catch (JacksonException e) {
            error(null, -32700, "Parse error: the message is not valid JSON.");
            return null;
        }
        if (msg == null || msg.isMissingNode() || msg.isArray()) {
            error(null, -32600, msg != null && msg.isArray() ? "Invalid request: batches are not supported; send one message per line."
                    : "Invalid request: empty message.");
            return null;
        }
        if (!(msg instanceof ObjectNode obj) || !"2.0".equals(text(obj.get("jsonrpc")))) {
            error(validId(msg.get("id")) ? msg.get("id") : null, -32600, "Invalid request: expected a JSON-RPC 2.0 object with \"jsonrpc\":\"2.0\".");
            return null;
        }
        JsonNode id = obj.get("id");
        JsonNode method = obj.get("method");
        boolean isResponse = method == null && (obj.has("result") || obj.has("error"));
        if (!isResponse && (method == null || !method.isString())) {
            error(validId(id) ? id : null, -32600, "Invalid request: \"method\" must be a string.");
            return null;
        }
        if (id != null && !validId(id)) {
            error(null, -32600, "Invalid request: \"id\" must be a string or an integer of at most 64 bits.");
            return null;
        }
        if (!isResponse) {
            String shape = ToolCallShape.problem(obj);
            if (shape != null) {
                error(id, -32602, shape);
                return null;
            }
            String m = method.asString();
            if (m.equals("notifications/cancelled")) {
                JsonNode requestId = obj.path("params").get("requestId");
                if (requestId != null && validId(requestId)) {
                    String key = requestId.asString();
                    cancelled.add(key); // before the interrupt: the interrupted call may answer at once
                    if (inFlight.cancel(KEY_PREFIX + key)) {
                        LOG.debug("cancelled call {}", key);
                    } else {
                        cancelled.remove(key); // not running (already answered, or unknown): nothing to hold back
                    }
                }
                return null; // handled here; the SDK does not know this notification
            }
            if (m.equals("tools/call") && id != null && obj.get("params") instanceof ObjectNode params) {
                JsonNode meta = params.get("_meta");
                ObjectNode m2 = meta instanceof ObjectNode o ? o : params.putObject("_meta");
                m2.put(InFlightCalls.REQUEST_ID_META, KEY_PREFIX + id.asString());
            }
        }
        McpSchema.JSONRPCMessage message;
        try {
            // as McpSchema.deserializeJsonRpcMessage decides, from the tree already read: not written out and read twice more
            Class<? extends McpSchema.JSONRPCMessage> type = !isResponse ? (id != null ? McpSchema.JSONRPCRequest.class : McpSchema.JSONRPCNotification.class)
                    : McpSchema.JSONRPCResponse.class;
            message = McpServerAssembly.JSON.convertValue(obj, type);
        } catch (RuntimeException e) {
            if (!isResponse) {
                error(id, -32600, "Invalid request: the message is not a JSON-RPC request or notification the server can read.");
            }
            return null; // a reply we cannot read answers nothing we asked
        }
        if (!isResponse && id != null) {
            requested();
        }
        return message;
    }

    private static boolean validId(JsonNode id) {
        return ToolCallShape.validId(id);
    }

    private static String text(JsonNode n) {
        return n != null && n.isString() ? n.asString() : null;
    }

    private void error(JsonNode id, int code, String message) throws IOException {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("jsonrpc", "2.0");
        if (id == null) {
            e.putNull("id");
        } else {
            e.set("id", id);
        }
        e.putObject("error").put("code", code).put("message", message);
        stdout.writeLine(JSON.writeValueAsBytes(e));
    }

    /**
     * Writes one message from the SDK as one line; the answer to a cancelled request is not sent, as the protocol
     * asks. Blocks while the client is not reading: the caller waits, nothing is dropped.
     */
    void send(McpSchema.JSONRPCMessage message) throws IOException {
        boolean response = message instanceof McpSchema.JSONRPCResponse;
        try {
            if (!(response && cancelled.remove(String.valueOf(((McpSchema.JSONRPCResponse) message).id())))) {
                stdout.writeLine(McpServerAssembly.JSON.writeValueAsString(message).getBytes(StandardCharsets.UTF_8));
            }
        } finally {
            if (response) {
                answered(); // counted once written, so the end of stdin never cuts a line short
            }
        }
    }

    /** Writes each line whole, under one lock, so that lines from different threads never interleave. */
    private static final class LineWriter {
        private final OutputStream out;

        LineWriter(OutputStream out) {
            this.out = out;
        }

        synchronized void writeLine(byte[] line) throws IOException {
            out.write(line);
            out.write('\n');
            out.flush();
        }
    }
}
