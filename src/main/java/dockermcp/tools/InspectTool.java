package dockermcp.tools;

import dockermcp.engine.JsonRead;
import dockermcp.security.VisibilityPolicy;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** docker_inspect: what an operator needs to know about one container, with secrets redacted. */
final class InspectTool implements DockerTool {

    /** One host's answer: the container, and what its references to other containers and its image may show. */
    private record Seen(JsonNode container, VisibleContainers others, VisibleImages images) {
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec("docker_inspect", "Inspect a container",
                "Show one container's configuration and state: image, command, state and health, restart policy, mounts, networks, "
                        + "ports, labels, resource limits, security settings and environment (secret values are redacted).",
                Schema.object()
                        .string("container", "Container name or id, as shown by docker_list_containers.", 256)
                        .host().required("container").closed().build(),
                Schema.object()
                        .string("host", "engine").string("id", "full id").string("name", "name").string("image", "image")
                        .string("imageId", "image id").string("created", "creation time").string("notice", "set when the name exists on several hosts")
                        .prop("command", Schema.arrayOf(Schema.type("string")))
                        .prop("entrypoint", Schema.arrayOf(Schema.type("string")))
                        .prop("state", Schema.type("object"))
                        .prop("restartPolicy", Schema.type("object"))
                        .prop("mounts", Schema.arrayOf(Schema.type("object")))
                        .prop("volumesFrom", Schema.arrayOf(Schema.type("string")))
                        .prop("links", Schema.arrayOf(Schema.type("string")))
                        .prop("networks", Schema.mapOf("string"))
                        .prop("ports", Schema.arrayOf(Schema.type("string")))
                        .prop("labels", Schema.mapOf("string"))
                        .prop("resources", Schema.type("object"))
                        .prop("security", Schema.type("object"))
                        .prop("env", Schema.arrayOf(Schema.type("string")))
                        .required("host", "id", "name", "image", "state").build());
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure {
        String ref = args.container("container");
        var hosts = ctx.hosts().addressed(args.host());
        var found = ctx.fanOut().findOne(hosts, "container '" + ref + "'", e -> {
            VisibleContainers visible = ctx.visibility().visibleContainers(e);
            JsonNode c = ctx.visibility().inspectVisible(e, visible.resolve(ref), ref);
            return new Seen(c, visible, ctx.visibility().visibleImagesIfRestricted(e));
        });
        JsonNode c = found.value().container();
        VisibleContainers others = found.value().others();
        JsonNode config = c.path("Config");
        JsonNode hostConfig = c.path("HostConfig");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("host", found.host().name());
        out.put("id", JsonRead.text(c, "Id"));
        out.put("name", Formats.containerName(JsonRead.text(c, "Name")));
        String image = JsonRead.text(config, "Image");
        String imageId = JsonRead.text(c, "Image");
        if (found.value().images() == null || found.value().images().shows(image, imageId)) {
            out.put("image", image);
            out.put("imageId", imageId);
        } else {
            out.put("image", VisibilityPolicy.HIDDEN_IMAGE); // and no id: an id names the image as well as a tag
        }
        out.put("created", JsonRead.text(c, "Created"));
        if (found.notice() != null) {
            out.put("notice", found.notice());
        }
        strings(out.putArray("command"), JsonRead.strings(config, "Cmd"));
        strings(out.putArray("entrypoint"), JsonRead.strings(config, "Entrypoint"));

        JsonNode st = c.path("State");
        ObjectNode state = out.putObject("state");
        state.put("status", JsonRead.text(st, "Status"));
        state.put("running", JsonRead.flag(st, "Running"));
        state.put("exitCode", JsonRead.number(st, "ExitCode"));
        state.put("startedAt", JsonRead.text(st, "StartedAt"));
        state.put("finishedAt", JsonRead.text(st, "FinishedAt"));
        state.put("oomKilled", JsonRead.flag(st, "OOMKilled"));
        state.put("restartCount", JsonRead.number(c, "RestartCount"));
        if (st.path("Health").isObject()) {
            // the health-check log is left out: probes often print credentials
            state.putObject("health").put("status", JsonRead.text(st.path("Health"), "Status"))
                    .put("failingStreak", JsonRead.number(st.path("Health"), "FailingStreak"));
        }

        JsonNode rp = hostConfig.path("RestartPolicy");
        out.putObject("restartPolicy").put("name", JsonRead.text(rp, "Name")).put("maximumRetryCount", JsonRead.number(rp, "MaximumRetryCount"));

        ArrayNode mounts = out.putArray("mounts");
        for (JsonNode m : c.path("Mounts")) {
            String type = JsonRead.text(m, "Type");
            mounts.addObject().put("type", type)
                    .put("source", type.equals("volume") ? JsonRead.text(m, "Name") : JsonRead.text(m, "Source"))
                    .put("destination", JsonRead.text(m, "Destination"))
                    .put("readWrite", JsonRead.flag(m, "RW"));
        }
        for (String t : hostConfig.path("Tmpfs").propertyNames()) {
            mounts.addObject().put("type", "tmpfs").put("source", "").put("destination", t).put("readWrite", true);
        }

        ArrayNode volumesFrom = out.putArray("volumesFrom");
        for (String v : JsonRead.strings(hostConfig, "VolumesFrom")) { // "name-or-id[:ro|:rw]"
            int colon = v.indexOf(':');
            volumesFrom.add(others.shown(colon < 0 ? v : v.substring(0, colon)) + (colon < 0 ? "" : v.substring(colon)));
        }
        ArrayNode links = out.putArray("links");
        for (String l : JsonRead.strings(hostConfig, "Links")) { // "/target:/this/alias"
            int colon = l.indexOf(':');
            String target = others.shown(colon < 0 ? l : l.substring(0, colon));
            // the alias is often the target's own name, so it is shown only with a visible target
            links.add(target.equals(VisibilityPolicy.HIDDEN_CONTAINER) || colon < 0 ? target : target + ":" + l.substring(l.lastIndexOf('/') + 1));
        }

        ObjectNode networks = out.putObject("networks");
        JsonNode nets = c.path("NetworkSettings").path("Networks");
        for (String n : nets.propertyNames()) {
            networks.put(n, JsonRead.text(nets.get(n), "IPAddress"));
        }
        ArrayNode ports = out.putArray("ports");
        JsonNode portMap = c.path("NetworkSettings").path("Ports");
        for (String p : portMap.propertyNames()) {
            JsonNode bindings = portMap.get(p);
            if (bindings == null || !bindings.isArray() || bindings.isEmpty()) {
                ports.add(p);
            } else {
                for (JsonNode b : bindings) {
                    ports.add(JsonRead.text(b, "HostIp") + ":" + JsonRead.text(b, "HostPort") + "->" + p);
                }
            }
        }
        ObjectNode labels = out.putObject("labels");
        JsonNode l = config.path("Labels");
        for (String k : l.propertyNames()) {
            labels.put(k, JsonRead.text(l, k));
        }

        out.putObject("resources")
                .put("memoryBytes", JsonRead.number(hostConfig, "Memory"))
                .put("nanoCpus", JsonRead.number(hostConfig, "NanoCpus"))
                .put("cpuShares", JsonRead.number(hostConfig, "CpuShares"))
                .put("pidsLimit", JsonRead.number(hostConfig, "PidsLimit"));
        ObjectNode security = out.putObject("security");
        security.put("privileged", JsonRead.flag(hostConfig, "Privileged"))
                .put("readOnlyRootfs", JsonRead.flag(hostConfig, "ReadonlyRootfs"))
                .put("user", JsonRead.text(config, "User"))
                .put("networkMode", mode(others, JsonRead.text(hostConfig, "NetworkMode")))
                .put("pidMode", mode(others, JsonRead.text(hostConfig, "PidMode")))
                .put("ipcMode", mode(others, JsonRead.text(hostConfig, "IpcMode")));
        strings(security.putArray("capAdd"), JsonRead.strings(hostConfig, "CapAdd"));
        strings(security.putArray("securityOpt"), JsonRead.strings(hostConfig, "SecurityOpt"));
        strings(out.putArray("env"), JsonRead.strings(config, "Env"));

        return new ToolResult(out, InspectTool::render, found.host().name());
    }

    /** A namespace mode; "container:ID" (shared with another container) names it only when it is visible. */
    private static String mode(VisibleContainers others, String mode) {
        return mode.startsWith("container:") ? "container:" + others.shown(mode.substring("container:".length())) : mode;
    }

    private static void strings(ArrayNode target, List<String> values) {
        values.forEach(target::add);
    }

    private static String render(ObjectNode o) {
        StringBuilder sb = new StringBuilder();
        if (o.has("notice")) {
            sb.append("Note: ").append(o.get("notice").asString()).append('\n');
        }
        sb.append("container ").append(o.get("name").asString()).append(" (").append(Formats.shortId(o.get("id").asString()))
                .append(") on host ").append(o.get("host").asString()).append('\n')
                .append(Fence.open("configuration of container '" + o.get("name").asString() + "'")).append('\n');
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            switch (e.getKey()) {
                case "host", "id", "name", "notice" -> { }
                default -> sb.append(e.getKey()).append(": ")
                        .append(Fence.content(e.getValue().isString() ? e.getValue().asString() : e.getValue().toString())).append('\n');
            }
        }
        return sb.append(Fence.END).toString();
    }
}
