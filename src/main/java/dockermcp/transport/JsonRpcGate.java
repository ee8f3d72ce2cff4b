package dockermcp.transport;

import dockermcp.tools.InFlightCalls;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON-RPC gate in front of the SDK, for stdio and HTTP alike. Each message from a client is checked before
 * the SDK sees it: a malformed frame, an ill-typed id or a malformed tools/call is answered here with one sentence
 * (the SDK would answer with its internal exception text, or stop); {@code notifications/cancelled} is turned into
 * a cancellation of the call it names in the same session; every tools/call is tagged ({@code _meta}) with its
 * session and request id, so that it can be cancelled.
 */
public final class JsonRpcGate {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What to do with one message. */
    public sealed interface Verdict permits Pass, Refuse, Cancel, Drop {
    }

    /**
     * Hand the message to the SDK: {@code tree} is it, read and possibly tagged; {@link #message()} is it as bytes, written
     * out only when asked (HTTP needs them; stdio hands the SDK the tree). A request with an id is owed an answer.
     */
    public record Pass(byte[] received, JsonNode id, boolean response, ObjectNode tree, boolean tagged) implements Verdict {
        public boolean owesAnswer() {
            return !response && id != null;
        }

        public byte[] message() {
            return tagged ? JSON.writeValueAsBytes(tree) : received;
        }
    }

    /** Answer with {@code error} (a JSON-RPC error object) and drop the message; {@code id} is null when it has none usable. */
    public record Refuse(byte[] error, JsonNode id) implements Verdict {
    }

    /** The client cancelled its request {@code requestId}: see {@link #cancel}. Nothing is answered. */
    public record Cancel(String requestId) implements Verdict {
    }

    /** A notification handled here that needs nothing more (a cancellation naming no valid id). */
    public record Drop() implements Verdict {
    }

    private final InFlightCalls inFlight;

    public JsonRpcGate(InFlightCalls inFlight) {
        this.inFlight = inFlight;
    }

    /** Checks one message of {@code session}; the verdict says whether the SDK may see it. */
    public Verdict check(byte[] bytes, String session) {
        JsonNode msg;
        try {
            msg = JSON.readTree(bytes);
        } catch (JacksonException e) {
            return refuse(null, -32700, "Parse error: the message is not valid JSON.");
        }
        if (msg == null || msg.isMissingNode() || msg.isArray()) {
            return refuse(null, -32600, msg != null && msg.isArray() ? "Invalid request: batches are not supported; send one message at a time."
                    : "Invalid request: empty message.");
        }
        if (!(msg instanceof ObjectNode obj) || !"2.0".equals(obj.path("jsonrpc").isString() ? obj.get("jsonrpc").asString() : null)) {
            return refuse(validId(msg.get("id")) ? msg.get("id") : null, -32600, "Invalid request: expected a JSON-RPC 2.0 object with \"jsonrpc\":\"2.0\".");
        }
        JsonNode id = obj.get("id");
        JsonNode method = obj.get("method");
        boolean response = method == null && (obj.has("result") || obj.has("error"));
        if (!response && (method == null || !method.isString())) {
            return refuse(validId(id) ? id : null, -32600, "Invalid request: \"method\" must be a string.");
        }
        if (id != null && !validId(id)) {
            return refuse(null, -32600, "Invalid request: \"id\" must be a string or an integer of at most 64 bits.");
        }
        if (response) {
            return new Pass(bytes, id, true, obj, false);
        }
        String shape = toolCallProblem(obj);
        if (shape != null) {
            return refuse(id, -32602, shape);
        }
        String m = method.asString();
        if (m.equals("notifications/cancelled")) {
            JsonNode requestId = obj.path("params").get("requestId");
            return validId(requestId) ? new Cancel(requestId.asString()) : new Drop(); // the SDK does not know this notification
        }
        if (m.equals("tools/call") && id != null) {
            ObjectNode params = (ObjectNode) obj.get("params");
            ObjectNode meta = params.get("_meta") instanceof ObjectNode o ? o : params.putObject("_meta");
            meta.put(InFlightCalls.REQUEST_ID_META, key(session, id.asString())); // overwrites whatever the client put there
            return new Pass(bytes, id, false, obj, true);
        }
        return new Pass(bytes, id, false, obj, false);
    }

    /** Interrupts the call {@code requestId} of {@code session} if it is still running; true when there was one. */
    public boolean cancel(String session, String requestId) {
        return inFlight.cancel(key(session, requestId));
    }

    /** Cancels a call this transport passed on and has not answered yet, whether it is running or still waiting to start. */
    public void cancelOwed(String session, String requestId) {
        inFlight.cancelOwed(key(session, requestId));
    }

    /** The call {@code requestId} of {@code session} was answered. */
    public void answered(String session, String requestId) {
        inFlight.forget(key(session, requestId));
    }

    /** Interrupts every running call of {@code session}; returns how many. */
    public int cancelAll(String session) {
        return inFlight.cancelAll(key(session, ""));
    }

    private static String key(String session, String requestId) {
        return session + ":" + requestId;
    }

    /** A JSON-RPC id the SDK can handle: a string, or an integer that fits in 64 bits. The one rule, for requests and cancellations. */
    static boolean validId(JsonNode id) {
        return id != null && (id.isString() || id.isIntegralNumber() && id.canConvertToLong());
    }

    /** A JSON-RPC error object, as bytes. */
    public static byte[] error(JsonNode id, int code, String message) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("jsonrpc", "2.0");
        if (id == null) {
            e.putNull("id");
        } else {
            e.set("id", id);
        }
        e.putObject("error").put("code", code).put("message", message);
        return JSON.writeValueAsBytes(e);
    }

    private static Refuse refuse(JsonNode id, int code, String message) {
        return new Refuse(error(id, code, message), id);
    }

    /** What is wrong with a tools/call, prompts/get or completion/complete (JSON-RPC -32602), or null when it is not one or is well-formed. */
    private static String toolCallProblem(ObjectNode msg) {
        String method = msg.get("method").asString();
        if (!method.equals("tools/call")) {
            return dockermcp.prompts.PromptShape.problem(method, msg); // prompts/get, completion/complete; null for the rest
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
}
