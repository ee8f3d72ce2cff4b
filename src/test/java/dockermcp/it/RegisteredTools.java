package dockermcp.it;

import dockermcp.cli.Main;
import dockermcp.config.SettingsLoader;
import dockermcp.engine.Engines;
import dockermcp.security.AuditLog;
import dockermcp.tools.ToolRegistry;
import java.util.Map;

/** How many tools the registry serves, so that tests of the tools/list answer follow the registry instead of a constant. */
public final class RegisteredTools {

    private RegisteredTools() {
    }

    public static int count() {
        return names().size();
    }

    /** The names of the registered tools, in the registry's order. */
    public static java.util.List<String> names() {
        var settings = SettingsLoader.load(Map.of("HOME", "/nonexistent", "SECURITY_AUDIT_LOG", "false"));
        try (Engines engines = new Engines(settings, "test")) {
            return new ToolRegistry(settings, engines, AuditLog.to(null), Main.workers()).specs().stream().map(dockermcp.tools.ToolSpec::name).toList();
        }
    }
}
