package dockermcp.transport.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP_REQUEST_TIMEOUT: a POST or DELETE still running at the deadline is interrupted (the SDK's wait for the tool's
 * answer gives up) and, if nothing was sent yet, answered 504 with one sentence. GET streams are long-lived by
 * design and are not cut. The engine's own timeouts normally end a call long before this.
 */
final class RequestDeadlineFilter extends HttpFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadlineFilter.class);
    private final Duration limit;
    private final ScheduledExecutorService timer;

    RequestDeadlineFilter(Duration limit, ScheduledExecutorService timer) {
        this.limit = limit;
        this.timer = timer;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request.getMethod().equals("GET")) {
            chain.doFilter(request, response);
            return;
        }
        Watch watch = new Watch(Thread.currentThread());
        ScheduledFuture<?> alarm = timer.schedule(watch::fire, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            chain.doFilter(request, response);
        } finally {
            alarm.cancel(false);
            boolean fired = watch.finish();
            Thread.interrupted(); // never hand an interrupted thread back to the server's pool
            if (fired) {
                LOG.warn("{} {} from {} ran past MCP_REQUEST_TIMEOUT ({} s) and was abandoned", request.getMethod(), request.getRequestURI(),
                        request.getRemoteAddr(), limit.toSeconds());
                if (!response.isCommitted()) {
                    response.reset();
                    HttpErrors.send(response, 504, "The request took longer than " + limit.toSeconds()
                            + " s (MCP_REQUEST_TIMEOUT) and was abandoned: try again, or check docker_connection_status.");
                }
            }
        }
    }

    /** Interrupts the request's thread at most once, and never after the request has finished. */
    private static final class Watch {
        private final Thread thread;
        private boolean finished;
        private boolean fired;

        Watch(Thread thread) {
            this.thread = thread;
        }

        synchronized void fire() {
            if (!finished) {
                fired = true;
                thread.interrupt();
            }
        }

        synchronized boolean finish() {
            finished = true;
            return fired;
        }
    }
}
