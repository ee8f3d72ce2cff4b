package dockermcp.tools;

import tools.jackson.databind.node.ObjectNode;

/**
 * A successful tool answer: the structured content and its compact text rendering.
 *
 * @param hosts the hosts that were asked, for the audit log
 */
public record ToolResult(ObjectNode structured, String text, String hosts) {
}
