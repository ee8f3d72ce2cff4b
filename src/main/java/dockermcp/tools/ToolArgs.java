package dockermcp.tools;

import dockermcp.engine.ObjectRef;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A tool's arguments, checked against the tool's input schema before any work: unknown names, wrong
 * types, control characters, out-of-range numbers and over-long strings are refused with one sentence.
 */
public final class ToolArgs {

    private static final int DEFAULT_MAX_STRING = 1024;

    private final Map<String, Object> values;

    private ToolArgs(Map<String, Object> values) {
        this.values = values;
    }

    @SuppressWarnings("unchecked")
    public static ToolArgs check(ToolSpec spec, Map<String, Object> raw) throws ToolFailure {
        Map<String, Object> args = raw == null ? Map.of() : raw;
        Map<String, Object> props = (Map<String, Object>) spec.inputSchema().get("properties");
        for (Map.Entry<String, Object> e : args.entrySet()) {
            Map<String, Object> prop = (Map<String, Object>) props.get(e.getKey());
            if (prop == null) {
                throw ToolFailure.refused(spec.name() + " has no argument '" + ObjectRef.shown(e.getKey()) + "': its arguments are "
                        + String.join(", ", props.keySet()) + ".");
            }
            checkValue(spec.name(), e.getKey(), prop, e.getValue());
        }
        Object req = spec.inputSchema().get("required");
        if (req instanceof Collection<?> required) {
            for (Object name : required) {
                Object v = args.get(name);
                if (v == null || (v instanceof String s && s.isEmpty())) {
                    Object desc = props.get(name) instanceof Map<?, ?> m ? m.get("description") : null;
                    throw ToolFailure.refused(spec.name() + " needs the argument '" + name + "'" + (desc == null ? "." : " (" + desc + ")."));
                }
            }
        }
        return new ToolArgs(args);
    }

    private static void checkValue(String tool, String name, Map<String, Object> prop, Object v) throws ToolFailure {
        if (v == null) {
            return;
        }
        String type = (String) prop.get("type");
        switch (type) {
            case "string" -> {
                if (!(v instanceof String s)) {
                    throw ToolFailure.refused(tool + ": '" + name + "' must be a string, not " + jsonType(v) + ".");
                }
                int max = prop.get("maxLength") instanceof Integer m ? m : DEFAULT_MAX_STRING;
                if (s.length() > max) {
                    throw ToolFailure.refused(tool + ": '" + name + "' is " + s.length() + " characters long; the limit is " + max + ".");
                }
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c < 0x20 || c == 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                        throw ToolFailure.refused(tool + ": '" + name + "' contains a control character; give the value without line breaks, NUL or direction marks.");
                    }
                }
                // a host name is checked against the configured hosts by Hosts.addressed, whose refusal says how to add one
                if (name.equals("host") && s.isEmpty()) {
                    throw ToolFailure.refused(tool + ": 'host' is empty: name a configured host, or omit host to ask every one.");
                }
                if (prop.get("enum") instanceof List<?> allowed && !allowed.contains(s) && !name.equals("host")) {
                    throw ToolFailure.refused(tool + ": '" + name + "' must be one of " + allowed + ", not '" + ObjectRef.shown(s) + "'.");
                }
            }
            case "boolean" -> {
                if (!(v instanceof Boolean) && !"true".equals(v) && !"false".equals(v)) {
                    throw ToolFailure.refused(tool + ": '" + name + "' must be true or false, not " + jsonType(v) + ".");
                }
            }
            case "integer" -> {
                long n = integer(tool, name, v);
                long min = ((Number) prop.get("minimum")).longValue();
                long max = ((Number) prop.get("maximum")).longValue();
                if (n < min || n > max) {
                    throw ToolFailure.refused(tool + ": '" + name + "' must be between " + min + " and " + max + ", not " + n + ".");
                }
            }
            default -> throw new IllegalStateException("schema type " + type);
        }
    }

    private static long integer(String tool, String name, Object v) throws ToolFailure {
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e15) {
            return n.longValue();
        }
        if (v instanceof String s && s.matches("-?\\d{1,15}")) {
            return Long.parseLong(s);
        }
        throw ToolFailure.refused(tool + ": '" + name + "' must be a whole number, not " + jsonType(v) + ".");
    }

    private static String jsonType(Object v) {
        if (v instanceof String s) {
            return "the text '" + ObjectRef.shown(s) + "'";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Number) {
            return "the number " + v;
        }
        if (v instanceof Collection<?> || v.getClass().isArray()) {
            return "a list";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        return "a value of another type";
    }

    public String string(String name) {
        Object v = values.get(name);
        return v instanceof String s && !s.isEmpty() ? s : null;
    }

    public boolean bool(String name, boolean fallback) {
        Object v = values.get(name);
        return v == null ? fallback : v instanceof Boolean b ? b : "true".equals(v);
    }

    public int integer(String name, int fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        return v instanceof Number n ? n.intValue() : Integer.parseInt((String) v);
    }

    /** A container name or id argument, checked against Docker's name grammar: the one place names are validated. */
    public String container(String name) throws ToolFailure {
        return reference(name, ObjectRef::container);
    }

    /** An image reference or id argument, checked against Docker's reference grammar. */
    public String image(String name) throws ToolFailure {
        return reference(name, ObjectRef::image);
    }

    private interface Grammar {
        String check(String value) throws dockermcp.engine.EngineException;
    }

    private String reference(String name, Grammar grammar) throws ToolFailure {
        try {
            return grammar.check(string(name));
        } catch (dockermcp.engine.EngineException e) {
            throw ToolFailure.refused(e.getMessage());
        }
    }

    public String host() {
        return string("host");
    }

    public Map<String, Object> raw() {
        return values;
    }
}
