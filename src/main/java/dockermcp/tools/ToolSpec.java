package dockermcp.tools;

import java.util.Map;

/** What clients see of a tool: its name, title, description and the schemas of its input and output. */
public record ToolSpec(String name, String title, String description, Map<String, Object> inputSchema, Map<String, Object> outputSchema) {
}
