package dockermcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dockermcp.engine.EngineException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ListCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ListCache cache = new ListCache(Duration.ofSeconds(2), now::get);
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String answer) {
        loads.incrementAndGet();
        return answer;
    }

    @Test
    void aSecondCallWithinTheTtlIsServedFromTheCacheWithItsAge() throws Exception {
        assertThat(cache.get("local", "containers all=true", () -> load("a")).reused()).isFalse();
        now.addAndGet(Duration.ofMillis(1500).toNanos());
        ListCache.Cached<String> again = cache.get("local", "containers all=true", () -> load("b"));
        assertThat(again.value()).isEqualTo("a");
        assertThat(again.reused()).isTrue();
        assertThat(again.ageNanos()).isEqualTo(Duration.ofMillis(1500).toNanos());
        assertThat(loads).hasValue(1);
    }

    @Test
    void afterTheTtlTheEngineIsAskedAgain() throws Exception {
        cache.get("local", "images", () -> load("old"));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        ListCache.Cached<String> next = cache.get("local", "images", () -> load("new"));
        assertThat(next.value()).isEqualTo("new");
        assertThat(next.reused()).isFalse();
    }

    @Test
    void anotherHostOrOtherParametersNeverShareAnAnswer() throws Exception {
        cache.get("local", "containers filters={\"name\":[\"web\"]}", () -> load("local web"));
        assertThat(cache.get("remote", "containers filters={\"name\":[\"web\"]}", () -> load("remote web")).value()).isEqualTo("remote web");
        assertThat(cache.get("local", "containers filters={\"name\":[\"db\"]}", () -> load("local db")).value()).isEqualTo("local db");
        assertThat(cache.get("local", "images filters={\"name\":[\"web\"]}", () -> load("local images")).value()).isEqualTo("local images");
        // a host name cannot run into the request: the separator is a character no configured name or request holds
        assertThat(cache.get("local\u0000containers", " filters={\"name\":[\"web\"]}", () -> load("x")).value()).isEqualTo("x");
        assertThat(loads).hasValue(5);
    }

    @Test
    void failuresAreNotKept() throws Exception {
        EngineException down = new EngineException(EngineException.Kind.TIMEOUT, "Host 'local' did not answer.");
        assertThatThrownBy(() -> cache.get("local", "volumes", () -> {
            throw down;
        })).isSameAs(down);
        assertThat(cache.get("local", "volumes", () -> load("up")).value()).isEqualTo("up");
    }

    @Test
    void identicalCallsAtTheSameTimeShareOneEngineRequest() throws Exception {
        CountDownLatch inEngine = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<ListCache.Cached<String>> leader = pool.submit(() -> cache.get("local", "networks", () -> {
                inEngine.countDown();
                hold(release);
                return load("shared");
            }));
            inEngine.await();
            List<Future<ListCache.Cached<String>>> followers = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                followers.add(pool.submit(() -> cache.get("local", "networks", () -> load("second request"))));
            }
            release.countDown();
            assertThat(leader.get().reused()).isFalse();
            for (var f : followers) {
                assertThat(f.get().value()).isEqualTo("shared");
                assertThat(f.get().reused()).isTrue();
            }
            assertThat(loads).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureInFlightReachesEveryCallerWaitingForItAndIsNotKept() throws Exception {
        CountDownLatch inEngine = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            pool.submit(() -> cache.get("local", "images", () -> {
                inEngine.countDown();
                hold(release);
                throw new EngineException(EngineException.Kind.NO_SOCKET, "Cannot reach Docker.");
            }));
            inEngine.await();
            java.util.concurrent.atomic.AtomicReference<Throwable> seen = new java.util.concurrent.atomic.AtomicReference<>();
            Thread follower = new Thread(() -> {
                try {
                    cache.get("local", "images", () -> load("unused"));
                } catch (Throwable t) {
                    seen.set(t);
                }
            });
            follower.start();
            while (follower.getState() != Thread.State.WAITING) { // parked on the request in flight
                Thread.onSpinWait();
            }
            release.countDown();
            follower.join();
            assertThat(seen.get()).isInstanceOf(EngineException.class).hasMessage("Cannot reach Docker.");
            assertThat(cache.get("local", "images", () -> load("after")).value()).isEqualTo("after");
            assertThat(loads).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void moreDistinctRequestsThanTheCapAreAnsweredWithoutBeingKept() throws Exception {
        for (int i = 0; i < ListCache.MAX_ENTRIES; i++) {
            cache.get("local", "containers name=" + i, () -> load("kept"));
        }
        cache.get("local", "containers name=extra", () -> load("extra"));
        assertThat(cache.get("local", "containers name=extra", () -> load("extra again")).reused()).isFalse();
        now.addAndGet(Duration.ofSeconds(3).toNanos()); // all expired: purged to make room
        cache.get("local", "containers name=extra", () -> load("extra"));
        assertThat(cache.get("local", "containers name=extra", () -> load("extra again")).reused()).isTrue();
    }
}
