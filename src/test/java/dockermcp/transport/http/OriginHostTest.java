package dockermcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DNS-rebinding protection: a foreign Host is 421, a foreign Origin 403, both before authentication. */
class OriginHostTest {

    @TempDir
    Path dir;
    TestServer s;

    @BeforeEach
    void start() throws Exception {
        s = new TestServer(dir, Map.of("MCP_ALLOWED_ORIGINS", "https://app.example.com,http://localhost:*"));
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private String post(String host, String origin) throws Exception {
        return s.raw("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Authorization: Bearer " + TestServer.TOKEN_A + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json, text/event-stream\r\nContent-Length: " + TestServer.INIT.length() + "\r\nConnection: close\r\n\r\n"
                + TestServer.INIT);
    }

    @Test
    void aForeignHostIs421() throws Exception {
        String r = post("evil.example.com:" + s.server.port(), null);
        assertThat(TestServer.status(r)).isEqualTo(421);
        assertThat(r).contains("MCP_ALLOWED_HOSTS");
    }

    @Test
    void aRebindingPageWithoutTokenGets421NotA401AndLeavesTheLoginCountersAlone() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(TestServer.status(s.raw("POST /mcp HTTP/1.1\r\nHost: evil.example.com\r\nOrigin: http://evil.example.com\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")))
                    .isEqualTo(421);
        }
        assertThat(s.openSession(TestServer.TOKEN_A)).isNotBlank();
        assertThat(s.auditRecords()).isEmpty();
    }

    @Test
    void aForeignOriginIs403() throws Exception {
        String r = post("127.0.0.1:" + s.server.port(), "http://evil.example.com");
        assertThat(TestServer.status(r)).isEqualTo(403);
        assertThat(r).contains("MCP_ALLOWED_ORIGINS");
    }

    @Test
    void theServersOwnOriginAndConfiguredOnesAreAllowed() throws Exception {
        int port = s.server.port();
        assertThat(TestServer.status(post("localhost:" + port, "http://localhost:" + port))).isEqualTo(200);
        assertThat(TestServer.status(post("127.0.0.1:" + port, "http://127.0.0.1:" + port))).isEqualTo(200);
        assertThat(TestServer.status(post("127.0.0.1:" + port, "https://app.example.com"))).isEqualTo(200);
        assertThat(TestServer.status(post("127.0.0.1:" + port, "http://localhost:5173"))).isEqualTo(200);
    }

    @Test
    void prefixesAndLookalikesAreNotAllowed() throws Exception {
        int port = s.server.port();
        assertThat(TestServer.status(post("127.0.0.1:" + port, "http://localhost.evil.example:5173"))).isEqualTo(403);
        assertThat(TestServer.status(post("127.0.0.1:" + port, "https://app.example.com.evil.example"))).isEqualTo(403);
        assertThat(TestServer.status(post("127.0.0.1:" + port, "http://app.example.com"))).as("scheme matters").isEqualTo(403);
        assertThat(TestServer.status(post("127.0.0.1:" + port, "null"))).isEqualTo(403);
        assertThat(TestServer.status(post("localhost.evil.example:" + port, null))).isEqualTo(421);
        assertThat(TestServer.status(post("127.0.0.1.nip.io:" + port, null))).isEqualTo(421);
    }

    @Test
    void validatorParsesHostHeaders() {
        assertThat(OriginHostValidator.hostName("LocalHost:3000")).isEqualTo("localhost");
        assertThat(OriginHostValidator.hostName("[::1]:3000")).isEqualTo("[::1]");
        assertThat(OriginHostValidator.hostName("localhost.")).isEqualTo("localhost");
        assertThat(OriginHostValidator.hostName("localhost:3000@evil")).isNull();
        assertThat(OriginHostValidator.hostName("")).isNull();
    }

    @Test
    void healthzIsReachableWithAnyHostForOrchestrators() throws Exception {
        String r = s.raw("GET /healthz HTTP/1.1\r\nHost: 10.1.2.3:3000\r\nConnection: close\r\n\r\n");
        assertThat(TestServer.status(r)).isEqualTo(200);
    }
}
