package dockermcp.tools;

import dockermcp.engine.JsonRead;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** docker_image_info: one image's identity, platform, size, layers, history summary and configuration. */
final class ImageInfoTool implements DockerTool {

    private static final int HISTORY_MAX = 50;
    private static final int CREATED_BY_MAX = 160;

    private record Image(JsonNode inspect, JsonNode history) {
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec("docker_image_info", "Image details",
                "Show one image: id, tags, digests, creation time, OS/architecture, size, layer count, a summary of its build history, "
                        + "and its configuration (cmd, entrypoint, exposed ports, labels, user, working dir, env with secret values redacted).",
                Schema.object()
                        .string("image", "Image reference (nginx:1.27, registry.example.com/team/app:2.0) or id, as shown by docker_list_images.", 512)
                        .host().required("image").closed().build(),
                Schema.object()
                        .string("host", "engine").string("id", "image id").string("created", "creation time")
                        .string("os", "os").string("architecture", "architecture").string("notice", "set when the image exists on several hosts")
                        .prop("tags", Schema.arrayOf(Schema.type("string"))).prop("digests", Schema.arrayOf(Schema.type("string")))
                        .prop("sizeBytes", Schema.type("integer")).prop("layers", Schema.type("integer"))
                        .prop("history", Schema.arrayOf(Schema.type("object")))
                        .prop("config", Schema.type("object"))
                        .required("host", "id", "tags", "config").build());
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure {
        String ref = args.image("image");
        var hosts = ctx.hosts().addressed(args.host());
        var found = ctx.fanOut().findOne(hosts, "image '" + ref + "'", e -> {
            JsonNode img = ctx.visibility().visibleImage(e, ref);
            return new Image(img, e.imageHistory(JsonRead.text(img, "Id")));
        });
        JsonNode img = found.value().inspect();
        JsonNode cfg = img.path("Config");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("host", found.host().name());
        out.put("id", JsonRead.text(img, "Id"));
        if (found.notice() != null) {
            out.put("notice", found.notice());
        }
        ArrayNode tags = out.putArray("tags");
        JsonRead.strings(img, "RepoTags").forEach(tags::add);
        ArrayNode digests = out.putArray("digests");
        JsonRead.strings(img, "RepoDigests").forEach(digests::add);
        out.put("created", JsonRead.text(img, "Created"));
        out.put("os", JsonRead.text(img, "Os"));
        out.put("architecture", JsonRead.text(img, "Architecture"));
        out.put("sizeBytes", JsonRead.number(img, "Size"));
        out.put("layers", img.path("RootFS").path("Layers").size());

        ArrayNode history = out.putArray("history");
        int n = 0;
        for (JsonNode h : found.value().history()) {
            if (n++ == HISTORY_MAX) {
                break;
            }
            String by = JsonRead.text(h, "CreatedBy").replaceAll("\\s+", " ").strip();
            history.addObject().put("created", Formats.epoch(JsonRead.number(h, "Created")))
                    .put("createdBy", by) // cut to CREATED_BY_MAX in shorten(), after redaction
                    .put("sizeBytes", JsonRead.number(h, "Size"));
        }

        ObjectNode config = out.putObject("config");
        ArrayNode cmd = config.putArray("cmd");
        JsonRead.strings(cfg, "Cmd").forEach(cmd::add);
        ArrayNode entrypoint = config.putArray("entrypoint");
        JsonRead.strings(cfg, "Entrypoint").forEach(entrypoint::add);
        ArrayNode exposed = config.putArray("exposedPorts");
        cfg.path("ExposedPorts").propertyNames().forEach(exposed::add);
        ObjectNode labels = config.putObject("labels");
        JsonNode l = cfg.path("Labels");
        l.propertyNames().forEach(k -> labels.put(k, JsonRead.text(l, k)));
        config.put("user", JsonRead.text(cfg, "User"));
        config.put("workingDir", JsonRead.text(cfg, "WorkingDir"));
        ArrayNode env = config.putArray("env");
        JsonRead.strings(cfg, "Env").forEach(env::add);

        return new ToolResult(out, o -> render(o, ref), found.host().name());
    }

    @Override
    public void shorten(ObjectNode redacted) {
        for (JsonNode h : redacted.path("history")) {
            String by = h.path("createdBy").asString("");
            if (by.length() > CREATED_BY_MAX && h instanceof ObjectNode o) {
                o.put("createdBy", by.substring(0, CREATED_BY_MAX) + "...");
            }
        }
    }

    static String render(ObjectNode out, String ref) {
        JsonNode tags = out.get("tags");
        JsonNode history = out.get("history");
        StringBuilder text = new StringBuilder();
        if (out.has("notice")) {
            text.append("Note: ").append(out.get("notice").asString()).append('\n');
        }
        text.append("image ").append(tags.isEmpty() ? Formats.shortId(out.get("id").asString()) : tags.get(0).asString())
                .append(" on host ").append(out.get("host").asString()).append('\n')
                .append(Fence.open("metadata of image '" + ref + "'")).append('\n');
        for (Map.Entry<String, JsonNode> e : out.properties()) {
            switch (e.getKey()) {
                case "host", "notice", "history" -> { }
                default -> text.append(e.getKey()).append(": ")
                        .append(Fence.content(e.getValue().isString() ? e.getValue().asString() : e.getValue().toString())).append('\n');
            }
        }
        text.append("history (newest first):");
        for (JsonNode h : history) {
            text.append("\n  ").append(h.get("created").asString()).append("  ").append(Formats.bytes(h.get("sizeBytes").asLong()))
                    .append("  ").append(Fence.content(h.get("createdBy").asString()));
        }
        return text.append('\n').append(Fence.END).toString();
    }
}
