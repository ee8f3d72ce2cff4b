package dockermcp.tools;

import dockermcp.config.HostSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code host} argument, derived in this one place from the configured engines: its enum lists their names, so
 * a client (and the model) sees exactly the hosts this server has. Tools declare it with {@link Schema#host()}.
 */
final class HostParameter {

    /** Shown when nothing is configured: the seed's two names, so a client still shows a sensible schema. */
    static final List<String> UNCONFIGURED = List.of("local", "remote");

    private HostParameter() {
    }

    static List<String> names(List<HostSettings> hosts) {
        return hosts.isEmpty() ? UNCONFIGURED : hosts.stream().map(HostSettings::name).toList();
    }

    static String description(List<String> names) {
        return names.size() == 1 ? "Which engine to ask: '" + names.get(0) + "' (the only one configured)."
                : "Which engine to ask: " + String.join(", ", names.subList(0, names.size() - 1).stream().map(n -> "'" + n + "'").toList())
                        + " or '" + names.get(names.size() - 1) + "'. Omit to ask every configured engine.";
    }

    /** The spec with its {@code host} property (if it has one) listing the configured names. */
    @SuppressWarnings("unchecked")
    static ToolSpec apply(ToolSpec spec, List<HostSettings> hosts) {
        Map<String, Object> properties = (Map<String, Object>) spec.inputSchema().get("properties");
        if (properties == null || !properties.containsKey("host")) {
            return spec;
        }
        List<String> names = names(hosts);
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("type", "string");
        host.put("description", description(names));
        host.put("enum", names);
        Map<String, Object> props = new LinkedHashMap<>(properties);
        props.put("host", java.util.Collections.unmodifiableMap(host));
        Map<String, Object> input = new LinkedHashMap<>(spec.inputSchema());
        input.put("properties", java.util.Collections.unmodifiableMap(props));
        return new ToolSpec(spec.name(), spec.title(), spec.description(), java.util.Collections.unmodifiableMap(input), spec.outputSchema());
    }
}
