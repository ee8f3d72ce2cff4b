package dockermcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /healthz without authentication, ok or not ok and nothing more; no Server header or version anywhere. */
class HealthAndBannerTest {

    @TempDir
    Path dir;

    @Test
    void healthzNeedsNoTokenAndSaysOnlyOk() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of())) {
            HttpResponse<String> r = s.client.send(HttpRequest.newBuilder(s.uri("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("ok\n");
            assertThat(s.auditRecords()).isEmpty();
        }
    }

    @Test
    void healthzIsNotOkWhenTheAuditLogCannotBeWritten() throws Exception {
        Files.writeString(dir.resolve("not-a-dir"), "x");
        try (TestServer s = new TestServer(dir, Map.of("SECURITY_AUDIT_LOG_FILE", dir.resolve("not-a-dir/audit.log").toString()))) {
            HttpResponse<String> r = s.client.send(HttpRequest.newBuilder(s.uri("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("not ok\n");
        }
    }

    @Test
    void noServerHeaderNoVersionNoStackTraceOnAnyAnswer() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of())) {
            String[] requests = {
                "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                "GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n",
                "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                "PUT /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestServer.TOKEN_A + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                "GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestServer.TOKEN_A + "\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n",
                "GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n",
            };
            for (String req : requests) {
                String r = s.raw(req);
                assertThat(r).as(req).doesNotContainIgnoringCase("server:").doesNotContainIgnoringCase("jetty")
                        .doesNotContain("12.1").doesNotContain("Exception").doesNotContain("<html").doesNotContainIgnoringCase("x-powered-by");
            }
            assertThat(TestServer.status(s.raw(requests[1]))).isEqualTo(404);
        }
    }
}
