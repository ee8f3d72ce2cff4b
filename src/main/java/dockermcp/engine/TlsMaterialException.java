package dockermcp.engine;

/** A Docker TLS directory that cannot be used; the message is one sentence a user can act on and never holds key material. */
public final class TlsMaterialException extends Exception {
    private static final long serialVersionUID = 1L;

    public TlsMaterialException(String message) {
        super(message);
    }

    public TlsMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
