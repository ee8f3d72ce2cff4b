package dockermcp.tools;

import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * A successful tool answer: the structured content, and how to render it as compact text. The registry
 * renders the text only after redacting the structured content, so both forms carry the same, redacted, data.
 *
 * @param hosts the hosts that were asked, for the audit log
 */
public record ToolResult(ObjectNode structured, Function<ObjectNode, String> render, String hosts) {
}
