import dockermcp.config.Settings;
import dockermcp.config.SettingsLoader;
import dockermcp.engine.Engines;
import dockermcp.security.AuditLog;
import dockermcp.server.Workers;
import dockermcp.tools.DockerTool;
import dockermcp.tools.ToolRegistry;
import io.modelcontextprotocol.spec.McpSchema;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Diagnostic, not part of the product: what one warm tool call costs the process, measured by CPU time rather than
 * wall time (CPU per call moves far less than latency on a loaded machine). One registry calls a tool on a real
 * engine, warms up, then makes N calls and prints the process's CPU per call (all threads, µs), the median wall
 * time (ms) and the thread context switches per call (all threads, /proc/self/task/N/status). Run it for two jars
 * in turn, several times, to compare a change (docs/PERFORMANCE.md, levers table).
 *
 * <pre>
 *   javac -cp target/docker-mcp-secure.jar -d /tmp/cc bench/CallCost.java
 *   java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp A.jar:/tmp/cc CallCost "$UNIX_DOCKER_HOST" docker_list_containers 2000
 * </pre>
 */
public final class CallCost {

    private CallCost() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[2]);
        Settings settings = SettingsLoader.load(Map.of("HOME", System.getProperty("java.io.tmpdir"), "ALLOW_LOCAL_DOCKER", "true",
                "DOCKER_HOST", args[0], "SECURITY_AUDIT_LOG", "false"));
        try (Engines engines = new Engines(settings, "bench")) {
            ToolRegistry registry = new ToolRegistry(settings, engines, AuditLog.to(null), Workers.pool());
            DockerTool tool = registry.tool(args[1]);
            Map<String, Object> arguments = args[1].equals("docker_logs") ? Map.of("container", "chatty", "tail", 1) : Map.of();
            for (int i = 0; i < calls / 2; i++) {
                check(registry.call(tool, arguments));
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long switches0 = switches();
            double[] wall = new double[calls];
            for (int i = 0; i < calls; i++) {
                long t = System.nanoTime();
                check(registry.call(tool, arguments));
                wall[i] = (System.nanoTime() - t) / 1e6;
            }
            long cpu = os.getProcessCpuTime() - cpu0;
            long sw = switches() - switches0;
            Arrays.sort(wall);
            System.out.printf("%s x%d: cpu %.0f us/call, wall median %.3f ms, context switches %.2f/call%n",
                    args[1], calls, cpu / 1e3 / calls, wall[calls / 2], (double) sw / calls);
        }
        System.exit(0);
    }

    private static void check(McpSchema.CallToolResult r) {
        if (Boolean.TRUE.equals(r.isError())) {
            throw new IllegalStateException("call failed: " + r.content());
        }
    }

    private static long switches() throws Exception {
        long n = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.contains("ctxt_switches")) {
                            n += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                        }
                    }
                } catch (java.io.IOException ended) {
                    // a thread that ended meanwhile
                }
            }
        }
        return n;
    }
}
