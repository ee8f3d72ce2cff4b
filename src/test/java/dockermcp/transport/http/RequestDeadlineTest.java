package dockermcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MCP_REQUEST_TIMEOUT against a servlet that behaves like the SDK's: it starts an SSE answer, then waits for the
 * tool (here: forever) and completes the stream when the wait is interrupted.
 */
class RequestDeadlineTest {

    Server jetty;
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    volatile boolean threadWasCleared;

    static final class SlowToolServlet extends HttpServlet {
        final RequestDeadlineTest test;

        SlowToolServlet(RequestDeadlineTest test) {
            this.test = test;
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
            resp.setContentType("text/event-stream");
            AsyncContext async = req.startAsync();
            async.setTimeout(0);
            try {
                long ms = Long.parseLong(req.getParameter("ms"));
                Thread.sleep(ms);
                resp.getWriter().write("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n");
            } catch (InterruptedException | java.io.IOException e) {
                // the SDK logs "Failed to handle request stream" and completes
            }
            async.complete();
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
            test.threadWasCleared = !Thread.currentThread().isInterrupted();
            resp.getWriter().write("fine");
        }
    }

    @BeforeEach
    void start() throws Exception {
        jetty = new Server();
        ServerConnector c = new ServerConnector(jetty);
        c.setHost("127.0.0.1");
        jetty.addConnector(c);
        ServletContextHandler ctx = new ServletContextHandler("/");
        FilterHolder f = new FilterHolder(new RequestDeadlineFilter(Duration.ofMillis(500), timer));
        f.setAsyncSupported(true);
        ctx.addFilter(f, "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        ServletHolder s = new ServletHolder(new SlowToolServlet(this));
        s.setAsyncSupported(true);
        ctx.addServlet(s, "/mcp");
        jetty.setHandler(ctx);
        jetty.start();
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
        timer.shutdownNow();
    }

    private HttpResponse<String> post(long ms) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/mcp?ms=" + ms);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestPastTheDeadlineIsAnswered504WithASentence() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = post(60_000);
        // not before the deadline, and well before the handler's own 60 s: the deadline ended it (a bound no busy machine misses)
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(400L, 50_000L);
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).contains("MCP_REQUEST_TIMEOUT");
    }

    @Test
    void aRequestWithinTheDeadlineIsUntouchedAndNoInterruptLeaksIntoTheNextRequest() throws Exception {
        HttpResponse<String> r = post(100);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"result\"");
        post(60_000);
        for (int i = 0; i < 20; i++) {
            URI uri = URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/mcp");
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(threadWasCleared).isTrue();
        }
    }
}
