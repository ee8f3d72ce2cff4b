package dockermcp.tools;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tool calls in progress, by session and JSON-RPC request id, so that a client's {@code notifications/cancelled}
 * can abandon the call: its thread is interrupted, which aborts the request to the engine.
 */
public final class InFlightCalls {

    /**
     * The {@code _meta} key under which a transport passes the key of a tools/call: its session and JSON-RPC
     * request id, which the transport later names to cancel it. Clients cannot set it: transports overwrite it.
     */
    public static final String REQUEST_ID_META = "dockermcp/requestId";

    private final Map<String, Thread> calls = new ConcurrentHashMap<>();
    /** Calls cancelled after the transport passed them on but before they started: they end as soon as they start. */
    private final java.util.Set<String> forestalled = ConcurrentHashMap.newKeySet();

    void started(String requestId) {
        if (requestId != null) {
            calls.put(requestId, Thread.currentThread());
            if (forestalled.remove(requestId)) {
                Thread.currentThread().interrupt(); // the client cancelled it while it waited for a thread
            }
        }
    }

    void ended(String requestId) {
        if (requestId != null) {
            calls.remove(requestId, Thread.currentThread());
            forestalled.remove(requestId);
            Thread.interrupted(); // a cancellation that arrived as the call ended must not leak into the next task of this thread
        }
    }

    /** Interrupts the call with this request id, if it is still running; true when there was one. */
    public boolean cancel(String requestId) {
        Thread t = calls.remove(requestId);
        if (t != null) {
            t.interrupt();
            return true;
        }
        return false;
    }

    /**
     * Cancels a call the transport knows it passed on and has not answered: interrupted if running, else ended as soon
     * as it starts. The transport must {@link #forget} the key when the call is answered.
     */
    public void cancelOwed(String requestId) {
        if (!cancel(requestId)) {
            forestalled.add(requestId);
            if (calls.containsKey(requestId)) { // it started in between
                cancel(requestId);
                forestalled.remove(requestId);
            }
        }
    }

    /** The call with this key was answered: a cancellation that never found it running is dropped. */
    public void forget(String requestId) {
        forestalled.remove(requestId);
    }

    /** Interrupts every running call whose key starts with {@code keyPrefix} (one session's calls); returns how many. */
    public int cancelAll(String keyPrefix) {
        int n = 0;
        for (String key : calls.keySet()) {
            if (key.startsWith(keyPrefix) && cancel(key)) {
                n++;
            }
        }
        return n;
    }
}
