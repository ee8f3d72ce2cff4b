package dockermcp.transport.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Reads a POST body whole before anything else looks at it: at most MCP_MAX_BODY_BYTES (413 above, declared or
 * streamed, chunked too) and within MCP_BODY_TIMEOUT (408 after, and the connection is closed), so a body that
 * trickles in holds its server thread for a bounded time. Everything after this reads the body from memory.
 */
final class BodyReadFilter extends HttpFilter {

    private static final byte[] LATE = new byte[0]; // compared by identity: an empty body that arrived in time is another array

    private final int maxBytes;
    private final Duration timeout;

    BodyReadFilter(int maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!request.getMethod().equals("POST")) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        byte[] body = declared > maxBytes ? null : read(request, declared);
        if (body == null) {
            response.setHeader("Connection", "close"); // do not read the rest of it
            HttpErrors.send(response, 413, "The request body is larger than " + maxBytes + " bytes (MCP_MAX_BODY_BYTES).");
            return;
        }
        if (body == LATE) {
            response.setHeader("Connection", "close");
            HttpErrors.send(response, 408, "The request body did not arrive within " + seconds() + " (MCP_BODY_TIMEOUT): send it again.");
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    /**
     * The body, null when it is over the limit, {@link #LATE} when it did not arrive in time. Every wait for the network is
     * bounded by the time left (as the connection's idle timeout, restored afterwards).
     */
    private byte[] read(HttpServletRequest request, long declared) throws IOException {
        EndPoint connection = ServletContextRequest.getServletContextRequest(request).getConnectionMetaData().getConnection().getEndPoint();
        long idleBefore = connection.getIdleTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 4096);
        byte[] buffer = new byte[8192];
        ServletInputStream in = request.getInputStream();
        try {
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return LATE;
                }
                connection.setIdleTimeout(left);
                int n = in.read(buffer);
                if (n < 0) {
                    return out.toByteArray();
                }
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    return null;
                }
            }
        } catch (IOException e) {
            if (System.nanoTime() - deadline >= 0 || causedBy(e, TimeoutException.class)) {
                return LATE;
            }
            throw e;
        } finally {
            connection.setIdleTimeout(idleBefore);
        }
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
