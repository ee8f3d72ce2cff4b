package dockermcp.tools;

import dockermcp.engine.JsonRead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** docker_swarm_services: services with desired and running replicas, image, update state and published ports. */
final class SwarmServicesTool implements DockerTool {

    @Override
    public ToolSpec spec() {
        return new ToolSpec("docker_swarm_services", "List swarm services",
                "List the Docker Swarm services on every host that is a swarm manager, the ones with fewer running than desired "
                        + "tasks first: mode, replicas running/desired, image, update status, published ports, labels and environment "
                        + "(secret values redacted). Use docker_swarm_tasks with service to see why tasks fail.",
                Schema.object().host().closed().build(),
                Schema.object()
                        .prop("count", Schema.type("integer"))
                        .prop("services", Schema.arrayOf(Schema.object()
                                .string("host", "engine asked").string("id", "short service id").string("name", "service name")
                                .string("mode", "replicated, global, replicated-job or global-job")
                                .prop("desired", Schema.type("integer")).prop("running", Schema.type("integer"))
                                .string("image", "image reference").string("updateState", "state of the last update, if any")
                                .prop("ports", Schema.arrayOf(Schema.type("string")))
                                .prop("labels", Schema.mapOf("string"))
                                .prop("env", Schema.arrayOf(Schema.type("string")))
                                .required("host", "id", "name", "mode", "desired", "running", "image").build()))
                        .prop("skipped", SwarmView.skippedSchema())
                        .prop("errors", Schema.hostErrors())
                        .required("count", "services").build());
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure {
        var hosts = ctx.hosts().addressed(args.host());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("count", 0);
        List<ObjectNode> items = new ArrayList<>();
        for (var o : SwarmView.onManagers(ctx.fanOut(), hosts, out, e -> e.swarmServices())) {
            for (JsonNode s : o.value()) {
                if (SwarmView.serviceVisible(ctx.visibility().policy(o.host().name()), s)) {
                    items.add(item(ctx, o.host().name(), s));
                }
            }
        }
        // the failing ones first: most missing replicas, then by name
        items.sort(Comparator.comparingLong((ObjectNode i) -> i.get("running").asLong() - i.get("desired").asLong())
                .thenComparing(i -> i.get("name").asString()));
        ArrayNode list = out.putArray("services");
        items.forEach(list::add);
        out.put("count", list.size());
        out.set("skipped", out.remove("skipped"));
        out.set("errors", out.remove("errors"));
        return new ToolResult(out, SwarmServicesTool::render, Formats.hosts(hosts));
    }

    private static ObjectNode item(CallContext ctx, String host, JsonNode s) {
        JsonNode spec = s.path("Spec");
        JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("host", host);
        item.put("id", Formats.shortId(JsonRead.text(s, "ID")));
        item.put("name", JsonRead.text(spec, "Name"));
        JsonNode mode = spec.path("Mode");
        item.put("mode", mode.has("Global") ? "global" : mode.has("ReplicatedJob") ? "replicated-job" : mode.has("GlobalJob") ? "global-job" : "replicated");
        item.put("desired", s.path("ServiceStatus").path("DesiredTasks").asLong(mode.path("Replicated").path("Replicas").asLong(0)));
        item.put("running", s.path("ServiceStatus").path("RunningTasks").asLong(0));
        item.put("image", SwarmView.image(ctx.visibility().policy(host), JsonRead.text(container, "Image")));
        item.put("updateState", JsonRead.text(s.path("UpdateStatus"), "State"));
        ArrayNode ports = item.putArray("ports");
        for (JsonNode p : s.path("Endpoint").path("Ports")) {
            ports.add(JsonRead.number(p, "PublishedPort") + "->" + JsonRead.number(p, "TargetPort") + "/" + JsonRead.text(p, "Protocol")
                    + " (" + JsonRead.text(p, "PublishMode") + ")");
        }
        ObjectNode labels = item.putObject("labels");
        JsonRead.labels(spec.path("Labels")).forEach(labels::put);
        ArrayNode env = item.putArray("env");
        JsonRead.strings(container, "Env").forEach(env::add);
        return item;
    }

    static String render(ObjectNode out) {
        JsonNode list = out.get("services");
        StringBuilder text = new StringBuilder().append(list.size()).append(list.size() == 1 ? " service" : " services").append(":");
        for (JsonNode s : list) {
            text.append('\n').append(s.get("name").asString()).append("  ").append(s.get("id").asString()).append("  ")
                    .append(s.get("mode").asString()).append(" ").append(s.get("running").asLong()).append("/").append(s.get("desired").asLong())
                    .append("  ").append(s.get("image").asString());
            if (!s.get("updateState").asString().isEmpty()) {
                text.append("  update=").append(s.get("updateState").asString());
            }
            if (!s.get("ports").isEmpty()) {
                text.append("  ports=").append(String.join(",", JsonRead.strings(s, "ports")));
            }
            text.append("  host=").append(s.get("host").asString());
        }
        SwarmView.skippedLines(text, out);
        return text + HostErrors.errorLines(out);
    }
}
