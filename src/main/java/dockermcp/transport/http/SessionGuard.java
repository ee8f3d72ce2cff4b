package dockermcp.transport.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who owns which MCP session, how many there are and when they expire. Every session is bound to the token that
 * created it: its id sent with another token gets the same 404 as an unknown id (and an audit record), so ids
 * cannot be probed. At most MCP_MAX_SESSIONS_PER_TOKEN per token and MCP_MAX_SESSIONS in all at once (503 for one
 * more), so one token cannot take every session; a session unused for
 * MCP_SESSION_IDLE_TIMEOUT, with no request or stream open, is forgotten (404 afterwards) and its slot freed. Only
 * ids this guard saw being created reach the SDK.
 */
final class SessionGuard extends HttpFilter {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    private static final Logger LOG = LoggerFactory.getLogger(SessionGuard.class);
    private static final String NOT_FOUND = "Session not found: it expired or was closed; start a new session (initialize).";

    private static final class Entry {
        final String owner;
        volatile long lastUsed;
        final AtomicInteger open = new AtomicInteger();

        Entry(String owner, long now) {
            this.owner = owner;
            this.lastUsed = now;
        }
    }

    private final ConcurrentHashMap<String, Entry> sessions = new ConcurrentHashMap<>();
    private final Quota slots; // live sessions plus initializations under way, per owner and in all
    private final long idleNanos;
    private final LongSupplier clock;
    private final HttpAudit audit;

    SessionGuard(Quota slots, Duration idleTimeout, LongSupplier nanoClock, HttpAudit audit) {
        this.slots = slots;
        this.idleNanos = idleTimeout.toNanos();
        this.clock = nanoClock;
        this.audit = audit;
    }

    int size() {
        return sessions.size();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String owner = owner(request);
        String id = request.getHeader(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            if (request.getMethod().equals("POST")) {
                create(request, response, chain, owner);
            } else {
                chain.doFilter(request, response); // the SDK answers 400: a session id is required
            }
            return;
        }
        Entry e = sessions.get(id);
        long now = clock.getAsLong();
        if (e != null && !e.owner.equals(owner)) {
            LOG.warn("refused session id of another caller from {}", request.getRemoteAddr());
            audit.refused(HttpAudit.SESSION, request, ownerFingerprint(owner), "session id belongs to another token");
            HttpErrors.send(response, 404, NOT_FOUND);
            return;
        }
        if (e == null || expire(id, e, now)) {
            HttpErrors.send(response, 404, NOT_FOUND);
            return;
        }
        e.open.incrementAndGet();
        e.lastUsed = now;
        try {
            chain.doFilter(request, response);
        } finally {
            RequestEnd.then(request, () -> release(e));
        }
        if (request.getMethod().equals("DELETE") && response.getStatus() < 300) {
            forget(id);
        }
    }

    private void create(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String owner) throws IOException, ServletException {
        Quota.Grant grant = slots.acquire(owner);
        if (grant != Quota.Grant.GRANTED && sweep() > 0) {
            grant = slots.acquire(owner);
        }
        if (grant != Quota.Grant.GRANTED) {
            boolean mine = grant == Quota.Grant.CALLER_FULL;
            LOG.warn("refused a new session from {}: {} sessions open {}", request.getRemoteAddr(), mine ? slots.perCaller() : slots.total(),
                    mine ? "with its token (MCP_MAX_SESSIONS_PER_TOKEN)" : "(MCP_MAX_SESSIONS)");
            response.setHeader("Retry-After", "30");
            request.getInputStream().readNBytes(64 * 1024); // read the (small) initialize body so the connection stays usable
            HttpErrors.send(response, 503, mine
                    ? "There are already " + slots.perCaller() + " open MCP sessions with this token (MCP_MAX_SESSIONS_PER_TOKEN): close a client "
                    + "you no longer use, or wait for idle sessions to expire (MCP_SESSION_IDLE_TIMEOUT), then connect again."
                    : "The server already has " + slots.total() + " open MCP sessions (MCP_MAX_SESSIONS): close a client you no longer use, "
                    + "or wait for idle sessions to expire (MCP_SESSION_IDLE_TIMEOUT), then connect again.");
            return;
        }
        SessionIdCapture capture = new SessionIdCapture(response);
        boolean created = false;
        try {
            chain.doFilter(request, capture);
            String id = capture.sessionId;
            if (id != null && capture.getStatus() < 300) {
                sessions.put(id, new Entry(owner, clock.getAsLong()));
                created = true;
                LOG.debug("session {} opened by {}", id, request.getRemoteAddr());
            }
        } finally {
            if (!created) {
                slots.release(owner);
            }
        }
    }

    /** Forgets the session if it is idle past the limit with nothing open; true if it did. */
    private boolean expire(String id, Entry e, long now) {
        if (e.open.get() == 0 && now - e.lastUsed > idleNanos && sessions.remove(id, e)) {
            slots.release(e.owner);
            LOG.debug("session {} expired after {} s idle", id, idleNanos / 1_000_000_000);
            return true;
        }
        return false;
    }

    /** Drops every expired session; returns how many. Also run periodically so slots free up without traffic. */
    int sweep() {
        long now = clock.getAsLong();
        int n = 0;
        for (var entry : sessions.entrySet()) {
            if (expire(entry.getKey(), entry.getValue(), now)) {
                n++;
            }
        }
        return n;
    }

    private void forget(String id) {
        Entry e = sessions.remove(id);
        if (e != null) {
            slots.release(e.owner);
        }
    }

    private void release(Entry e) {
        e.lastUsed = clock.getAsLong();
        e.open.decrementAndGet();
    }

    private static String owner(HttpServletRequest request) {
        Object fingerprint = request.getAttribute(BearerAuthFilter.FINGERPRINT);
        return fingerprint != null ? fingerprint.toString() : "anonymous"; // MCP_AUTH=none: loopback only, one trust domain
    }

    private static String ownerFingerprint(String owner) {
        return owner.equals("anonymous") ? null : owner;
    }

    /** Remembers the session id the SDK gives a new session. */
    private static final class SessionIdCapture extends HttpServletResponseWrapper {
        volatile String sessionId;

        SessionIdCapture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (SESSION_HEADER.equalsIgnoreCase(name)) {
                sessionId = value;
            }
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (SESSION_HEADER.equalsIgnoreCase(name)) {
                sessionId = value;
            }
            super.addHeader(name, value);
        }
    }
}
