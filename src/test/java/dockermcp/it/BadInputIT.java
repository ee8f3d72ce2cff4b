package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile arguments get one clear sentence each, the server keeps serving, and the daemon sees none of them. */
class BadInputIT {

    @TempDir
    static Path state;
    static McpSession session;
    static DaemonLog log;

    @BeforeAll
    static void start() throws Exception {
        session = new McpSession(RealEngines.local(), state);
        session.call("docker_connection_status"); // negotiate before the mark, so only hostile calls follow it
        log = DaemonLog.from(RealEngines.get("UNIX_LOG"));
    }

    static List<String> hostileNames() {
        return List.of("../../images/create", "web?x=1", "a/b", "--help", "", "x".repeat(10_000), "web#frag", "web%2F..%2Fx",
                "..\\..\\x", "web;id", "$(id)", "`id`", "web\r\nHost: evil", "web\u0000", "wеb", "web\u202e", "'web'");
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void hostileContainerNamesAreRefusedForEveryContainerTool(String name) {
        for (String tool : List.of("docker_inspect", "docker_logs", "docker_stats")) {
            var r = session.call(tool, "container", name);
            assertThat(r.isError()).as(tool + " " + name).isTrue();
            assertOneSentence(r.text());
        }
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void hostileImageReferencesAreRefused(String name) {
        var r = session.call("docker_image_info", "image", name);
        assertThat(r.isError()).isTrue();
        assertOneSentence(r.text());
    }

    @Test
    void wrongTypesRangesAndUnknownArgumentsAreRefused() {
        List<McpSession.Reply> replies = List.of(
                session.call("docker_logs", "container", "chatty", "tail", -1),
                session.call("docker_logs", "container", "chatty", "tail", 100_000),
                session.call("docker_logs", "container", "chatty", "tail", "many"),
                session.call("docker_logs", "container", "chatty", "since", "yesterday"),
                session.call("docker_logs", "container", "chatty", "stdout", false, "stderr", false),
                session.call("docker_logs", "container", "chatty", "follow", true),
                session.call("docker_inspect", "container", 12),
                session.call("docker_inspect", "container", List.of("web")),
                session.call("docker_inspect"),
                session.call("docker_list_containers", "all", "sometimes"),
                session.call("docker_list_containers", "status", "alive"),
                session.call("docker_list_containers", "host", "prod"),
                session.call("docker_list_containers", "host", "remote"));
        for (var r : replies) {
            assertThat(r.isError()).isTrue();
            assertOneSentence(r.text());
        }
        assertThat(replies.get(12).text()).contains("set DOCKER_HOST");
    }

    @Test
    void filterValuesCannotInjectQueryParameters() {
        var r = session.call("docker_list_containers", "name", "web&all=0&follow=1#");
        assertThat(r.isError()).isFalse();
        assertThat(r.json().get("count").asInt()).isZero();
    }

    @Test
    void unknownContainerIsAClearErrorAndTheServerKeepsServing() {
        var r = session.call("docker_logs", "container", "no-such-container");
        assertThat(r.text()).isEqualTo("No container 'no-such-container' on host 'local': check the name with docker_list_containers.");
        assertThat(session.call("docker_inspect", "container", "web").isError()).isFalse();
    }

    @AfterAll
    static void theDaemonSawOnlyReadsAndNoneOfTheHostileValues() throws Exception {
        try {
            List<String> requests = log.requests();
            assertThat(requests).allSatisfy(r -> assertThat(r).matches("(GET|HEAD) /.*"));
            assertThat(String.join("\n", requests)).doesNotContain("images/create", "web?x", "containers/a/b", "--help", "%2F..", "Host", "evil", "&follow", "&all=0");
        } finally {
            session.close();
        }
    }

    private static void assertOneSentence(String text) {
        assertThat(text).isNotBlank().doesNotContain("Exception", "\tat ", "\n", "java.", "\u0000", "\r");
        assertThat(text.length()).isLessThan(400);
        assertThat(text).endsWith(".");
    }
}
