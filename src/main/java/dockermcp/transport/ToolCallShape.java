package dockermcp.transport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the shape of a tools/call before the SDK sees it: the SDK answers a malformed one with its internal
 * exception text, so transports answer it here with one sentence instead (JSON-RPC -32602).
 */
public final class ToolCallShape {

    private ToolCallShape() {
    }

    /** What is wrong with this message (a tools/call, or a prompts/get or completion/complete: PromptShape), or null when it is well-formed. */
    public static String problem(ObjectNode msg) {
        JsonNode method = msg.get("method");
        if (method == null || !method.isString()) {
            return null;
        }
        if (!method.asString().equals("tools/call")) {
            return dockermcp.prompts.PromptShape.problem(method.asString(), msg);
        }
        JsonNode params = msg.get("params");
        if (!(params instanceof ObjectNode)) {
            return "Invalid params: tools/call needs params {\"name\": TOOL, \"arguments\": {...}}.";
        }
        JsonNode name = params.get("name");
        if (name == null || !name.isString()) {
            return "Invalid params: tools/call needs the tool's name as a string in params.name.";
        }
        JsonNode arguments = params.get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            return "Invalid params: params.arguments must be an object of argument names and values.";
        }
        return null;
    }

    /** A JSON-RPC id the SDK can handle: a string, or an integer that fits in 64 bits. */
    public static boolean validId(JsonNode id) {
        return id != null && (id.isString() || id.isIntegralNumber() && id.canConvertToLong());
    }
}
