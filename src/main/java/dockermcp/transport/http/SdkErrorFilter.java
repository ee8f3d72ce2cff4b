package dockermcp.transport.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDK transport (mcp-core 2.1.0) writes its own error answers (400, 404, 415, 500) by serializing an exception
 * object, stack trace, class names and JDK version included. This filter, next to the servlet, catches such a body
 * and answers the same status with only its message, in {@link HttpErrors}' shape.
 */
final class SdkErrorFilter extends HttpFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        ErrorCapture capture = new ErrorCapture(response);
        chain.doFilter(request, capture);
        if (capture.buffer != null) {
            HttpErrors.send(response, capture.getStatus(), message(capture.buffer.toString(), capture.getStatus()));
        }
    }

    static String message(String sdkBody, int status) {
        String m = null;
        try {
            JsonNode n = JSON.readTree(sdkBody);
            m = n.path("message").isString() ? n.path("message").asString() : n.at("/jsonRpcError/message").asString(null);
        } catch (RuntimeException notJson) {
            // fall back to the status text
        }
        if (m == null || m.isBlank()) {
            m = "The request could not be handled (HTTP " + status + ")";
        }
        m = m.replaceAll("[\\r\\n\\t]+", " ");
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    /** Buffers what the SDK writes once it has set an error status; passes everything else through. */
    private static final class ErrorCapture extends HttpServletResponseWrapper {
        StringWriter buffer;

        ErrorCapture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (getStatus() >= 400 && !isCommitted()) {
                if (buffer == null) {
                    buffer = new StringWriter();
                }
                return new PrintWriter(buffer);
            }
            return super.getWriter();
        }
    }
}
