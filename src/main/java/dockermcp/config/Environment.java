package dockermcp.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed reads of environment variables, each refusing a bad value with one sentence that names it. */
final class Environment {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})(ms|s|m|h)?");

    private final Map<String, String> env;
    private final Path home;

    Environment(Map<String, String> env) {
        this.env = env;
        String h = env.getOrDefault("HOME", System.getProperty("user.home", "/"));
        this.home = Path.of(h.isBlank() ? "/" : h);
    }

    Path home() {
        return home;
    }

    /** The value, stripped; {@code fallback} when unset or blank. */
    String get(String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    /** The raw value as the operator wrote it, for messages. */
    String raw(String name) {
        return env.get(name);
    }

    boolean bool(String name, boolean fallback) {
        String v = get(name, "").toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return fallback;
        }
        return switch (v) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new ConfigError(name + "=" + env.get(name) + " is not a yes/no value: use true or false.");
        };
    }

    /** A comma-separated list; blanks dropped. */
    List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String part : get(name, "").split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    int intRange(String name, int fallback, int min, int max) {
        String v = get(name, "");
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new ConfigError(name + "=" + v + " is not valid: use a whole number from " + min + " to " + max + ".");
    }

    /** A duration written as seconds (30) or with a unit (500ms, 30s, 5m, 1h), between {@code min} and {@code max}. */
    Duration duration(String name, Duration fallback, Duration min, Duration max) {
        String v = get(name, "");
        if (v.isEmpty()) {
            return fallback;
        }
        Duration d = parseDuration(v);
        if (d != null && d.compareTo(min) >= 0 && d.compareTo(max) <= 0) {
            return d;
        }
        throw new ConfigError(name + "=" + v + " is not valid: write a duration from " + text(min) + " to " + text(max) + " (500ms, 30s, 5m).");
    }

    /** {@code 30} (seconds), {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}; null when not such a value. */
    static Duration parseDuration(String v) {
        Matcher m = DURATION.matcher(v.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static String text(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        return d.toHours() > 0 && d.toMinutesPart() == 0 ? d.toHours() + "h" : d.toMinutes() > 0 && d.toSecondsPart() == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    /** An absolute path ({@code ~/} allowed): MCP clients start servers in unpredictable folders. */
    Path absolute(String name, String value) {
        Path p = Path.of(value.startsWith("~/") ? home + value.substring(1) : value);
        if (!p.isAbsolute()) {
            throw new ConfigError(name + "=" + value + " is a relative path: MCP clients start servers in unpredictable folders, so give an absolute path.");
        }
        return p;
    }

    /** $XDG_STATE_HOME/docker-mcp-secure, else ~/.local/state/docker-mcp-secure. */
    Path stateDir() {
        String state = get("XDG_STATE_HOME", "");
        Path base = state.isEmpty() ? home.resolve(".local/state") : Path.of(state);
        return base.resolve("docker-mcp-secure");
    }
}
