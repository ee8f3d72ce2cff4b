package dockermcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the methods served are answered (405 otherwise), and a path with parameters is refused before anything else. */
class RequestShapeTest {

    @TempDir
    Path dir;

    private static String request(String method, String target, String token) {
        return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "X-Echo-Probe: secret-looking-value\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    }

    @Test
    void traceIsRefusedWith405AndEchoesNothing() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of())) {
            for (String path : new String[] {"/mcp", "/healthz"}) {
                String r = s.raw(request("TRACE", path, TestServer.TOKEN_A));
                assertThat(TestServer.status(r)).as(path).isEqualTo(405);
                assertThat(r).as(path).doesNotContain("secret-looking-value").doesNotContain(TestServer.TOKEN_A);
            }
        }
    }

    @Test
    void methodsThatAreNotServedAre405WithAllow() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of())) {
            for (String method : new String[] {"PUT", "PATCH", "OPTIONS", "HEAD", "FOO"}) {
                String r = s.raw(request(method, "/mcp", TestServer.TOKEN_A));
                assertThat(TestServer.status(r)).as(method).isEqualTo(405);
                assertThat(r).as(method).containsIgnoringCase("Allow: GET, POST, DELETE");
            }
            String r = s.raw(request("POST", "/healthz", null));
            assertThat(TestServer.status(r)).isEqualTo(405);
            assertThat(r).containsIgnoringCase("Allow: GET, HEAD");
            assertThat(TestServer.status(s.raw(request("HEAD", "/healthz", null)))).isEqualTo(200);
            assertThat(s.auditRecords()).as("a method refusal costs no audit record").isEmpty();
        }
    }

    @Test
    void pathParametersAreRefusedWith400AndNeverRecorded() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of())) {
            for (String target : new String[] {"/mcp;access_token=" + TestServer.TOKEN_A, "/mcp;jsessionid=1", "/healthz;x=" + TestServer.TOKEN_B,
                    "/mcp;" + TestServer.TOKEN_A + "?a=1"}) {
                String r = s.raw(request(target.startsWith("/healthz") ? "GET" : "POST", target, null));
                assertThat(TestServer.status(r)).as(target).isEqualTo(400);
                assertThat(r).as(target).contains("path parameters").doesNotContain(TestServer.TOKEN_A).doesNotContain(TestServer.TOKEN_B);
            }
            String withToken = s.raw(request("POST", "/mcp;access_token=" + TestServer.TOKEN_B, TestServer.TOKEN_A));
            assertThat(TestServer.status(withToken)).isEqualTo(400);
            assertThat(s.auditRecords().toString()).doesNotContain(TestServer.TOKEN_A).doesNotContain(TestServer.TOKEN_B).doesNotContain("access_token");
        }
    }

    @Test
    void theAuditRecordsOnlyThePathNeverItsQuery() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of())) {
            assertThat(TestServer.status(s.raw(request("POST", "/mcp?note=private-words", "w".repeat(40))))).isEqualTo(401);
            assertThat(s.auditRecords()).hasSize(1);
            assertThat(s.auditRecords().get(0).toString()).contains("/mcp").doesNotContain("private-words");
        }
    }
}
