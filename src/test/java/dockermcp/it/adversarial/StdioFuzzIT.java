package dockermcp.it.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3 §1: raw stdio frames a broken or hostile client may write, fed to the packaged server. For each
 * frame: no crash, no hang, a JSON-RPC error (or an isError result) where a reply is due, and the server
 * still answers ping afterwards. A frame that stops the server is reported with its exact bytes, and the
 * next frame gets a fresh server.
 */
@Timeout(120)
class StdioFuzzIT {

    static final Duration PING = JarServer.HANG_GUARD;

    @TempDir
    static Path dir;
    static JarServer server;
    static int restarts;

    @BeforeAll
    static void start() throws Exception {
        server = fresh();
    }

    static JarServer fresh() throws Exception {
        return JarServer.started(TestEngines.shared().local(), dir, List.of("-Xmx256m"));
    }

    @AfterAll
    static void stop() {
        System.out.println("StdioFuzzIT: the server had to be restarted " + restarts + " times");
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dockermcp.it.adversarial.HostileFrames#all")
    void theServerSurvivesTheFrameAndAnswersWhereAReplyIsDue(HostileFrames.Frame frame) throws Exception {
        List<String> problems = new ArrayList<>();
        CompletableFuture<JsonNode> reply = frame.replyId() == null ? null : server.expect(frame.replyId());
        int unsolicitedBefore = server.unsolicited().size();
        // a server that stops reading stdin would block a plain write for ever (pipe writes ignore interrupts)
        JarServer target = server;
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            try {
                target.sendRaw(frame.bytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        boolean written;
        try {
            write.get(20, TimeUnit.SECONDS);
            written = true;
        } catch (Exception e) {
            written = false;
            problems.add("the server stopped reading stdin while the frame was being written");
        }
        boolean pong = written && server.ping(PING);
        if (frame.replyDue()) {
            // the reply to the frame's own id, or (when the server could not read the id) an error with id null
            JsonNode r = null;
            if (reply != null) {
                try {
                    r = reply.get(pong ? 500 : 10, TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    r = null;
                }
            } else {
                Thread.sleep(200);
            }
            if (r == null) {
                List<JsonNode> news = server.unsolicited().subList(unsolicitedBefore, server.unsolicited().size());
                r = news.stream().filter(m -> m.has("error") && m.path("id").isNull()).findFirst().orElse(null);
            }
            if (r == null) {
                problems.add(reply != null ? "no reply to the frame (neither with its id nor with id null)"
                        : "no JSON-RPC error (id null) for a frame that is not a valid request");
            }
            if (r != null) {
                boolean ok = r.has("error") ? r.at("/error/code").isIntegralNumber() && !CorpusIT.LEAKED_INTERNALS.matcher(r.at("/error/message").asString("")).find()
                        : r.has("result");
                if (!ok) {
                    problems.add("a reply that is neither a clean JSON-RPC error nor a result: " + CorpusIT.shorten(r.toString()));
                }
                if (r.has("result") && r.at("/result/isError").asBoolean(false)) {
                    String p = CorpusIT.sentenceProblem(r.at("/result/content/0/text").asString(""));
                    if (p != null) {
                        problems.add(p);
                    }
                }
            }
        }
        if (!pong) {
            problems.add(server.alive() ? "the server no longer answers ping (alive but deaf)" : "the server process died");
        }
        if (!server.garbage().isEmpty()) {
            problems.add("non-JSON on stdout: " + server.garbage());
            server.garbage().clear();
        }
        if (!problems.isEmpty()) {
            server.close();
            restarts++;
            server = fresh();
            String failure = "frame '" + frame.label() + "' [" + frame.shown() + "]: " + String.join("; ", problems);
            throw new AssertionError(failure);
        }
    }

    /**
     * A client that writes 5000 requests while it reads nothing, then reads: every request is answered. The server
     * may pause reading stdin while its answers wait to be read (backpressure), but must neither drop a request nor
     * stop reading for good. Every wait here is bounded by {@link JarServer#HANG_GUARD}, so a server that stops
     * reading fails this test (and is killed) instead of hanging the run; the method's own timeout is the last resort.
     */
    @Test
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void fiveThousandRequestsWrittenWithoutReadingAreAllAnswered() throws Exception {
        try (JarServer s = fresh()) {
            s.holdOutput();
            List<CompletableFuture<JsonNode>> replies = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                ids.add("\"bulk-" + i + "\"");
                replies.add(s.expect(ids.get(i)));
            }
            long t0 = System.nanoTime();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 5000; i++) {
                        String id = ids.get(i);
                        String frame = switch (i % 4) {
                            case 0 -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}";
                            case 1 -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\"}";
                            case 2 -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"docker_inspect\",\"arguments\":{\"container\":\"../x" + i + "\"}}}";
                            default -> "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"docker_list_images\",\"arguments\":{\"reference\":\"dms-fixture:1\"}}}";
                        };
                        s.sendLine(frame);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            boolean wroteAllWithoutReading;
            try {
                writer.get(30, TimeUnit.SECONDS);
                wroteAllWithoutReading = true;
            } catch (java.util.concurrent.TimeoutException e) {
                wroteAllWithoutReading = false;
            } finally {
                s.releaseOutput();
            }
            long writtenMs = (System.nanoTime() - t0) / 1_000_000;
            long released = System.nanoTime();
            try {
                writer.get(JarServer.HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                throw new AssertionError("the server stopped reading stdin: its output has been read again for "
                        + JarServer.HANG_GUARD.toSeconds() + " s and the requests could still not all be written (" + e.getMessage()
                        + "); server stderr:\n" + tail(s.stderr()));
            }
            int answered = 0;
            List<String> missing = new ArrayList<>();
            long deadline = released + JarServer.HANG_GUARD.toNanos();
            for (int i = 0; i < replies.size(); i++) {
                try {
                    JsonNode r = replies.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (r.has("result") || r.has("error")) {
                        answered++;
                    }
                } catch (Exception e) {
                    missing.add(ids.get(i));
                }
            }
            long totalMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("StdioFuzzIT: 5000 requests written in %d ms without reading (%s), all read after %d ms; %d answered%n",
                    writtenMs, wroteAllWithoutReading ? "the server kept draining stdin" : "the writer waited: the server paused reading until its answers were read",
                    totalMs, answered);
            assertThat(missing).as("requests never answered; server stderr:\n" + tail(s.stderr())).isEmpty();
            assertThat(answered).isEqualTo(5000);
            assertThat(s.ping(JarServer.HANG_GUARD)).isTrue();
        }
    }

    private static String tail(String text) {
        return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
    }

    @Test
    void aFrameSplitAcrossWritesIsOneRequest() throws Exception {
        byte[] frame = "{\"jsonrpc\":\"2.0\",\"id\":\"split\",\"method\":\"tools/call\",\"params\":{\"name\":\"docker_connection_status\",\"arguments\":{}}}\n"
                .getBytes(StandardCharsets.UTF_8);
        CompletableFuture<JsonNode> reply = server.expect("\"split\"");
        for (int i = 0; i < frame.length; i += 7) {
            server.sendRaw(java.util.Arrays.copyOfRange(frame, i, Math.min(frame.length, i + 7)));
            Thread.sleep(2);
        }
        assertThat(reply.get(JarServer.HANG_GUARD.toSeconds(), TimeUnit.SECONDS).at("/result/isError").asBoolean(true)).isFalse();
    }

    @Test
    void stdinClosedAfterHostileFramesEndsTheProcess() throws Exception {
        JarServer s = fresh();
        s.sendLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"no/such\"}");
        assertThat(s.ping(PING)).isTrue();
        assertThat(s.stop(JarServer.HANG_GUARD)).as("exit code after stdin closed").isZero();
    }
}
