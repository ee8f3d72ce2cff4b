package dockermcp.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HalvesTest {

    private static final int LONG = 64 * 1024;

    @Test
    void eachHalfRunsExactlyOnceEvenWhenManyCallsShareTheHelpers() throws Exception {
        AtomicInteger firsts = new AtomicInteger();
        AtomicInteger seconds = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                calls.add(callers.submit(() -> {
                    for (int k = 0; k < 500; k++) {
                        int[] seen = new int[2];
                        Halves.both(LONG, () -> {
                            seen[0]++;
                            firsts.incrementAndGet();
                        }, () -> {
                            seen[1]++;
                            seconds.incrementAndGet();
                        });
                        assertThat(seen).as("both halves done, once each, when both() returns").containsExactly(1, 1);
                    }
                }));
            }
            for (Future<?> f : calls) {
                f.get();
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(firsts.get()).isEqualTo(4000);
        assertThat(seconds.get()).isEqualTo(4000);
    }

    @Test
    void aFailureOfEitherHalfReachesTheCaller() {
        assertThatThrownBy(() -> Halves.both(LONG, () -> { }, () -> {
            throw new IllegalStateException("second");
        })).isInstanceOf(IllegalStateException.class).hasMessage("second");
        assertThatThrownBy(() -> Halves.both(LONG, () -> {
            throw new IllegalArgumentException("first");
        }, () -> { })).isInstanceOf(IllegalArgumentException.class).hasMessage("first");
    }

    @Test
    void aShortTextIsReadByTheCallerAloneInOrder() {
        List<String> order = new ArrayList<>();
        Thread caller = Thread.currentThread();
        Halves.both(100, () -> order.add("first " + (Thread.currentThread() == caller)),
                () -> order.add("second " + (Thread.currentThread() == caller)));
        assertThat(order).containsExactly("first true", "second true");
    }
}
