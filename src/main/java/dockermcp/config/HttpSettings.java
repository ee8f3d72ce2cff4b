package dockermcp.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every setting of the Streamable HTTP transport, loaded and checked once by {@link HttpSettingsLoader}.
 *
 * @param bind           the listening address as written (MCP_BIND)
 * @param bindAddress    that address, resolved
 * @param port           the listening port (MCP_PORT; 0 picks a free one)
 * @param auth           how callers prove who they are
 * @param tls            the listener's certificate and key, or null for plain HTTP
 * @param insecureBind   the operator's explicit choice to serve plain HTTP off loopback (--allow-insecure-bind)
 * @param allowedOrigins browser origins that may call (MCP_ALLOWED_ORIGINS); requests without Origin always may
 * @param allowedHosts   host names the Host header may carry (MCP_ALLOWED_HOSTS plus the defaults)
 * @param limits         request and session limits
 */
public record HttpSettings(String bind, InetAddress bindAddress, int port, Auth auth, Tls tls, boolean insecureBind,
                           List<String> allowedOrigins, List<String> allowedHosts, Limits limits) {

    public static final String ENDPOINT = "/mcp";
    public static final String HEALTH = "/healthz";

    public HttpSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
        boolean loopback = bindAddress.isLoopbackAddress();
        if (!loopback && tls == null && !insecureBind) {
            throw new ConfigError("MCP_BIND=" + bind + " is not a loopback address, so the listener needs TLS: set MCP_TLS_CERT and MCP_TLS_KEY "
                    + "(PEM files), put the server behind a TLS reverse proxy on 127.0.0.1, or start with --allow-insecure-bind if the network is trusted.");
        }
        if (!loopback && auth instanceof Auth.Disabled) {
            throw new ConfigError("MCP_AUTH=none is allowed only on a loopback address, and MCP_BIND=" + bind + " is not one: remove MCP_AUTH or bind to 127.0.0.1.");
        }
    }

    public boolean loopback() {
        return bindAddress.isLoopbackAddress();
    }

    /** A value that must never reach a log line or a toString. */
    public record Secret(String value) {
        @Override
        public String toString() {
            return "Secret[redacted]";
        }
    }

    /** How callers authenticate. */
    public sealed interface Auth permits Auth.Tokens, Auth.Generated, Auth.Disabled {

        /** Bearer tokens given by the operator; {@code source} names where they came from, for the start-up log. */
        record Tokens(List<Secret> tokens, String source) implements Auth {
            public Tokens {
                tokens = List.copyOf(tokens);
            }
        }

        /** No token given: one is generated (or the one generated before is reused) in {@code file}, readable by its owner only. */
        record Generated(Path file) implements Auth {
        }

        /** MCP_AUTH=none: loopback only, for the conformance suite and local experiments. */
        record Disabled() implements Auth {
        }
    }

    /** The listener's PEM certificate chain and private key. */
    public record Tls(Path certificate, Path key) {
    }

    /**
     * Request and session limits. Each per-token limit is at most its global one, so that one token can never
     * take the whole server; without authentication (MCP_AUTH=none) every caller shares the one "token".
     *
     * @param maxBodyBytes          largest request body (413 above)
     * @param maxSessions           most MCP sessions open at once, all tokens together (503 above)
     * @param maxSessionsPerToken   most MCP sessions open at once with one token (503 above)
     * @param maxConcurrent         most POST/DELETE requests being handled at once, all tokens together (503 above)
     * @param maxConcurrentPerToken most POST/DELETE requests being handled at once with one token (429 above)
     * @param ratePerMinute         requests per minute per token, 0 for no limit (429 above)
     * @param rateBurst             requests a token may send at once before the rate applies
     * @param bodyTimeout           the longest a request body may take to arrive (408 above)
     * @param sessionIdleTimeout    a session unused this long is closed
     * @param requestTimeout        the longest one request may take
     */
    public record Limits(int maxBodyBytes, int maxSessions, int maxSessionsPerToken, int maxConcurrent, int maxConcurrentPerToken,
                         int ratePerMinute, int rateBurst, Duration bodyTimeout, Duration sessionIdleTimeout, Duration requestTimeout) {
        public Limits {
            if (maxSessionsPerToken > maxSessions) {
                throw new ConfigError("MCP_MAX_SESSIONS_PER_TOKEN=" + maxSessionsPerToken + " is above MCP_MAX_SESSIONS=" + maxSessions
                        + ": a token's share cannot exceed the whole; lower it or raise MCP_MAX_SESSIONS.");
            }
            if (maxConcurrentPerToken > maxConcurrent) {
                throw new ConfigError("MCP_MAX_CONCURRENT_PER_TOKEN=" + maxConcurrentPerToken + " is above MCP_MAX_CONCURRENT_REQUESTS=" + maxConcurrent
                        + ": a token's share cannot exceed the whole; lower it or raise MCP_MAX_CONCURRENT_REQUESTS.");
            }
        }
    }
}
