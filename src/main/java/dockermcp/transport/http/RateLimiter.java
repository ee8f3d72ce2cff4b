package dockermcp.transport.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A token bucket per caller: {@code burst} requests at once, refilled at {@code perMinute}. */
final class RateLimiter {

    private static final int MAX_TRACKED = 10_000;

    private record Bucket(double tokens, long at) {
    }

    private final double perNano;
    private final int burst;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, int burst, LongSupplier nanoClock) {
        this.perNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
        this.burst = burst;
        this.clock = nanoClock;
    }

    /** Takes one request from the caller's bucket: 0 if allowed, else how many milliseconds until one is. */
    long acquire(String caller) {
        long now = clock.getAsLong();
        if (buckets.size() >= MAX_TRACKED) {
            buckets.values().removeIf(b -> b.tokens() + (now - b.at()) * perNano >= burst); // full buckets carry no state
        }
        long[] wait = {0};
        buckets.compute(caller, (k, b) -> {
            double tokens = b == null ? burst : Math.min(burst, b.tokens() + (now - b.at()) * perNano);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1_000_000));
            return new Bucket(tokens, now);
        });
        return wait[0];
    }
}
