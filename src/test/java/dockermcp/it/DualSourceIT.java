package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Local (unix) and remote (TLS) engines together: merged lists, per-host errors, lookups on both. */
class DualSourceIT {

    @TempDir
    static Path state;
    static McpSession session;

    @BeforeAll
    static void start() {
        session = new McpSession(RealEngines.dual(), state);
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    void listsMergeBothHostsAndMarkEachItem() {
        JsonNode containers = session.call("docker_list_containers").json().get("containers");
        assertThat(containers.valueStream().map(c -> c.get("host").asString() + "/" + c.get("name").asString()))
                .contains("local/web", "remote/web", "local/only-local", "remote/only-remote")
                .doesNotContain("remote/only-local", "local/only-remote");
        assertThat(session.call("docker_list_images").json().get("images").valueStream().map(i -> i.get("host").asString()))
                .contains("local", "remote");
        assertThat(session.call("docker_list_containers").text()).contains("host=local", "host=remote");
    }

    @Test
    void hostArgumentAddressesOneEngine() {
        JsonNode remoteOnly = session.call("docker_list_containers", "host", "remote").json().get("containers");
        assertThat(remoteOnly.valueStream().map(c -> c.get("host").asString())).containsOnly("remote");
        assertThat(session.call("docker_inspect", "container", "web", "host", "remote").json().get("host").asString()).isEqualTo("remote");
    }

    @Test
    void singleObjectToolsLookOnBothHostsAndSayWhenANameIsOnBoth() {
        var web = session.call("docker_inspect", "container", "web");
        assertThat(web.json().get("notice").asString()).contains("'local' and 'remote'").contains("host='remote'");
        assertThat(web.text()).startsWith("Note:");
        assertThat(session.call("docker_inspect", "container", "only-remote").json().get("host").asString()).isEqualTo("remote");
        assertThat(session.call("docker_inspect", "container", "only-local").json().has("notice")).isFalse();
        assertThat(session.call("docker_logs", "container", "only-remote").isError()).isFalse();
        var missing = session.call("docker_inspect", "container", "nowhere");
        assertThat(missing.isError()).isTrue();
        assertThat(missing.text()).isEqualTo("No container 'nowhere' on any host (local, remote): check the name with docker_list_containers.");
    }

    @Test
    void statsCoverBothHosts() {
        assertThat(session.call("docker_stats").json().get("samples").valueStream().map(s -> s.get("host").asString()))
                .contains("local", "remote");
    }

    @Test
    void connectionStatusReportsBoth() {
        JsonNode hosts = session.call("docker_connection_status").json().get("hosts");
        assertThat(hosts.valueStream().map(h -> h.get("name").asString() + ":" + h.get("transport").asString() + ":" + h.get("reachable").asBoolean()))
                .containsExactly("local:unix:true", "remote:tls:true");
    }

    @Test
    void aFailingHostGivesAPerHostErrorNextToTheOtherHostsResults() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(RealEngines.local());
        env.put("DOCKER_HOST", "tcp://127.0.0.1:" + closedPort);
        try (McpSession half = new McpSession(env, state.resolve("half"))) {
            var r = half.call("docker_list_containers");
            assertThat(r.isError()).isFalse();
            assertThat(r.json().get("containers").valueStream().map(c -> c.get("host").asString())).containsOnly("local");
            assertThat(r.json().at("/errors/0/host").asString()).isEqualTo("remote");
            assertThat(r.json().at("/errors/0/error").asString()).contains("connection refused");
            assertThat(r.text()).contains("host 'remote' failed: Cannot reach Docker at tcp://127.0.0.1:" + closedPort);
            assertThat(half.call("docker_inspect", "container", "web").json().get("host").asString()).isEqualTo("local");
        }
    }
}
