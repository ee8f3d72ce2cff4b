package dockermcp.tools;

import dockermcp.config.HostSettings;
import dockermcp.engine.DockerEngine;
import dockermcp.engine.EngineException;
import dockermcp.engine.JsonRead;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** docker_connection_status: for each configured engine, whether it answers and, if not, why and what to do. */
final class ConnectionStatusTool implements DockerTool {

    private record Probe(long latencyMs, JsonNode version, String api, long containers, long running, long images) {
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec("docker_connection_status", "Docker connection status",
                "Check each configured Docker engine: endpoint, transport, reachability, engine and API version, OS/architecture, "
                        + "container and image counts, latency and configuration warnings. When an engine is unreachable, says why and how to fix it.",
                Schema.object().host().closed().build(),
                Schema.object()
                        .prop("hosts", Schema.arrayOf(Schema.object()
                                .string("name", "host name, as the host argument takes it").string("endpoint", "address (never credentials)")
                                .enumeration("transport", "unix, tcp, tls or ssh", java.util.List.of("unix", "tcp", "tls", "ssh"))
                                .prop("reachable", Schema.type("boolean"))
                                .string("engineVersion", "Docker version").string("apiVersion", "negotiated API version")
                                .string("os", "engine OS").string("architecture", "engine CPU architecture")
                                .prop("containers", Schema.type("integer")).prop("containersRunning", Schema.type("integer"))
                                .prop("images", Schema.type("integer")).prop("latencyMs", Schema.type("integer"))
                                .prop("warnings", Schema.arrayOf(Schema.type("string")))
                                .prop("error", Schema.object().string("kind", "failure class").string("message", "what is wrong and what to do").build())
                                .required("name", "endpoint", "transport", "reachable", "warnings").build()))
                        .required("hosts").build());
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure {
        var hosts = ctx.hosts().addressed(args.host());
        var outcomes = ctx.fanOut().onEach(hosts, e -> probe(e, ctx.visibility()));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("hosts");
        for (var o : outcomes) {
            HostSettings h = o.host();
            ObjectNode item = list.addObject();
            item.put("name", h.name());
            item.put("endpoint", h.endpoint().display());
            item.put("transport", h.endpoint().transport().label());
            item.put("reachable", o.ok());
            ArrayNode warnings = item.putArray("warnings");
            h.warnings().forEach(warnings::add);
            if (o.ok()) {
                Probe p = o.value();
                item.put("engineVersion", JsonRead.text(p.version(), "Version"));
                item.put("apiVersion", p.api());
                item.put("os", JsonRead.text(p.version(), "Os"));
                item.put("architecture", JsonRead.text(p.version(), "Arch"));
                item.put("containers", p.containers());
                item.put("containersRunning", p.running());
                item.put("images", p.images());
                item.put("latencyMs", p.latencyMs());
            } else {
                EngineException e = o.failure();
                item.putObject("error").put("kind", e.kind().label()).put("message", e.getMessage());
            }
        }
        return new ToolResult(out, ConnectionStatusTool::render, Formats.hosts(hosts));
    }

    static String render(ObjectNode out) {
        StringBuilder text = new StringBuilder();
        for (JsonNode h : out.get("hosts")) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(h.get("name").asString()).append(": ").append(h.get("endpoint").asString());
            if (h.get("reachable").asBoolean()) {
                text.append("  reachable  Docker ").append(h.get("engineVersion").asString()).append(" (API ").append(h.get("apiVersion").asString())
                        .append(", ").append(h.get("os").asString()).append('/').append(h.get("architecture").asString()).append(")  ")
                        .append(h.get("containersRunning").asLong()).append('/').append(h.get("containers").asLong()).append(" containers running, ")
                        .append(h.get("images").asLong()).append(" images, ").append(h.get("latencyMs").asLong()).append(" ms");
            } else {
                text.append("  UNREACHABLE (").append(h.at("/error/kind").asString()).append("): ").append(h.at("/error/message").asString());
            }
            for (JsonNode w : h.get("warnings")) {
                text.append("\n  warning: ").append(w.asString());
            }
        }
        return text.toString();
    }

    private static Probe probe(DockerEngine e, Visibility visibility) throws EngineException {
        JsonNode version = e.version();
        String api = e.apiVersion().toString();
        long containers;
        long running;
        long images;
        if (visibility.policy(e.name()).hidesNothing()) {
            JsonNode info = e.info();
            containers = JsonRead.number(info, "Containers");
            running = JsonRead.number(info, "ContainersRunning");
            images = JsonRead.number(info, "Images");
        } else {
            // counted from the filtered lists: the engine's own totals would reveal hidden containers
            containers = 0;
            running = 0;
            for (JsonNode c : e.listContainers(true, null)) {
                if (visibility.listedContainerVisible(e.name(), c)) {
                    containers++;
                    running += JsonRead.text(c, "State").equals("running") ? 1 : 0;
                }
            }
            images = 0;
            for (JsonNode img : e.listImages(false, null)) {
                images += visibility.imageVisible(e.name(), img) ? 1 : 0;
            }
        }
        return new Probe(e.pingMillis(), version, api, containers, running, images); // pinged last, on a warm connection
    }
}
