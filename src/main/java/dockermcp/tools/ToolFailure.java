package dockermcp.tools;

/** An expected failure of a tool call: its message is the one sentence the client sees. */
public final class ToolFailure extends Exception {

    private final boolean refused;

    private ToolFailure(String message, boolean refused) {
        super(message, null, false, false);
        this.refused = refused;
    }

    public static ToolFailure of(String message) {
        return new ToolFailure(message, false);
    }

    /** A call the server would not carry out (bad input, a request outside the read-only allow-list). */
    public static ToolFailure refused(String message) {
        return new ToolFailure(message, true);
    }

    public boolean refused() {
        return refused;
    }
}
