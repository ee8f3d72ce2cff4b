package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hidden containers and images are indistinguishable from missing ones, in every tool. */
class VisibilityIT {

    @TempDir
    static Path state;

    @BeforeAll
    static void startAHiddenContainer() throws Exception {
        docker("rm", "-f", "hidden-db");
        docker("run", "-d", "--network", "none", "--name", "hidden-db", "--label", "mcp.hidden=true", "dms-fixture:1", "sleep", "1000000");
    }

    @AfterAll
    static void removeIt() throws Exception {
        docker("rm", "-f", "hidden-db");
    }

    private static void docker(String... args) throws Exception {
        RealEngines.docker(args);
    }

    private McpSession session(String... settings) {
        return McpSession.onLocalEngine(state, settings);
    }

    @Test
    void aContainerLabelledHiddenIsAbsentAndAnswersLikeAMissingOne() {
        try (McpSession s = session()) {
            assertThat(s.call("docker_list_containers").json().toString()).doesNotContain("hidden-db");
            assertThat(s.call("docker_stats").json().toString()).doesNotContain("hidden-db");
            for (String tool : List.of("docker_inspect", "docker_logs", "docker_stats")) {
                String hidden = s.call(tool, "container", "hidden-db").text();
                String missing = s.call(tool, "container", "nosuch-xyzab").text();
                assertThat(hidden).as(tool).isEqualTo(missing.replace("nosuch-xyzab", "hidden-db"));
            }
            var status = s.call("docker_connection_status").json().at("/hosts/0");
            long listed = s.call("docker_list_containers").json().get("count").asLong();
            assertThat(status.get("containers").asLong()).as("counts do not reveal hidden containers").isEqualTo(listed);
        }
    }

    /** The engine never hears a hidden name: a hidden and a missing one cost the same requests (a list), so neither answer nor timing comes from the engine's view of it. */
    @Test
    void aHiddenAndAMissingNameCostTheEngineTheSameRequests() throws Exception {
        try (McpSession s = session("IMAGE_DENY", "dms-fixture:secret*")) {
            s.call("docker_connection_status"); // the API version is negotiated before the marks
            List<List<String>> calls = List.of(List.of("docker_inspect", "container", "hidden-db", "nosuch-xyzab"),
                    List.of("docker_logs", "container", "hidden-db", "nosuch-xyzab"), List.of("docker_stats", "container", "hidden-db", "nosuch-xyzab"),
                    List.of("docker_image_info", "image", "dms-fixture:secrets", "dms-fixture:nosuch"));
            for (List<String> c : calls) {
                DaemonLog hiddenLog = DaemonLog.from(RealEngines.get("UNIX_LOG"));
                assertThat(s.call(c.get(0), c.get(1), c.get(2)).isError()).isTrue();
                List<String> hidden = hiddenLog.requests();
                DaemonLog missingLog = DaemonLog.from(RealEngines.get("UNIX_LOG"));
                assertThat(s.call(c.get(0), c.get(1), c.get(3)).isError()).isTrue();
                assertThat(hidden).as(c.get(0)).isNotEmpty().isEqualTo(missingLog.requests()).noneMatch(r -> r.contains(c.get(2)));
            }
        }
    }

    /**
     * docker_logs resolves a name with a list of visible containers made less than 2 s before (then the logs are its
     * one engine request); right after that a hidden and a missing name still cost the same fresh list, and a container
     * removed and made again under the same name is read by its new id.
     */
    @Test
    void aRepeatedLogsReadCostsOneRequestAndHiddenAndMissingStillCostTheSame() throws Exception {
        docker("rm", "-f", "memo-x");
        startPrinting("first");
        try (McpSession s = session()) {
            s.call("docker_connection_status");
            List<String> repeated = null;
            for (int attempt = 0; attempt < 5 && repeated == null; attempt++) { // only a pair read within the 2 s counts
                long t0 = System.nanoTime();
                assertThat(s.call("docker_logs", "container", "memo-x", "tail", 1).text()).contains("first");
                DaemonLog again = DaemonLog.from(RealEngines.get("UNIX_LOG"));
                assertThat(s.call("docker_logs", "container", "memo-x", "tail", 1).text()).contains("first");
                if (System.nanoTime() - t0 < 1_500_000_000L) {
                    repeated = again.requests();
                }
            }
            assertThat(repeated).as("requests of the second read").isNotNull().hasSize(1).allSatisfy(r -> assertThat(r).startsWith("GET ").contains("/logs"));

            DaemonLog hiddenLog = DaemonLog.from(RealEngines.get("UNIX_LOG"));
            assertThat(s.call("docker_logs", "container", "hidden-db").isError()).isTrue();
            List<String> hidden = hiddenLog.requests();
            DaemonLog missingLog = DaemonLog.from(RealEngines.get("UNIX_LOG"));
            assertThat(s.call("docker_logs", "container", "nosuch-xyzab").isError()).isTrue();
            assertThat(hidden).hasSize(1).isEqualTo(missingLog.requests()).allSatisfy(r -> assertThat(r).contains("/containers/json"));

            s.call("docker_logs", "container", "memo-x");
            docker("rm", "-f", "memo-x");
            startPrinting("second");
            assertThat(s.call("docker_logs", "container", "memo-x").text()).contains("second").doesNotContain("first");
        } finally {
            docker("rm", "-f", "memo-x");
        }
    }

    /** Starts memo-x printing {@code word}, and waits until the engine has that line. */
    private static void startPrinting(String word) throws Exception {
        docker("run", "-d", "--network", "none", "--name", "memo-x", "dms-fixture:1", "sh", "-c", "echo " + word + "; sleep 1000000");
        for (int i = 0; i < 100 && !RealEngines.docker("logs", "memo-x").contains(word); i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void theLabelIsIgnoredWhenTheOperatorSaysSo() {
        try (McpSession s = session("HONOR_HIDDEN_LABEL", "false")) {
            assertThat(s.call("docker_inspect", "container", "hidden-db").isError()).isFalse();
        }
    }

    @Test
    void allowAndDenyListsApplyByNameGlobAndLabel() {
        try (McpSession s = session("CONTAINER_ALLOW", "app=web,chat*", "CONTAINER_DENY", "chatty")) {
            assertThat(s.call("docker_list_containers").json().get("containers").valueStream().map(c -> c.get("name").asString()))
                    .containsExactly("web");
            assertThat(s.call("docker_logs", "container", "chatty").isError()).isTrue();
            assertThat(s.call("docker_inspect", "container", "only-local").isError()).isTrue();
            assertThat(s.call("docker_inspect", "container", "web").isError()).isFalse();
        }
    }

    @Test
    void deniedImagesAreAbsentAndAnswerLikeMissingOnes() {
        try (McpSession s = session("IMAGE_DENY", "dms-fixture:secret*")) {
            assertThat(s.call("docker_list_images").json().toString()).doesNotContain("dms-fixture:secrets").contains("dms-fixture:1");
            String hidden = s.call("docker_image_info", "image", "dms-fixture:secrets").text();
            String missing = s.call("docker_image_info", "image", "dms-fixture:nosuch").text();
            assertThat(hidden).isEqualTo(missing.replace("dms-fixture:nosuch", "dms-fixture:secrets"));
            assertThat(s.call("docker_image_info", "image", "dms-fixture:1").isError()).isFalse();
        }
    }
}
