package dockermcp.security.secrets;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs two halves of the redaction of a long text at once (the detector's two groups of rules; the lines' plain views;
 * their results put back), the second on a helper thread, so that the redaction of a 64 KiB log answer takes about half
 * the time on a machine with two cores or more. The CPU spent is the same. Whichever comes first runs the second half: the helper, or the caller once its own half is done, so a busy
 * helper (other calls redacting) never makes a call wait longer than doing both halves itself. One core: no helper.
 */
public final class Halves {

    /** Below this many characters, handing a half to another thread costs more than it saves. */
    private static final int PARALLEL_MIN = 8 * 1024;

    private static final int HELPERS = Math.min(4, Runtime.getRuntime().availableProcessors() - 1);
    private static final ThreadPoolExecutor POOL = HELPERS < 1 ? null : pool();

    private Halves() {
    }

    private static ThreadPoolExecutor pool() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor p = new ThreadPoolExecutor(HELPERS, HELPERS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "redaction-" + n.incrementAndGet());
            t.setDaemon(true); // never holds the JVM; started at the first long text, gone after 30 s idle
            return t;
        });
        p.allowCoreThreadTimeOut(true);
        return p;
    }

    /** Two results computed at once. */
    public record Both<A, B>(A first, B second) {
    }

    /** Computes both, at once when the text they read has {@code length} characters or more ({@link #both(int, Runnable, Runnable)}). */
    @SuppressWarnings("unchecked")
    public static <A, B> Both<A, B> compute(int length, Supplier<A> first, Supplier<B> second) {
        Object[] out = new Object[2];
        both(length, () -> {
            out[0] = first.get();
        }, () -> {
            out[1] = second.get();
        });
        return new Both<>((A) out[0], (B) out[1]);
    }

    /** Calls {@code each} for 0..n-1, the two halves of the range at once when the text has {@code length} characters or more. */
    public static void range(int length, int n, IntConsumer each) {
        both(length, () -> {
            for (int i = 0; i < n / 2; i++) {
                each.accept(i);
            }
        }, () -> {
            for (int i = n / 2; i < n; i++) {
                each.accept(i);
            }
        });
    }

    /**
     * Runs both, at once when the text they read has {@code length} characters or more; returns when both are done. An
     * exception of either reaches the caller as it would have serially.
     */
    public static void both(int length, Runnable first, Runnable second) {
        if (POOL == null || length < PARALLEL_MIN) {
            first.run();
            second.run();
            return;
        }
        AtomicBoolean taken = new AtomicBoolean();
        CompletableFuture<Void> done = new CompletableFuture<>();
        POOL.execute(() -> {
            if (taken.compareAndSet(false, true)) {
                try {
                    second.run();
                    done.complete(null);
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            }
        });
        first.run();
        if (taken.compareAndSet(false, true)) {
            second.run(); // the helper had not started it: done here, its queued turn does nothing
            return;
        }
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
