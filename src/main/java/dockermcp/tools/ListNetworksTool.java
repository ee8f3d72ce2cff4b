package dockermcp.tools;

import dockermcp.engine.JsonRead;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * docker_list_networks: the networks of each host and the visible containers attached to them. The attachments come
 * from the visible containers' own network settings, never from the engine's per-network container map, so a hidden
 * container attached to a network leaves no trace: not its name, not a count.
 */
final class ListNetworksTool implements DockerTool {

    @Override
    public ToolSpec spec() {
        return new ToolSpec("docker_list_networks", "List networks",
                "List the Docker networks on the engine(s): name, short id, driver, scope, subnets, internal/attachable flags, labels, "
                        + "driver options, and the containers attached to each (name, state, IPv4 address). Filter by name.",
                Schema.object()
                        .string("name", "Only networks whose name contains this text.", 256)
                        .host().closed().build(),
                Schema.object()
                        .prop("count", Schema.type("integer"))
                        .prop("networks", Schema.arrayOf(Schema.object()
                                .string("host", "engine").string("id", "short id").string("name", "name").string("driver", "driver")
                                .string("scope", "local, global or swarm").string("created", "creation time")
                                .prop("internal", Schema.type("boolean")).prop("attachable", Schema.type("boolean"))
                                .prop("subnets", Schema.arrayOf(Schema.type("string")))
                                .prop("labels", Schema.mapOf("string")).prop("options", Schema.mapOf("string"))
                                .prop("containers", Schema.arrayOf(Schema.object().string("name", "container name").string("state", "state")
                                        .string("ipv4", "address on this network").required("name", "state").build()))
                                .required("host", "id", "name", "driver", "containers").build()))
                        .prop("errors", Schema.hostErrors())
                        .prop("cache", ListCache.schema())
                        .required("count", "networks").build());
    }

    /** One host's networks and all its containers (their network settings say where each is attached). */
    private record Listing(JsonNode networks, JsonNode containers) {
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure {
        var hosts = ctx.hosts().addressed(args.host());
        String name = args.string("name");
        // name is matched here, on the shown name: the engine would match the raw one (issue 7)
        dockermcp.security.Redactor redactor = ctx.redactor();
        var listing = ctx.fanOut().listCached(hosts, "networks", e -> new Listing(e.listNetworks(null), e.listContainers(true, null)));

        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("count", 0);
        ArrayNode list = out.putArray("networks");
        for (var o : listing.outcomes()) {
            if (!o.ok()) {
                continue;
            }
            List<JsonNode> visible = new ArrayList<>();
            o.value().containers().forEach(c -> {
                if (ctx.visibility().listedContainerVisible(o.host().name(), c)) {
                    visible.add(c);
                }
            });
            for (JsonNode n : o.value().networks()) {
                if (name != null && !Shown.name(redactor, JsonRead.text(n, "Name")).contains(name)) {
                    continue;
                }
                ObjectNode item = list.addObject();
                String id = JsonRead.text(n, "Id");
                String networkName = JsonRead.text(n, "Name");
                item.put("host", o.host().name());
                item.put("id", Formats.shortId(id));
                item.put("name", networkName);
                item.put("driver", JsonRead.text(n, "Driver"));
                item.put("scope", JsonRead.text(n, "Scope"));
                item.put("created", JsonRead.text(n, "Created"));
                item.put("internal", n.path("Internal").asBoolean(false));
                item.put("attachable", n.path("Attachable").asBoolean(false));
                ArrayNode subnets = item.putArray("subnets");
                for (JsonNode cfg : n.path("IPAM").path("Config")) {
                    String gateway = JsonRead.text(cfg, "Gateway");
                    subnets.add(JsonRead.text(cfg, "Subnet") + (gateway.isEmpty() ? "" : " gw " + gateway));
                }
                copyStrings(n.path("Labels"), item.putObject("labels"));
                copyStrings(n.path("Options"), item.putObject("options"));
                ArrayNode attached = item.putArray("containers");
                for (JsonNode c : visible) {
                    JsonNode endpoint = endpoint(c, id, networkName);
                    if (endpoint != null) {
                        ObjectNode a = attached.addObject().put("name", VisibleContainers.ownName(c)).put("state", JsonRead.text(c, "State"));
                        String ip = JsonRead.text(endpoint, "IPAddress");
                        if (!ip.isEmpty()) {
                            a.put("ipv4", ip);
                        }
                    }
                }
            }
        }
        out.put("count", list.size());
        HostErrors.errors(out, listing.outcomes());
        listing.note(out);
        boolean showHost = hosts.size() > 1;
        return new ToolResult(out, o -> render(o, showHost), Formats.hosts(hosts));
    }

    /** The container's endpoint on this network: by network id, or by name where the engine left the id out (a stopped container). */
    static JsonNode endpoint(JsonNode container, String networkId, String networkName) {
        JsonNode networks = container.path("NetworkSettings").path("Networks");
        for (var e : networks.properties()) {
            String id = JsonRead.text(e.getValue(), "NetworkID");
            if (id.equals(networkId) || (id.isEmpty() && e.getKey().equals(networkName))) {
                return e.getValue();
            }
        }
        return null;
    }

    static void copyStrings(JsonNode from, ObjectNode to) {
        for (var e : from.properties()) {
            if (e.getValue().isString()) {
                to.put(e.getKey(), e.getValue().asString());
            }
        }
    }

    static String render(ObjectNode out, boolean showHost) {
        JsonNode list = out.get("networks");
        StringBuilder text = new StringBuilder().append(list.size()).append(list.size() == 1 ? " network" : " networks").append(":");
        for (JsonNode n : list) {
            text.append('\n').append(n.get("name").asString()).append("  ").append(n.get("id").asString()).append("  ")
                    .append(n.get("driver").asString()).append('/').append(n.get("scope").asString());
            if (n.get("internal").asBoolean()) {
                text.append("  internal");
            }
            List<String> subnets = JsonRead.strings(n, "subnets");
            if (!subnets.isEmpty()) {
                text.append("  ").append(String.join(", ", subnets));
            }
            List<String> attached = new ArrayList<>();
            for (JsonNode c : n.get("containers")) {
                attached.add(c.get("name").asString() + " (" + c.get("state").asString() + (c.has("ipv4") ? " " + c.get("ipv4").asString() : "") + ")");
            }
            text.append("  containers: ").append(attached.isEmpty() ? "none" : String.join(", ", attached));
            if (showHost) {
                text.append("  host=").append(n.get("host").asString());
            }
        }
        return text + configuration("networks", list) + HostErrors.errorLines(out) + ListCache.line(out);
    }

    /**
     * The labels and driver options of the listed networks or volumes, one line each that has any, in a fenced block:
     * whoever created the object wrote them, so they are data, not instructions (as a container's labels are).
     */
    static String configuration(String what, JsonNode list) {
        StringBuilder block = new StringBuilder();
        for (JsonNode item : list) {
            String pairs = pairs("labels", item.get("labels")) + pairs("options", item.get("options"));
            if (!pairs.isEmpty()) {
                block.append('\n').append(item.get("name").asString()).append(':').append(pairs);
            }
        }
        return block.isEmpty() ? "" : "\n" + Fence.open("labels and driver options of the " + what) + block + "\n" + Fence.END;
    }

    /** "  labels: k=v, k=v", or nothing for an empty map. */
    private static String pairs(String what, JsonNode map) {
        if (map == null || map.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        map.properties().forEach(e -> parts.add(e.getKey() + "=" + e.getValue().asString()));
        return "  " + what + ": " + String.join(", ", parts);
    }
}
