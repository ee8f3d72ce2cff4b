package dockermcp.engine;

import dockermcp.config.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The one seam through which every request to one engine passes. It can only send GET (and HEAD on
 * /_ping), and {@link RequestGuard} checks each request against the read-only allow-list before
 * anything is sent. One pooled, kept-alive HTTP client per engine.
 */
public final class EngineHttp implements AutoCloseable {

    private final Endpoint endpoint;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final String origin;
    private final Transport unixTransport;

    public EngineHttp(Endpoint endpoint, SSLContext tls, Duration connectTimeout, Duration requestTimeout, String userAgent) {
        this.endpoint = endpoint;
        this.requestTimeout = requestTimeout;
        ClientConnector connector = new ClientConnector();
        connector.setConnectTimeout(connectTimeout);
        connector.setIdleTimeout(Duration.ofSeconds(60));
        QueuedThreadPool pool = new QueuedThreadPool(32, 1);
        pool.setDaemon(true);
        pool.setName("engine-" + endpoint.transport().label());
        connector.setExecutor(pool);
        connector.setScheduler(new ScheduledExecutorScheduler("engine-timer", true));
        if (tls != null) {
            SslContextFactory.Client ssl = new SslContextFactory.Client();
            ssl.setSslContext(tls);
            ssl.setEndpointIdentificationAlgorithm("HTTPS"); // the server certificate must match the host
            connector.setSslContextFactory(ssl);
        }
        this.client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setFollowRedirects(false);
        client.setMaxConnectionsPerDestination(128);
        client.setResponseBufferSize(64 * 1024); // a container list arrives in a few reads, not many
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, userAgent));
        switch (endpoint.transport()) {
            case UNIX, SSH -> { // an ssh:// engine is reached through the local end of its tunnel
                origin = "http://localhost";
                unixTransport = new Transport.TCPUnix(endpoint.transport() == Endpoint.Transport.SSH ? SshTunnel.localSocket(endpoint) : endpoint.socketPath());
            }
            case TCP -> {
                origin = "http://" + endpoint.hostForUri() + ":" + endpoint.port();
                unixTransport = null;
            }
            default -> {
                origin = "https://" + endpoint.hostForUri() + ":" + endpoint.port();
                unixTransport = null;
            }
        }
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client", e);
        }
    }

    /** GET a path and buffer its answer, refusing answers larger than {@code maxBytes}. */
    public Answer get(String path, Query query, int maxBytes) throws EngineException {
        return get(path, query, maxBytes, "GET");
    }

    /** GET a path whose body the caller reads as a stream (logs); closing the response abandons the rest. */
    public EngineResponse stream(String path, Query query) throws EngineException {
        Request request = request("GET", path, query);
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        try {
            Response response = listener.get(requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return new EngineResponse(response.getStatus(), response.getHeaders().get(HttpHeader.CONTENT_TYPE),
                    listener.getInputStream(), request);
        } catch (InterruptedException e) {
            throw cancelled(request, e);
        } catch (TimeoutException e) {
            request.abort(e);
            throw Failures.classify(endpoint, e, requestTimeout);
        } catch (ExecutionException e) {
            throw Failures.classify(endpoint, e.getCause() == null ? e : e.getCause(), requestTimeout);
        }
    }

    /** HEAD /_ping: the cheapest proof that the engine answers. */
    public int ping() throws EngineException {
        return get("/_ping", null, 1024, "HEAD").status();
    }

    private Answer get(String path, Query query, int maxBytes, String method) throws EngineException {
        Request request = request(method, path, query);
        try {
            ContentResponse r = new CompletableResponseListener(request, maxBytes).send()
                    .get(requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return new Answer(r.getStatus(), r.getContent());
        } catch (InterruptedException e) {
            throw cancelled(request, e);
        } catch (TimeoutException e) {
            request.abort(e);
            throw Failures.classify(endpoint, e, requestTimeout);
        } catch (ExecutionException e) {
            throw Failures.classify(endpoint, e.getCause() == null ? e : e.getCause(), requestTimeout);
        }
    }

    /** Every request is made here, and checked against the read-only allow-list before anything is sent. */
    private Request request(String method, String path, Query query) throws EngineException {
        String q = query == null ? "" : query.toString();
        RequestGuard.check(method, path, q);
        Request request = client.newRequest(origin + path + (q.isEmpty() ? "" : "?" + q))
                .method(method)
                .timeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (unixTransport != null) {
            request.transport(unixTransport);
        }
        return request;
    }

    private EngineException cancelled(Request request, InterruptedException e) {
        request.abort(e);
        Thread.currentThread().interrupt();
        return new EngineException(EngineException.Kind.TIMEOUT, "The request to " + endpoint.display() + " was cancelled.");
    }

    /** A buffered answer. */
    public record Answer(int status, byte[] body) {
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception ignored) {
            // shutting down: nothing useful to do
        }
    }

    /** A response whose body is read as a stream; closing it abandons the rest of the body. */
    public static final class EngineResponse implements AutoCloseable {
        private final int status;
        private final String contentType;
        private final InputStream body;
        private final Request request;

        EngineResponse(int status, String contentType, InputStream body, Request request) {
            this.status = status;
            this.contentType = contentType == null ? "" : contentType;
            this.body = body;
            this.request = request;
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
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException("response larger than " + maxBytes + " bytes");
            }
            return bytes;
        }

        @Override
        public void close() {
            request.abort(new IOException("response closed"));
            try {
                body.close();
            } catch (IOException ignored) {
                // the connection is discarded either way
            }
        }
    }
}
