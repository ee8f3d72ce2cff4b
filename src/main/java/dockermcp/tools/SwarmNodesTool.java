package dockermcp.tools;

import dockermcp.engine.JsonRead;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** docker_swarm_nodes: the nodes of the swarm each manager host belongs to. */
final class SwarmNodesTool implements DockerTool {

    @Override
    public ToolSpec spec() {
        return new ToolSpec("docker_swarm_nodes", "List swarm nodes",
                "List the nodes of the Docker Swarm on every host that is a swarm manager: hostname, role, availability, state, "
                        + "address, leader and engine version. Hosts that are not swarm managers are listed as skipped.",
                Schema.object().host().closed().build(),
                Schema.object()
                        .prop("count", Schema.type("integer"))
                        .prop("nodes", Schema.arrayOf(Schema.object()
                                .string("host", "engine asked").string("id", "short node id").string("hostname", "node host name")
                                .string("role", "manager or worker").string("availability", "active, pause or drain")
                                .string("state", "ready, down, unknown or disconnected").string("address", "node address")
                                .prop("leader", Schema.type("boolean")).string("engineVersion", "Docker version on the node")
                                .required("host", "id", "hostname", "role", "availability", "state").build()))
                        .prop("skipped", SwarmView.skippedSchema())
                        .prop("errors", Schema.hostErrors())
                        .required("count", "nodes").build());
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure {
        var hosts = ctx.hosts().addressed(args.host());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("count", 0);
        ArrayNode list = out.putArray("nodes");
        for (var o : SwarmView.onManagers(ctx.fanOut(), hosts, out, e -> e.swarmNodes())) {
            for (JsonNode n : o.value()) {
                ObjectNode item = list.addObject();
                item.put("host", o.host().name());
                item.put("id", Formats.shortId(JsonRead.text(n, "ID")));
                item.put("hostname", JsonRead.text(n.path("Description"), "Hostname"));
                item.put("role", JsonRead.text(n.path("Spec"), "Role"));
                item.put("availability", JsonRead.text(n.path("Spec"), "Availability"));
                item.put("state", JsonRead.text(n.path("Status"), "State"));
                item.put("address", JsonRead.text(n.path("Status"), "Addr"));
                item.put("leader", n.path("ManagerStatus").path("Leader").asBoolean(false));
                item.put("engineVersion", JsonRead.text(n.path("Description").path("Engine"), "EngineVersion"));
            }
        }
        out.put("count", list.size());
        return new ToolResult(out, SwarmNodesTool::render, Formats.hosts(hosts));
    }

    static String render(ObjectNode out) {
        JsonNode list = out.get("nodes");
        StringBuilder text = new StringBuilder().append(list.size()).append(list.size() == 1 ? " node" : " nodes").append(":");
        for (JsonNode n : list) {
            text.append('\n').append(n.get("hostname").asString()).append("  ").append(n.get("id").asString()).append("  ")
                    .append(n.get("role").asString()).append(n.get("leader").asBoolean() ? " (leader)" : "").append("  ")
                    .append(n.get("state").asString()).append("/").append(n.get("availability").asString())
                    .append("  docker ").append(n.get("engineVersion").asString()).append("  host=").append(n.get("host").asString());
        }
        SwarmView.skippedLines(text, out);
        return text + HostErrors.errorLines(out);
    }
}
