package dockermcp.transport;

import dockermcp.server.McpServerAssembly;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The SDK's one stdio session on our {@link StdioFrames}, in place of the SDK's own stdio transport. That one
 * queues answers for a single writer thread and, when two threads answer at the same moment, lets the second
 * spin for at most 100 ms; on a busy machine (or in a long GC pause) that fails the answer ("Failed to enqueue
 * message"), and the failure ends its whole inbound stream: stdin is never read again and the server hangs.
 * Here nothing can fail for being busy: one thread reads stdin and hands each message to the session, and each
 * answer is written whole, under one lock, by the thread that has it, waiting while the client is not reading.
 * At most {@link #MAX_UNANSWERED} requests are handled at once (as many as the SDK's own transport handled);
 * beyond that stdin is not read until one is answered, so a client that writes without reading meets a full
 * pipe instead of a queue in the server that grows without bound.
 */
final class StdioSessionTransport implements McpServerTransportProvider {

    private static final Logger LOG = LoggerFactory.getLogger(StdioSessionTransport.class);
    static final int MAX_UNANSWERED = 256;

    private final StdioFrames frames;
    private final Semaphore unanswered = new Semaphore(MAX_UNANSWERED);
    private final Runnable onInitialized;
    private volatile McpServerSession session;

    /** {@code onInitialized} runs on the reading thread when the client's {@code notifications/initialized} arrives: it must not block. */
    StdioSessionTransport(StdioFrames frames, Runnable onInitialized) {
        this.frames = frames;
        this.onInitialized = onInitialized;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        session = sessionFactory.create(new Session());
        Thread reader = new Thread(this::readUntilEnd, "stdio-in");
        reader.setDaemon(true); // the end of stdin, not this thread, ends the server
        reader.start();
    }

    private void readUntilEnd() {
        try {
            McpSchema.JSONRPCMessage message;
            while ((message = frames.next()) != null) {
                unanswered.acquireUninterruptibly();
                session.handle(message)
                        .doFinally(signal -> unanswered.release())
                        .subscribe(null, e -> LOG.warn("a message could not be handled or answered: {}", e.getMessage()));
                if (message instanceof McpSchema.JSONRPCNotification n && McpSchema.METHOD_NOTIFICATION_INITIALIZED.equals(n.method())) {
                    onInitialized.run();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("stdin could not be read any further: {}", e.getMessage());
        } finally {
            frames.drain();
        }
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return session == null ? Mono.empty() : session.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return session == null ? Mono.empty() : session.closeGracefully();
    }

    /** What the session writes through: {@link StdioFrames#send}, on the calling thread. */
    private final class Session implements McpServerTransport {

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> {
                try {
                    frames.send(message);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return McpServerAssembly.JSON.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
