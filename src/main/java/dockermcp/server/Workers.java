package dockermcp.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The worker pool for tool calls and their fan-out across hosts and containers. */
public final class Workers {

    private Workers() {
    }

    /** Daemon threads, so they never hold the JVM; unbounded queueing is avoided by handing each task to a thread. */
    public static ExecutorService pool() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(0, 512, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
