package dockermcp.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Closes a connection whose request outlives its deadline. One daemon thread for every engine, which sleeps until the
 * earliest deadline it knows or for the shortest timeout ever watched, whichever comes first: a request registered
 * while it sleeps cannot fall due before it wakes, so starting or finishing a request never wakes it. (The scheduled
 * executor this replaces was signalled by each new earliest deadline: one thread wake-up per engine request.)
 */
final class Deadlines {

    private static final Set<Watch> WATCHED = ConcurrentHashMap.newKeySet();
    private static volatile long shortestNanos = Long.MAX_VALUE;
    private static Thread sweeper;

    private Deadlines() {
    }

    /** A request being watched; {@link #done} when it is finished. */
    static final class Watch {
        private final EngineConnection conn;
        private final long deadline;

        private Watch(EngineConnection conn, long deadline) {
            this.conn = conn;
            this.deadline = deadline;
        }

        void done() {
            WATCHED.remove(this);
        }
    }

    /** Watches {@code conn}: past {@code timeoutNanos} from now it is marked timed out and closed. */
    static Watch watch(EngineConnection conn, long timeoutNanos) {
        Watch w = new Watch(conn, System.nanoTime() + timeoutNanos);
        if (timeoutNanos < shortestNanos) {
            shorter(timeoutNanos); // rare: the first request, or an engine with a shorter timeout than any before
        }
        WATCHED.add(w);
        return w;
    }

    private static synchronized void shorter(long timeoutNanos) {
        if (timeoutNanos >= shortestNanos) {
            return;
        }
        shortestNanos = Math.max(timeoutNanos, 1_000_000L);
        if (sweeper == null) {
            sweeper = new Thread(Deadlines::sweep, "engine-timeouts");
            sweeper.setDaemon(true);
            sweeper.start();
        } else {
            LockSupport.unpark(sweeper); // it may be asleep for longer than the new shortest timeout
        }
    }

    private static void sweep() {
        for (;;) {
            long now = System.nanoTime();
            long wake = now + shortestNanos;
            for (Watch w : WATCHED) {
                if (now - w.deadline >= 0) {
                    WATCHED.remove(w);
                    w.conn.timedOut = true;
                    w.conn.close();
                } else if (w.deadline - wake < 0) {
                    wake = w.deadline;
                }
            }
            LockSupport.parkNanos(wake - now); // an early return (unpark, spurious) only sweeps once more
        }
    }
}
