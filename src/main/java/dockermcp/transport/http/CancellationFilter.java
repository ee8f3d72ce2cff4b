package dockermcp.transport.http;

import dockermcp.tools.InFlightCalls;
import dockermcp.transport.JsonRpcGate;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The {@link JsonRpcGate} on HTTP: every POST of a session is checked before the SDK sees it; a
 * {@code notifications/cancelled} (which the SDK ignores) interrupts the named call of the same session, which
 * abandons its request to the engine.
 */
final class CancellationFilter extends HttpFilter {

    private static final String SESSION_HEADER = "Mcp-Session-Id";

    private final JsonRpcGate gate;
    private final int maxBodyBytes;

    CancellationFilter(InFlightCalls inFlight, int maxBodyBytes) {
        this.gate = new JsonRpcGate(inFlight);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String session = request.getHeader(SESSION_HEADER);
        if (!"POST".equals(request.getMethod()) || session == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            HttpErrors.send(response, 413, "The request body is larger than " + maxBodyBytes + " bytes (MCP_MAX_BODY_BYTES).");
            return;
        }
        JsonRpcGate.Verdict verdict = gate.check(body, session);
        if (verdict instanceof JsonRpcGate.Refuse r) {
            // an error naming the request answers it; one that cannot name it refuses the body
            response.setStatus(r.id() == null ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_OK);
            response.setContentType("application/json");
            response.getOutputStream().write(r.error());
            return;
        }
        if (verdict instanceof JsonRpcGate.Cancel c) {
            gate.cancel(session, c.requestId());
        }
        if (verdict instanceof JsonRpcGate.Cancel || verdict instanceof JsonRpcGate.Drop) {
            response.setStatus(HttpServletResponse.SC_ACCEPTED);
            return;
        }
        body = ((JsonRpcGate.Pass) verdict).message();
        chain.doFilter(new BufferedBody(request, body), response);
    }
}
