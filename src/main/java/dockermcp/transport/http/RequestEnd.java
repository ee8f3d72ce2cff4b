package dockermcp.transport.http;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an action once when a request is over: at once when it was answered on its thread, at the end of its
 * asynchronous answer (an SSE stream) otherwise. For counters of what is open, which must never leak a slot.
 */
final class RequestEnd {

    private RequestEnd() {
    }

    /** Call after the filter chain returned (in a finally). */
    static void then(HttpServletRequest request, Runnable action) {
        if (request.isAsyncStarted()) {
            try {
                request.getAsyncContext().addListener(new Once(action));
                return;
            } catch (IllegalStateException completedMeanwhile) {
                // the answer ended between the two calls: fall through
            }
        }
        action.run();
    }

    private static final class Once implements AsyncListener {
        private final Runnable action;
        private final AtomicBoolean done = new AtomicBoolean();

        Once(Runnable action) {
            this.action = action;
        }

        private void run() {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            run();
        }

        @Override
        public void onError(AsyncEvent event) {
            run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this); // a new asynchronous cycle of the same request: keep listening
        }
    }
}
