package dockermcp.transport.http;

import dockermcp.server.Core;
import dockermcp.config.HttpSettings;
import dockermcp.security.CallOrigin;
import dockermcp.server.McpServerAssembly;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The embedded Jetty server: one listener, the SDK's streamable servlet at /mcp behind our filters (path and method,
 * Host/Origin, bearer token, rate, requests at once, body size and time, session ownership, deadline, clean SDK
 * errors, in that order), and /healthz. Lifecycle only: every check lives in its own class.
 */
public final class HttpServer implements AutoCloseable {

    /** Server threads beyond MCP_MAX_CONCURRENT_REQUESTS: acceptor, selector and short answers that hold none for long. */
    static final int THREADS_BEYOND_REQUESTS = 32;

    private final Server jetty;
    private final ServerConnector connector;
    private final McpAsyncServer mcp;
    private final ScheduledExecutorService timer;
    private final SessionGuard sessions;
    private final String scheme;
    private final Duration idle;
    private final String urlHost;
    private volatile boolean running;

    /** Builds the server for {@code settings}, serving {@code core}'s tools; {@code tokens} null when MCP_AUTH=none. */
    HttpServer(HttpSettings settings, Core core, AccessTokens tokens) {
        HttpSettings.Limits limits = settings.limits();
        scheme = settings.tls() == null ? "http" : "https";
        idle = limits.sessionIdleTimeout();
        String bind = settings.bindAddress().isAnyLocalAddress() ? "127.0.0.1" : settings.bind();
        urlHost = bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "http-timer");
            t.setDaemon(true);
            return t;
        });
        // the requests that hold a thread are capped at maxConcurrent; the rest of the pool answers everything else
        // (refusals, /healthz, GET streams hold none) however busy /mcp is
        QueuedThreadPool pool = new QueuedThreadPool(limits.maxConcurrent() + THREADS_BEYOND_REQUESTS, 4);
        pool.setName("http");
        jetty = new Server(pool);
        jetty.setErrorHandler(new QuietErrorHandler.Core());
        jetty.setStopTimeout(5_000);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = TlsListener.connector(jetty, settings, http);
        // long enough for the slowest allowed request; GET streams that stay silent longer are closed and re-opened by clients
        connector.setIdleTimeout(limits.requestTimeout().plusSeconds(10).toMillis());
        jetty.addConnector(connector);

        OriginHostValidator validator = new OriginHostValidator(settings.allowedHosts(), settings.allowedOrigins(), scheme, connector::getLocalPort);
        HttpAudit audit = new HttpAudit(core.audit());
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(McpServerAssembly.JSON)
                .mcpEndpoint(HttpSettings.ENDPOINT)
                .httpHeaderValidator(validator) // also checked first by OriginHostFilter; kept here so the SDK never runs with its no-op default
                .maxRequestSize(limits.maxBodyBytes())
                .sessionSweepInterval(limits.sessionIdleTimeout())
                .contextExtractor(HttpServer::callerContext)
                .build();
        mcp = McpServerAssembly.build(transport, core.registry(), core.settings().requestTimeout());

        sessions = new SessionGuard(new Quota(limits.maxSessionsPerToken(), limits.maxSessions()), limits.sessionIdleTimeout(), System::nanoTime, audit);
        List<Filter> filters = new ArrayList<>();
        filters.add(new OriginHostFilter(validator));
        if (tokens != null) {
            filters.add(new BearerAuthFilter(tokens, new AuthFailures(), audit));
        }
        if (limits.ratePerMinute() > 0) {
            filters.add(new RateLimitFilter(new RateLimiter(limits.ratePerMinute(), limits.rateBurst(), System::nanoTime), limits.ratePerMinute()));
        }
        filters.add(new InFlightLimitFilter(new Quota(limits.maxConcurrentPerToken(), limits.maxConcurrent())));
        filters.add(new BodyReadFilter(limits.maxBodyBytes(), limits.bodyTimeout()));
        filters.add(sessions);
        filters.add(new CancellationFilter(core.registry().inFlight(), limits.maxBodyBytes()));
        filters.add(new RequestDeadlineFilter(limits.requestTimeout(), timer));
        filters.add(new SdkErrorFilter());

        ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        context.setErrorHandler(new QuietErrorHandler());
        FilterHolder shape = new FilterHolder(new RequestShapeFilter());
        shape.setAsyncSupported(true);
        context.addFilter(shape, "/*", EnumSet.of(DispatcherType.REQUEST));
        for (Filter f : filters) {
            FilterHolder holder = new FilterHolder(f);
            holder.setAsyncSupported(true); // the SDK answers requests asynchronously (SSE)
            context.addFilter(holder, HttpSettings.ENDPOINT, EnumSet.of(DispatcherType.REQUEST));
        }
        ServletHolder mcpServlet = new ServletHolder("mcp", transport);
        mcpServlet.setAsyncSupported(true);
        context.addServlet(mcpServlet, HttpSettings.ENDPOINT);
        context.addServlet(new ServletHolder("health", new HealthServlet(core.audit(), () -> running)), HttpSettings.HEALTH);
        jetty.setHandler(context);
    }

    /** Who is calling, for the audit log: read by {@link CallOrigin#of} through the exchange's transport context. */
    private static McpTransportContext callerContext(HttpServletRequest request) {
        Map<String, Object> m = new HashMap<>();
        m.put(CallOrigin.TRANSPORT, "http");
        m.put(CallOrigin.REMOTE_ADDRESS, request.getRemoteAddr());
        Object fingerprint = request.getAttribute(BearerAuthFilter.FINGERPRINT);
        if (fingerprint != null) {
            m.put(CallOrigin.TOKEN_FINGERPRINT, fingerprint);
        }
        return McpTransportContext.create(m);
    }

    void start() throws Exception {
        jetty.start();
        running = true;
        long sweep = Math.max(1, Math.min(60, idle.toSeconds() / 2));
        timer.scheduleWithFixedDelay(sessions::sweep, sweep, sweep, TimeUnit.SECONDS);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The URL clients on this machine use: the bind address as written, or loopback for a wildcard bind. */
    public URI endpoint() {
        return URI.create(scheme + "://" + urlHost + ":" + port() + HttpSettings.ENDPOINT);
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops taking requests, closes the MCP sessions and stops the listener; waits at most about 5 s. */
    @Override
    public void close() {
        running = false;
        try {
            mcp.closeGracefully().block(java.time.Duration.ofSeconds(5));
        } catch (RuntimeException ignored) {
            // closing anyway
        }
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // closing anyway
        }
        timer.shutdownNow();
    }
}
