package dockermcp.prompts;

import dockermcp.engine.ObjectRef;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a prompts/get or completion/complete before the SDK sees it: the SDK answers an unknown prompt with
 * "Invalid prompt name" and a malformed request with its internal exception text, and silently offers nothing for an
 * argument the prompt does not take. Transports answer these here with one sentence instead (JSON-RPC -32602).
 */
public final class PromptShape {

    private static final Map<String, List<String>> ARGUMENTS = PromptCatalog.argumentNames();

    private PromptShape() {
    }

    /** What is wrong with this message, or null when it is neither method or is well-formed. */
    public static String problem(String method, ObjectNode msg) {
        if (method.equals("prompts/get")) {
            JsonNode params = msg.get("params");
            if (!(params instanceof ObjectNode) || !params.path("name").isString()) {
                return "Invalid params: prompts/get needs params {\"name\": PROMPT, \"arguments\": {...}} with the prompt's name as a string.";
            }
            JsonNode arguments = params.get("arguments");
            if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
                return "Invalid params: params.arguments must be an object of argument names and string values.";
            }
            return unknown(params.get("name").asString());
        }
        if (method.equals("completion/complete")) {
            JsonNode params = msg.get("params");
            JsonNode ref = params == null ? null : params.get("ref");
            JsonNode argument = params == null ? null : params.get("argument");
            if (ref == null || !ref.path("type").isString() || argument == null || !argument.path("name").isString() || !argument.path("value").isString()) {
                return "Invalid params: completion/complete needs params {\"ref\": {\"type\": \"ref/prompt\", \"name\": PROMPT}, \"argument\": {\"name\": ..., \"value\": ...}}.";
            }
            if (!ref.get("type").asString().equals("ref/prompt")) {
                return "Invalid params: this server completes prompt arguments only (ref/prompt); it has no resources.";
            }
            String prompt = ref.path("name").asString("");
            String unknown = unknown(prompt);
            if (unknown != null) {
                return unknown;
            }
            String name = argument.get("name").asString();
            if (!ARGUMENTS.get(prompt).contains(name)) {
                return "Invalid params: prompt '" + prompt + "' has no argument '" + ObjectRef.shown(name) + "'; it takes " + String.join(" and ", ARGUMENTS.get(prompt)) + ".";
            }
        }
        return null;
    }

    private static String unknown(String prompt) {
        return ARGUMENTS.containsKey(prompt) ? null
                : "Invalid params: there is no prompt '" + ObjectRef.shown(prompt) + "'; this server has " + String.join(", ", PromptCatalog.names()) + " (see prompts/list).";
    }
}
