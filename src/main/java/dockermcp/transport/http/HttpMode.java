package dockermcp.transport.http;

import dockermcp.server.Core;
import dockermcp.server.Product;
import dockermcp.config.ConfigError;
import dockermcp.config.HttpSettings;
import dockermcp.config.HttpSettingsLoader;
import dockermcp.config.Settings;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over Streamable HTTP: reads the MCP_* settings, resolves the bearer tokens, opens the same {@link Core} as
 * stdio and serves it until SIGTERM (or Ctrl-C), then closes sessions, listener and core in that order.
 */
public final class HttpMode {

    private static final Logger LOG = LoggerFactory.getLogger(HttpMode.class);

    private HttpMode() {
    }

    /** Runs the server; returns the exit status (2: a setting is wrong, 1: the listener could not start). */
    public static int serve(Settings settings, boolean allowInsecureBind) {
        HttpSettings http;
        AccessTokens tokens;
        try {
            http = HttpSettingsLoader.load(System.getenv(), allowInsecureBind);
            tokens = tokens(http.auth());
        } catch (ConfigError e) {
            System.err.println(Product.NAME + ": " + e.getMessage());
            return 2;
        }
        Core core = Core.open(settings);
        HttpServer server;
        try {
            server = new HttpServer(http, core, tokens);
            server.start();
        } catch (ConfigError e) {
            core.close();
            System.err.println(Product.NAME + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            core.close();
            String why = e instanceof IOException && e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            System.err.println(Product.NAME + ": cannot listen on " + http.bind() + ":" + http.port() + " (" + why
                    + "): choose another MCP_PORT or stop what uses it.");
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            server.close();
            core.close();
        }, "shutdown"));
        warnings(http);
        core.logStartup(server.endpoint().toString());
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static AccessTokens tokens(HttpSettings.Auth auth) {
        if (auth instanceof HttpSettings.Auth.Tokens t) {
            AccessTokens tokens = AccessTokens.of(t.tokens().stream().map(HttpSettings.Secret::value).toList());
            LOG.info("authentication: {} bearer token(s) from {} (fingerprints {})", tokens.size(), t.source(),
                    String.join(", ", t.tokens().stream().map(s -> AccessTokens.fingerprint(s.value())).toList()));
            return tokens;
        }
        if (auth instanceof HttpSettings.Auth.Generated g) {
            GeneratedToken.Loaded loaded = GeneratedToken.loadOrCreate(g.file());
            // where the token is, never the token itself: stderr may end up in a shared log
            LOG.info("authentication: bearer token {} in {} (readable only by its owner; fingerprint {}); clients send 'Authorization: Bearer <contents of that file>'",
                    loaded.created() ? "generated" : "reused", g.file(), AccessTokens.fingerprint(loaded.token()));
            return AccessTokens.of(List.of(loaded.token()));
        }
        return null;
    }

    private static void warnings(HttpSettings http) {
        if (http.auth() instanceof HttpSettings.Auth.Disabled) {
            LOG.warn("AUTHENTICATION IS OFF (MCP_AUTH=none): every process on this machine can call the tools. Use it only for tests such as the conformance suite.");
        }
        if (!http.loopback() && http.tls() == null) {
            LOG.warn("serving plain HTTP on non-loopback address {} (--allow-insecure-bind): bearer tokens and container data cross the network unencrypted; "
                    + "use MCP_TLS_CERT/MCP_TLS_KEY or a TLS reverse proxy", http.bind());
        }
        if (http.bindAddress().isAnyLocalAddress() && http.allowedHosts().size() <= 3) {
            LOG.warn("MCP_BIND={} listens on every address, but only localhost names are allowed in the Host header: set MCP_ALLOWED_HOSTS to the names clients use",
                    http.bind());
        }
        LOG.info("allowed Host names: {}; allowed browser origins: this server's own{}", String.join(", ", http.allowedHosts()),
                http.allowedOrigins().isEmpty() ? "" : ", " + String.join(", ", http.allowedOrigins()));
        HttpSettings.Limits l = http.limits();
        LOG.info("limits: body {} bytes within {} ms, sessions {} per token / {} in all, requests at once {} per token / {} in all, "
                        + "{} requests/min per token (burst {}), session idle {} s, request {} s",
                l.maxBodyBytes(), l.bodyTimeout().toMillis(), l.maxSessionsPerToken(), l.maxSessions(), l.maxConcurrentPerToken(), l.maxConcurrent(),
                l.ratePerMinute() == 0 ? "unlimited" : l.ratePerMinute(), l.rateBurst(), l.sessionIdleTimeout().toSeconds(), l.requestTimeout().toSeconds());
    }
}
