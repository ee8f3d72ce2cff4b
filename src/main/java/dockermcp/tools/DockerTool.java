package dockermcp.tools;

/** One read-only MCP tool: its spec, and the one method that does the work. */
public interface DockerTool {

    ToolSpec spec();

    ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure;

    /** True for tools that return what a container wrote (its logs), whose content redaction an operator may turn off. */
    default boolean returnsLogContent() {
        return false;
    }

    /** Redacts the result whole, before it is shortened and rendered; a tool whose output needs more than the value-by-value pass says how. */
    default void redact(tools.jackson.databind.node.ObjectNode structured, dockermcp.security.Redactor redactor) {
        redactor.tree(structured);
    }

    /** Shortens long values of the (already redacted) result; redaction must see values whole, so cuts come after it. */
    default void shorten(tools.jackson.databind.node.ObjectNode redacted) {
    }
}
