package dockermcp.prompts;

import dockermcp.engine.EngineException;
import dockermcp.engine.ObjectRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/** The arguments of a prompts/get, checked once here: known names, strings, a valid container name, a configured host. */
record PromptArgs(String container, String host) {

    static final String CONTAINER = "container";
    static final String HOST = "host";

    static McpSchema.PromptArgument containerArgument(boolean required, String description) {
        return new McpSchema.PromptArgument(CONTAINER, "Container", description, required);
    }

    static McpSchema.PromptArgument hostArgument() {
        return new McpSchema.PromptArgument(HOST, "Host", "Which configured Docker engine to ask; omit for every engine.", false);
    }

    /**
     * @param hosts the configured host names
     * @throws PromptRefusal with one sentence naming what to change
     */
    static PromptArgs check(McpSchema.Prompt prompt, Map<String, Object> raw, List<String> hosts) throws PromptRefusal {
        Map<String, Object> given = raw == null ? Map.of() : raw;
        List<String> known = prompt.arguments().stream().map(McpSchema.PromptArgument::name).toList();
        for (var e : given.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new PromptRefusal("Prompt '" + prompt.name() + "' has no argument '" + ObjectRef.shown(e.getKey()) + "': it takes " + names(known) + ".");
            }
            if (e.getValue() != null && !(e.getValue() instanceof String)) {
                throw new PromptRefusal("Argument '" + e.getKey() + "' of prompt '" + prompt.name() + "' must be a string.");
            }
        }
        String container = text(given, CONTAINER);
        String host = text(given, HOST);
        boolean containerRequired = prompt.arguments().stream().anyMatch(a -> a.name().equals(CONTAINER) && Boolean.TRUE.equals(a.required()));
        if (container == null && containerRequired) {
            throw new PromptRefusal("Prompt '" + prompt.name() + "' needs the argument 'container': a container name as docker_list_containers shows it.");
        }
        if (container != null) {
            try {
                container = ObjectRef.container(container);
            } catch (EngineException e) {
                throw new PromptRefusal("Argument " + e.getMessage());
            }
        }
        if (host != null && !hosts.contains(host)) {
            throw new PromptRefusal("Host '" + ObjectRef.shown(host) + "' is not configured: " + (hosts.isEmpty() ? "this server has no engine yet (docker_connection_status says how to add one)"
                    : "this server has " + names(hosts)) + "; omit host to use every engine.");
        }
        return new PromptArgs(container, host);
    }

    private static String text(Map<String, Object> given, String name) {
        return given.get(name) instanceof String s && !s.isBlank() ? s : null;
    }

    private static String names(List<String> names) {
        return String.join(" and ", names.stream().map(n -> "'" + n + "'").toList());
    }

    /** The tool arguments that name this container and host, as a model would pass them. */
    String toolArgs(boolean withContainer) {
        StringBuilder sb = new StringBuilder();
        if (withContainer && container != null) {
            sb.append("container='").append(container).append("'");
        }
        if (host != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("host='").append(host).append("'");
        }
        return sb.toString();
    }

    /** " on host 'h'", or "" when every engine is meant. */
    String onHost() {
        return host == null ? "" : " on host '" + host + "'";
    }

    /** A prompt's refusal of its arguments: one sentence, answered as a JSON-RPC invalid-params error. */
    static final class PromptRefusal extends Exception {
        PromptRefusal(String message) {
            super(message, null, false, false);
        }
    }
}
