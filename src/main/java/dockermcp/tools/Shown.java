package dockermcp.tools;

import dockermcp.security.Redactor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the caller is shown of an engine's names and labels. Filters and name lookups compare these, never the raw
 * values: a filter the engine matched on a raw value would answer "1 or 0" for a guess at a redacted part (issue 7).
 */
final class Shown {

    private Shown() {
    }

    /** A name as an answer shows it. */
    static String name(Redactor redactor, String raw) {
        return redactor.text(raw);
    }

    /** Labels (a list answer's {@code Labels}) as an answer shows them: keys as they are, values judged by the label rule. */
    static ObjectNode labels(Redactor redactor, JsonNode raw) {
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        ObjectNode labels = holder.putObject("labels");
        raw.properties().forEach(e -> {
            if (e.getValue().isString()) {
                labels.put(e.getKey(), e.getValue().asString());
            }
        });
        redactor.tree(holder);
        return labels;
    }

    /**
     * Docker's {@code name} filter, on the shown name: the text anywhere in it, where the name starts with "/" as the
     * engine stores it (so "/web" means "starts with web"). A part the redactor replaced can only be matched as the marker.
     */
    static boolean nameMatches(String shownName, String filter) {
        return ("/" + shownName).contains(filter);
    }

    /** Docker's {@code label} filter on the shown labels: {@code key} (present) or {@code key=value} (the shown value, exactly). */
    static boolean labelMatches(JsonNode shownLabels, String filter) {
        int eq = filter.indexOf('=');
        if (eq < 0) {
            return shownLabels.has(filter);
        }
        JsonNode v = shownLabels.get(filter.substring(0, eq));
        return v != null && v.isString() && v.asString().equals(filter.substring(eq + 1));
    }
}
