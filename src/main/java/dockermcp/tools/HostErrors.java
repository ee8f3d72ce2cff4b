package dockermcp.tools;

import dockermcp.engine.EngineException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** How the failures of hosts are told: as a tool failure, in a result's "errors", and as its text lines. */
public final class HostErrors {

    private HostErrors() {
    }

    /** The failure a tool reports for an engine failure. */
    public static ToolFailure fail(EngineException e) {
        return e.kind() == EngineException.Kind.REFUSED || e.kind() == EngineException.Kind.BAD_INPUT
                ? ToolFailure.refused(e.getMessage()) : ToolFailure.of(e.getMessage());
    }

    /** The failure of a call every addressed host failed: the one host's own, or each host's in turn. */
    static <T> ToolFailure allFailed(List<PerHost<T>> outcomes) {
        if (outcomes.size() == 1) {
            return fail(outcomes.get(0).failure());
        }
        return ToolFailure.of(String.join(" ", outcomes.stream().map(o -> "[" + o.host().name() + "] " + o.failure().getMessage()).toList()));
    }

    /** The structured form of the failed hosts of a listing. */
    public static <T> ArrayNode errors(ObjectNode parent, List<PerHost<T>> outcomes) {
        ArrayNode errors = parent.putArray("errors");
        for (PerHost<T> o : outcomes) {
            if (!o.ok()) {
                errors.addObject().put("host", o.host().name()).put("error", o.failure().getMessage());
            }
        }
        return errors;
    }

    /** The text lines for the failed hosts recorded in a result's "errors". */
    public static String errorLines(ObjectNode result) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : result.path("errors")) {
            sb.append("\nhost '").append(e.get("host").asString()).append("' failed: ").append(e.get("error").asString());
        }
        return sb.toString();
    }
}
