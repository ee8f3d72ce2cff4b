package dockermcp.it;

import dockermcp.server.Workers;
import dockermcp.config.Settings;
import dockermcp.config.SettingsLoader;
import dockermcp.engine.Engines;
import dockermcp.security.AuditLog;
import dockermcp.tools.ToolRegistry;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's tool path, in-process, configured from an environment like the one an MCP client passes. */
final class McpSession implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Engines engines;
    private final AuditLog audit;
    private final ToolRegistry registry;
    final Path auditFile;

    McpSession(Map<String, String> serverEnv, Path stateDir) {
        Map<String, String> env = new HashMap<>(serverEnv);
        env.put("HOME", stateDir.toString());
        auditFile = stateDir.resolve("audit.log");
        env.putIfAbsent("SECURITY_AUDIT_LOG_FILE", auditFile.toString());
        Settings settings = SettingsLoader.load(env);
        engines = new Engines(settings, "docker-mcp-secure-it");
        audit = AuditLog.to(settings.auditFile());
        registry = new ToolRegistry(settings, engines, audit, Workers.pool());
    }

    /** A session on the unix-socket test engine with extra settings given as name, value, name, value... */
    static McpSession onLocalEngine(Path stateDir, String... settings) {
        Map<String, String> env = new HashMap<>(RealEngines.local());
        for (int i = 0; i < settings.length; i += 2) {
            env.put(settings[i], settings[i + 1]);
        }
        return new McpSession(env, stateDir);
    }

    /** The tools as this session's clients see them (schemas derived from its configuration). */
    List<dockermcp.tools.ToolSpec> specs() {
        return registry.specs();
    }

    /** The prompts and their argument completions, served from this session's tools. */
    dockermcp.prompts.PromptCatalog prompts() {
        return new dockermcp.prompts.PromptCatalog(registry);
    }

    Reply call(String tool, Object... kv) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            args.put((String) kv[i], kv[i + 1]);
        }
        return new Reply(registry.call(registry.tool(tool), args));
    }

    List<JsonNode> auditRecords() throws Exception {
        return Files.readAllLines(auditFile).stream().map(l -> (JsonNode) JSON.readTree(l)).toList();
    }

    @Override
    public void close() {
        engines.close();
        audit.close();
    }

    record Reply(McpSchema.CallToolResult result) {
        boolean isError() {
            return Boolean.TRUE.equals(result.isError());
        }

        String text() {
            return ((McpSchema.TextContent) result.content().get(0)).text();
        }

        JsonNode json() {
            return JSON.valueToTree(result.structuredContent());
        }

        /** Everything the client would receive, for checks that nothing leaks anywhere. */
        String everything() {
            return text() + "\n" + (result.structuredContent() == null ? "" : json().toString());
        }
    }
}
