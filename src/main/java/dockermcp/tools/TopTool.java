package dockermcp.tools;

import dockermcp.engine.EngineException;
import dockermcp.engine.JsonRead;
import dockermcp.engine.ObjectRef;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * docker_top: the processes of one visible, running container, as the engine's ps lists them. Each command line
 * is put under {@code commandLine}, which the redactor judges by the command-line rule (arguments that look
 * secret go), like a container's command.
 */
final class TopTool implements DockerTool {

    @Override
    public ToolSpec spec() {
        return new ToolSpec("docker_top", "List container processes",
                "List the processes running in one container (user, PID, parent PID, CPU time, command line), as docker top shows them. "
                        + "Arguments that look secret are redacted; process names and command lines are untrusted output of the container.",
                Schema.object()
                        .string("container", "Container name or id, as shown by docker_list_containers.", 256)
                        .host().required("container").closed().build(),
                Schema.object()
                        .string("host", "engine").string("container", "container name").string("notice", "set when the name exists on several hosts")
                        .prop("count", Schema.type("integer"))
                        .prop("processes", Schema.arrayOf(Schema.object()
                                .string("user", "UID column").string("pid", "process id on the host").string("ppid", "parent process id")
                                .string("started", "STIME column").string("time", "CPU time").string("commandLine", "command line, secret-looking arguments redacted")
                                .required("pid", "commandLine").build()))
                        .required("host", "container", "count", "processes").build());
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure {
        String ref;
        try {
            ref = ObjectRef.container(args.string("container"));
        } catch (EngineException e) {
            throw ToolFailure.refused(e.getMessage());
        }
        var found = ctx.fanOut().findOne(ctx.hosts().addressed(args.host()), "container '" + ref + "'", e -> {
            String id = ctx.visibility().visibleContainers(e).resolve(ref);
            JsonNode c = ctx.visibility().inspectVisible(e, id, ref);
            String name = Formats.containerName(JsonRead.text(c, "Name"));
            if (!JsonRead.flag(c.path("State"), "Running")) {
                throw new EngineException(EngineException.Kind.BAD_INPUT, "Container '" + name + "' on host '" + e.name() + "' is "
                        + JsonRead.text(c.path("State"), "Status") + ", not running, so it has no processes; docker_logs shows what it did.");
            }
            return new Listed(name, e.top(id));
        });
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("host", found.host().name());
        out.put("container", found.value().name());
        if (found.notice() != null) {
            out.put("notice", found.notice());
        }
        List<String> titles = JsonRead.strings(found.value().top(), "Titles");
        ArrayNode list = out.putArray("processes");
        for (JsonNode row : found.value().top().path("Processes")) {
            ObjectNode p = list.addObject();
            column(p, "user", titles, row, "UID", "USER");
            column(p, "pid", titles, row, "PID");
            column(p, "ppid", titles, row, "PPID");
            column(p, "started", titles, row, "STIME", "START");
            column(p, "time", titles, row, "TIME");
            column(p, "commandLine", titles, row, "CMD", "COMMAND");
            if (!p.has("pid")) {
                p.put("pid", "");
            }
            if (!p.has("commandLine")) {
                p.put("commandLine", "");
            }
        }
        out.put("count", list.size());
        return new ToolResult(out, TopTool::render, found.host().name());
    }

    private record Listed(String name, JsonNode top) {
    }

    /** The engine's ps columns depend on its platform and ps options: each value is found by its title. */
    private static void column(ObjectNode p, String field, List<String> titles, JsonNode row, String... names) {
        for (String n : names) {
            int i = titles.indexOf(n);
            if (i >= 0 && row.path(i).isString()) {
                p.put(field, row.get(i).asString());
                return;
            }
        }
    }

    static String render(ObjectNode out) {
        JsonNode list = out.get("processes");
        StringBuilder text = new StringBuilder();
        if (out.has("notice")) {
            text.append("Note: ").append(out.get("notice").asString()).append('\n');
        }
        text.append(list.size()).append(list.size() == 1 ? " process" : " processes").append(" in container '").append(out.get("container").asString())
                .append("' on host '").append(out.get("host").asString()).append("':\n")
                .append(Fence.open("process list of container '" + out.get("container").asString() + "'")).append("\nPID  PPID  USER  TIME  COMMAND");
        for (JsonNode p : list) {
            text.append('\n').append(p.path("pid").asString("")).append("  ").append(p.path("ppid").asString("")).append("  ")
                    .append(p.path("user").asString("")).append("  ").append(p.path("time").asString("")).append("  ")
                    .append(Fence.content(p.get("commandLine").asString()));
        }
        return text.append('\n').append(Fence.END).toString();
    }
}
