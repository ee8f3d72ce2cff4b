package dockermcp.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the environment once, applies the defaults and rejects bad values with one sentence. */
public final class SettingsLoader {

    private static final List<String> LOG_LEVELS = List.of("debug", "info", "warn", "error");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})(ms|s|m)?");

    private final Map<String, String> env;
    private final Path home;

    private SettingsLoader(Map<String, String> env) {
        this.env = env;
        String h = env.getOrDefault("HOME", System.getProperty("user.home", "/"));
        this.home = Path.of(h.isBlank() ? "/" : h);
    }

    public static Settings fromEnvironment() {
        return load(System.getenv());
    }

    public static Settings load(Map<String, String> env) {
        return new SettingsLoader(env).load();
    }

    private Settings load() {
        String mode = get("SECURITY_MODE", Settings.READONLY).toLowerCase(Locale.ROOT);
        if (!mode.equals(Settings.READONLY)) {
            throw new ConfigError("SECURITY_MODE=" + get("SECURITY_MODE", "") + " is not supported: the only valid value is readonly (the default).");
        }
        String level = get("LOG_LEVEL", "info").toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new ConfigError("LOG_LEVEL=" + get("LOG_LEVEL", "") + " is not a log level: use one of debug, info, warn, error.");
        }
        boolean audit = bool("SECURITY_AUDIT_LOG", true);
        Path auditFile = null;
        if (audit) {
            String file = get("SECURITY_AUDIT_LOG_FILE", "");
            auditFile = file.isEmpty() ? defaultAuditFile() : absolute("SECURITY_AUDIT_LOG_FILE", file);
        }
        return new Settings(hosts(), auditFile, level,
                duration("DOCKER_CONNECT_TIMEOUT", Duration.ofSeconds(5)),
                duration("DOCKER_REQUEST_TIMEOUT", Duration.ofSeconds(30)),
                intRange("LOGS_MAX_TAIL", 1000, 1, 100_000),
                intRange("LOGS_MAX_BYTES", 64 * 1024, 1024, 16 * 1024 * 1024),
                intRange("STATS_CONCURRENCY", 64, 1, 256),
                intRange("SECURITY_AUDIT_LOG_MAX_BYTES", 10 << 20, 64 * 1024, Integer.MAX_VALUE),
                bool("SECURITY_AUDIT_FAIL_OPEN", false),
                patterns("REDACT_PATTERNS"),
                bool("REDACT_LOG_CONTENT", true),
                new VisibilityRules(list("CONTAINER_ALLOW"), list("CONTAINER_DENY"), list("IMAGE_ALLOW"), list("IMAGE_DENY"),
                        bool("HONOR_HIDDEN_LABEL", true)));
    }

    private List<HostSettings> hosts() {
        List<HostSettings> hosts = new ArrayList<>();
        if (bool("ALLOW_LOCAL_DOCKER", false)) {
            hosts.add(localHost());
        } else if (!get("LOCAL_DOCKER_HOST", "").isEmpty()) {
            throw new ConfigError("LOCAL_DOCKER_HOST is set but ALLOW_LOCAL_DOCKER is not: add ALLOW_LOCAL_DOCKER=true to use the local engine.");
        }
        String dockerHost = get("DOCKER_HOST", "");
        if (!dockerHost.isEmpty()) {
            hosts.add(remoteHost(dockerHost));
        }
        return hosts;
    }

    private HostSettings localHost() {
        String override = get("LOCAL_DOCKER_HOST", "");
        if (!override.isEmpty()) {
            Endpoint e = Endpoint.parse("LOCAL_DOCKER_HOST", override, false);
            return new HostSettings("local", e, null, plainTcpWarnings(e, "LOCAL_DOCKER_HOST"));
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/var/run/docker.sock"));
        candidates.add(home.resolve(".docker/run/docker.sock"));
        String xdg = get("XDG_RUNTIME_DIR", "");
        if (!xdg.isEmpty()) {
            candidates.add(Path.of(xdg, "docker.sock"));
        }
        for (Path p : candidates) {
            if (Files.exists(p)) {
                return new HostSettings("local", Endpoint.unix(p), null, List.of());
            }
        }
        // Start anyway: docker_connection_status then says the socket is missing and what to do.
        return new HostSettings("local", Endpoint.unix(candidates.get(0)), null,
                List.of("No local Docker socket found (looked at " + String.join(", ", candidates.stream().map(Path::toString).toList())
                        + "): start Docker or set LOCAL_DOCKER_HOST=unix:///path/to/docker.sock."));
    }

    private HostSettings remoteHost(String dockerHost) {
        boolean verify = bool("DOCKER_TLS_VERIFY", false);
        String certPathValue = get("DOCKER_CERT_PATH", "");
        boolean tls = verify || !certPathValue.isEmpty();
        Endpoint e = Endpoint.parse("DOCKER_HOST", dockerHost, tls);
        if (e.transport() == Endpoint.Transport.UNIX) {
            return new HostSettings("remote", e, null, List.of());
        }
        Path certPath = null;
        if (tls) {
            certPath = certPathValue.isEmpty() ? home.resolve(".docker") : absolute("DOCKER_CERT_PATH", certPathValue);
            if (!Files.isDirectory(certPath)) {
                throw new ConfigError("DOCKER_CERT_PATH " + certPath + " is not a directory: point it at the folder holding ca.pem, cert.pem and key.pem.");
            }
        }
        return new HostSettings("remote", e, certPath, plainTcpWarnings(e, "DOCKER_HOST"));
    }

    private static List<String> plainTcpWarnings(Endpoint e, String variable) {
        if (!e.isPlainTcpOffLoopback()) {
            return List.of();
        }
        return List.of(variable + " " + e.display() + " is plain, unencrypted TCP to another machine: anyone who can reach port "
                + e.port() + " has root on that host; use TLS on port 2376 (DOCKER_TLS_VERIFY=1, DOCKER_CERT_PATH) and allow only your IP.");
    }

    private Path defaultAuditFile() {
        String state = get("XDG_STATE_HOME", "");
        Path base = state.isEmpty() ? home.resolve(".local/state") : Path.of(state);
        return base.resolve("docker-mcp-secure").resolve("audit.log");
    }

    /** A comma-separated list; blanks dropped. */
    private List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String part : get(name, "").split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** Operator-supplied regular expressions, separated by ";;" so that commas stay usable inside them. */
    private List<Pattern> patterns(String name) {
        List<Pattern> out = new ArrayList<>();
        for (String part : get(name, "").split(";;")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(Pattern.compile(part.strip()));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new ConfigError(name + " has an invalid regular expression '" + part.strip() + "': fix it (patterns are separated by ;;).");
            }
        }
        return out;
    }

    private String get(String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private boolean bool(String name, boolean fallback) {
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

    private Path absolute(String name, String value) {
        Path p = Path.of(value.startsWith("~/") ? home + value.substring(1) : value);
        if (!p.isAbsolute()) {
            throw new ConfigError(name + "=" + value + " is a relative path: MCP clients start servers in unpredictable folders, so give an absolute path.");
        }
        return p;
    }

    private Duration duration(String name, Duration fallback) {
        String v = get(name, "");
        if (v.isEmpty()) {
            return fallback;
        }
        Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ConfigError(name + "=" + v + " is not a duration: write seconds (30), or a number with ms, s or m (500ms, 30s, 2m).");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.toMillis() < 100 || d.toMinutes() > 30) {
            throw new ConfigError(name + "=" + v + " is out of range: use between 100ms and 30m.");
        }
        return d;
    }

    private int intRange(String name, int fallback, int min, int max) {
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
}
