package dockermcp.transport;

import dockermcp.tools.ToolRegistry;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
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
        this.frames = new StdioFrames(in, out, registry.inFlight(), MAX_MESSAGE_BYTES);
        this.server = McpServerAssembly.build(new StdioServerTransportProvider(McpServerAssembly.JSON, frames.toSdk(), frames.fromSdk()),
                registry, requestTimeout);
    }

    /**
     * Blocks until the client closes stdin, lets the answers already being worked on go out (for at most
     * {@code grace}), then closes the server.
     */
    public void awaitEndOfInput(Duration grace) throws InterruptedException {
        frames.awaitEndOfInput();
        long deadline = System.nanoTime() + grace.toNanos();
        frames.awaitAnswered(grace);
        Thread closer = new Thread(() -> server.closeGracefully().block(), "mcp-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(Math.max(50, (deadline - System.nanoTime()) / 1_000_000));
    }

    public void close() {
        server.close();
    }
}
