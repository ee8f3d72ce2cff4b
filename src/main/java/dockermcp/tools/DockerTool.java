package dockermcp.tools;

/** One read-only MCP tool: its spec, and the one method that does the work. */
public interface DockerTool {

    ToolSpec spec();

    ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure;
}
