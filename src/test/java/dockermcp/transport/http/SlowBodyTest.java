package dockermcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests whose body never arrives: one token cannot hold more than its share of the server, the body has a
 * deadline, and /healthz and other tokens are answered meanwhile.
 */
class SlowBodyTest {

    private static final int SLOW_CONNECTIONS = 345; // the outside test's figure: more than the server has threads

    @TempDir
    Path dir;

    /** Headers with a valid token, Content-Length 100000, one byte of body, then nothing. */
    private static Socket slowBody(TestServer s, String token) throws IOException {
        Socket socket = new Socket("127.0.0.1", s.server.port());
        socket.getOutputStream().write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: 100000\r\n\r\n{")
                .getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    /** The status line's code of the answer on {@code socket}, waiting as long as the server takes. */
    private static int answer(Socket socket) throws IOException {
        socket.setSoTimeout(120_000); // only a server that never answers fails here
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while (head.size() < 12 && (c = in.read()) >= 0) {
            head.write(c);
        }
        return TestServer.status(head.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void manySlowBodiesWithOneTokenLeaveHealthzAndOtherTokensAnswered() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of("MCP_BODY_TIMEOUT", "20s", "MCP_RATE_LIMIT", "0", "MCP_MAX_CONCURRENT_PER_TOKEN", "16"))) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                    slow.add(slowBody(s, TestServer.TOKEN_A));
                }
                HttpRequest.Builder health = HttpRequest.newBuilder(s.uri("/healthz")).timeout(java.time.Duration.ofSeconds(60));
                assertThat(s.client.send(health.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
                assertThat(s.send(s.post(TestServer.TOKEN_B, TestServer.INIT).timeout(java.time.Duration.ofSeconds(60))).statusCode())
                        .as("another token is served").isEqualTo(200);

                int refused = 0;
                int timedOut = 0;
                for (Socket socket : slow) {
                    int status = answer(socket);
                    assertThat(status).isIn(429, 408);
                    if (status == 429) {
                        refused++;
                    } else {
                        timedOut++;
                    }
                }
                assertThat(timedOut).as("the requests admitted waited for their body until the deadline").isPositive();
                assertThat(refused).as("beyond the token's 16 at once: refused").isGreaterThanOrEqualTo(SLOW_CONNECTIONS - 2 * 16);
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
            assertThat(s.openSession(TestServer.TOKEN_A)).as("the token's slots are free again").isNotBlank();
        }
    }

    @Test
    void withoutTheRightTokenTheBodyIsNeverWaitedFor() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of("MCP_BODY_TIMEOUT", "10m"))) {
            try (Socket socket = slowBody(s, "w".repeat(40))) {
                assertThat(answer(socket)).as("answered while 99999 bytes are still missing").isEqualTo(401);
            }
        }
    }

    @Test
    void aBodyThatStopsArrivingIsAnswered408AfterTheBodyTimeout() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of("MCP_BODY_TIMEOUT", "1s"))) {
            try (Socket socket = slowBody(s, TestServer.TOKEN_A)) {
                assertThat(answer(socket)).isEqualTo(408);
                String rest = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(rest).contains("MCP_BODY_TIMEOUT").containsIgnoringCase("connection: close");
            }
        }
    }
}
