package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * CACHE_TTL on the real test engines, counted by the daemon's own log: a cached list answer says so and how old it is,
 * identical calls at once make one engine request, and no answer serves another host or other parameters. The TTL is
 * the maximum (60 s), so that nothing here depends on how fast the machine is.
 */
class ListCacheIT {

    @TempDir
    static Path state;

    private static long requests(DaemonLog log, String path) throws Exception {
        return log.requests().stream().filter(r -> r.matches("GET /(v1\\.\\d+/)?" + path + "(\\?.*)?")).count();
    }

    @Test
    void aRepeatedListIsServedFromTheCacheAndSaysHowOldItIs() throws Exception {
        try (McpSession s = McpSession.onLocalEngine(Files.createDirectories(state.resolve("repeat")), "CACHE_TTL", "60s")) {
            for (String tool : List.of("docker_list_containers", "docker_list_images", "docker_list_networks", "docker_list_volumes")) {
                DaemonLog log = DaemonLog.from(RealEngines.get("UNIX_LOG"));
                var first = s.call(tool);
                var second = s.call(tool);
                assertThat(first.json().has("cache")).as(tool).isFalse();
                assertThat(first.text()).doesNotContain("cached answer");
                JsonNode cache = second.json().get("cache");
                assertThat(cache).as(tool).isNotNull();
                assertThat(cache.get("ageMs").asLong()).isBetween(0L, 60_000L);
                assertThat(cache.get("ttlMs").asLong()).isEqualTo(60_000L);
                assertThat(second.text()).contains("(cached answer, ").contains(" s old; CACHE_TTL=60.0s");
                // the same data either way: only the cache note differs
                JsonNode without = second.json().deepCopy();
                ((tools.jackson.databind.node.ObjectNode) without).remove("cache");
                assertThat(without).isEqualTo(first.json());
                String path = switch (tool) {
                    case "docker_list_images" -> "images/json";
                    case "docker_list_networks" -> "networks";
                    case "docker_list_volumes" -> "volumes";
                    default -> "containers/json";
                };
                assertThat(requests(log, path)).as(tool).isEqualTo(1);
            }
        }
    }

    @Test
    void otherParametersAndOtherHostsAreNeverAnsweredFromAnotherCallsEntry() throws Exception {
        try (McpSession s = new McpSession(withCache(RealEngines.dual()), Files.createDirectories(state.resolve("dual")))) {
            s.call("docker_list_containers", "host", "local");
            var remote = s.call("docker_list_containers", "host", "remote");
            assertThat(remote.json().has("cache")).isFalse();
            assertThat(names(remote.json())).contains("only-remote").doesNotContain("only-local");
            // name and label are matched in this process on the shown names (issue 7): the same engine list, filtered here
            var filtered = s.call("docker_list_containers", "host", "local", "name", "web");
            assertThat(names(filtered.json())).containsExactly("web");
            var exited = s.call("docker_list_containers", "host", "local", "status", "exited");
            assertThat(exited.json().has("cache")).as("status still reaches the engine").isFalse();
            assertThat(names(exited.json())).contains("stopped").doesNotContain("web");
            var stopped = s.call("docker_list_containers", "host", "local", "all", false);
            assertThat(stopped.json().has("cache")).isFalse();
            assertThat(names(stopped.json())).doesNotContain("stopped");
            assertThat(s.call("docker_list_containers", "host", "local").json().has("cache")).isTrue();
        }
    }

    @Test
    void identicalCallsAtOnceMakeOneEngineRequest() throws Exception {
        try (McpSession s = McpSession.onLocalEngine(Files.createDirectories(state.resolve("burst")), "CACHE_TTL", "60s")) {
            DaemonLog log = DaemonLog.from(RealEngines.get("UNIX_LOG"));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<McpSession.Reply>> replies = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    replies.add(pool.submit(() -> s.call("docker_list_containers", "name", "chatty")));
                }
                for (var r : replies) {
                    assertThat(names(r.get().json())).containsExactly("chatty");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(requests(log, "containers/json")).isEqualTo(1);
        }
    }

    @Test
    void offByDefaultEveryCallAsksTheEngine() throws Exception {
        try (McpSession s = McpSession.onLocalEngine(Files.createDirectories(state.resolve("off")))) {
            DaemonLog log = DaemonLog.from(RealEngines.get("UNIX_LOG"));
            assertThat(s.call("docker_list_volumes").json().has("cache")).isFalse();
            assertThat(s.call("docker_list_volumes").json().has("cache")).isFalse();
            assertThat(requests(log, "volumes")).isEqualTo(2);
        }
    }

    @Test
    void hiddenContainersStayHiddenInCachedAnswers() throws Exception {
        try (McpSession s = McpSession.onLocalEngine(Files.createDirectories(state.resolve("hidden")), "CACHE_TTL", "60s", "CONTAINER_DENY", "chatty")) {
            s.call("docker_list_containers");
            var cached = s.call("docker_list_containers");
            assertThat(cached.json().has("cache")).isTrue();
            assertThat(names(cached.json())).contains("web").doesNotContain("chatty");
        }
    }

    private static java.util.Map<String, String> withCache(java.util.Map<String, String> env) {
        java.util.Map<String, String> m = new java.util.HashMap<>(env);
        m.put("CACHE_TTL", "60s");
        return m;
    }

    private static List<String> names(JsonNode answer) {
        return answer.get("containers").valueStream().map(c -> c.get("name").asString()).toList();
    }
}
