package dockermcp.transport.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error answers (unknown paths, malformed requests, sendError from the SDK) as the same small JSON-RPC error
 * body {@link HttpErrors} writes, whatever the client accepts: no HTML, no "Powered by Jetty", no version, no stack
 * trace, no servlet names. One for the servlet context, {@link Core} for the server around it.
 */
final class QuietErrorHandler extends org.eclipse.jetty.ee11.servlet.ErrorHandler {

    QuietErrorHandler() {
        quiet(this);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) throws IOException {
        if (!generateAcceptableResponse(request, response, callback, "application/json", List.of(StandardCharsets.UTF_8), code, message, null)) {
            callback.succeeded();
        }
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        writer.write(json(code, message));
    }

    static String json(int code, String message) {
        String m = message == null || message.isBlank() || message.length() > 200 ? HttpStatus.getMessage(code) : message;
        return new String(HttpErrors.body(code, m.endsWith(".") ? m : m + "."), StandardCharsets.UTF_8);
    }

    private static void quiet(ErrorHandler h) {
        h.setShowStacks(false);
        h.setShowCauses(false);
        h.setShowOrigin(false);
        h.setShowMessageInTitle(false);
    }

    /** The same, for errors Jetty answers before a request reaches the servlet context. */
    static final class Core extends ErrorHandler {

        Core() {
            quiet(this);
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) throws IOException {
            if (!generateAcceptableResponse(request, response, callback, "application/json", List.of(StandardCharsets.UTF_8), code, message, null)) {
                callback.succeeded();
            }
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(json(code, message));
        }
    }
}
