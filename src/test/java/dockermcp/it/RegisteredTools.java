package dockermcp.it;

import dockermcp.server.Workers;
import dockermcp.config.SettingsLoader;
import dockermcp.engine.Engines;
import dockermcp.security.AuditLog;
import dockermcp.tools.ToolRegistry;
import java.util.Map;

/** The tools the registry serves, so that every test of a tools/list answer follows the registry instead of a constant. */
public final class RegisteredTools {

    private RegisteredTools() {
    }

    /** The one check that a tools/list answer names exactly the registered tools (in any order), whatever the transport. */
    public static void assertListed(java.util.List<String> listed) {
        org.assertj.core.api.Assertions.assertThat(listed).as("tools/list").containsExactlyInAnyOrderElementsOf(names());
    }

    /** As {@link #assertListed(java.util.List)}, for the raw {@code result.tools} array of a tools/list answer. */
    public static void assertListed(tools.jackson.databind.JsonNode tools) {
        assertListed(tools.valueStream().map(t -> t.get("name").asString()).toList());
    }

    /** The names of the registered tools, in the registry's order. */
    public static java.util.List<String> names() {
        var settings = SettingsLoader.load(Map.of("HOME", "/nonexistent", "SECURITY_AUDIT_LOG", "false"));
        try (Engines engines = new Engines(settings, "test")) {
            return new ToolRegistry(settings, engines, AuditLog.to(null), Workers.pool()).specs().stream().map(dockermcp.tools.ToolSpec::name).toList();
        }
    }
}
