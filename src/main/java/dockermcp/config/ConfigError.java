package dockermcp.config;

/** A setting is missing or wrong; the message is one sentence telling the operator what to change. */
public final class ConfigError extends RuntimeException {
    public ConfigError(String message) {
        super(message, null, false, false);
    }
}
