package dockermcp.transport.http;

import dockermcp.security.AuditLog;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * GET /healthz for container orchestrators, without authentication: "ok" (200) when the server can serve calls,
 * "not ok" (503) when it is stopping or its audit log cannot be written (calls would be refused). Nothing else:
 * no versions, no engine names. Docker engines being down is not "not ok": restarting this server would not help.
 */
final class HealthServlet extends HttpServlet {

    private final AuditLog audit;
    private final BooleanSupplier running;

    HealthServlet(AuditLog audit, BooleanSupplier running) {
        this.audit = audit;
        this.running = running;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean ok = running.getAsBoolean() && auditWritable();
        byte[] body = (ok ? "ok\n" : "not ok\n").getBytes(StandardCharsets.US_ASCII);
        response.setStatus(ok ? 200 : 503);
        response.setContentType("text/plain");
        response.setCharacterEncoding("US-ASCII");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(body);
        }
    }

    private boolean auditWritable() {
        try {
            audit.ensureWritable();
            return true;
        } catch (AuditLog.AuditUnavailable e) {
            return false;
        }
    }
}
