package dockermcp.tools;

import dockermcp.engine.JsonRead;
import tools.jackson.databind.JsonNode;

/** One stats snapshot reduced as the docker CLI does it (CPU over the sample window, memory without page cache). */
record StatsSample(double cpuPercent, long memoryUsage, long memoryLimit, double memoryPercent,
                   long networkRx, long networkTx, long blockRead, long blockWrite, long pids) {

    static StatsSample of(JsonNode s) {
        JsonNode cpu = s.path("cpu_stats");
        JsonNode pre = s.path("precpu_stats");
        long cpuDelta = JsonRead.number(cpu.path("cpu_usage"), "total_usage") - JsonRead.number(pre.path("cpu_usage"), "total_usage");
        long systemDelta = JsonRead.number(cpu, "system_cpu_usage") - JsonRead.number(pre, "system_cpu_usage");
        long online = JsonRead.number(cpu, "online_cpus");
        if (online == 0) {
            online = Math.max(1, cpu.path("cpu_usage").path("percpu_usage").size());
        }
        double cpuPercent = cpuDelta > 0 && systemDelta > 0 ? (double) cpuDelta / systemDelta * online * 100.0 : 0.0;

        JsonNode mem = s.path("memory_stats");
        long usage = JsonRead.number(mem, "usage");
        JsonNode ms = mem.path("stats");
        long cache;
        if (ms.has("total_inactive_file")) {        // cgroup v1
            cache = JsonRead.number(ms, "total_inactive_file");
        } else if (ms.has("inactive_file")) {       // cgroup v2
            cache = JsonRead.number(ms, "inactive_file");
        } else {
            cache = JsonRead.number(ms, "cache");
        }
        long used = cache < usage ? usage - cache : usage;
        long limit = JsonRead.number(mem, "limit");
        double memPercent = limit > 0 ? (double) used / limit * 100.0 : 0.0;

        long rx = 0;
        long tx = 0;
        for (JsonNode n : s.path("networks")) {
            rx += JsonRead.number(n, "rx_bytes");
            tx += JsonRead.number(n, "tx_bytes");
        }
        long read = 0;
        long write = 0;
        for (JsonNode e : s.path("blkio_stats").path("io_service_bytes_recursive")) {
            String op = JsonRead.text(e, "op");
            if (op.equalsIgnoreCase("read")) {
                read += JsonRead.number(e, "value");
            } else if (op.equalsIgnoreCase("write")) {
                write += JsonRead.number(e, "value");
            }
        }
        return new StatsSample(Formats.round2(cpuPercent), used, limit, Formats.round2(memPercent), rx, tx, read, write,
                JsonRead.number(s.path("pids_stats"), "current"));
    }
}
