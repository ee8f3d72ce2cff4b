package dockermcp.transport.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Per-token request rate (MCP_RATE_LIMIT per minute, MCP_RATE_BURST at once): 429 with Retry-After above it. */
final class RateLimitFilter extends HttpFilter {

    private final RateLimiter limiter;
    private final int perMinute;

    RateLimitFilter(RateLimiter limiter, int perMinute) {
        this.limiter = limiter;
        this.perMinute = perMinute;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        long wait = limiter.acquire(caller(request));
        if (wait > 0) {
            long seconds = (wait + 999) / 1000;
            response.setHeader("Retry-After", Long.toString(seconds));
            HttpErrors.sendUnread(request, response, 429, "Too many requests with this token: the limit is " + perMinute
                    + " per minute (MCP_RATE_LIMIT); retry in " + seconds + " s.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The token's fingerprint; without authentication (MCP_AUTH=none) the remote address. */
    static String caller(HttpServletRequest request) {
        Object fingerprint = request.getAttribute(BearerAuthFilter.FINGERPRINT);
        return fingerprint != null ? fingerprint.toString() : "address " + request.getRemoteAddr();
    }
}
