package dockermcp.tools;

import dockermcp.engine.JsonRead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * docker_swarm_tasks: the tasks of the visible services, failing ones first. Service and node are resolved against
 * what the caller may see before anything is filtered, so a hidden service cannot be probed by name.
 */
final class SwarmTasksTool implements DockerTool {

    static final int MAX_TASKS = 200;
    private static final Set<String> FAILING = Set.of("failed", "rejected", "orphaned", "remove");
    private static final List<String> STATES = List.of("running", "failing", "all");

    @Override
    public ToolSpec spec() {
        return new ToolSpec("docker_swarm_tasks", "List swarm tasks",
                "List the Docker Swarm tasks (a service's containers) on every host that is a swarm manager, failed and rejected "
                        + "ones first with the error the swarm gave; filter by service name, node hostname and state. At most "
                        + MAX_TASKS + " tasks are returned.",
                Schema.object()
                        .string("service", "Only tasks of this service (its name).", 253)
                        .string("node", "Only tasks on this node (its hostname or id).", 253)
                        .enumeration("state", "running: tasks meant to run; failing: failed, rejected or with an error; all (default).", STATES)
                        .host().closed().build(),
                Schema.object()
                        .prop("count", Schema.type("integer"))
                        .prop("tasks", Schema.arrayOf(Schema.object()
                                .string("host", "engine asked").string("id", "short task id").string("service", "service name")
                                .prop("slot", Schema.type("integer")).string("node", "node hostname")
                                .string("state", "current state").string("desiredState", "state the swarm wants")
                                .string("error", "why it failed, if it did").string("message", "the swarm's status message")
                                .string("updated", "time of the last state change").string("image", "image reference")
                                .required("host", "id", "service", "node", "state", "desiredState").build()))
                        .prop("truncated", Schema.type("boolean"))
                        .prop("skipped", SwarmView.skippedSchema())
                        .prop("errors", Schema.hostErrors())
                        .required("count", "tasks", "truncated").build());
    }

    private record Swarm(JsonNode services, JsonNode nodes, JsonNode tasks) {
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure {
        var hosts = ctx.hosts().addressed(args.host());
        String service = args.string("service");
        String node = args.string("node");
        String state = args.string("state") == null ? "all" : args.string("state");
        dockermcp.security.Redactor redactor = ctx.redactor();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        List<ObjectNode> items = new ArrayList<>();
        boolean serviceSeen = false;
        for (var o : SwarmView.onManagers(ctx.fanOut(), hosts, out, e -> new Swarm(e.swarmServices(), e.swarmNodes(),
                e.swarmTasks(state.equals("running") ? "{\"desired-state\":[\"running\"]}" : null)))) {
            Map<String, JsonNode> services = SwarmView.visibleServices(ctx.visibility().policy(o.host().name()), o.value().services());
            Map<String, String> nodeNames = new HashMap<>();
            for (JsonNode n : o.value().nodes()) {
                nodeNames.put(JsonRead.text(n, "ID"), JsonRead.text(n.path("Description"), "Hostname"));
            }
            serviceSeen |= service == null || services.values().stream().anyMatch(s -> Shown.name(redactor, JsonRead.text(s.path("Spec"), "Name")).equals(service));
            for (JsonNode t : o.value().tasks()) {
                JsonNode s = services.get(JsonRead.text(t, "ServiceID"));
                if (s == null) {
                    continue; // a hidden service's task, or one whose service is gone
                }
                String serviceName = JsonRead.text(s.path("Spec"), "Name");
                String nodeId = JsonRead.text(t, "NodeID");
                String nodeName = nodeNames.getOrDefault(nodeId, "");
                if (service != null && !service.equals(Shown.name(redactor, serviceName))
                        || node != null && !node.equals(Shown.name(redactor, nodeName)) && !nodeId.startsWith(node)) { // as shown (issue 7)
                    continue;
                }
                ObjectNode item = item(ctx, o.host().name(), t, serviceName, nodeName);
                if (state.equals("failing") && !failing(item)) {
                    continue;
                }
                items.add(item);
            }
        }
        if (!serviceSeen && items.isEmpty()) {
            throw ToolFailure.of("No swarm service '" + service + "' on " + Formats.hosts(hosts) + ": check the name with docker_swarm_services.");
        }
        items.sort(Comparator.comparing((ObjectNode i) -> !failing(i)).thenComparing(i -> i.get("updated").asString(), Comparator.reverseOrder()));
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        items.stream().limit(MAX_TASKS).forEach(list::add);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("count", list.size());
        answer.set("tasks", list);
        answer.put("truncated", items.size() > MAX_TASKS);
        answer.set("skipped", out.get("skipped"));
        answer.set("errors", out.get("errors"));
        return new ToolResult(answer, SwarmTasksTool::render, Formats.hosts(hosts));
    }

    private static boolean failing(ObjectNode task) {
        return FAILING.contains(task.get("state").asString()) || !task.get("error").asString().isEmpty();
    }

    private static ObjectNode item(CallContext ctx, String host, JsonNode t, String service, String node) {
        JsonNode status = t.path("Status");
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("host", host);
        item.put("id", Formats.shortId(JsonRead.text(t, "ID")));
        item.put("service", service);
        item.put("slot", JsonRead.number(t, "Slot"));
        item.put("node", node);
        item.put("state", JsonRead.text(status, "State"));
        item.put("desiredState", JsonRead.text(t, "DesiredState"));
        item.put("error", JsonRead.text(status, "Err"));
        item.put("message", JsonRead.text(status, "Message"));
        item.put("updated", JsonRead.text(status, "Timestamp"));
        item.put("image", SwarmView.image(ctx.visibility().policy(host), JsonRead.text(t.path("Spec").path("ContainerSpec"), "Image")));
        return item;
    }

    static String render(ObjectNode out) {
        JsonNode list = out.get("tasks");
        StringBuilder text = new StringBuilder().append(list.size()).append(list.size() == 1 ? " task" : " tasks")
                .append(out.get("truncated").asBoolean() ? " (more not shown)" : "").append(":");
        for (JsonNode t : list) {
            text.append('\n').append(t.get("service").asString());
            if (t.get("slot").asLong() > 0) {
                text.append('.').append(t.get("slot").asLong());
            }
            text.append("  ").append(t.get("id").asString()).append("  ").append(t.get("state").asString())
                    .append(" (wants ").append(t.get("desiredState").asString()).append(")  node=").append(t.get("node").asString());
            if (!t.get("error").asString().isEmpty()) {
                text.append("  error: ").append(t.get("error").asString());
            }
            text.append("  host=").append(t.get("host").asString());
        }
        SwarmView.skippedLines(text, out);
        return text + HostErrors.errorLines(out);
    }
}
