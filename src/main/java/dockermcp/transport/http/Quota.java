package dockermcp.transport.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of something (open sessions, requests being handled) each caller holds, and all callers together:
 * one more is granted only under both limits, so one token can never take what the others need.
 */
final class Quota {

    enum Grant { GRANTED, CALLER_FULL, ALL_FULL }

    private final int perCaller;
    private final int total;
    private final ConcurrentHashMap<String, AtomicInteger> byCaller = new ConcurrentHashMap<>();
    private final AtomicInteger all = new AtomicInteger();

    Quota(int perCaller, int total) {
        this.perCaller = perCaller;
        this.total = total;
    }

    /** Takes one for {@code caller} if both limits allow it; a grant must be given back with {@link #release}. */
    Grant acquire(String caller) {
        AtomicInteger mine = byCaller.computeIfAbsent(caller, k -> new AtomicInteger());
        if (mine.incrementAndGet() > perCaller) {
            mine.decrementAndGet();
            return Grant.CALLER_FULL;
        }
        if (all.incrementAndGet() > total) {
            all.decrementAndGet();
            mine.decrementAndGet();
            return Grant.ALL_FULL;
        }
        return Grant.GRANTED;
    }

    void release(String caller) {
        AtomicInteger mine = byCaller.get(caller);
        if (mine != null) {
            mine.decrementAndGet();
            all.decrementAndGet();
        }
    }

    int held(String caller) {
        AtomicInteger mine = byCaller.get(caller);
        return mine == null ? 0 : mine.get();
    }

    int held() {
        return all.get();
    }

    int perCaller() {
        return perCaller;
    }

    int total() {
        return total;
    }
}
