package dockermcp.tools;

import dockermcp.engine.JsonRead;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** docker_list_images: tags, short id, size and age of the images on each host. */
final class ListImagesTool implements DockerTool {

    @Override
    public ToolSpec spec() {
        return new ToolSpec("docker_list_images", "List images",
                "List the images stored on the Docker engine(s) with tags, short id, size and creation time. "
                        + "Filter by reference (e.g. nginx or nginx:1.*) or dangling. Use a tag or id with docker_image_info.",
                Schema.object()
                        .bool("all", "Include intermediate images (default false).")
                        .string("reference", "Only images matching this reference pattern, e.g. nginx or myrepo/*:1.*.", 256)
                        .bool("dangling", "true: only untagged images; false: only tagged ones.")
                        .host().closed().build(),
                Schema.object()
                        .prop("count", Schema.type("integer"))
                        .prop("images", Schema.arrayOf(Schema.object()
                                .string("host", "engine").string("id", "short id")
                                .prop("tags", Schema.arrayOf(Schema.type("string")))
                                .prop("sizeBytes", Schema.type("integer")).string("created", "creation time")
                                .required("host", "id", "tags", "sizeBytes").build()))
                        .prop("errors", Schema.hostErrors())
                        .prop("cache", ListCache.schema())
                        .required("count", "images").build());
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure {
        var hosts = ctx.hosts().addressed(args.host());
        ObjectNode filters = JsonNodeFactory.instance.objectNode();
        if (args.string("reference") != null) {
            filters.putArray("reference").add(args.string("reference"));
        }
        if (args.raw().get("dangling") != null) {
            filters.putArray("dangling").add(Boolean.toString(args.bool("dangling", false)));
        }
        String filterJson = filters.isEmpty() ? null : filters.toString();
        boolean all = args.bool("all", false);
        String reference = args.string("reference");
        dockermcp.security.Redactor redactor = ctx.redactor();
        var listing = ctx.fanOut().listCached(hosts, "images all=" + all + " filters=" + filterJson, e -> e.listImages(all, filterJson));
        var outcomes = listing.outcomes();

        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("count", 0);
        ArrayNode list = out.putArray("images");
        for (var o : outcomes) {
            if (!o.ok()) {
                continue;
            }
            for (JsonNode img : o.value()) {
                if (!ctx.visibility().imageVisible(o.host().name(), img) || reference != null && redactedReference(redactor, img)) {
                    continue;
                }
                List<String> tags = JsonRead.strings(img, "RepoTags").stream().filter(t -> !t.equals("<none>:<none>")).toList();
                ObjectNode item = list.addObject();
                item.put("host", o.host().name());
                item.put("id", Formats.shortId(JsonRead.text(img, "Id")));
                ArrayNode t = item.putArray("tags");
                tags.forEach(t::add);
                item.put("sizeBytes", JsonRead.number(img, "Size"));
                item.put("created", Formats.epoch(JsonRead.number(img, "Created")));
            }
        }
        out.put("count", list.size());
        HostErrors.errors(out, outcomes);
        listing.note(out);
        boolean showHost = hosts.size() > 1;
        return new ToolResult(out, o -> render(o, showHost), Formats.hosts(hosts));
    }

    /**
     * True when a tag or digest of {@code img} is shown redacted. The engine matched {@code reference} on the raw ones,
     * so such an image is never in a reference-filtered answer, whatever the pattern: a glob cannot test its secret (issue 7).
     */
    private static boolean redactedReference(dockermcp.security.Redactor redactor, JsonNode img) {
        return java.util.stream.Stream.concat(JsonRead.strings(img, "RepoTags").stream(), JsonRead.strings(img, "RepoDigests").stream())
                .anyMatch(r -> !Shown.name(redactor, r).equals(r));
    }

    static String render(ObjectNode out, boolean showHost) {
        JsonNode list = out.get("images");
        StringBuilder text = new StringBuilder().append(list.size()).append(list.size() == 1 ? " image" : " images").append(":");
        for (JsonNode item : list) {
            java.util.List<String> tags = JsonRead.strings(item, "tags");
            text.append('\n').append(tags.isEmpty() ? "<untagged>" : String.join(",", tags)).append("  ").append(item.get("id").asString())
                    .append("  ").append(Formats.bytes(item.get("sizeBytes").asLong())).append("  ").append(item.get("created").asString());
            if (showHost) {
                text.append("  host=").append(item.get("host").asString());
            }
        }
        return text + HostErrors.errorLines(out) + ListCache.line(out);
    }
}
