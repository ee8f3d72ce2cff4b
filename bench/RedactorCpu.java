import dockermcp.security.Redactor;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Diagnostic, not part of the product: the CPU time of the log redaction alone (Redactor.lines) on the 573 lines, 64 KiB,
 * that RedactorCost's bench container prints (access-log lines and JSON lines), without an engine: the wall time of a call
 * (median, 10th percentile) and the CPU time of the process per call (the detector runs its two halves on two threads
 * for a long text: the CPU of both; the operating system counts it in 10 ms ticks, so it is the mean over all rounds),
 * which a busy machine moves less than wall time. Run two jars one after the other to compare them.
 *
 * <pre>
 *   mvn -q -ntp package -DskipTests
 *   javac -cp target/docker-mcp-secure.jar -d /tmp/rcpu bench/RedactorCpu.java
 *   java -XX:TieredStopAtLevel=1 -cp target/docker-mcp-secure.jar:/tmp/rcpu RedactorCpu
 * </pre>
 */
public final class RedactorCpu {

    private RedactorCpu() {
    }

    /** The 573 lines (also read by RedactorRuleCpu). */
    public static List<String> lines() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            all.add("2024-11-30T10:00:" + (i % 60) + "Z INFO [worker-" + (i % 8) + "] GET /api/v1/orders/" + i + " 200 in " + (i % 90)
                    + " ms request_id=7f3a9c2e-1b2c-4d5e-8f90-" + i + " user=u" + (i % 50));
            all.add("{\"level\":\"warn\",\"msg\":\"slow query\",\"ms\":" + i + ",\"table\":\"orders\",\"trace\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}");
        }
        return all.subList(all.size() - 573, all.size());
    }

    public static void main(String[] args) {
        List<String> lines = lines();
        int chars = 0;
        for (String s : lines) {
            chars += s.length() + 1;
        }
        Redactor redactor = new Redactor();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int rounds = Integer.getInteger("rounds", 300);
        for (int k = 0; k < rounds / 3; k++) {
            redactor.lines(lines); // compiled before the count starts
        }
        long[] wall = new long[rounds];
        long cpu0 = os.getProcessCpuTime();
        for (int k = 0; k < rounds; k++) {
            long w0 = System.nanoTime();
            redactor.lines(lines);
            wall[k] = System.nanoTime() - w0;
        }
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e6 / rounds;
        Arrays.sort(wall);
        System.out.printf("%d lines, %d characters: Redactor.lines wall median %.2f ms, 10th percentile %.2f ms; process CPU %.2f ms per call"
                + " (mean) over %d rounds%n", lines.size(), chars, wall[rounds / 2] / 1e6, wall[rounds / 10] / 1e6, cpu, rounds);
    }
}
