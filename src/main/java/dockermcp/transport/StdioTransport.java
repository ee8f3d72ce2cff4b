package dockermcp.transport;

import dockermcp.server.McpServerAssembly;
import dockermcp.tools.ToolRegistry;
import io.modelcontextprotocol.server.McpAsyncServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * MCP over stdin/stdout. stdout carries protocol messages only; the end of stdin ends the server
 * (the SDK's own threads would otherwise keep the JVM alive).
 */
public final class StdioTransport {

    private final StdioFrames frames;
    private final McpAsyncServer server;

    /** The largest message accepted from the client; larger ones get a JSON-RPC error. */
    static final int MAX_MESSAGE_BYTES = 4 << 20;

    public StdioTransport(InputStream in, OutputStream out, ToolRegistry registry, Duration requestTimeout) {
        this.frames = new StdioFrames(in, out, registry.inFlight(), MAX_MESSAGE_BYTES, requestTimeout);
        // after the handshake, the tool path is warmed up in the background; its answers are serialised as a client's
        // would be, to warm that path too, and dropped
        this.server = McpServerAssembly.build(new StdioSessionTransport(frames, () -> registry.warmUpInBackground(StdioTransport::discard)),
                registry, requestTimeout);
    }

    /**
     * Blocks until the client closes stdin and every request read before that is answered (each call is bounded
     * by the request timeout: one still running that long after the end of stdin is cancelled and answers with
     * what it has), then closes the server.
     */
    public void awaitEndOfInput() throws InterruptedException {
        frames.awaitEndOfInput();
        Thread closer = new Thread(() -> server.closeGracefully().block(), "mcp-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(CLOSE_LIMIT.toMillis()); // nothing is owed any more: closing only must not hang the exit
    }

    private static void discard(io.modelcontextprotocol.spec.McpSchema.CallToolResult warmUpAnswer) {
        try {
            McpServerAssembly.JSON.writeValueAsString(new io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse("2.0", 0, warmUpAnswer, null));
        } catch (java.io.IOException e) {
            // nothing was going to be sent
        }
    }

    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(2);

    public void close() {
        server.close();
    }
}
