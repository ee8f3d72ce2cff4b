package dockermcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Body size (413), session count (503), per-token rate (429) and idle expiry (404), each with small limits. */
class LimitsTest {

    @TempDir
    Path dir;

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrChunked() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of("MCP_MAX_BODY_BYTES", "4096"))) {
            String declared = s.raw("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestServer.TOKEN_A
                    + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: 5000000\r\n\r\n{");
            assertThat(TestServer.status(declared)).isEqualTo(413);
            assertThat(declared).contains("MCP_MAX_BODY_BYTES");

            String padded = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(10_000) + "\"}}";
            String chunked = s.raw("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestServer.TOKEN_A
                    + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(padded.length()) + "\r\n" + padded + "\r\n0\r\n\r\n");
            assertThat(TestServer.status(chunked)).as("chunked, no session yet").isEqualTo(413);
            assertThat(chunked).contains("MCP_MAX_BODY_BYTES").doesNotContainIgnoringCase("jetty").doesNotContain("Early EOF");

            String session = s.openSession(TestServer.TOKEN_A);
            byte[] big = padded.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> streamed = s.send(s.post(TestServer.TOKEN_A, "").header("Mcp-Session-Id", session)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
            assertThat(streamed.statusCode()).as("chunked, in a session").isEqualTo(413);
            assertThat(streamed.body()).doesNotContainIgnoringCase("jetty");
        }
    }

    @Test
    void oneTokenCannotTakeEverySession() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of("MCP_RATE_LIMIT", "0"))) {
            int opened = 0;
            HttpResponse<String> refused = null;
            for (int i = 0; i < 64; i++) { // the outside test's figure: the whole default session limit of one token
                HttpResponse<String> r = s.send(s.post(TestServer.TOKEN_A, TestServer.INIT));
                if (r.statusCode() == 200) {
                    opened++;
                } else {
                    assertThat(r.statusCode()).isEqualTo(503);
                    refused = r;
                }
            }
            assertThat(opened).isEqualTo(32);
            assertThat(refused).isNotNull();
            assertThat(TestServer.message(refused.body()).at("/error/message").asString()).contains("MCP_MAX_SESSIONS_PER_TOKEN");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(s.send(s.post(TestServer.TOKEN_B, TestServer.INIT)).statusCode()).as("another token still gets a session").isEqualTo(200);
        }
    }

    @Test
    void theGlobalSessionLimitStandsAboveThePerTokenOnes() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of("MCP_MAX_SESSIONS", "3", "MCP_MAX_SESSIONS_PER_TOKEN", "2"))) {
            s.openSession(TestServer.TOKEN_A);
            s.openSession(TestServer.TOKEN_A);
            HttpResponse<String> third = s.send(s.post(TestServer.TOKEN_A, TestServer.INIT));
            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(TestServer.message(third.body()).at("/error/message").asString()).contains("2 open MCP sessions with this token");
            s.openSession(TestServer.TOKEN_B);
            HttpResponse<String> fourth = s.send(s.post(TestServer.TOKEN_B, TestServer.INIT));
            assertThat(fourth.statusCode()).isEqualTo(503);
            assertThat(TestServer.message(fourth.body()).at("/error/message").asString()).contains("3 open MCP sessions").contains("(MCP_MAX_SESSIONS)");
        }
    }

    @Test
    void oneSessionMoreThanTheLimitIs503WithAClearBody() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of("MCP_MAX_SESSIONS", "2"))) {
            s.openSession(TestServer.TOKEN_A);
            String second = s.openSession(TestServer.TOKEN_B);
            HttpResponse<String> third = s.send(s.post(TestServer.TOKEN_A, TestServer.INIT));
            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(TestServer.message(third.body()).at("/error/message").asString())
                    .contains("2 open MCP sessions").contains("MCP_MAX_SESSIONS");
            assertThat(third.headers().firstValue("Retry-After")).isPresent();

            HttpResponse<String> delete = s.send(s.post(TestServer.TOKEN_B, "").header("Mcp-Session-Id", second).DELETE());
            assertThat(delete.statusCode()).isEqualTo(200);
            assertThat(s.openSession(TestServer.TOKEN_A)).as("a closed session frees its slot").isNotBlank();
        }
    }

    @Test
    void requestsOverTheRatePerTokenAre429WithRetryAfterAndOtherTokensAreNotAffected() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of("MCP_RATE_LIMIT", "60", "MCP_RATE_BURST", "5"))) {
            String session = s.openSession(TestServer.TOKEN_A); // 2 requests
            int ok = 0;
            HttpResponse<String> limited = null;
            for (int i = 0; i < 10 && limited == null; i++) {
                HttpResponse<String> r = s.ping(TestServer.TOKEN_A, session);
                if (r.statusCode() == 429) {
                    limited = r;
                } else {
                    ok++;
                }
            }
            assertThat(ok).isEqualTo(3);
            assertThat(limited).isNotNull();
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(TestServer.message(limited.body()).at("/error/message").asString()).contains("60 per minute");
            assertThat(s.openSession(TestServer.TOKEN_B)).as("token B has its own budget").isNotBlank();
            Thread.sleep(1100);
            assertThat(s.ping(TestServer.TOKEN_A, session).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSessionIdleLongerThanTheTimeoutIsGone() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of("MCP_SESSION_IDLE_TIMEOUT", "1s"))) {
            String kept = s.openSession(TestServer.TOKEN_A);
            String idle = s.openSession(TestServer.TOKEN_A);
            for (int i = 0; i < 4; i++) {
                Thread.sleep(400);
                assertThat(s.ping(TestServer.TOKEN_A, kept).statusCode()).as("used within the timeout").isEqualTo(200);
            }
            HttpResponse<String> expired = s.ping(TestServer.TOKEN_A, idle);
            assertThat(expired.statusCode()).isEqualTo(404);
            assertThat(TestServer.message(expired.body()).at("/error/message").asString()).contains("start a new session");
        }
    }
}
