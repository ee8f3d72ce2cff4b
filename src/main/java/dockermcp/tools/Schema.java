package dockermcp.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small builder for the JSON Schemas of tool inputs and outputs. */
public final class Schema {

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();
    private boolean closed;

    public static Schema object() {
        return new Schema();
    }

    public Schema string(String name, String description) {
        return prop(name, ordered("type", "string", "description", description));
    }

    public Schema string(String name, String description, int maxLength) {
        return prop(name, ordered("type", "string", "description", description, "maxLength", maxLength));
    }

    public Schema enumeration(String name, String description, List<String> values) {
        return prop(name, ordered("type", "string", "description", description, "enum", values));
    }

    public Schema bool(String name, String description) {
        return prop(name, ordered("type", "boolean", "description", description));
    }

    public Schema integer(String name, String description, int min, int max) {
        return prop(name, ordered("type", "integer", "description", description, "minimum", min, "maximum", max));
    }

    /** The optional {@code host} argument every tool takes; the registry fills in the configured names ({@link HostParameter}). */
    public Schema host() {
        return enumeration("host", HostParameter.description(HostParameter.UNCONFIGURED), HostParameter.UNCONFIGURED);
    }

    public Schema prop(String name, Map<String, Object> schema) {
        properties.put(name, schema);
        return this;
    }

    public Schema required(String... names) {
        required.addAll(List.of(names));
        return this;
    }

    /** Rejects properties that are not declared (tool inputs). */
    public Schema closed() {
        closed = true;
        return this;
    }

    public Map<String, Object> build() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "object");
        m.put("properties", properties);
        if (!required.isEmpty()) {
            m.put("required", List.copyOf(required));
        }
        if (closed) {
            m.put("additionalProperties", false);
        }
        return m;
    }

    public static Map<String, Object> type(String type) {
        return ordered("type", type);
    }

    public static Map<String, Object> arrayOf(Map<String, Object> items) {
        return ordered("type", "array", "items", items);
    }

    public static Map<String, Object> mapOf(String valueType) {
        return ordered("type", "object", "additionalProperties", ordered("type", valueType));
    }

    /** The per-host failures that list tools report next to the other hosts' results. */
    public static Map<String, Object> hostErrors() {
        return arrayOf(object().string("host", "host that failed").string("error", "what went wrong and what to do")
                .required("host", "error").build());
    }

    /** A map that keeps the order written, so the tools/list answer is the same on every run. */
    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
