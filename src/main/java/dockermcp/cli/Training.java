package dockermcp.cli;

import dockermcp.server.Workers;
import dockermcp.server.Product;
import dockermcp.config.Settings;
import dockermcp.config.SettingsLoader;
import dockermcp.engine.Engines;
import dockermcp.security.AuditLog;
import dockermcp.tools.ToolRegistry;
import dockermcp.transport.StdioTransport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A start-up rehearsal for the launcher's class-data (JDK 17) or AOT (JDK 25) archive: serves one scripted MCP
 * session from memory and makes real tool calls, audit log on, through the real engine client against a stand-in
 * engine on a temp socket ({@link TrainingEngine}), so the archive holds what a real start-up and first calls load.
 * It contacts no real engine.
 */
final class Training {

    private Training() {
    }

    private static final String[] CALLS = {
        "docker_list_containers", "{}",
        "docker_list_containers", "{\"all\":false}",
        "docker_inspect", "{\"container\":\"web\"}",
        "docker_logs", "{\"container\":\"web\",\"tail\":1}",
        "docker_logs", "{\"container\":\"web\",\"tail\":5,\"timestamps\":true}",
        "docker_stats", "{\"container\":\"web\"}",
        "docker_list_images", "{}",
        "docker_image_info", "{\"image\":\"busybox:1\"}",
        "docker_connection_status", "{}",
        "docker_inspect", "{\"container\":\"../x\"}",
    };

    static void run() {
        Logging.configure("error");
        try (TrainingEngine engine = new TrainingEngine()) {
            Path audit = Files.createTempFile("docker-mcp-secure-training", ".audit");
            Files.delete(audit);
            try {
                rehearse(engine, audit);
            } finally {
                Files.deleteIfExists(audit);
            }
        } catch (IOException e) {
            System.err.println(Product.NAME + ": training run failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rehearse(TrainingEngine engine, Path audit) throws InterruptedException {
        dockermcp.server.HandshakePrep.startInBackground(); // as Core.open does: its classes belong in the archive too
        Settings settings = SettingsLoader.load(Map.of("HOME", System.getProperty("java.io.tmpdir"), "ALLOW_LOCAL_DOCKER", "true",
                "LOCAL_DOCKER_HOST", "unix://" + engine.socket(), "SECURITY_AUDIT_LOG_FILE", audit.toString()));
        List<String> session = new ArrayList<>(List.of(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"train\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"));
        int id = 3;
        for (int i = 0; i < CALLS.length; i += 2) {
            session.add("{\"jsonrpc\":\"2.0\",\"id\":" + id++ + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + CALLS[i] + "\",\"arguments\":" + CALLS[i + 1] + "}}");
        }
        String last = "\"id\":" + id + ",";
        session.add("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}");
        session.add("");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Engines engines = new Engines(settings, Product.NAME);
             AuditLog log = AuditLog.to(settings.auditFile(), settings.auditMaxBytes(), settings.auditFailOpen())) {
            ToolRegistry registry = new ToolRegistry(settings, engines, log, Workers.pool());
            // keep stdin open until the last answer is out (calls are answered on worker threads), then end it
            InputStream in = new SequenceInputStream(new ByteArrayInputStream(String.join("\n", session).getBytes(StandardCharsets.UTF_8)), new InputStream() {
                @Override
                public int read() {
                    long deadline = System.currentTimeMillis() + 10_000;
                    while (!out.toString(StandardCharsets.UTF_8).contains(last) && System.currentTimeMillis() < deadline) {
                        Thread.onSpinWait();
                    }
                    return -1;
                }
            });
            StdioTransport stdio = new StdioTransport(in, out, registry, Duration.ofSeconds(5));
            stdio.awaitEndOfInput();
        }
    }
}
