package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Visibility rules per host, from the hosts file: the same real engine under two names, 'open' with the global rules
 * and 'guarded' with its own deny rules. On 'guarded' the container 'web' and the image 'dms-fixture:secrets' answer
 * exactly like missing ones, in every tool; on 'open' they are there.
 */
class PerHostVisibilityIT {

    @TempDir
    static Path dir;
    static McpSession session;

    @BeforeAll
    static void start() throws Exception {
        String engine = RealEngines.get("UNIX_DOCKER_HOST");
        Path hosts = Files.writeString(dir.resolve("hosts.yaml"), """
                hosts:
                  open: { host: "%s" }
                  guarded:
                    host: "%s"
                    container_deny: [ web ]
                    image_deny: "dms-fixture:secret*"
                """.formatted(engine, engine));
        session = new McpSession(Map.of("DOCKER_HOSTS_FILE", hosts.toString()), Files.createDirectories(dir.resolve("s")));
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static List<String> hostSlash(JsonNode items, String field) {
        return items.valueStream().map(i -> i.get("host").asString() + "/" + i.get(field).toString().replace("\"", "")).toList();
    }

    @Test
    void theListsOfEachHostFollowItsOwnRules() {
        List<String> containers = hostSlash(session.call("docker_list_containers").json().get("containers"), "name");
        assertThat(containers).contains("open/web", "open/chatty", "guarded/chatty").doesNotContain("guarded/web");
        List<String> images = hostSlash(session.call("docker_list_images").json().get("images"), "tags");
        assertThat(images).anyMatch(i -> i.startsWith("open/") && i.contains("dms-fixture:secrets"))
                .noneMatch(i -> i.startsWith("guarded/") && i.contains("dms-fixture:secrets"));
        List<String> stats = hostSlash(session.call("docker_stats").json().get("samples"), "name");
        assertThat(stats).contains("open/web").doesNotContain("guarded/web");
    }

    @Test
    void onTheHidingHostAHiddenContainerAnswersLikeAMissingOne() {
        for (String tool : List.of("docker_inspect", "docker_logs", "docker_stats", "docker_security_audit")) {
            String hidden = session.call(tool, "container", "web", "host", "guarded").text();
            String missing = session.call(tool, "container", "nosuch-xyzab", "host", "guarded").text();
            assertThat(hidden).as(tool).isEqualTo(missing.replace("nosuch-xyzab", "web"));
            assertThat(session.call(tool, "container", "web", "host", "open").isError()).as(tool + " on open").isFalse();
        }
        String hidden = session.call("docker_image_info", "image", "dms-fixture:secrets", "host", "guarded").text();
        String missing = session.call("docker_image_info", "image", "dms-fixture:nosuch", "host", "guarded").text();
        assertThat(hidden).isEqualTo(missing.replace("dms-fixture:nosuch", "dms-fixture:secrets"));
        assertThat(session.call("docker_image_info", "image", "dms-fixture:secrets", "host", "open").isError()).isFalse();
    }

    /** Asked of every host, the answer comes from the one that shows it, with no word that the other holds it too. */
    @Test
    void aFanOutDoesNotRevealThatTheHidingHostHasIt() {
        McpSession.Reply web = session.call("docker_inspect", "container", "web");
        assertThat(web.isError()).isFalse();
        assertThat(web.everything()).doesNotContain("guarded");
        McpSession.Reply chatty = session.call("docker_inspect", "container", "chatty");
        assertThat(chatty.everything()).contains("guarded"); // visible on both: the notice names the other host
    }

    @Test
    void theHidingHostsCountsAreThoseOfItsOwnLists() {
        JsonNode hosts = session.call("docker_connection_status").json().get("hosts");
        for (JsonNode h : hosts) {
            String name = h.get("name").asString();
            long listed = session.call("docker_list_containers", "host", name).json().get("count").asLong();
            long images = session.call("docker_list_images", "host", name).json().get("count").asLong();
            assertThat(h.get("containers").asLong()).as(name).isEqualTo(listed);
            assertThat(h.get("images").asLong()).as(name).isEqualTo(images);
        }
        assertThat(hosts.get(0).get("containers").asLong()).isEqualTo(hosts.get(1).get("containers").asLong() + 1);
    }
}
