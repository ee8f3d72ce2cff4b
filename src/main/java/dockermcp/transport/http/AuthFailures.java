package dockermcp.transport.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Failed authentications per remote address. The first {@value #FREE_FAILURES} cost nothing; each one after that
 * slows the address down for 1 s, then 2, 4, ... up to {@value #MAX_BLOCK_SECONDS} s, during which its failed
 * requests are answered 429 without being evaluated further or audited: failures cost CPU and log lines, not more.
 * A request with a right token is never slowed down (a web page in the user's browser must not lock the user's own
 * client out); guessing is hopeless anyway with tokens of at least 32 characters. {@value #FORGET_AFTER_MINUTES}
 * minutes without a failure clear the address.
 */
final class AuthFailures {

    static final int FREE_FAILURES = 5;
    static final int MAX_BLOCK_SECONDS = 60;
    static final int FORGET_AFTER_MINUTES = 10;
    private static final int MAX_TRACKED = 100_000;

    private record State(int failures, long lastFailure, long blockedUntil) {
    }

    private final ConcurrentHashMap<String, State> byAddress = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    AuthFailures(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    AuthFailures() {
        this(System::nanoTime);
    }

    /** Milliseconds the address must still wait, 0 when it may try. */
    long blockedMillis(String address) {
        State s = byAddress.get(address);
        if (s == null) {
            return 0;
        }
        long left = s.blockedUntil() - clock.getAsLong();
        return left > 0 ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)) : 0;
    }

    void failed(String address) {
        long now = clock.getAsLong();
        if (byAddress.size() >= MAX_TRACKED) {
            forgetOld(now);
        }
        byAddress.compute(address, (a, s) -> {
            int n = s == null || now - s.lastFailure() > TimeUnit.MINUTES.toNanos(FORGET_AFTER_MINUTES) ? 1 : s.failures() + 1;
            long block = n <= FREE_FAILURES ? 0 : TimeUnit.SECONDS.toNanos(Math.min(MAX_BLOCK_SECONDS, 1L << Math.min(6, n - FREE_FAILURES - 1)));
            return new State(n, now, now + block);
        });
    }

    private void forgetOld(long now) {
        byAddress.values().removeIf(s -> now - s.lastFailure() > TimeUnit.MINUTES.toNanos(FORGET_AFTER_MINUTES));
        if (byAddress.size() >= MAX_TRACKED) {
            byAddress.clear(); // a flood from that many addresses: better to forget than to run out of memory
        }
    }
}
