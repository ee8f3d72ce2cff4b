package dockermcp.cli;

import dockermcp.config.Endpoint;
import dockermcp.config.Settings;
import dockermcp.config.SettingsLoader;
import dockermcp.engine.EngineException;
import dockermcp.engine.EngineHttp;
import dockermcp.engine.Engines;
import dockermcp.security.AuditLog;
import dockermcp.tools.ToolRegistry;
import dockermcp.transport.StdioTransport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A start-up rehearsal for the launcher's class-data archive: serves one scripted MCP session from
 * memory and touches the HTTP client, without contacting any engine, so the archive holds what a real
 * start-up and first call load.
 */
final class Training {

    private Training() {
    }

    static void run() {
        Logging.configure("error");
        Settings settings = SettingsLoader.load(Map.of("HOME", System.getProperty("java.io.tmpdir"), "SECURITY_AUDIT_LOG", "false"));
        String session = String.join("\n",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"train\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_connection_status\",\"arguments\":{}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Engines engines = new Engines(settings, Product.NAME)) {
            ToolRegistry registry = new ToolRegistry(settings, engines, AuditLog.to(null), Main.workers());
            // keep stdin open until the last answer is out, then end it
            InputStream in = new SequenceInputStream(new java.io.ByteArrayInputStream(session.getBytes(StandardCharsets.UTF_8)), new InputStream() {
                @Override
                public int read() {
                    long deadline = System.currentTimeMillis() + 5000;
                    while (!out.toString(StandardCharsets.UTF_8).contains("\"id\":4") && System.currentTimeMillis() < deadline) {
                        Thread.onSpinWait();
                    }
                    return -1;
                }
            });
            StdioTransport stdio = new StdioTransport(in, out, registry, Duration.ofSeconds(5));
            stdio.awaitEndOfInput();
            try (EngineHttp http = new EngineHttp(Endpoint.unix(Path.of("/nonexistent/docker-mcp-secure-training.sock")), null,
                    Duration.ofMillis(200), Duration.ofMillis(500), Product.NAME)) {
                http.ping();
            } catch (EngineException expected) {
                // no engine here: the point was to load the client's classes
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
