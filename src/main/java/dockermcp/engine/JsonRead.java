package dockermcp.engine;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Lenient reads of Docker's JSON, whose fields vary between API versions and may be null. */
public final class JsonRead {

    private JsonRead() {
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainer()) {
            return "";
        }
        return v.asString("");
    }

    public static long number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isNumber() ? 0 : v.asLong(0);
    }

    public static boolean flag(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isBoolean() && v.asBoolean();
    }

    /** The strings of an array field; empty when absent or null. */
    public static List<String> strings(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                if (e.isString()) {
                    out.add(e.asString());
                }
            }
        } else if (v != null && v.isString()) {
            out.add(v.asString());
        }
        return out;
    }

    /** A string-to-string object such as Labels; empty when absent or null. */
    public static java.util.Map<String, String> labels(JsonNode node) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        if (node != null && node.isObject()) {
            for (String k : node.propertyNames()) {
                out.put(k, text(node, k));
            }
        }
        return out;
    }
}
