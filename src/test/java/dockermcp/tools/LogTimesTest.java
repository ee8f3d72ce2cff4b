package dockermcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** since/until as the engine takes them: an outside test found RFC 3339 fractions dropped, which moved the window. */
class LogTimesTest {

    @Test
    void rfc3339KeepsItsFractionOfASecond() throws Exception {
        assertThat(LogsTool.time("since", "2026-11-30T09:17:28.887Z")).isEqualTo("1796030248.887000000");
        assertThat(LogsTool.time("until", "2026-11-30T09:17:23.767489876Z")).isEqualTo("1796030243.767489876");
        assertThat(LogsTool.time("until", "2026-11-30T10:17:23.5+01:00")).isEqualTo("1796030243.500000000");
    }

    @Test
    void wholeSecondsAndUnixTimesAreUnchanged() throws Exception {
        assertThat(LogsTool.time("since", "2026-11-30T09:17:28Z")).isEqualTo("1796030248");
        assertThat(LogsTool.time("since", "1796030243.767489876")).isEqualTo("1796030243.767489876");
        assertThat(LogsTool.time("since", "1796030243")).isEqualTo("1796030243");
    }

    @Test
    void anAgeKeepsTheFractionOfTheCurrentSecondSoUntilNowIncludesWhatWasJustWritten() throws Exception {
        java.time.Instant before = java.time.Instant.now();
        java.math.BigDecimal until = new java.math.BigDecimal(LogsTool.time("until", "0s"));
        assertThat(until).isGreaterThanOrEqualTo(new java.math.BigDecimal(before.getEpochSecond() + "." + String.format("%09d", before.getNano())));
    }

    @Test
    void aDurationIsCountedBackFromNow() throws Exception {
        for (String[] d : new String[][] {{"30s", "30"}, {"15m", "900"}, {"2h", "7200"}, {"1d", "86400"}}) {
            double before = java.time.Instant.now().toEpochMilli() / 1000.0;
            double at = Double.parseDouble(LogsTool.time("since", d[0]));
            double after = java.time.Instant.now().toEpochMilli() / 1000.0 + 0.001;
            assertThat(at).as(d[0]).isBetween(before - Long.parseLong(d[1]), after - Long.parseLong(d[1]));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogsTool.time("docker_events", "since", "15 minutes"))
                .hasMessageStartingWith("docker_events: since '15 minutes' is not a time");
    }
}
