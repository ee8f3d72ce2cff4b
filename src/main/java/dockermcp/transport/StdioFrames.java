package dockermcp.transport;

import dockermcp.server.McpServerAssembly;
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

/**
 * The stdio framing in front of the SDK: every line from the client goes through the {@link JsonRpcGate} before
 * the SDK sees it, so no frame can stop the session; an oversized line is answered here; the answer to a
 * cancelled call is held back, as the protocol asks; and every message written to
 * stdout is written whole, under one lock, by the thread that has it: it waits while the client is not reading.
 */
final class StdioFrames {

    private static final Logger LOG = LoggerFactory.getLogger(StdioFrames.class);

    private final InputStream stdin;
    private final LineWriter stdout;
    private final JsonRpcGate gate;
    private final int maxLineBytes;
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    /** Ids of the requests passed to the SDK and not answered yet. */
    private final Set<String> owed = ConcurrentHashMap.newKeySet();
    private final java.time.Duration requestTimeout;
    private final java.util.concurrent.CountDownLatch drained = new java.util.concurrent.CountDownLatch(1);
    /** Requests passed to the SDK and not answered yet; guarded by {@code this}. */
    private int unanswered;

    /** {@code requestTimeout} bounds how long the answers still owed at the end of stdin are waited for. */
    StdioFrames(InputStream stdin, OutputStream stdout, InFlightCalls inFlight, int maxLineBytes, java.time.Duration requestTimeout) {
        this.stdin = new BufferedInputStream(stdin, 64 * 1024);
        this.stdout = new LineWriter(stdout);
        this.gate = new JsonRpcGate(inFlight);
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
                stdout.writeLine(JsonRpcGate.error(null, -32600, "Request too large: a message may be at most " + maxLineBytes + " bytes."));
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
    private static final String SESSION = "stdio";

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
                int cancelled = gate.cancelAll(SESSION);
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
        JsonRpcGate.Verdict verdict = gate.check(bytes, SESSION);
        if (verdict instanceof JsonRpcGate.Refuse r) {
            stdout.writeLine(r.error());
            return null;
        }
        if (verdict instanceof JsonRpcGate.Cancel c) {
            // a request still owed an answer, running or still waiting for a thread, is abandoned and its answer held
            // back; one already answered, or unknown, has nothing to hold back
            if (owed.contains(c.requestId())) {
                cancelled.add(c.requestId()); // before the interrupt: the interrupted call may answer at once
                gate.cancelOwed(SESSION, c.requestId());
                if (!owed.contains(c.requestId())) { // answered in between: nothing left to hold back
                    cancelled.remove(c.requestId());
                    gate.answered(SESSION, c.requestId());
                }
                LOG.debug("cancelled call {}", c.requestId());
            }
            return null;
        }
        if (!(verdict instanceof JsonRpcGate.Pass pass)) {
            return null;
        }
        McpSchema.JSONRPCMessage message;
        try {
            // as McpSchema.deserializeJsonRpcMessage decides, from the tree the gate already read: not written out and read twice more
            Class<? extends McpSchema.JSONRPCMessage> type = pass.response() ? McpSchema.JSONRPCResponse.class
                    : pass.id() != null ? McpSchema.JSONRPCRequest.class : McpSchema.JSONRPCNotification.class;
            message = McpServerAssembly.JSON.convertValue(pass.tree(), type);
        } catch (RuntimeException e) {
            if (!pass.response()) {
                stdout.writeLine(JsonRpcGate.error(pass.id(), -32600, "Invalid request: the message is not a JSON-RPC request or notification the server can read."));
            }
            return null; // a reply we cannot read answers nothing we asked
        }
        if (pass.owesAnswer()) {
            owed.add(pass.id().asString());
            requested();
        }
        return message;
    }

    /**
     * Writes one message from the SDK as one line; the answer to a cancelled request is not sent, as the protocol
     * asks. Blocks while the client is not reading: the caller waits, nothing is dropped.
     */
    void send(McpSchema.JSONRPCMessage message) throws IOException {
        boolean response = message instanceof McpSchema.JSONRPCResponse;
        String id = response ? String.valueOf(((McpSchema.JSONRPCResponse) message).id()) : null;
        if (response) {
            owed.remove(id);
            gate.answered(SESSION, id);
        }
        try {
            if (!(response && cancelled.remove(id))) {
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
