package dockermcp.transport.http;

import dockermcp.security.CallOrigin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer-token authentication (RFC 6750, header form only). Missing or wrong token: 401 with
 * {@code WWW-Authenticate: Bearer} and an audit record. A token in the URL: 400, because URLs end up in proxy and
 * browser logs. The token is checked first: a request with the right one is never refused for what others did. Repeated
 * failures from one address: its further failures are answered 429 for a growing time ({@link AuthFailures}).
 */
final class BearerAuthFilter extends HttpFilter {

    /** Request attribute carrying the caller's token fingerprint for the filters and the transport context after this one. */
    static final String FINGERPRINT = CallOrigin.TOKEN_FINGERPRINT;
    private static final Set<String> TOKEN_PARAMETERS = Set.of("access_token", "token", "auth", "authorization", "bearer", "api_key",
            "apikey", "key", "mcp_auth_token", "auth_token");
    private static final String CHALLENGE = "Bearer realm=\"docker-mcp-secure\"";
    private static final Logger LOG = LoggerFactory.getLogger(BearerAuthFilter.class);

    private final AccessTokens tokens;
    private final AuthFailures failures;
    private final HttpAudit audit;

    BearerAuthFilter(AccessTokens tokens, AuthFailures failures, HttpAudit audit) {
        this.tokens = tokens;
        this.failures = failures;
        this.audit = audit;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (tokenInQuery(request.getQueryString())) {
            refuse(request, response, 400, "token in query string", null, "Bearer error=\"invalid_request\"",
                    "Send the token in the Authorization header (Authorization: Bearer TOKEN), never in the URL: URLs are logged by proxies and browsers.");
            return;
        }
        String header = request.getHeader("Authorization");
        boolean bearer = header != null && header.length() >= 7 && header.regionMatches(true, 0, "Bearer ", 0, 7);
        String presented = bearer ? header.substring(7).strip() : null;
        Optional<String> fingerprint = tokens.match(presented);
        if (fingerprint.isPresent()) { // the right token is never slowed down by failures from the same address
            request.setAttribute(FINGERPRINT, fingerprint.get());
            chain.doFilter(request, response);
            return;
        }
        if (!bearer) {
            refuse(request, response, 401, "missing bearer token", null, CHALLENGE,
                    "This server needs a bearer token: send Authorization: Bearer TOKEN (see MCP_AUTH_TOKEN_FILE).");
        } else {
            refuse(request, response, 401, "wrong bearer token", AccessTokens.fingerprint(presented), CHALLENGE + ", error=\"invalid_token\"",
                    "The bearer token is not valid for this server: use the one in the server's token file.");
        }
    }

    /** A failure: counted against the address; while the address is slowed down, answered 429 without an audit record (no log flood). */
    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String reason, String fingerprint,
                        String challenge, String message) throws IOException {
        String address = request.getRemoteAddr();
        long wait = failures.blockedMillis(address);
        if (wait > 0) {
            long seconds = (wait + 999) / 1000;
            LOG.debug("refused {} for {} s after repeated authentication failures", address, seconds);
            response.setHeader("Retry-After", Long.toString(seconds));
            HttpErrors.sendUnread(request, response, 429, "Too many failed authentication attempts from this address: wait " + seconds + " s, then send the right token.");
            return;
        }
        failures.failed(address);
        audit.refused(HttpAudit.AUTH, request, fingerprint, reason);
        LOG.info("refused {} {} from {}: {}", request.getMethod(), RequestShapeFilter.loggablePath(request), address, reason);
        response.setHeader("WWW-Authenticate", challenge);
        HttpErrors.sendUnread(request, response, status, message);
    }

    static boolean tokenInQuery(String query) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (String pair : query.split("[&;]")) {
            int eq = pair.indexOf('=');
            String name;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                name = pair;
            }
            if (TOKEN_PARAMETERS.contains(name.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
