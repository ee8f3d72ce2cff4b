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
        return new Settings(hosts(), auditFile, level,
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
                new VisibilityRules(env.list("CONTAINER_ALLOW"), env.list("CONTAINER_DENY"), env.list("IMAGE_ALLOW"), env.list("IMAGE_DENY"),
                        env.bool("HONOR_HIDDEN_LABEL", true)));
    }

    private EnvRedaction envRedaction() {
        String mode = env.get("REDACT_ENV", "secrets").toLowerCase(Locale.ROOT);
        if (!mode.equals("secrets") && !mode.equals("all")) {
            throw new ConfigError("REDACT_ENV=" + env.get("REDACT_ENV", "") + " is not valid: use secrets (the default: hide values that may be secret) "
                    + "or all (hide every env value).");
        }
        return new EnvRedaction(mode.equals("all"), env.list("REDACT_SHOW_ENV"));
    }

    private List<HostSettings> hosts() {
        List<HostSettings> hosts = new ArrayList<>();
        if (env.bool("ALLOW_LOCAL_DOCKER", false)) {
            hosts.add(localHost());
        } else if (!env.get("LOCAL_DOCKER_HOST", "").isEmpty()) {
            throw new ConfigError("LOCAL_DOCKER_HOST is set but ALLOW_LOCAL_DOCKER is not: add ALLOW_LOCAL_DOCKER=true to use the local engine.");
        }
        String dockerHost = env.get("DOCKER_HOST", "");
        if (!dockerHost.isEmpty()) {
            hosts.add(remoteHost(dockerHost));
        }
        return hosts;
    }

    private HostSettings localHost() {
        String override = env.get("LOCAL_DOCKER_HOST", "");
        if (!override.isEmpty()) {
            Endpoint e = Endpoint.parse("LOCAL_DOCKER_HOST", override, false);
            return new HostSettings("local", e, null, plainTcpWarnings(e, "LOCAL_DOCKER_HOST"));
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/var/run/docker.sock"));
        candidates.add(home.resolve(".docker/run/docker.sock"));
        String xdg = env.get("XDG_RUNTIME_DIR", "");
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
        boolean verify = env.bool("DOCKER_TLS_VERIFY", false);
        String certPathValue = env.get("DOCKER_CERT_PATH", "");
        boolean tls = verify || !certPathValue.isEmpty();
        Endpoint e = Endpoint.parse("DOCKER_HOST", dockerHost, tls);
        if (e.transport() == Endpoint.Transport.UNIX) {
            return new HostSettings("remote", e, null, List.of());
        }
        Path certPath = null;
        if (tls) {
            certPath = certPathValue.isEmpty() ? home.resolve(".docker") : env.absolute("DOCKER_CERT_PATH", certPathValue);
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
