package dockermcp.transport.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Requests being handled at once: at most MCP_MAX_CONCURRENT_PER_TOKEN per token (429 above) and
 * MCP_MAX_CONCURRENT_REQUESTS in all (503 above), both answered before the body is read. A POST holds a server
 * thread from its body to its answer, so without this one token's slow or unfinished requests could take every
 * thread. GET streams are not counted: they hold no thread, and sessions bound them.
 */
final class InFlightLimitFilter extends HttpFilter {

    private final Quota quota;

    InFlightLimitFilter(Quota quota) {
        this.quota = quota;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request.getMethod().equals("GET")) {
            chain.doFilter(request, response);
            return;
        }
        String caller = RateLimitFilter.caller(request);
        Quota.Grant grant = quota.acquire(caller);
        if (grant != Quota.Grant.GRANTED) {
            response.setHeader("Retry-After", "1");
            if (grant == Quota.Grant.CALLER_FULL) {
                HttpErrors.sendUnread(request, response, 429, "Too many requests at once with this token: at most " + quota.perCaller()
                        + " are handled at a time (MCP_MAX_CONCURRENT_PER_TOKEN); wait for an answer, then retry.");
            } else {
                HttpErrors.sendUnread(request, response, 503, "The server is handling " + quota.total()
                        + " requests at once (MCP_MAX_CONCURRENT_REQUESTS): retry in a moment.");
            }
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            RequestEnd.then(request, () -> quota.release(caller));
        }
    }
}
