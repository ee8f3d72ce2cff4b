package dockermcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The healthcheck command's exit code follows what /healthz on loopback says (the image has no curl to ask). */
class HealthCheckCommandTest {

    private HttpServer server;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int serving(int status, String body) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/healthz", ex -> {
            byte[] b = body.getBytes(StandardCharsets.US_ASCII);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    private int check(Map<String, String> env) {
        return HealthCheckCommand.run(env, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void okIsExitCodeZero() throws Exception {
        int port = serving(200, "ok\n");
        assertThat(check(Map.of("MCP_PORT", String.valueOf(port), "MCP_BIND", "0.0.0.0"))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("/healthz: 200 ok");
    }

    @Test
    void notOkIsExitCodeOne() throws Exception {
        int port = serving(503, "not ok\n");
        assertThat(check(Map.of("MCP_PORT", String.valueOf(port)))).isEqualTo(1);
    }

    @Test
    void noServerIsExitCodeOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        assertThat(check(Map.of("MCP_PORT", String.valueOf(port)))).isEqualTo(1);
    }

    @Test
    void aServerWithItsOwnTlsOrAnUnknownPortIsAUsageError() {
        assertThat(check(Map.of("MCP_TLS_CERT", "/etc/cert.pem"))).isEqualTo(2);
        assertThat(check(Map.of("MCP_PORT", "0"))).isEqualTo(2);
    }
}
