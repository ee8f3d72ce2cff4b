package dockermcp.transport.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses a body whose declared length is over MCP_MAX_BODY_BYTES before reading it (413). Bodies without a
 * declared length (chunked) are cut at the same size by the SDK transport's own limit, also with 413.
 */
final class BodyLimitFilter extends HttpFilter {

    private final int maxBytes;

    BodyLimitFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setHeader("Connection", "close"); // do not read the rest of it
            HttpErrors.send(response, 413, "The request body is larger than " + maxBytes + " bytes (MCP_MAX_BODY_BYTES).");
            return;
        }
        chain.doFilter(request, response);
    }
}
