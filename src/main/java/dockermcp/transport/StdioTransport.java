package dockermcp.transport;

import dockermcp.tools.ToolRegistry;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * MCP over stdin/stdout. stdout carries protocol messages only; the end of stdin ends the server
 * (the SDK's own threads would otherwise keep the JVM alive).
 */
public final class StdioTransport {

    private final CountDownLatch endOfInput = new CountDownLatch(1);
    private final McpSyncServer server;

    /** The largest message accepted from the client; larger ones get a JSON-RPC error. */
    static final int MAX_MESSAGE_BYTES = 4 << 20;

    public StdioTransport(InputStream in, OutputStream out, ToolRegistry registry, Duration requestTimeout) {
        StdioFrames frames = new StdioFrames(in, out, registry.inFlight(), MAX_MESSAGE_BYTES);
        InputStream watched = new FilterInputStream(frames.toSdk()) {
            @Override
            public int read() throws IOException {
                return seen(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return seen(super.read(b, off, len));
            }

            private int seen(int n) {
                if (n < 0) {
                    endOfInput.countDown();
                }
                return n;
            }
        };
        this.server = McpServerAssembly.build(new StdioServerTransportProvider(McpServerAssembly.JSON, watched, frames.fromSdk()), registry, requestTimeout);
    }

    /** Blocks until the client closes stdin, then closes the server, waiting at most {@code grace}. */
    public void awaitEndOfInput(Duration grace) throws InterruptedException {
        endOfInput.await();
        Thread closer = new Thread(server::closeGracefully, "mcp-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(grace.toMillis());
    }

    public boolean awaitEndOfInput(long timeout, TimeUnit unit) throws InterruptedException {
        return endOfInput.await(timeout, unit);
    }

    public void close() {
        server.close();
    }
}
