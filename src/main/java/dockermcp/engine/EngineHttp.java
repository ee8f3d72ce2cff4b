package dockermcp.engine;

import dockermcp.config.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The one seam through which every request to one engine passes. It can only send GET (and HEAD on
 * /_ping), and {@link RequestGuard} checks each request against the read-only allow-list before
 * anything is sent. Requests run on the calling thread over a small pool of kept-alive connections
 * ({@link EngineConnection}, {@link HttpWire}): the JDK's own sockets reach a first answer in a fresh
 * process several times sooner than a general-purpose asynchronous client (docs/PERFORMANCE.md).
 */
public final class EngineHttp implements AutoCloseable {

    private static final int MAX_IDLE = 16;
    private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(50);
    private final Endpoint endpoint;
    private final SSLContext tls;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final String userAgent;
    private final String hostHeader;
    private final ArrayDeque<EngineConnection> idle = new ArrayDeque<>();
    private boolean closed;

    public EngineHttp(Endpoint endpoint, SSLContext tls, Duration connectTimeout, Duration requestTimeout, String userAgent) {
        this.endpoint = endpoint;
        this.tls = tls;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent.replaceAll("[^\\x20-\\x7e]", "?");
        this.hostHeader = endpoint.transport() == Endpoint.Transport.UNIX || endpoint.transport() == Endpoint.Transport.SSH ? "localhost" : endpoint.hostForUri() + ":" + endpoint.port();
    }

    /** GET a path and buffer its answer, refusing answers larger than {@code maxBytes}. */
    public Answer get(String path, Query query, int maxBytes) throws EngineException {
        return get(path, query, maxBytes, "GET");
    }

    /** GET a path whose body the caller reads as a stream (logs); closing the response abandons the rest. */
    public EngineResponse stream(String path, Query query) throws EngineException {
        Exchange x = send("GET", path, query);
        return new EngineResponse(x.head.status(), x.head.contentType(), new Body(x), x);
    }

    /** HEAD /_ping: the cheapest proof that the engine answers. */
    public int ping() throws EngineException {
        return get("/_ping", null, 1024, "HEAD").status();
    }

    private Answer get(String path, Query query, int maxBytes, String method) throws EngineException {
        Exchange x = send(method, path, query);
        try {
            byte[] body = HttpWire.readAll(x.head.body(), maxBytes);
            x.finish(true);
            return new Answer(x.head.status(), body);
        } catch (IOException e) {
            x.finish(false);
            throw x.failure(e);
        }
    }

    /**
     * Every request is made here, and checked against the read-only allow-list before anything is sent. A request
     * on a reused connection that the engine had closed meanwhile is sent once more on a new one (GETs are safe to repeat).
     */
    private Exchange send(String method, String path, Query query) throws EngineException {
        String q = query == null ? "" : query.toString();
        RequestGuard.check(method, path, q);
        String target = path + (q.isEmpty() ? "" : "?" + q);
        for (int attempt = 0; ; attempt++) {
            EngineConnection c = pooled();
            boolean reused = c != null;
            Exchange x = null;
            try {
                if (c == null) {
                    c = EngineConnection.open(endpoint, tls, connectTimeout);
                }
                x = new Exchange(c);
                HttpWire.writeRequest(c.out, method, target, hostHeader, userAgent);
                x.head = HttpWire.readHead(c.in, method.equals("HEAD"));
                return x;
            } catch (IOException | RuntimeException e) {
                if (x != null) {
                    x.finish(false);
                } else if (c != null) {
                    c.close();
                }
                if (reused && attempt == 0 && !Thread.currentThread().isInterrupted() && (x == null || !x.conn.timedOut)) {
                    continue;
                }
                throw x != null ? x.failure(e) : failure(e, false);
            }
        }
    }

    private EngineConnection pooled() {
        synchronized (idle) {
            for (EngineConnection c = idle.pollLast(); c != null; c = idle.pollLast()) {
                if (c.isOpen() && System.nanoTime() - c.idleSince < MAX_IDLE_NANOS) {
                    return c;
                }
                c.close();
            }
            return null;
        }
    }

    private void release(EngineConnection c) {
        c.idleSince = System.nanoTime();
        synchronized (idle) {
            if (!closed && idle.size() < MAX_IDLE && c.isOpen()) {
                idle.addLast(c);
                return;
            }
        }
        c.close();
    }

    private EngineException failure(Throwable e, boolean timedOut) {
        if (e instanceof ClosedByInterruptException || e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
                || Thread.currentThread().isInterrupted()) {
            Thread.currentThread().interrupt();
            return new EngineException(EngineException.Kind.TIMEOUT, "The request to " + endpoint.display() + " was cancelled.");
        }
        return Failures.classify(endpoint, timedOut ? new SocketTimeoutException("timed out") : e, requestTimeout);
    }

    /** One request on one connection, watched by {@link Deadlines} until it is finished. */
    private final class Exchange {
        final EngineConnection conn;
        final Deadlines.Watch deadline;
        HttpWire.Head head;
        private boolean finished;

        Exchange(EngineConnection conn) {
            this.conn = conn;
            this.deadline = Deadlines.watch(conn, requestTimeout.toNanos());
        }

        /** Ends the exchange: the connection goes back to the pool if its answer was read whole and it may be kept. */
        synchronized void finish(boolean readWhole) {
            if (finished) {
                return;
            }
            finished = true;
            deadline.done();
            if (readWhole && head != null && head.keepAlive() && !conn.timedOut) {
                release(conn);
            } else {
                conn.close();
            }
        }

        EngineException failure(Throwable e) {
            return EngineHttp.this.failure(e, conn.timedOut);
        }
    }

    /** A streamed body: reading it to its end returns the connection to the pool; a timeout reads as one. */
    private static final class Body extends HttpWire.BulkStream {
        private final Exchange x;

        Body(Exchange x) {
            this.x = x;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = x.head.body().read(b, off, len);
                if (n < 0) {
                    x.finish(true);
                }
                return n;
            } catch (IOException e) {
                x.finish(false);
                throw x.conn.timedOut ? new SocketTimeoutException("timed out") : e;
            }
        }

        @Override
        public void close() {
            x.finish(false);
        }
    }

    /** A buffered answer. */
    public record Answer(int status, byte[] body) {
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        synchronized (idle) {
            closed = true;
            idle.forEach(EngineConnection::close);
            idle.clear();
        }
    }

    /** A response whose body is read as a stream; closing it abandons the rest of the body. */
    public static final class EngineResponse implements AutoCloseable {
        private final int status;
        private final String contentType;
        private final InputStream body;
        private final Exchange exchange;

        private EngineResponse(int status, String contentType, InputStream body, Exchange exchange) {
            this.status = status;
            this.contentType = contentType == null ? "" : contentType;
            this.body = body;
            this.exchange = exchange;
        }

        public int status() {
            return status;
        }

        public String contentType() {
            return contentType;
        }

        public InputStream body() {
            return body;
        }

        /** Reads the whole body, refusing bodies larger than {@code maxBytes}. */
        public byte[] readAll(int maxBytes) throws IOException {
            return HttpWire.readAll(body, maxBytes);
        }

        /** Abandons what is left of the body (the connection is then closed, not reused). */
        @Override
        public void close() {
            exchange.finish(false);
        }
    }
}
