package dockermcp.transport.http;

import dockermcp.tools.InFlightCalls;
import dockermcp.transport.ToolCallShape;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Relays {@code notifications/cancelled} to the call it names (the SDK ignores them): every tools/call is
 * tagged with its session and request id, and a cancellation from the same session interrupts that call,
 * which abandons its request to the engine.
 */
final class CancellationFilter extends HttpFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SESSION_HEADER = "Mcp-Session-Id";

    private final InFlightCalls inFlight;
    private final int maxBodyBytes;

    CancellationFilter(InFlightCalls inFlight, int maxBodyBytes) {
        this.inFlight = inFlight;
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
        JsonNode msg;
        try {
            msg = JSON.readTree(body);
        } catch (JacksonException e) {
            msg = null; // the SDK answers malformed bodies itself
        }
        if (msg instanceof ObjectNode obj && obj.get("method") != null && obj.get("method").isString()) {
            String method = obj.get("method").asString();
            JsonNode id = obj.get("id");
            String shape = ToolCallShape.problem(obj);
            if (shape != null || id != null && !ToolCallShape.validId(id)) {
                ObjectNode error = JSON.createObjectNode().put("jsonrpc", "2.0");
                error.set("id", ToolCallShape.validId(id) ? id : null);
                error.putObject("error").put("code", shape != null ? -32602 : -32600)
                        .put("message", shape != null ? shape : "Invalid request: \"id\" must be a string or an integer of at most 64 bits.");
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType("application/json");
                response.getOutputStream().write(JSON.writeValueAsBytes(error));
                return;
            }
            if (method.equals("notifications/cancelled")) {
                JsonNode requestId = obj.path("params").get("requestId");
                if (requestId != null && (requestId.isString() || requestId.isIntegralNumber())) {
                    inFlight.cancel(session + ":" + requestId.asString());
                }
                response.setStatus(HttpServletResponse.SC_ACCEPTED);
                return;
            }
            if (method.equals("tools/call") && id != null && obj.get("params") instanceof ObjectNode params) {
                ObjectNode meta = params.get("_meta") instanceof ObjectNode m ? m : params.putObject("_meta");
                meta.put(InFlightCalls.REQUEST_ID_META, session + ":" + id.asString());
                body = JSON.writeValueAsBytes(obj);
            }
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }
}
