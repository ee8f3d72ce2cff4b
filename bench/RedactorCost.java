import dockermcp.server.Workers;
import dockermcp.config.Settings;
import dockermcp.config.SettingsLoader;
import dockermcp.engine.Engines;
import dockermcp.security.AuditLog;
import dockermcp.security.Redactor;
import dockermcp.tools.DockerTool;
import dockermcp.tools.ToolRegistry;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Diagnostic, not part of the product: what redaction costs in a docker_logs call that returns 64 KiB (the default
 * LOGS_MAX_BYTES). Two tool registries, in one process, call docker_logs on the same container of a real engine,
 * interleaved so that both see the same machine load: one as shipped, one with REDACT_LOG_CONTENT=false (log lines
 * not redacted; the rest of the call identical). The difference of the medians is the redaction's share of the call.
 * It also times the redaction alone (Redactor.logLines on the same lines), outside the call.
 *
 * <pre>
 *   mvn -q -ntp package -DskipTests
 *   DMS_ENGINES_DIR=/tmp/dms-x scripts/test-engines.sh up; . /tmp/dms-x/engines.env
 *   docker -H "$UNIX_DOCKER_HOST" run -d --name bench-logs --network none dms-fixture:1 sh -c \
 *     'i=0; while [ $i -lt 1500 ]; do echo "2024-11-30T10:00:$((i%60))Z INFO [worker-$((i%8))] GET /api/v1/orders/$i 200 in $((i%90)) ms request_id=7f3a9c2e-1b2c-4d5e-8f90-$i user=u$((i%50))"; echo "{\"level\":\"warn\",\"msg\":\"slow query\",\"ms\":$i,\"table\":\"orders\",\"trace\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}"; i=$((i+1)); done; sleep 1000000'
 *   javac -cp target/docker-mcp-secure.jar -d /tmp/rc bench/RedactorCost.java
 *   java -XX:TieredStopAtLevel=1 -cp target/docker-mcp-secure.jar:/tmp/rc RedactorCost "$UNIX_DOCKER_HOST" bench-logs
 * </pre>
 */
public final class RedactorCost {

    private RedactorCost() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        String container = args[1];
        ExecutorService workers = Workers.pool();
        Settings shipped = settings(host, "true");
        Settings raw = settings(host, "false");
        try (Engines e1 = new Engines(shipped, "bench"); Engines e2 = new Engines(raw, "bench")) {
            ToolRegistry redacting = new ToolRegistry(shipped, e1, AuditLog.to(null), workers);
            ToolRegistry plain = new ToolRegistry(raw, e2, AuditLog.to(null), workers);
            DockerTool logs = redacting.tool("docker_logs");
            DockerTool logsPlain = plain.tool("docker_logs");
            Map<String, Object> call = Map.of("container", container, "tail", 1000);
            McpSchema.CallToolResult sample = plain.call(logsPlain, call);
            tools.jackson.databind.JsonNode answer = JsonMapper.builder().build().valueToTree(sample.structuredContent());
            ArrayNode lines = (ArrayNode) answer.get("lines");
            System.out.printf("docker_logs answer: %d lines, %s bytes%n", lines.size(), answer.get("bytes"));
            McpSchema.CallToolResult shippedSample = redacting.call(logs, call);
            if (Boolean.TRUE.equals(shippedSample.isError()) || Boolean.TRUE.equals(sample.isError())) {
                throw new IllegalStateException("docker_logs failed: " + shippedSample.content() + sample.content());
            }
            Redactor redactor = new Redactor();
            int rounds = Integer.parseInt(System.getProperty("rounds", "200"));
            long[] withRedaction = new long[rounds];
            long[] without = new long[rounds];
            long[] alone = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                plain.call(logsPlain, call);
                long t1 = System.nanoTime();
                redacting.call(logs, call);
                long t2 = System.nanoTime();
                ObjectNode copy = JsonNodeFactory.instance.objectNode();
                copy.set("lines", lines.deepCopy());
                long t3 = System.nanoTime();
                redactor.logLines((ArrayNode) copy.get("lines"), "text");
                long t4 = System.nanoTime();
                without[i] = t1 - t0;
                withRedaction[i] = t2 - t1;
                alone[i] = t4 - t3;
            }
            double w = median(withRedaction);
            double wo = median(without);
            double a = median(alone);
            System.out.printf("median over %d interleaved calls: docker_logs %.2f ms as shipped, %.2f ms without log redaction;%n", rounds, w, wo);
            System.out.printf("redaction share of the call: %.1f %% (difference of the medians), redaction alone %.2f ms = %.1f %% of the call%n",
                    100 * (w - wo) / w, a, 100 * a / w);
        }
        workers.shutdownNow();
    }

    private static Settings settings(String host, String redactLogContent) {
        return SettingsLoader.load(Map.of("HOME", System.getProperty("java.io.tmpdir"), "SECURITY_AUDIT_LOG", "false", "ALLOW_LOCAL_DOCKER", "true",
                "LOCAL_DOCKER_HOST", host, "REDACT_LOG_CONTENT", redactLogContent, "LOG_LEVEL", "error"));
    }

    private static double median(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
