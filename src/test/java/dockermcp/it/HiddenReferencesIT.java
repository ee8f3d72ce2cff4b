package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.it.adversarial.TestEngines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A visible container must not name a hidden one through the fields that refer to other containers (shared
 * namespaces, volumes-from, links, link names), nor name an image the image rules hide. A reference to a hidden
 * container and one to a removed container look the same.
 */
class HiddenReferencesIT {

    static final String LABEL = "dms-test=hidden-references";
    static final List<String> MODES = List.of("networkMode", "pidMode", "ipcMode");

    @TempDir
    static Path state;
    static TestEngines engines;
    static String hiddenId;
    static String deniedImageId;

    /** Donors (hidden, visible, and one removed afterwards) and, for each, a container sharing its namespaces and volumes and one linking to it. */
    @BeforeAll
    static void containersThatReferToOthers() throws Exception {
        engines = TestEngines.shared();
        removeAll();
        hiddenId = run("ref-hidden-donor", "--network", "none", "--label", "mcp.hidden=true", "--ipc", "shareable", "-v", "/data", "dms-fixture:1");
        run("ref-visible-donor", "--network", "none", "--ipc", "shareable", "-v", "/data", "dms-fixture:1");
        run("ref-gone-donor", "--network", "none", "--ipc", "shareable", "-v", "/data", "dms-fixture:1");
        for (String d : List.of("hidden", "visible", "gone")) {
            String donor = "ref-" + d + "-donor";
            run("uses-" + d, "--network", "container:" + donor, "--pid", "container:" + donor, "--ipc", "container:" + donor,
                    "--volumes-from", donor + ":ro", "dms-fixture:1");
            run("links-" + d, "--network", "none", "--link", donor + ":" + donor, "dms-fixture:1"); // as `--link donor`: the alias is its name
        }
        engines.docker("kill", "uses-gone");
        engines.docker("rm", "-f", "ref-gone-donor"); // uses-gone and links-gone now refer to a container that no longer exists

        // a visible container that a hidden one links to: Docker lists "/aa-hidden-linker/alias" among its names, sorted first
        run("link-target", "--network", "none", "dms-fixture:1");
        run("aa-hidden-linker", "--network", "none", "--label", "mcp.hidden=true", "--link", "link-target:alias", "dms-fixture:1");

        // an image the rules deny, run by tag and by id
        engines.docker("create", "--name", "denied-image-src", "--label", LABEL, "--network", "none", "dms-fixture:1", "true");
        deniedImageId = engines.docker("commit", "-c", "LABEL purpose=image-rules-test", "denied-image-src", "team-x/app:1").strip();
        run("runs-denied-image", "--network", "none", "team-x/app:1");
        run("runs-denied-image-by-id", "--network", "none", deniedImageId);
    }

    private static String run(String name, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("run", "-d", "--name", name, "--label", LABEL));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("sleep", "1000000"));
        return engines.docker(cmd.toArray(String[]::new)).strip();
    }

    @AfterAll
    static void removeAll() throws Exception {
        String ids = engines.docker("ps", "-aq", "--filter", "label=" + LABEL).strip();
        if (!ids.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("rm", "-f"));
            cmd.addAll(List.of(ids.split("\\s+")));
            engines.docker(cmd.toArray(String[]::new));
        }
        if (!engines.docker("images", "-q", "team-x/app:1").isBlank()) {
            engines.docker("rmi", "team-x/app:1");
        }
    }

    private McpSession session(String... settings) {
        return McpSession.onLocalEngine(state, settings);
    }

    private static JsonNode inspect(McpSession s, String container) {
        McpSession.Reply r = s.call("docker_inspect", "container", container);
        assertThat(r.isError()).as(r.text()).isFalse();
        assertThat(r.everything()).as("nothing in the answer names the hidden container")
                .doesNotContain(hiddenId.substring(0, 12), "ref-hidden-donor", "aa-hidden-linker");
        return r.json();
    }

    @Test
    void sharedNamespacesAndVolumesNameOnlyVisibleContainers() {
        try (McpSession s = session()) {
            JsonNode hidden = inspect(s, "uses-hidden");
            JsonNode gone = inspect(s, "uses-gone");
            JsonNode visible = inspect(s, "uses-visible");
            for (String mode : MODES) {
                assertThat(hidden.at("/security/" + mode).asString()).as(mode).isEqualTo("container:[hidden]");
                assertThat(gone.at("/security/" + mode).asString()).as(mode + " of a removed container").isEqualTo("container:[hidden]");
                assertThat(visible.at("/security/" + mode).asString()).as(mode).isEqualTo("container:ref-visible-donor");
            }
            assertThat(hidden.get("volumesFrom").toString()).isEqualTo("[\"[hidden]:ro\"]").isEqualTo(gone.get("volumesFrom").toString());
            assertThat(visible.get("volumesFrom").toString()).isEqualTo("[\"ref-visible-donor:ro\"]");
        }
    }

    @Test
    void linksNameOnlyVisibleContainers() {
        try (McpSession s = session()) {
            assertThat(inspect(s, "links-hidden").get("links").toString()).isEqualTo("[\"[hidden]\"]");
            assertThat(inspect(s, "links-gone").get("links").toString()).isEqualTo("[\"[hidden]\"]");
            assertThat(inspect(s, "links-visible").get("links").toString()).isEqualTo("[\"ref-visible-donor:ref-visible-donor\"]");
        }
    }

    @Test
    void aContainerAHiddenOneLinksToIsListedAndJudgedByItsOwnName() {
        try (McpSession s = session()) {
            McpSession.Reply list = s.call("docker_list_containers");
            assertThat(list.json().get("containers").valueStream().map(c -> c.get("name").asString())).contains("link-target")
                    .doesNotContain("aa-hidden-linker/alias");
            assertThat(list.everything()).doesNotContain("aa-hidden-linker", hiddenId.substring(0, 12));
            assertThat(s.call("docker_stats").everything()).doesNotContain("aa-hidden-linker");
            inspect(s, "link-target");
        }
        try (McpSession s = session("CONTAINER_DENY", "link-target")) {
            assertThat(s.call("docker_list_containers").json().toString()).doesNotContain("link-target");
            assertThat(s.call("docker_inspect", "container", "link-target").isError()).isTrue();
        }
    }

    @Test
    void aContainerOfADeniedImageStaysVisibleButNoToolNamesTheImage() {
        String shortId = deniedImageId.substring("sha256:".length(), "sha256:".length() + 12);
        try (McpSession s = session("IMAGE_DENY", "team-x/*")) {
            McpSession.Reply list = s.call("docker_list_containers");
            assertThat(list.everything()).doesNotContain("team-x", shortId);
            for (String name : List.of("runs-denied-image", "runs-denied-image-by-id")) {
                JsonNode item = list.json().get("containers").valueStream().filter(c -> c.get("name").asString().equals(name)).findFirst().orElseThrow();
                assertThat(item.get("image").asString()).as(name).isEqualTo("[hidden image]");
                McpSession.Reply inspect = s.call("docker_inspect", "container", name);
                assertThat(inspect.json().get("image").asString()).as(name).isEqualTo("[hidden image]");
                assertThat(inspect.json().has("imageId")).as(name).isFalse();
                assertThat(inspect.everything()).as(name).doesNotContain("team-x", shortId);
                assertThat(s.call("docker_stats", "container", name).everything()).as(name).doesNotContain("team-x", shortId);
            }
            JsonNode web = list.json().get("containers").valueStream().filter(c -> c.get("name").asString().equals("web")).findFirst().orElseThrow();
            assertThat(web.get("image").asString()).isEqualTo("dms-fixture:1");
            assertThat(s.call("docker_inspect", "container", "web").json().get("imageId").asString()).startsWith("sha256:");
        }
    }
}
