package dockermcp.transport.http;

import dockermcp.security.AuditLog;
import dockermcp.security.CallOrigin;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audit records for what the HTTP layer refuses before any tool runs (tool names {@code http.auth},
 * {@code http.session}): same file, same hash chain, same fields as tool calls.
 */
final class HttpAudit {

    static final String AUTH = "http.auth";
    static final String SESSION = "http.session";
    private static final Logger LOG = LoggerFactory.getLogger(HttpAudit.class);

    private final AuditLog log;

    HttpAudit(AuditLog log) {
        this.log = log;
    }

    void refused(String event, HttpServletRequest request, String tokenFingerprint, String reason) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("method", request.getMethod());
        args.put("path", RequestShapeFilter.loggablePath(request)); // never parameters or a query: they may carry a token
        CallOrigin origin = new CallOrigin("http", clip(request.getHeader(SessionGuard.SESSION_HEADER)), null, request.getRemoteAddr(), tokenFingerprint);
        try {
            log.record(event, args, null, AuditLog.Outcome.refused, 0, 0, reason, origin);
        } catch (AuditLog.AuditUnavailable e) {
            LOG.warn("{} refusal not audited: {}", event, e.getMessage());
        }
    }

    private static String clip(String s) {
        return s == null || s.length() <= 128 ? s : s.substring(0, 128);
    }
}
