package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.it.adversarial.TestEngines;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The read-only Swarm view on a real one-node swarm: a daemon of its own (so the shared engines never become swarm
 * managers), `docker swarm init` on loopback, a service of 2 replicas, one whose task fails, and a hidden one.
 * The shared unix engine is asked too: it is no manager and must be reported as skipped, not as a failure.
 */
class SwarmIT {

    @TempDir
    static Path state;
    static Path dir;
    static String socket;
    static McpSession session;

    @BeforeAll
    static void start() throws Exception {
        dir = Path.of(System.getProperty("java.io.tmpdir"), "dms-engines-swarm-" + ProcessHandle.current().pid());
        String envFile = TestEngines.script(dir, Map.of(), "up", "--only", "unix").strip();
        socket = TestEngines.read(Path.of(envFile)).get("UNIX_DOCKER_HOST");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        docker("swarm", "init", "--advertise-addr", "127.0.0.1", "--listen-addr", "127.0.0.1:" + port);
        docker("service", "create", "--detach", "--name", "web-svc", "--replicas", "2", "--label", "tier=front",
                "--env", "LOG_LEVEL=info", "--env", "DB_PASSWORD=hunter2-swarm-secret", "dms-fixture:1", "sleep", "100000");
        docker("service", "create", "--detach", "--name", "broken-svc", "--replicas", "1", "--restart-condition", "none",
                "dms-fixture:1", "sh", "-c", "exit 3");
        docker("service", "create", "--detach", "--name", "secret-svc", "--label", "mcp.hidden=true", "dms-fixture:1", "sleep", "100000");
        awaitTasks();
        Map<String, String> env = new HashMap<>(RealEngines.local()); // 'local': the shared engine, no swarm
        Path hosts = Files.writeString(state.resolve("hosts.yaml"), "hosts:\n  swarm: { host: \"" + socket + "\" }\n");
        env.put("DOCKER_HOSTS_FILE", hosts.toString());
        session = new McpSession(env, Files.createDirectories(state.resolve("s")));
    }

    /** Until both replicas run and the broken task has failed (the swarm schedules asynchronously). */
    private static void awaitTasks() throws Exception {
        for (int i = 0; i < 600; i++) {
            String ps = docker("service", "ps", "--format", "{{.Name}} {{.CurrentState}}", "web-svc", "broken-svc");
            if (ps.lines().filter(l -> l.startsWith("web-svc") && l.contains("Running")).count() == 2
                    && ps.lines().anyMatch(l -> l.startsWith("broken-svc") && l.contains("Failed"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the swarm did not run the fixture services: " + docker("service", "ps", "web-svc", "broken-svc"));
    }

    private static String docker(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Files.exists(Path.of("/usr/local/bin/docker")) ? "/usr/local/bin/docker" : "docker", "-H", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", args) + ": " + out);
        }
        return out;
    }

    @AfterAll
    static void stop() throws Exception {
        if (session != null) {
            session.close();
        }
        if (dir != null) {
            TestEngines.script(dir, Map.of(), "down");
        }
    }

    @Test
    void nodesOfTheSwarmAreListedAndAnEngineWithoutSwarmIsSkipped() {
        JsonNode nodes = session.call("docker_swarm_nodes").json();
        assertThat(nodes.get("count").asInt()).isEqualTo(1);
        JsonNode n = nodes.get("nodes").get(0);
        assertThat(n.get("host").asString()).isEqualTo("swarm");
        assertThat(n.get("role").asString()).isEqualTo("manager");
        assertThat(n.get("leader").asBoolean()).isTrue();
        assertThat(n.get("state").asString()).isEqualTo("ready");
        assertThat(nodes.get("skipped").toString()).contains("local").contains("not a swarm manager");
        assertThat(nodes.get("errors")).isEmpty();
        var onlyLocal = session.call("docker_swarm_nodes", "host", "local");
        assertThat(onlyLocal.isError()).isTrue();
        assertThat(onlyLocal.text()).contains("No configured host is a swarm manager").contains("local");
    }

    @Test
    void servicesShowReplicasTheFailingOneFirstAndNeverTheHiddenOne() {
        var reply = session.call("docker_swarm_services");
        JsonNode services = reply.json().get("services");
        assertThat(services.valueStream().map(s -> s.get("name").asString()).toList()).containsExactly("broken-svc", "web-svc");
        JsonNode web = services.get(1);
        assertThat(web.get("desired").asInt()).isEqualTo(2);
        assertThat(web.get("running").asInt()).isEqualTo(2);
        assertThat(web.get("mode").asString()).isEqualTo("replicated");
        assertThat(web.get("image").asString()).isEqualTo("dms-fixture:1");
        assertThat(web.get("labels").get("tier").asString()).isEqualTo("front");
        assertThat(web.get("env").toString()).contains("LOG_LEVEL=info").contains("DB_PASSWORD=").doesNotContain("hunter2");
        assertThat(services.get(0).get("running").asInt()).isZero();
        assertThat(reply.everything()).doesNotContain("secret-svc").doesNotContain("hunter2");
    }

    @Test
    void tasksComeFailingFirstWithTheSwarmsErrorAndHiddenServicesCannotBeProbed() {
        JsonNode tasks = session.call("docker_swarm_tasks").json().get("tasks");
        assertThat(tasks.get(0).get("service").asString()).isEqualTo("broken-svc");
        assertThat(tasks.get(0).get("state").asString()).isEqualTo("failed");
        assertThat(tasks.get(0).get("error").asString()).contains("exit (3)");
        assertThat(tasks.valueStream().map(t -> t.get("service").asString())).contains("web-svc").doesNotContain("secret-svc");

        JsonNode failing = session.call("docker_swarm_tasks", "state", "failing").json().get("tasks");
        assertThat(failing.valueStream().map(t -> t.get("service").asString())).containsOnly("broken-svc");
        JsonNode web = session.call("docker_swarm_tasks", "service", "web-svc", "state", "running").json().get("tasks");
        assertThat(web).hasSize(2);
        assertThat(web.valueStream().map(t -> t.get("slot").asInt())).containsExactlyInAnyOrder(1, 2);

        var hidden = session.call("docker_swarm_tasks", "service", "secret-svc");
        var missing = session.call("docker_swarm_tasks", "service", "no-such-svc");
        assertThat(hidden.isError()).isTrue();
        assertThat(hidden.text().replace("secret-svc", "X")).isEqualTo(missing.text().replace("no-such-svc", "X"));
    }

    /** The same manager under two names: the one with its own container rules hides 'web-svc' as if it did not exist. */
    @Test
    void aHostsOwnRulesHideItsServicesAndTasks() throws Exception {
        Path hosts = Files.writeString(state.resolve("two-names.yaml"), "hosts:\n  swarm: { host: \"" + socket + "\" }\n"
                + "  guarded: { host: \"" + socket + "\", container_deny: [ web-svc ] }\n");
        try (McpSession s = new McpSession(Map.of("DOCKER_HOSTS_FILE", hosts.toString()), Files.createDirectories(state.resolve("two")))) {
            JsonNode services = s.call("docker_swarm_services").json().get("services");
            assertThat(services.valueStream().map(v -> v.get("host").asString() + "/" + v.get("name").asString()).toList())
                    .contains("swarm/web-svc", "swarm/broken-svc", "guarded/broken-svc").doesNotContain("guarded/web-svc");
            JsonNode tasks = s.call("docker_swarm_tasks", "host", "guarded").json().get("tasks");
            assertThat(tasks.valueStream().map(t -> t.get("service").asString())).contains("broken-svc").doesNotContain("web-svc");
            var hidden = s.call("docker_swarm_tasks", "service", "web-svc", "host", "guarded");
            var missing = s.call("docker_swarm_tasks", "service", "no-such-svc", "host", "guarded");
            assertThat(hidden.isError()).isTrue();
            assertThat(hidden.text().replace("web-svc", "X")).isEqualTo(missing.text().replace("no-such-svc", "X"));
        }
    }
}
