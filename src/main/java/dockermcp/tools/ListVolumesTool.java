package dockermcp.tools;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import dockermcp.engine.JsonRead;

/** docker_list_volumes: the volumes of each host, with their driver options redacted like configuration (a CIFS password goes). */
final class ListVolumesTool implements DockerTool {

    @Override
    public ToolSpec spec() {
        return new ToolSpec("docker_list_volumes", "List volumes",
                "List the Docker volumes on the engine(s): name, driver, scope, mount point, creation time, labels and driver options "
                        + "(secret option values are redacted). Filter by name.",
                Schema.object()
                        .string("name", "Only volumes whose name contains this text.", 256)
                        .host().closed().build(),
                Schema.object()
                        .prop("count", Schema.type("integer"))
                        .prop("volumes", Schema.arrayOf(Schema.object()
                                .string("host", "engine").string("name", "name").string("driver", "driver").string("scope", "local or global")
                                .string("mountpoint", "path on the engine's machine").string("created", "creation time")
                                .prop("labels", Schema.mapOf("string")).prop("options", Schema.mapOf("string"))
                                .required("host", "name", "driver").build()))
                        .prop("errors", Schema.hostErrors())
                        .prop("cache", ListCache.schema())
                        .required("count", "volumes").build());
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure {
        var hosts = ctx.hosts().addressed(args.host());
        String name = args.string("name");
        // name is matched here, on the shown name: the engine would match the raw one (issue 7)
        dockermcp.security.Redactor redactor = ctx.redactor();
        var listing = ctx.fanOut().listCached(hosts, "volumes", e -> e.listVolumes(null));

        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("count", 0);
        ArrayNode list = out.putArray("volumes");
        for (var o : listing.outcomes()) {
            if (!o.ok()) {
                continue;
            }
            for (JsonNode v : o.value().path("Volumes")) {
                if (name != null && !Shown.name(redactor, JsonRead.text(v, "Name")).contains(name)) {
                    continue;
                }
                ObjectNode item = list.addObject();
                item.put("host", o.host().name());
                item.put("name", JsonRead.text(v, "Name"));
                item.put("driver", JsonRead.text(v, "Driver"));
                item.put("scope", JsonRead.text(v, "Scope"));
                item.put("mountpoint", JsonRead.text(v, "Mountpoint"));
                item.put("created", JsonRead.text(v, "CreatedAt"));
                ListNetworksTool.copyStrings(v.path("Labels"), item.putObject("labels"));
                ListNetworksTool.copyStrings(v.path("Options"), item.putObject("options"));
            }
        }
        out.put("count", list.size());
        HostErrors.errors(out, listing.outcomes());
        listing.note(out);
        boolean showHost = hosts.size() > 1;
        return new ToolResult(out, o -> render(o, showHost), Formats.hosts(hosts));
    }

    static String render(ObjectNode out, boolean showHost) {
        JsonNode list = out.get("volumes");
        StringBuilder text = new StringBuilder().append(list.size()).append(list.size() == 1 ? " volume" : " volumes").append(":");
        for (JsonNode v : list) {
            text.append('\n').append(v.get("name").asString()).append("  ").append(v.get("driver").asString()).append('/')
                    .append(v.get("scope").asString()).append("  ").append(v.get("created").asString());
            if (showHost) {
                text.append("  host=").append(v.get("host").asString());
            }
        }
        return text + ListNetworksTool.configuration("volumes", list) + HostErrors.errorLines(out) + ListCache.line(out);
    }
}
