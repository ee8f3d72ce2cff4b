package dockermcp.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the audit log keeps of a call's arguments, decided by the tool's input schema: a value of the type
 * the schema names is kept, redacted and shortened; a value of another type (or an over-long or
 * control-character string) only as its type; an unknown name only as a count. So an object argument
 * {@code {"password":"..."}} or a name that is itself a secret never reaches the file.
 *
 * @param values  argument name (known to the tool) to the value recorded for it
 * @param unknown how many argument names the tool does not have
 */
public record AuditedArguments(Map<String, Object> values, int unknown) {

    /** ToolArgs' limit for strings whose schema sets none. */
    private static final int DEFAULT_MAX_STRING = 1024;

    @SuppressWarnings("unchecked")
    public static AuditedArguments of(Map<String, Object> inputSchema, Map<String, Object> raw, Redactor redactor) {
        Map<String, Object> props = inputSchema.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        Map<String, Object> kept = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        int unknown = 0;
        for (Map.Entry<String, Object> e : (raw == null ? Map.<String, Object>of() : raw).entrySet()) {
            if (!(props.get(e.getKey()) instanceof Map<?, ?> prop)) {
                unknown++;
                continue;
            }
            Object v = fitting((Map<String, Object>) prop, e.getValue());
            values.put(e.getKey(), v == null && e.getValue() != null ? typeOnly(e.getValue()) : v);
            if (v != null) {
                kept.put(e.getKey(), v);
            }
        }
        redactor.arguments(kept).forEach(values::put); // the kept values, redacted and shortened, in their places
        return new AuditedArguments(values, unknown);
    }

    /** The value as the schema's type wants it, or null when it is not one. */
    private static Object fitting(Map<String, Object> prop, Object v) {
        switch (String.valueOf(prop.get("type"))) {
            case "string" -> {
                int max = prop.get("maxLength") instanceof Integer m ? m : DEFAULT_MAX_STRING;
                return v instanceof String s && s.length() <= max && s.chars().noneMatch(c -> c < 0x20 || c == 0x7f) ? s : null;
            }
            case "boolean" -> {
                return v instanceof Boolean || "true".equals(v) || "false".equals(v) ? Boolean.valueOf(v.toString()) : null;
            }
            case "integer" -> {
                if (v instanceof Integer || v instanceof Long || v instanceof Short) {
                    return v;
                }
                if (v instanceof Double || v instanceof Float) {
                    double d = ((Number) v).doubleValue();
                    return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : null;
                }
                return v instanceof String s && s.matches("-?\\d{1,15}") ? Long.valueOf(s) : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** A value that does not fit: its JSON type, and a string's length. */
    private static Map<String, Object> typeOnly(Object v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", v instanceof String ? "string" : v instanceof Boolean ? "boolean" : v instanceof Number ? "number"
                : v instanceof Collection<?> || v.getClass().isArray() ? "array" : v instanceof Map<?, ?> ? "object" : "other");
        if (v instanceof String s) {
            m.put("length", s.length());
        }
        return m;
    }

    /**
     * The error to record: a refusal of arguments that were not kept may quote them (an unknown name, a
     * wrong-typed value), so it is replaced by a sentence that names only what the record keeps.
     */
    public String error(String error) {
        List<String> wrong = new ArrayList<>();
        values.forEach((k, v) -> {
            if (v instanceof Map<?, ?>) {
                wrong.add("'" + k + "'");
            }
        });
        if (error == null || (unknown == 0 && wrong.isEmpty())) {
            return error;
        }
        List<String> parts = new ArrayList<>();
        if (unknown > 0) {
            parts.add(unknown + (unknown == 1 ? " unknown argument name" : " unknown argument names"));
        }
        if (!wrong.isEmpty()) {
            parts.add(String.join(", ", wrong) + " of the wrong type or form");
        }
        return "The arguments were refused: " + String.join("; ", parts) + ".";
    }
}
