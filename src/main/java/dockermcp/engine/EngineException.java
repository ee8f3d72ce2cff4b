package dockermcp.engine;

/**
 * An expected failure of a request to an engine, with a sentence a user can act on.
 * The message never carries a stack trace, an exception class name or key material.
 */
public final class EngineException extends Exception {

    public enum Kind {
        BAD_INPUT, NOT_FOUND, REFUSED, TIMEOUT, CONNECTION_REFUSED, UNKNOWN_HOST, NO_SOCKET,
        PERMISSION_DENIED, TLS, UNSUPPORTED_API, DAEMON_ERROR, PROTOCOL;

        /** Failures that mean the engine could not be talked to at all. */
        public boolean unreachable() {
            return switch (this) {
                case TIMEOUT, CONNECTION_REFUSED, UNKNOWN_HOST, NO_SOCKET, PERMISSION_DENIED, TLS, UNSUPPORTED_API, PROTOCOL -> true;
                default -> false;
            };
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Kind kind;

    public EngineException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
