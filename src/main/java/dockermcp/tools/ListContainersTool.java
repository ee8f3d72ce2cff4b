package dockermcp.tools;

import dockermcp.engine.JsonRead;
import dockermcp.security.Redactor;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** docker_list_containers: a compact line per container, merged across hosts. */
final class ListContainersTool implements DockerTool {

    private static final List<String> STATES = List.of("created", "restarting", "running", "removing", "paused", "exited", "dead");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public ToolSpec spec() {
        return new ToolSpec("docker_list_containers", "List containers",
                "List Docker containers (running and stopped by default) with id, name, image, state, status, creation time and ports. "
                        + "Filter by name, status or label. Use the name or id with docker_inspect, docker_logs or docker_stats.",
                Schema.object()
                        .bool("all", "Include stopped containers (default true).")
                        .string("name", "Only containers whose name contains this text.", 256)
                        .enumeration("status", "Only containers in this state.", STATES)
                        .string("label", "Only containers with this label, as key or key=value.", 512)
                        .enumeration("group_by", "compose: group by Docker Compose project and service, with state counts.", List.of("compose"))
                        .host().closed().build(),
                Schema.object()
                        .prop("count", Schema.type("integer"))
                        .prop("containers", Schema.arrayOf(Schema.object()
                                .string("host", "engine").string("id", "short id").string("name", "name").string("image", "image")
                                .string("state", "state").string("status", "status").string("created", "creation time")
                                .prop("ports", Schema.arrayOf(Schema.type("string")))
                                .required("host", "id", "name", "image", "state").build()))
                        .prop("projects", ComposeGroups.projectsSchema())
                        .prop("ungrouped", ComposeGroups.ungroupedSchema())
                        .prop("errors", Schema.hostErrors())
                        .prop("cache", ListCache.schema())
                        .required("count", "containers").build());
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure {
        var hosts = ctx.hosts().addressed(args.host());
        ObjectNode filters = JSON.createObjectNode();
        addFilter(filters, "status", args.string("status")); // not secret: the engine filters it
        // name and label are matched here, on what the answer shows: the engine would match the raw values (issue 7)
        String name = args.string("name");
        String label = args.string("label");
        Redactor redactor = ctx.redactor();
        String filterJson = filters.isEmpty() ? null : filters.toString();
        boolean all = args.bool("all", true);
        var listing = ctx.fanOut().listCached(hosts, "containers all=" + all + " filters=" + filterJson,
                e -> new Listing(e.listContainers(all, filterJson), ctx.visibility().visibleImagesIfRestricted(e)));
        var outcomes = listing.outcomes();
        ComposeGroups groups = "compose".equals(args.string("group_by")) ? new ComposeGroups() : null;

        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("count", 0);
        ArrayNode list = out.putArray("containers");
        for (var o : outcomes) {
            if (!o.ok()) {
                continue;
            }
            VisibleImages images = o.value().images();
            for (JsonNode c : o.value().containers()) {
                if (!ctx.visibility().listedContainerVisible(o.host().name(), c)
                        || name != null && !Shown.nameMatches(Shown.name(redactor, VisibleContainers.ownName(c)), name)
                        || label != null && !Shown.labelMatches(Shown.labels(redactor, c.path("Labels")), label)) {
                    continue;
                }
                ObjectNode item = list.addObject();
                item.put("host", o.host().name());
                item.put("id", Formats.shortId(JsonRead.text(c, "Id")));
                item.put("name", VisibleContainers.ownName(c));
                String image = JsonRead.text(c, "Image");
                item.put("image", images == null ? image : images.containerImage(image, JsonRead.text(c, "ImageID")));
                item.put("state", JsonRead.text(c, "State"));
                item.put("status", JsonRead.text(c, "Status"));
                item.put("created", Formats.epoch(JsonRead.number(c, "Created")));
                ArrayNode ports = item.putArray("ports");
                for (JsonNode p : c.path("Ports")) {
                    ports.add(port(p));
                }
                if (groups != null) {
                    groups.add(item, c.path("Labels"));
                }
            }
        }
        out.put("count", list.size());
        if (groups != null) {
            groups.write(out);
        }
        HostErrors.errors(out, outcomes);
        listing.note(out);
        boolean showHost = hosts.size() > 1;
        return new ToolResult(out, o -> (o.has("projects") ? ComposeGroups.render(o, showHost) : render(o, showHost)) + ListCache.line(o), Formats.hosts(hosts));
    }

    /** One host's containers, and the images that may be named when image rules apply. */
    private record Listing(JsonNode containers, VisibleImages images) {
    }

    static String render(ObjectNode out, boolean showHost) {
        JsonNode list = out.get("containers");
        StringBuilder text = new StringBuilder().append(list.size()).append(list.size() == 1 ? " container" : " containers").append(":");
        for (JsonNode item : list) {
            text.append('\n').append(item.get("name").asString()).append("  ").append(item.get("id").asString()).append("  ")
                    .append(item.get("image").asString()).append("  ").append(item.get("state").asString())
                    .append(" (").append(item.get("status").asString()).append(")");
            if (!item.get("ports").isEmpty()) {
                text.append("  ports=").append(String.join(",", JsonRead.strings(item, "ports")));
            }
            if (showHost) {
                text.append("  host=").append(item.get("host").asString());
            }
        }
        return text + HostErrors.errorLines(out);
    }

    private static void addFilter(ObjectNode filters, String key, String value) {
        if (value != null) {
            filters.putArray(key).add(value);
        }
    }

    private static String port(JsonNode p) {
        String priv = JsonRead.number(p, "PrivatePort") + "/" + JsonRead.text(p, "Type");
        long pub = JsonRead.number(p, "PublicPort");
        return pub == 0 ? priv : JsonRead.text(p, "IP") + ":" + pub + "->" + priv;
    }
}
