package dockermcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.config.Settings;
import dockermcp.config.SettingsLoader;
import dockermcp.engine.Engines;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** docker_events' one rule per event: what is about a hidden container or image never shows, and what shows names only what may be seen. */
class EventsToolTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WEB = "a".repeat(64);
    private static final String SECRETIVE = "b".repeat(64);
    private static final String GONE = "c".repeat(64);

    private final CallContext ctx = context(Map.of("HOME", "/nonexistent", "ALLOW_LOCAL_DOCKER", "true", "SECURITY_AUDIT_LOG", "false", "CONTAINER_DENY", "secretive", "IMAGE_DENY", "private/*"));
    /** The containers as the engine lists them now: web is visible, secretive hidden by CONTAINER_DENY, GONE no longer exists. */
    private final Map<String, JsonNode> now = Map.of(
            WEB, json("{\"Id\":\"" + WEB + "\",\"Names\":[\"/web\"],\"Labels\":{}}"),
            SECRETIVE, json("{\"Id\":\"" + SECRETIVE + "\",\"Names\":[\"/secretive\"],\"Labels\":{}}"));

    private static CallContext context(Map<String, String> env) {
        Settings s = SettingsLoader.load(env);
        return new CallContext(new Engines(s, "test"), s, Executors.newSingleThreadExecutor());
    }

    private static JsonNode json(String s) {
        return JSON.readTree(s);
    }

    private static JsonNode event(String type, String action, String id, String attributes) {
        return json("{\"Type\":\"" + type + "\",\"Action\":\"" + action + "\",\"Actor\":{\"ID\":\"" + id + "\",\"Attributes\":" + attributes
                + "},\"time\":1796030243,\"timeNano\":1796030243123456789}");
    }

    @Test
    void aVisibleContainersEventShowsWithItsNameImageAndTime() {
        ObjectNode e = EventsTool.shown(event("container", "start", WEB, "{\"name\":\"web\",\"image\":\"dms-fixture:1\",\"app\":\"shop\"}"), "local", ctx.visibility(), now);
        assertThat(e).isNotNull();
        assertThat(e.get("time").asString()).isEqualTo("2026-11-30T09:17:23.123456789Z");
        assertThat(e.get("id").asString()).hasSize(12);
        assertThat(e.get("name").asString()).isEqualTo("web");
        assertThat(e.get("image").asString()).isEqualTo("dms-fixture:1");
        assertThat(e.at("/attributes/app").asString()).isEqualTo("shop");
    }

    @Test
    void eventsAboutHiddenContainersNeverShowEvenWhenTheEventItselfLooksHarmless() {
        // secretive is hidden now: its event is judged by the list, not by the name the event carries
        assertThat(EventsTool.shown(event("container", "die", SECRETIVE, "{\"name\":\"renamed\"}"), "local", ctx.visibility(), now)).isNull();
        // a removed container is judged by its event's name and labels
        assertThat(EventsTool.shown(event("container", "destroy", GONE, "{\"name\":\"secretive\"}"), "local", ctx.visibility(), now)).isNull();
        assertThat(EventsTool.shown(event("container", "destroy", GONE, "{\"name\":\"old\",\"mcp.hidden\":\"true\"}"), "local", ctx.visibility(), now)).isNull();
        assertThat(EventsTool.shown(event("container", "destroy", GONE, "{\"name\":\"old\"}"), "local", ctx.visibility(), now)).isNotNull();
        // a network or volume event naming a hidden or removed container is left out; a visible one is named, not given by id
        assertThat(EventsTool.shown(event("network", "connect", "n1", "{\"name\":\"bridge\",\"container\":\"" + SECRETIVE + "\"}"), "local", ctx.visibility(), now)).isNull();
        assertThat(EventsTool.shown(event("volume", "mount", "v1", "{\"container\":\"" + GONE + "\"}"), "local", ctx.visibility(), now)).isNull();
        ObjectNode net = EventsTool.shown(event("network", "connect", "n1", "{\"name\":\"bridge\",\"container\":\"" + WEB + "\"}"), "local", ctx.visibility(), now);
        assertThat(net.get("container").asString()).isEqualTo("web");
        assertThat(net.toString()).doesNotContain(WEB);
    }

    @Test
    void hiddenImagesAreNeitherListedNorNamedByTheirContainers() {
        assertThat(EventsTool.shown(event("image", "pull", "private/app:1", "{\"name\":\"private/app:1\"}"), "local", ctx.visibility(), now)).isNull();
        assertThat(EventsTool.shown(event("image", "tag", "sha256:" + "d".repeat(64), "{\"name\":\"busybox:1\"}"), "local", ctx.visibility(), now)).isNotNull();
        ObjectNode e = EventsTool.shown(event("container", "create", WEB, "{\"name\":\"web\",\"image\":\"private/app:1\"}"), "local", ctx.visibility(), now);
        assertThat(e.toString()).doesNotContain("private/app").contains("[hidden image]");
    }

    @Test
    void anExecsCommandIsACommandLineAndAHealthStatusADetail() {
        ObjectNode exec = EventsTool.shown(event("container", "exec_start: sh -c echo hi", WEB, "{\"name\":\"web\"}"), "local", ctx.visibility(), now);
        assertThat(exec.get("action").asString()).isEqualTo("exec_start");
        assertThat(exec.get("commandLine").asString()).isEqualTo("sh -c echo hi");
        ObjectNode health = EventsTool.shown(event("container", "health_status: healthy", WEB, "{\"name\":\"web\"}"), "local", ctx.visibility(), now);
        assertThat(health.get("detail").asString()).isEqualTo("healthy");
    }
}
