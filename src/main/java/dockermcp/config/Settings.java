package dockermcp.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every setting of the server, loaded and checked once by {@link SettingsLoader}.
 *
 * @param hosts            configured engines, in lookup order; empty when nothing is configured
 * @param auditFile        where audit records go, or null when SECURITY_AUDIT_LOG=false
 * @param logLevel         one of debug, info, warn, error
 * @param connectTimeout   how long to wait for a connection to an engine
 * @param requestTimeout   how long to wait for one answer from an engine
 * @param logsMaxTail      the largest {@code tail} a caller may ask docker_logs for
 * @param logsMaxBytes     how much log text one docker_logs answer may carry
 * @param statsConcurrency how many containers docker_stats samples at once
 * @param auditMaxBytes    size at which the audit file is rotated
 * @param auditFailOpen    keep serving when the audit file cannot be written (operator's explicit choice)
 * @param redactPatterns   extra patterns whose matches are redacted (REDACT_PATTERNS)
 * @param redactLogContent redact secret shapes inside log lines (default true)
 * @param envRedaction     which env values are shown whatever they hold, or all hidden (REDACT_SHOW_ENV, REDACT_ENV)
 * @param visibility       which containers and images the model may see
 */
public record Settings(
        List<HostSettings> hosts,
        Path auditFile,
        String logLevel,
        Duration connectTimeout,
        Duration requestTimeout,
        int logsMaxTail,
        int logsMaxBytes,
        int statsConcurrency,
        long auditMaxBytes,
        boolean auditFailOpen,
        List<java.util.regex.Pattern> redactPatterns,
        boolean redactLogContent,
        EnvRedaction envRedaction,
        VisibilityRules visibility,
        Duration cacheTtl) {

    public static final String READONLY = "readonly";

    public Settings {
        hosts = List.copyOf(hosts);
        redactPatterns = List.copyOf(redactPatterns);
    }

    /** True when list answers may be served from the short cache (CACHE_TTL). */
    public boolean cacheEnabled() {
        return !cacheTtl.isZero();
    }

    public boolean auditEnabled() {
        return auditFile != null;
    }

    /** The sentence every tool answers with when no engine is configured. */
    public static String nothingConfiguredMessage() {
        return "No Docker engine is configured: set DOCKER_HOST=tcp://HOST:2376 (with DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH) "
                + "for a remote engine, or ALLOW_LOCAL_DOCKER=true for this machine's engine, in the env block of your MCP client's configuration, then restart the client.";
    }
}
