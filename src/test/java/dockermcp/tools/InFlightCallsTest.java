package dockermcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cancelling calls: one running is interrupted; one cancelled while it waited for a thread ends as soon as it starts. */
class InFlightCallsTest {

    private final InFlightCalls calls = new InFlightCalls();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aCallCancelledBeforeItStartsIsInterruptedWhenItStarts() {
        calls.cancelOwed("s:1");
        calls.started("s:1");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        calls.ended("s:1");
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt does not leak into the thread's next task").isFalse();
    }

    @Test
    void aRunningCallIsInterruptedByItsCancellation() throws Exception {
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Boolean> interrupted = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            calls.started("s:2");
            running.countDown();
            try {
                Thread.sleep(600_000);
                interrupted.complete(false);
            } catch (InterruptedException e) {
                interrupted.complete(true);
            } finally {
                calls.ended("s:2");
            }
        });
        t.start();
        running.await();
        calls.cancelOwed("s:2");
        assertThat(interrupted.get(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCancellationForgottenAfterTheAnswerDoesNotTouchALaterCallWithTheSameId() {
        calls.cancelOwed("s:3");
        calls.forget("s:3"); // answered without ever starting (not a tool call)
        calls.started("s:3");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        calls.ended("s:3");
    }

    @Test
    void aCancellationNamingNoCallInterruptsNothing() {
        assertThat(calls.cancel("s:none")).isFalse();
        calls.started("s:4");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        calls.ended("s:4");
    }
}
