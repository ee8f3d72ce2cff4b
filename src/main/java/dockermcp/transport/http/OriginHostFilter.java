package dockermcp.transport.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Host/Origin check before anything else, authentication included: a hostile web page gets its 403/421
 * without touching the failed-login counters, so it cannot lock the real local client out.
 */
final class OriginHostFilter extends HttpFilter {

    private static final Logger LOG = LoggerFactory.getLogger(OriginHostFilter.class);
    private final OriginHostValidator validator;
    private final java.util.concurrent.atomic.AtomicLong lastWarning = new java.util.concurrent.atomic.AtomicLong();

    OriginHostFilter(OriginHostValidator validator) {
        this.validator = validator;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        int status = validator.check(request.getHeader("Host"), request.getHeader("Origin"));
        if (status != 0) {
            long now = System.nanoTime();
            long last = lastWarning.get();
            boolean warn = now - last > 60_000_000_000L && lastWarning.compareAndSet(last, now); // a hostile page must not flood the log
            (warn ? LOG.atWarn() : LOG.atDebug()).log("refused {} {} from {}: {} not allowed (DNS-rebinding protection; see MCP_ALLOWED_HOSTS / MCP_ALLOWED_ORIGINS)", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
                    status == 421 ? "Host " + request.getHeader("Host") : "Origin " + request.getHeader("Origin"));
            HttpErrors.sendUnread(request, response, status, OriginHostValidator.message(status));
            return;
        }
        chain.doFilter(request, response);
    }
}
