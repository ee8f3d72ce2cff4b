package dockermcp.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the environment once, applies the defaults and rejects bad values with one sentence. */
public final class SettingsLoader {

    static final Duration MAX_CACHE_TTL = Duration.ofSeconds(60);
    private static final List<String> LOG_LEVELS = List.of("debug", "info", "warn", "error");

    private final Environment env;
    private final Path home;

    private SettingsLoader(Map<String, String> env) {
        this.env = new Environment(env);
        this.home = this.env.home();
    }

    public static Settings fromEnvironment() {
        return load(System.getenv());
    }

    public static Settings load(Map<String, String> env) {
        return new SettingsLoader(env).load();
    }

    private Settings load() {
        String mode = env.get("SECURITY_MODE", Settings.READONLY).toLowerCase(Locale.ROOT);
        if (!mode.equals(Settings.READONLY)) {
            throw new ConfigError("SECURITY_MODE=" + env.get("SECURITY_MODE", "") + " is not supported: the only valid value is readonly (the default).");
        }
        String level = env.get("LOG_LEVEL", "info").toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new ConfigError("LOG_LEVEL=" + env.get("LOG_LEVEL", "") + " is not a log level: use one of debug, info, warn, error.");
        }
        boolean audit = env.bool("SECURITY_AUDIT_LOG", true);
        Path auditFile = null;
        if (audit) {
            String file = env.get("SECURITY_AUDIT_LOG_FILE", "");
            auditFile = file.isEmpty() ? defaultAuditFile() : env.absolute("SECURITY_AUDIT_LOG_FILE", file);
        }
        VisibilityRules visibility = new VisibilityRules(env.list("CONTAINER_ALLOW"), env.list("CONTAINER_DENY"), env.list("IMAGE_ALLOW"),
                env.list("IMAGE_DENY"), env.bool("HONOR_HIDDEN_LABEL", true));
        return new Settings(new HostList(env, home).hosts(visibility), auditFile, level,
                env.duration("DOCKER_CONNECT_TIMEOUT", Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMinutes(30)),
                env.duration("DOCKER_REQUEST_TIMEOUT", Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMinutes(30)),
                env.intRange("LOGS_MAX_TAIL", 1000, 1, 100_000),
                env.intRange("LOGS_MAX_BYTES", 64 * 1024, 1024, 16 * 1024 * 1024),
                env.intRange("STATS_CONCURRENCY", 64, 1, 256),
                env.intRange("SECURITY_AUDIT_LOG_MAX_BYTES", 10 << 20, 64 * 1024, Integer.MAX_VALUE),
                env.bool("SECURITY_AUDIT_FAIL_OPEN", false),
                patterns("REDACT_PATTERNS"),
                env.bool("REDACT_LOG_CONTENT", true),
                envRedaction(),
                visibility,
                cacheTtl());
    }

    /** CACHE_TTL: off (the default, also 0) or how long a list answer may be reused, at most a minute. */
    private Duration cacheTtl() {
        String v = env.get("CACHE_TTL", "off").strip().toLowerCase(Locale.ROOT);
        Duration d = v.equals("off") || v.equals("0") ? Duration.ZERO : Environment.parseDuration(v);
        if (d == null || d.isNegative() || d.compareTo(MAX_CACHE_TTL) > 0) {
            throw new ConfigError("CACHE_TTL=" + env.get("CACHE_TTL", "") + " is not valid: write off (the default) or a duration up to 60s, such as 2s or 500ms.");
        }
        return d;
    }

    private EnvRedaction envRedaction() {
        String mode = env.get("REDACT_ENV", "secrets").toLowerCase(Locale.ROOT);
        if (!mode.equals("secrets") && !mode.equals("all")) {
            throw new ConfigError("REDACT_ENV=" + env.get("REDACT_ENV", "") + " is not valid: use secrets (the default: hide values that may be secret) "
                    + "or all (hide every env value).");
        }
        return new EnvRedaction(mode.equals("all"), env.list("REDACT_SHOW_ENV"));
    }

    private Path defaultAuditFile() {
        return env.stateDir().resolve("audit.log");
    }


    /** Operator-supplied regular expressions, separated by ";;" so that commas stay usable inside them. */
    private List<Pattern> patterns(String name) {
        List<Pattern> out = new ArrayList<>();
        for (String part : env.get(name, "").split(";;")) {
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





}
