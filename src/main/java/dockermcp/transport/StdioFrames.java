package dockermcp.transport;

import dockermcp.tools.InFlightCalls;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * stop the session; {@code notifications/cancelled} abandons the named call; and every line written to
 * stdout is written whole, so replies from different threads never interleave.
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
    private static final byte[] RESPONSE_START = "{\"jsonrpc\":\"2.0\",\"id\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final Input toSdk = new Input();

    /** {@code requestTimeout} bounds how long the answers still owed at the end of stdin are waited for. */
    StdioFrames(InputStream stdin, OutputStream stdout, InFlightCalls inFlight, int maxLineBytes, java.time.Duration requestTimeout) {
        this.stdin = new BufferedInputStream(stdin, 64 * 1024);
        this.stdout = new LineWriter(stdout);
        this.inFlight = inFlight;
        this.maxLineBytes = maxLineBytes;
        this.requestTimeout = requestTimeout;
    }

    /** What the SDK reads: only well-formed JSON-RPC objects, one per line. */
    InputStream toSdk() {
        return toSdk;
    }

    /** Where the SDK writes: whole lines only; answers to cancelled requests are dropped. */
    OutputStream fromSdk() {
        return stdout;
    }

    /**
     * Reads the next line the SDK may see, answering or handling on the way every line it must not see.
     * Runs on the SDK's own reading thread: no extra thread or hand-off per message.
     *
     * @return the checked line, or null at the end of stdin
     */
    private byte[] nextFrame() throws IOException {
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
                byte[] checked = frame(line.toByteArray());
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
     * At the end of stdin, before the SDK sees it (it drops every answer not yet written once it does): waits
     * for the answers still owed, up to the request timeout; then cancels the calls still running, so that
     * they answer at once with what they have, and waits for those answers up to the request timeout again.
     */
    private void drain() {
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

    /** The SDK's view of stdin: checked lines only. */
    private final class Input extends InputStream {
        private byte[] current = new byte[0];
        private int pos;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos >= current.length) {
                if (ended) {
                    return -1;
                }
                byte[] next = nextFrame();
                if (next == null) {
                    ended = true;
                    drain();
                    return -1;
                }
                current = next;
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** @return the line to pass on (ending in a newline), or null when it was answered or handled here */
    private byte[] frame(byte[] bytes) throws IOException {
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
                bytes = JSON.writeValueAsBytes(obj);
            }
        }
        if (!isResponse && id != null) {
            requested();
        }
        byte[] out = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        out[bytes.length] = '\n';
        return out;
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

    /** Collects the SDK's output into lines and writes each whole, under one lock. */
    private final class LineWriter extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream(8192);

        LineWriter(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (b == '\n') {
                byte[] line = pending.toByteArray();
                pending.reset();
                try {
                    if (!answersCancelled(line)) {
                        writeLine(line);
                    }
                } finally {
                    if (isResponse(line)) {
                        answered(); // counted once written, so the end of stdin never cuts a line short
                    }
                }
            } else {
                pending.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    pending.write(b, start, i - start);
                    write('\n');
                    start = i + 1;
                }
            }
            pending.write(b, start, off + len - start);
        }

        synchronized void writeLine(byte[] line) throws IOException {
            out.write(line);
            out.write('\n');
            out.flush();
        }

        /** The SDK writes responses as {"jsonrpc":"2.0","id":...; its own requests and notifications start with "method". */
        private boolean isResponse(byte[] line) {
            return line.length > RESPONSE_START.length && java.util.Arrays.equals(line, 0, RESPONSE_START.length, RESPONSE_START, 0, RESPONSE_START.length);
        }

        /** The answer to a cancelled request is not sent, as the protocol asks. */
        private boolean answersCancelled(byte[] line) {
            if (cancelled.isEmpty()) {
                return false;
            }
            try {
                JsonNode id = JSON.readTree(line).get("id");
                return id != null && cancelled.remove(id.asString());
            } catch (JacksonException e) {
                return false;
            }
        }

        @Override
        public void flush() {
            // lines are flushed as they complete
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

}
