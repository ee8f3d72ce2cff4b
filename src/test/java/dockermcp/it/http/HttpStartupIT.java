package dockermcp.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the packaged server does at start-up in HTTP mode: token generation, refusals of unsafe settings, warnings. */
@Timeout(120)
class HttpStartupIT {

    @TempDir
    Path dir;

    @Test
    void withoutATokenOneIsGeneratedOwnerOnlyAndOnlyItsLocationIsPrinted() throws Exception {
        try (HttpServerProcess p = HttpServerProcess.start(dir, Map.of())) {
            assertThat(p.awaitReady()).isTrue();
            Path file = dir.resolve(".local/state/docker-mcp-secure/http-token");
            String token = Files.readString(file).strip();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(p.log()).contains(file.toString()).doesNotContain(token);
            assertThat(Files.readString(p.stdout)).isEmpty();
            assertThat(p.initialize(token)).isNotBlank();
        }
    }

    @Test
    void aNonLoopbackBindWithoutTlsStopsWithOneSentence() throws Exception {
        try (HttpServerProcess p = HttpServerProcess.start(dir, Map.of("MCP_BIND", "0.0.0.0"))) {
            assertThat(p.awaitReady()).isFalse();
            assertThat(p.process.exitValue()).isEqualTo(2);
            assertThat(p.log().strip()).startsWith("docker-mcp-secure: MCP_BIND=0.0.0.0 is not a loopback address").contains("--allow-insecure-bind")
                    .doesNotContain("Exception").hasLineCount(1);
        }
    }

    @Test
    void allowInsecureBindStartsButWarnsEveryTime() throws Exception {
        for (int i = 0; i < 2; i++) {
            Path run = Files.createDirectories(dir.resolve("run" + i));
            try (HttpServerProcess p = HttpServerProcess.start(run, Map.of("MCP_BIND", "0.0.0.0", "MCP_ALLOWED_HOSTS", "mcp.example.test"), "--allow-insecure-bind")) {
                assertThat(p.awaitReady()).isTrue();
                assertThat(p.log()).contains("[WARN]").contains("plain HTTP on non-loopback address 0.0.0.0");
                assertThat(p.endpoint.getHost()).as("the printed URL is one a local client can use").isEqualTo("127.0.0.1");
                p.terminate(10);
            }
        }
    }

    @Test
    void authenticationOffIsRefusedOffLoopbackAndLoudOnIt() throws Exception {
        try (HttpServerProcess p = HttpServerProcess.start(dir, Map.of("MCP_AUTH", "none", "MCP_BIND", "0.0.0.0"), "--allow-insecure-bind")) {
            assertThat(p.awaitReady()).isFalse();
            assertThat(p.log()).contains("MCP_AUTH=none is allowed only on a loopback address");
        }
        Path run = Files.createDirectories(dir.resolve("loopback"));
        try (HttpServerProcess p = HttpServerProcess.start(run, Map.of("MCP_AUTH", "none"))) {
            assertThat(p.awaitReady()).isTrue();
            assertThat(p.log()).contains("[WARN]").contains("AUTHENTICATION IS OFF");
        }
    }

    @Test
    void aWeakTokenStopsStartUpWithoutEchoingIt() throws Exception {
        try (HttpServerProcess p = HttpServerProcess.start(dir, Map.of("MCP_AUTH_TOKEN", "hunter2hunter2"))) {
            assertThat(p.awaitReady()).isFalse();
            assertThat(p.process.exitValue()).isEqualTo(2);
            assertThat(p.log()).contains("too weak").doesNotContain("hunter2");
        }
    }
}
