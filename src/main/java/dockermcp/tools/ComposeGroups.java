package dockermcp.tools;

import dockermcp.engine.JsonRead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * docker_list_containers with group_by=compose: the listed (already visible) containers by the labels Docker Compose
 * sets, project then service, with state counts; containers without them go to "ungrouped". Built only from the
 * visible containers, so a hidden one counts nowhere.
 */
final class ComposeGroups {

    static final String PROJECT = "com.docker.compose.project";
    static final String SERVICE = "com.docker.compose.service";
    /** States in the order a reader looks for them: what runs first, what has stopped last, anything unknown after. */
    private static final List<String> STATE_ORDER = List.of("running", "restarting", "paused", "created", "removing", "exited", "dead");
    private static final java.util.Comparator<String> BY_STATE = java.util.Comparator
            .<String>comparingInt(s -> STATE_ORDER.contains(s) ? STATE_ORDER.indexOf(s) : STATE_ORDER.size()).thenComparing(s -> s);

    /** (host, project) -> service -> the listed items, both sorted by name. */
    private final Map<List<String>, Map<String, List<ObjectNode>>> projects = new TreeMap<>((a, b) -> {
        int c = a.get(0).compareTo(b.get(0));
        return c != 0 ? c : a.get(1).compareTo(b.get(1));
    });
    private final List<ObjectNode> ungrouped = new ArrayList<>();

    void add(ObjectNode item, JsonNode labels) {
        String project = JsonRead.text(labels, PROJECT);
        if (project.isEmpty()) {
            ungrouped.add(item);
            return;
        }
        String service = JsonRead.text(labels, SERVICE);
        projects.computeIfAbsent(List.of(item.get("host").asString(), project), k -> new TreeMap<>())
                .computeIfAbsent(service, k -> new ArrayList<>()).add(item);
    }

    void write(ObjectNode out) {
        ArrayNode list = out.putArray("projects");
        projects.forEach((key, services) -> {
            ObjectNode p = list.addObject().put("host", key.get(0)).put("project", key.get(1));
            Map<String, Integer> projectStates = new TreeMap<>(BY_STATE);
            ObjectNode projectCounts = p.putObject("states"); // before the services, filled once they are counted
            ArrayNode ss = p.putArray("services");
            services.forEach((service, items) -> {
                ObjectNode s = ss.addObject().put("service", service);
                Map<String, Integer> states = new TreeMap<>(BY_STATE);
                ObjectNode counts = s.putObject("states");
                ArrayNode names = s.putArray("containers");
                items.stream().sorted((a, b) -> a.get("name").asString().compareTo(b.get("name").asString())).forEach(i -> {
                    names.addObject().put("name", i.get("name").asString()).put("state", i.get("state").asString());
                    states.merge(i.get("state").asString(), 1, Integer::sum);
                    projectStates.merge(i.get("state").asString(), 1, Integer::sum);
                });
                states.forEach(counts::put);
            });
            projectStates.forEach(projectCounts::put);
        });
        ArrayNode rest = out.putArray("ungrouped");
        ungrouped.forEach(i -> rest.addObject().put("host", i.get("host").asString()).put("name", i.get("name").asString())
                .put("state", i.get("state").asString()));
    }


    static String render(ObjectNode out, boolean showHost) {
        JsonNode projects = out.get("projects");
        int n = out.get("count").asInt();
        StringBuilder text = new StringBuilder().append(n).append(n == 1 ? " container" : " containers").append(" in ")
                .append(projects.size()).append(projects.size() == 1 ? " compose project" : " compose projects").append(":");
        if (!projects.isEmpty()) { // project and service names are label values: anyone who starts a container writes them
            text.append('\n').append(Fence.open("compose project and service names, from container labels"));
        }
        for (JsonNode p : projects) {
            text.append("\nproject ").append(p.get("project").asString()).append(": ").append(states(p.get("states")));
            if (showHost) {
                text.append("  host=").append(p.get("host").asString());
            }
            for (JsonNode s : p.get("services")) {
                text.append("\n  service ").append(s.get("service").asString().isEmpty() ? "(none)" : s.get("service").asString())
                        .append(": ").append(states(s.get("states"))).append(" - ").append(names(s.get("containers"), showHost));
            }
        }
        if (!projects.isEmpty()) {
            text.append('\n').append(Fence.END);
        }
        JsonNode rest = out.get("ungrouped");
        if (!rest.isEmpty()) {
            text.append("\nungrouped (no compose labels): ").append(names(rest, showHost));
        }
        return text + HostErrors.errorLines(out);
    }

    private static String states(JsonNode states) {
        List<String> parts = new ArrayList<>();
        states.properties().forEach(e -> parts.add(e.getValue().asInt() + " " + e.getKey()));
        return String.join(", ", parts);
    }

    private static String names(JsonNode containers, boolean showHost) {
        List<String> parts = new ArrayList<>();
        for (JsonNode c : containers) {
            parts.add(c.get("name").asString() + " (" + c.get("state").asString() + (showHost && c.has("host") ? ", host=" + c.get("host").asString() : "") + ")");
        }
        return String.join(", ", parts);
    }

    static Map<String, Object> projectsSchema() {
        Map<String, Object> container = Schema.object().string("name", "container name").string("state", "state").required("name", "state").build();
        return Schema.arrayOf(Schema.object().string("host", "engine").string("project", "com.docker.compose.project")
                .prop("states", Schema.mapOf("integer"))
                .prop("services", Schema.arrayOf(Schema.object().string("service", "com.docker.compose.service")
                        .prop("states", Schema.mapOf("integer")).prop("containers", Schema.arrayOf(container))
                        .required("service", "states", "containers").build()))
                .required("host", "project", "states", "services").build());
    }

    static Map<String, Object> ungroupedSchema() {
        return Schema.arrayOf(Schema.object().string("host", "engine").string("name", "container name").string("state", "state")
                .required("host", "name", "state").build());
    }
}
