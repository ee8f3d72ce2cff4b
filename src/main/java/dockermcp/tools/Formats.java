package dockermcp.tools;

import java.time.Instant;
import java.util.Locale;

/** Compact renderings shared by the tools' text output. */
final class Formats {

    private Formats() {
    }

    static String hosts(java.util.List<dockermcp.config.HostSettings> hosts) {
        return String.join(",", hosts.stream().map(dockermcp.config.HostSettings::name).toList());
    }

    /** Docker reports names with a leading slash; users write them without. */
    static String containerName(String raw) {
        return raw.startsWith("/") ? raw.substring(1) : raw;
    }

    static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }

    static String epoch(long seconds) {
        return seconds <= 0 ? "" : Instant.ofEpochSecond(seconds).toString();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + "B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f%s", v, units[u]);
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f%%", p);
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
