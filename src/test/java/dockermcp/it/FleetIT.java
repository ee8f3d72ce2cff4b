package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.tools.ToolSpec;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A fleet on the real test engines: Docker contexts made by the real `docker context create`, a hosts file naming
 * the unix engine, the TLS engine, an engine behind a throwaway sshd, and a dead one.
 */
class FleetIT {

    @TempDir
    static Path dir;
    static ThrowawaySshd sshd;
    static int deadPort;

    @BeforeAll
    static void start() throws Exception {
        sshd = new ThrowawaySshd(Files.createDirectories(dir.resolve("sshd")));
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort(); // closed again: connections are refused
        }
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static void docker(Path config, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Files.exists(Path.of("/usr/local/bin/docker")) ? "/usr/local/bin/docker" : "docker"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DOCKER_CONFIG", config.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static List<String> hostEnum(McpSession s) {
        ToolSpec list = s.specs().stream().filter(t -> t.name().equals("docker_list_containers")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> host = (Map<String, Object>) ((Map<String, Object>) list.inputSchema().get("properties")).get("host");
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) host.get("enum");
        return names;
    }

    private static List<String> hostSlashName(JsonNode containers) {
        return containers.valueStream().map(c -> c.get("host").asString() + "/" + c.get("name").asString()).toList();
    }

    @Test
    void contextsMadeByTheDockerCliBecomeHosts() throws Exception {
        Path config = Files.createDirectories(dir.resolve("docker-config"));
        Path certs = Path.of(RealEngines.get("TLS_CERT_PATH"));
        docker(config, "context", "create", "eng-unix", "--docker", "host=" + RealEngines.get("UNIX_DOCKER_HOST"));
        docker(config, "context", "create", "Eng_TLS", "--docker", "host=" + RealEngines.get("TLS_DOCKER_HOST") + ",ca=" + certs.resolve("ca.pem")
                + ",cert=" + certs.resolve("cert.pem") + ",key=" + certs.resolve("key.pem"));
        try (McpSession s = new McpSession(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXTS", "all"), Files.createDirectories(dir.resolve("ctx")))) {
            assertThat(hostEnum(s)).containsExactly("eng-tls", "eng-unix");
            assertThat(hostSlashName(s.call("docker_list_containers").json().get("containers")))
                    .contains("eng-unix/web", "eng-unix/only-local", "eng-tls/web", "eng-tls/only-remote");
            assertThat(s.call("docker_inspect", "container", "only-remote", "host", "eng-tls").isError()).isFalse();
        }
        try (McpSession one = new McpSession(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "Eng_TLS"), Files.createDirectories(dir.resolve("ctx1")))) {
            assertThat(hostEnum(one)).containsExactly("eng-tls");
            assertThat(one.call("docker_connection_status").json().toString()).contains("eng-tls").contains("\"reachable\":true");
        }
    }

    private McpSession fleet(String extraHosts) throws Exception {
        Path file = dir.resolve("hosts-" + System.nanoTime() + ".yaml");
        Files.writeString(file, """
                hosts:
                  unix-eng: { host: "%s" }
                  tls-eng:  { host: "%s", cert_path: "%s", tls_verify: true }
                  dead:     { host: "tcp://127.0.0.1:%d", connect_timeout: 1s, request_timeout: 2s }
                %s""".formatted(RealEngines.get("UNIX_DOCKER_HOST"), RealEngines.get("TLS_DOCKER_HOST"), RealEngines.get("TLS_CERT_PATH"), deadPort, extraHosts));
        return new McpSession(Map.of("DOCKER_HOSTS_FILE", file.toString()), Files.createDirectories(dir.resolve("state-" + System.nanoTime())));
    }

    @Test
    void aHostsFileFleetAnswersFromEveryLiveHostAndNamesTheDeadOne() throws Exception {
        try (McpSession s = fleet("")) {
            assertThat(hostEnum(s)).containsExactly("unix-eng", "tls-eng", "dead");
            JsonNode answer = s.call("docker_list_containers").json();
            assertThat(hostSlashName(answer.get("containers"))).contains("unix-eng/web", "tls-eng/web", "tls-eng/only-remote");
            assertThat(answer.get("errors").valueStream().map(e -> e.get("host").asString())).containsExactly("dead");
            assertThat(answer.get("errors").get(0).get("error").asString()).contains("connection refused").contains("127.0.0.1:" + deadPort);
            JsonNode status = s.call("docker_connection_status").json();
            assertThat(status.toString()).contains("unix-eng", "tls-eng", "dead");
            var unknown = s.call("docker_list_containers", "host", "nowhere");
            assertThat(unknown.isError()).isTrue();
            assertThat(unknown.text()).contains("'unix-eng', 'tls-eng', 'dead'").contains("DOCKER_HOSTS_FILE");
        }
    }

    @Test
    void aHungHostCostsOneTimeoutThenSitsOutWhileTheOthersAnswer() throws Exception {
        try (SilentEngine hung = new SilentEngine()) {
            try (McpSession s = fleet("  hung: { host: \"tcp://127.0.0.1:%d\", request_timeout: 1s, connect_timeout: 1s }\n".formatted(hung.port()))) {
                JsonNode first = s.call("docker_list_containers").json();
                assertThat(hostSlashName(first.get("containers"))).contains("unix-eng/web", "tls-eng/web");
                assertThat(first.get("errors").toString()).contains("hung").contains("dead");
                JsonNode second = s.call("docker_list_containers").json();
                assertThat(hostSlashName(second.get("containers"))).contains("unix-eng/web", "tls-eng/web");
                assertThat(second.get("errors").valueStream().filter(e -> e.get("host").asString().equals("hung")).findFirst().orElseThrow()
                        .get("error").asString()).contains("left out of answers from several hosts").contains("host='hung'");
                var alone = s.call("docker_list_containers", "host", "hung");
                assertThat(alone.isError()).isTrue();
                assertThat(alone.text()).doesNotContain("left out").contains("127.0.0.1:" + hung.port());
            }
        }
    }

    @Test
    void anSshHostIsReadThroughTheSystemSshClient() throws Exception {
        String ssh = """
                  build:    { host: "ssh://root@127.0.0.1:%d", remote_socket: "%s", ssh_config: "%s" }
                  stranger: { host: "ssh://root@127.0.0.1:%d", remote_socket: "%s", ssh_config: "%s" }
                """.formatted(sshd.port, RealEngines.get("UNIX_SOCKET"), sshd.clientConfig,
                sshd.port, RealEngines.get("UNIX_SOCKET"), sshd.clientConfigUnknownHost);
        try (McpSession s = fleet(ssh)) {
            JsonNode build = s.call("docker_list_containers", "host", "build").json();
            assertThat(hostSlashName(build.get("containers"))).contains("build/web", "build/only-local");
            assertThat(s.call("docker_logs", "container", "web", "host", "build", "tail", 5).isError()).isFalse();
            var stranger = s.call("docker_list_containers", "host", "stranger");
            assertThat(stranger.text()).contains("ssh host key").contains("never accepts one unchecked").contains("known_hosts");
        }
    }
}
