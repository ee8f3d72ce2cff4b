package dockermcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StatsSampleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void cgroupV1ExcludesInactivePageCacheAndScalesCpuByOnlineCpus() {
        StatsSample s = StatsSample.of(JSON.readTree("""
                {"cpu_stats":{"cpu_usage":{"total_usage":2000000000},"system_cpu_usage":20000000000,"online_cpus":2},
                 "precpu_stats":{"cpu_usage":{"total_usage":1000000000},"system_cpu_usage":10000000000},
                 "memory_stats":{"usage":104857600,"limit":209715200,"stats":{"total_inactive_file":52428800,"cache":60000000}},
                 "networks":{"eth0":{"rx_bytes":10,"tx_bytes":20},"eth1":{"rx_bytes":1,"tx_bytes":2}},
                 "blkio_stats":{"io_service_bytes_recursive":[{"op":"Read","value":100},{"op":"Write","value":50},{"op":"Total","value":150}]},
                 "pids_stats":{"current":7}}"""));
        assertThat(s.cpuPercent()).isEqualTo(20.0);
        assertThat(s.memoryUsage()).isEqualTo(52428800);
        assertThat(s.memoryPercent()).isEqualTo(25.0);
        assertThat(s.networkRx()).isEqualTo(11);
        assertThat(s.networkTx()).isEqualTo(22);
        assertThat(s.blockRead()).isEqualTo(100);
        assertThat(s.blockWrite()).isEqualTo(50);
        assertThat(s.pids()).isEqualTo(7);
    }

    @Test
    void cgroupV2UsesInactiveFileAndCountsPerCpuWhenOnlineIsMissing() {
        StatsSample s = StatsSample.of(JSON.readTree("""
                {"cpu_stats":{"cpu_usage":{"total_usage":300,"percpu_usage":[1,2,3,4]},"system_cpu_usage":1200},
                 "precpu_stats":{"cpu_usage":{"total_usage":0},"system_cpu_usage":0},
                 "memory_stats":{"usage":1000,"limit":4000,"stats":{"inactive_file":200}}}"""));
        assertThat(s.cpuPercent()).isEqualTo(100.0);
        assertThat(s.memoryUsage()).isEqualTo(800);
        assertThat(s.memoryPercent()).isEqualTo(20.0);
    }

    @Test
    void aStoppedOrFirstSampleReadsAsZeroNotNaN() {
        StatsSample s = StatsSample.of(JSON.readTree("{\"cpu_stats\":{},\"precpu_stats\":{},\"memory_stats\":{}}"));
        assertThat(s.cpuPercent()).isZero();
        assertThat(s.memoryPercent()).isZero();
    }
}
