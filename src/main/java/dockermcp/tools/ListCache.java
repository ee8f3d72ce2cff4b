package dockermcp.tools;

import dockermcp.engine.EngineException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The short cache for list answers (CACHE_TTL): one host's engine data for one request, reused for a few seconds,
 * and one engine request shared by identical calls made at the same time (single flight). It holds engine data,
 * before visibility and redaction: those rules are fixed for the life of the process and still run on every call.
 * The key is the host and the whole request, so an answer never serves another host or other parameters.
 */
final class ListCache {

    /** More distinct requests than this within one TTL are answered uncached rather than held in memory. */
    static final int MAX_ENTRIES = 64;

    private final long ttlNanos;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    interface Load<T> {
        T load() throws EngineException;
    }

    /** A value, and whether it was an earlier or a shared request's answer ({@code ageNanos} since the engine answered). */
    record Cached<T>(T value, boolean reused, long ageNanos) {
    }

    private static final class Entry {
        final CompletableFuture<Object> answer = new CompletableFuture<>();
        volatile long answeredAt;

        boolean usable(long now, long ttl) {
            return !answer.isDone() || (!answer.isCompletedExceptionally() && now - answeredAt < ttl);
        }
    }

    ListCache(Duration ttl, LongSupplier clock) {
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
    }

    ListCache(Duration ttl) {
        this(ttl, System::nanoTime);
    }

    /** The answer for {@code host} and {@code request}: a fresh or in-flight one when there is one, else {@code load}'s. */
    <T> Cached<T> get(String host, String request, Load<T> load) throws EngineException {
        String key = host + '\u0000' + request;
        long now = clock.getAsLong();
        entries.values().removeIf(e -> !e.usable(now, ttlNanos)); // at most MAX_ENTRIES: no answer is held past its TTL for long
        if (entries.size() >= MAX_ENTRIES && !entries.containsKey(key)) {
            return new Cached<>(load.load(), false, 0);
        }
        Entry mine = new Entry();
        Entry entry = entries.compute(key, (k, old) -> old != null && old.usable(now, ttlNanos) ? old : mine);
        return entry == mine ? lead(key, mine, load) : follow(entry);
    }

    private <T> Cached<T> lead(String key, Entry mine, Load<T> load) throws EngineException {
        try {
            T value = load.load();
            mine.answeredAt = clock.getAsLong();
            mine.answer.complete(value);
            return new Cached<>(value, false, 0);
        } catch (Throwable t) { // failures are shared with those waiting, never kept
            entries.remove(key, mine);
            mine.answer.completeExceptionally(t);
            throw t;
        }
    }

    @SuppressWarnings("unchecked")
    private <T> Cached<T> follow(Entry entry) throws EngineException {
        try {
            T value = (T) entry.answer.get();
            return new Cached<>(value, true, Math.max(0, clock.getAsLong() - entry.answeredAt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(EngineException.Kind.TIMEOUT, "The call was cancelled.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EngineException ee) {
                throw ee;
            }
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /** Marks a structured answer as (partly) cached: {@code cache.ageMs} is the oldest reused host answer's age. */
    static void note(ObjectNode out, long ageMillis, Duration ttl) {
        if (ageMillis >= 0) {
            out.putObject("cache").put("ageMs", ageMillis).put("ttlMs", ttl.toMillis());
        }
    }

    static java.util.Map<String, Object> schema() {
        return Schema.object().prop("ageMs", Schema.type("integer")).prop("ttlMs", Schema.type("integer")).required("ageMs", "ttlMs").build();
    }

    /** The text line for a cached answer, empty for a fresh one. */
    static String line(ObjectNode out) {
        JsonNode c = out.get("cache");
        if (c == null) {
            return "";
        }
        return String.format(Locale.ROOT, "\n(cached answer, %.1f s old; CACHE_TTL=%.1fs: changes made since then are not shown yet)",
                c.get("ageMs").asLong() / 1000.0, c.get("ttlMs").asLong() / 1000.0);
    }
}
