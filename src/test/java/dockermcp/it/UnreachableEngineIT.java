package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Engines that cannot be reached: each failure is classified, paired with its remedy, and never breaks the server. */
class UnreachableEngineIT {

    @TempDir
    Path state;

    @Test
    void nothingListeningIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (McpSession s = new McpSession(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port), state)) {
            JsonNode h = s.call("docker_connection_status").json().at("/hosts/0");
            assertThat(h.get("reachable").asBoolean()).isFalse();
            assertThat(h.at("/error/kind").asString()).isEqualTo("connection_refused");
            assertThat(h.at("/error/message").asString()).contains("systemctl status docker").contains("daemon.json");
            var list = s.call("docker_list_containers");
            assertThat(list.isError()).isTrue();
            assertThat(list.text()).startsWith("Cannot reach Docker at tcp://127.0.0.1:" + port + ": connection refused");
        }
    }

    @Test
    void aMissingSocketSaysToStartDocker() {
        try (McpSession s = new McpSession(Map.of("ALLOW_LOCAL_DOCKER", "true", "LOCAL_DOCKER_HOST", "unix://" + state.resolve("none.sock")), state)) {
            JsonNode h = s.call("docker_connection_status").json().at("/hosts/0");
            assertThat(h.at("/error/kind").asString()).isEqualTo("no_socket");
            assertThat(h.at("/error/message").asString()).contains("start Docker");
        }
    }

    @Test
    void anEngineThatNeverAnswersTimesOutAtTheConfiguredTimeAndTheServerRecovers() throws Exception {
        try (SilentEngine silent = new SilentEngine()) {
            Map<String, String> env = Map.of("DOCKER_HOST", silent.dockerHost(), "DOCKER_REQUEST_TIMEOUT", "1s");
            try (McpSession s = new McpSession(env, state)) {
                long t0 = System.nanoTime();
                var r = s.call("docker_list_containers");
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(r.isError()).isTrue();
                assertThat(r.text()).contains("did not answer within 1 s").contains("DOCKER_REQUEST_TIMEOUT").doesNotContain("security group");
                assertThat(ms).as("not before the 1 s timeout").isGreaterThanOrEqualTo(900L);
                assertThat(s.call("docker_inspect", "container", "--bad").text()).contains("not a valid Docker container name");
            }
        }
    }

    @Test
    void withNothingConfiguredEveryToolSaysWhatToSet() {
        try (McpSession s = new McpSession(Map.of(), state)) {
            for (String tool : List.of("docker_list_containers", "docker_stats", "docker_list_images", "docker_connection_status")) {
                var r = s.call(tool);
                assertThat(r.isError()).as(tool).isTrue();
                assertThat(r.text()).as(tool).contains("DOCKER_HOST").contains("ALLOW_LOCAL_DOCKER=true");
            }
            assertThat(s.call("docker_inspect", "container", "web").text()).contains("No Docker engine is configured");
        }
    }
}
