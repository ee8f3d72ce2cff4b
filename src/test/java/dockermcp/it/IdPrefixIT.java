package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.it.adversarial.TestEngines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An id prefix shared by a hidden and a visible object must answer as if the hidden one did not exist: the
 * visible one, not the engine's "Multiple IDs found" (or, for images, "No such image"), which would reveal it.
 * Ids are random, so the objects are created until a hidden and a visible one share a prefix no other has.
 */
class IdPrefixIT {

    static final String LABEL = "dms-test=id-prefix";
    static final int MAX_TRIES = 400;

    @TempDir
    static Path state;
    static TestEngines engines;

    /** A hidden and a visible id (hex, no "sha256:") and the longest prefix they share, which no other id on the engine has. */
    record Collision(String hidden, String visible, String prefix) {
        String hiddenOnly() {
            return hidden.substring(0, prefix.length() + 1);
        }

        String visibleOnly() {
            return visible.substring(0, prefix.length() + 1);
        }
    }

    interface Create {
        String make(boolean hidden, int n) throws Exception;
    }

    interface Ids {
        List<String> all() throws Exception;
    }

    @BeforeAll
    static void engines() throws Exception {
        engines = TestEngines.shared();
        removeAll();
    }

    @AfterAll
    static void removeAll() throws Exception {
        String ids = engines.docker("ps", "-aq", "--filter", "label=" + LABEL).strip();
        if (!ids.isEmpty()) {
            docker("rm", "-f", ids.split("\\s+"));
        }
        String tagged = engines.docker("images", "-q", "--filter", "reference=dms-prefix").strip();
        if (!tagged.isEmpty()) {
            docker("rmi", "-f", tagged.split("\\s+"));
        }
    }

    private static void docker(String command, String flag, String... ids) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command, flag));
        cmd.addAll(Arrays.stream(ids).distinct().toList());
        engines.docker(cmd.toArray(String[]::new));
    }

    /** Creates hidden and visible objects in turn until a hidden and a visible one share a prefix that no other id has. */
    static Collision collide(Create create, Ids all) throws Exception {
        List<String> hidden = new ArrayList<>();
        List<String> visible = new ArrayList<>();
        for (int n = 0; n < MAX_TRIES; n++) {
            boolean makeHidden = n % 2 == 0;
            (makeHidden ? hidden : visible).add(hex(create.make(makeHidden, n)));
            List<String> ids = all.all().stream().map(IdPrefixIT::hex).distinct().toList();
            for (String h : hidden) {
                for (String v : visible) {
                    int k = 0;
                    while (h.charAt(k) == v.charAt(k)) {
                        k++;
                    }
                    String p = h.substring(0, k);
                    if (k > 0 && ids.stream().filter(id -> id.startsWith(p)).count() == 2) {
                        return new Collision(h, v, p);
                    }
                }
            }
        }
        throw new AssertionError("no shared id prefix after " + MAX_TRIES + " objects");
    }

    private static String hex(String id) {
        String s = id.strip();
        return s.startsWith("sha256:") ? s.substring(7) : s;
    }

    private static List<String> lines(String out) {
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void aContainerIdPrefixResolvesAmongTheVisibleContainersOnly() throws Exception {
        Collision c = collide((hidden, n) -> engines.docker(hidden
                        ? new String[] {"create", "--network", "none", "--label", LABEL, "--label", "mcp.hidden=true", "dms-fixture:1", "true"}
                        : new String[] {"create", "--network", "none", "--label", LABEL, "dms-fixture:1", "true"}),
                () -> lines(engines.docker("ps", "-aq", "--no-trunc")));
        try (McpSession s = McpSession.onLocalEngine(state)) {
            for (String tool : List.of("docker_inspect", "docker_logs", "docker_stats")) {
                for (String ref : List.of(c.prefix(), c.visibleOnly())) {
                    McpSession.Reply r = s.call(tool, "container", ref);
                    assertThat(r.isError()).as(tool + " " + ref + ": " + r.text()).isFalse();
                }
                String hidden = s.call(tool, "container", c.hiddenOnly()).text();
                String missing = s.call(tool, "container", "nosuch-xyzab").text();
                assertThat(hidden).as(tool).isEqualTo(missing.replace("nosuch-xyzab", c.hiddenOnly()));
            }
            assertThat(s.call("docker_inspect", "container", c.prefix()).json().get("id").asString()).isEqualTo(c.visible());
            assertThat(s.call("docker_stats", "container", c.prefix()).json().at("/samples/0/id").asString()).isEqualTo(c.visible().substring(0, 12));
        }
    }

    @Test
    void anImageIdPrefixResolvesAmongTheVisibleImagesOnly() throws Exception {
        engines.docker("create", "--name", "dms-prefix-src", "--network", "none", "--label", LABEL, "dms-fixture:1", "true");
        Collision c = collide((hidden, n) -> engines.docker("commit", "-c", "LABEL n=" + n, "dms-prefix-src", "dms-prefix:" + (hidden ? "hidden-" : "visible-") + n),
                () -> lines(engines.docker("images", "-aq", "--no-trunc")));
        try (McpSession s = McpSession.onLocalEngine(state, "IMAGE_DENY", "dms-prefix:hidden-*")) {
            for (String ref : List.of(c.prefix(), "sha256:" + c.prefix(), c.visibleOnly())) {
                McpSession.Reply r = s.call("docker_image_info", "image", ref);
                assertThat(r.isError()).as(ref + ": " + r.text()).isFalse();
                assertThat(r.json().get("id").asString()).isEqualTo("sha256:" + c.visible());
            }
            String hidden = s.call("docker_image_info", "image", c.hiddenOnly()).text();
            String missing = s.call("docker_image_info", "image", "dms-prefix:nosuch").text();
            assertThat(hidden).isEqualTo(missing.replace("dms-prefix:nosuch", c.hiddenOnly()));
        }
    }
}
