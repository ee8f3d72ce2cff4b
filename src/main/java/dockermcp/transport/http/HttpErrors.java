package dockermcp.transport.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every refusal this transport writes itself: a JSON-RPC error object with id null and one
 * sentence, so that MCP clients that show the body show something useful. Never a stack trace or a version.
 */
final class HttpErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpErrors() {
    }

    static void send(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] body = body(status, message);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * For a refusal sent before the request's body was read: the connection is closed after it, and says so, because
     * the rest of the body may still be on its way (a client that reused the connection would read a reset).
     */
    static void sendUnread(HttpServletRequest request, HttpServletResponse response, int status, String message) throws IOException {
        if (request.getContentLengthLong() != 0 || request.getHeader("Transfer-Encoding") != null) {
            response.setHeader("Connection", "close");
        }
        send(response, status, message);
    }

    static byte[] body(int status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status >= 500 ? -32603 : -32600);
        error.put("message", message);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jsonrpc", "2.0");
        m.put("id", null);
        m.put("error", error);
        return JSON.writeValueAsString(m).getBytes(StandardCharsets.UTF_8);
    }
}
