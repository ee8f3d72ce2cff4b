package dockermcp.tools;

import dockermcp.config.HostSettings;
import dockermcp.config.Settings;
import dockermcp.engine.DockerEngine;
import dockermcp.engine.EngineException;
import dockermcp.engine.JsonRead;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** docker_stats: one resource snapshot of a container, or of every running container sampled concurrently. */
final class StatsTool implements DockerTool {

    private final Semaphore inFlight;

    StatsTool(Settings settings) {
        this.inFlight = new Semaphore(settings.statsConcurrency());
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec("docker_stats", "Container resource usage",
                "One snapshot of CPU %, memory usage/limit/% (page cache excluded, as docker stats shows), network and block I/O bytes and "
                        + "process count. Give a container for one, or omit it for every running container (sampling takes about a second).",
                Schema.object()
                        .string("container", "Container name or id; omit for every running container.", 256)
                        .host().closed().build(),
                Schema.object()
                        .prop("samples", Schema.arrayOf(Schema.object()
                                .string("host", "engine").string("id", "short id").string("name", "name")
                                .prop("cpuPercent", Schema.type("number")).prop("memoryUsageBytes", Schema.type("integer"))
                                .prop("memoryLimitBytes", Schema.type("integer")).prop("memoryPercent", Schema.type("number"))
                                .prop("networkRxBytes", Schema.type("integer")).prop("networkTxBytes", Schema.type("integer"))
                                .prop("blockReadBytes", Schema.type("integer")).prop("blockWriteBytes", Schema.type("integer"))
                                .prop("pids", Schema.type("integer"))
                                .required("host", "id", "name", "cpuPercent", "memoryUsageBytes").build()))
                        .string("notice", "set when the name exists on several hosts")
                        .prop("errors", Schema.hostErrors())
                        .required("samples").build());
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure {
        String container = args.string("container");
        if (container == null && args.raw().get("container") != null) {
            throw ToolFailure.refused("container is empty: give a container name or id, or omit container for every running container.");
        }
        var hosts = ctx.hosts().addressed(args.host());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode samples = out.putArray("samples");
        boolean showHost = hosts.size() > 1;
        if (container != null) {
            String ref = args.container("container");
            var found = ctx.fanOut().findOne(hosts, "container '" + ref + "'", e -> sampled(e, ctx.visibility().visibleContainers(e).resolve(ref)));
            add(samples, found.host(), found.value());
            if (found.notice() != null) {
                out.put("notice", found.notice());
            }
            out.putArray("errors");
            return new ToolResult(out, o -> render(o, showHost), found.host().name());
        }
        var listed = ctx.fanOut().listOn(hosts, e -> e.listContainers(false, null));
        List<FanOut.Task<JsonNode>> sampling = new ArrayList<>();
        for (var o : listed) {
            if (!o.ok()) {
                continue;
            }
            for (JsonNode c : o.value()) {
                if (ctx.visibility().listedContainerVisible(o.host().name(), c)) {
                    String id = JsonRead.text(c, "Id");
                    sampling.add(new FanOut.Task<>(o.host(), e -> sampled(e, id)));
                }
            }
        }
        List<PerHost<JsonNode>> failed = new ArrayList<>();
        for (var r : ctx.fanOut().all(sampling, false)) { // the samples queue behind STATS_CONCURRENCY: each is bounded by the engine client
            if (r.ok()) {
                add(samples, r.host(), r.value());
            } else if (r.failure().kind() != EngineException.Kind.NOT_FOUND) { // a container that stopped meanwhile is simply absent
                failed.add(r);
            }
        }
        List<PerHost<?>> errors = new ArrayList<>(listed.stream().filter(o -> !o.ok()).toList());
        errors.addAll(failed);
        ArrayNode errorNodes = out.putArray("errors");
        for (var e : errors) {
            errorNodes.addObject().put("host", e.host().name()).put("error", e.failure().getMessage());
        }
        return new ToolResult(out, o -> render(o, showHost), Formats.hosts(hosts));
    }

    private JsonNode sampled(DockerEngine engine, String ref) throws EngineException {
        inFlight.acquireUninterruptibly();
        try {
            return engine.stats(ref);
        } finally {
            inFlight.release();
        }
    }

    private static void add(ArrayNode samples, HostSettings host, JsonNode raw) {
        StatsSample s = StatsSample.of(raw);
        samples.addObject()
                .put("host", host.name()).put("id", Formats.shortId(JsonRead.text(raw, "id")))
                .put("name", Formats.containerName(JsonRead.text(raw, "name")))
                .put("cpuPercent", s.cpuPercent()).put("memoryUsageBytes", s.memoryUsage()).put("memoryLimitBytes", s.memoryLimit())
                .put("memoryPercent", s.memoryPercent()).put("networkRxBytes", s.networkRx()).put("networkTxBytes", s.networkTx())
                .put("blockReadBytes", s.blockRead()).put("blockWriteBytes", s.blockWrite()).put("pids", s.pids());
    }

    static String render(ObjectNode out, boolean showHost) {
        JsonNode samples = out.get("samples");
        StringBuilder text = new StringBuilder();
        if (out.has("notice")) {
            text.append("Note: ").append(out.get("notice").asString()).append('\n');
        } else {
            text.append(samples.size()).append(" running ").append(samples.size() == 1 ? "container" : "containers").append(':');
        }
        for (JsonNode s : samples) {
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            text.append(s.get("name").asString()).append("  cpu ").append(Formats.percent(s.get("cpuPercent").asDouble()))
                    .append("  mem ").append(Formats.bytes(s.get("memoryUsageBytes").asLong())).append(" / ").append(Formats.bytes(s.get("memoryLimitBytes").asLong()))
                    .append(" (").append(Formats.percent(s.get("memoryPercent").asDouble())).append(")")
                    .append("  net ").append(Formats.bytes(s.get("networkRxBytes").asLong())).append(" / ").append(Formats.bytes(s.get("networkTxBytes").asLong()))
                    .append("  block ").append(Formats.bytes(s.get("blockReadBytes").asLong())).append(" / ").append(Formats.bytes(s.get("blockWriteBytes").asLong()))
                    .append("  pids ").append(s.get("pids").asLong());
            if (showHost) {
                text.append("  host=").append(s.get("host").asString());
            }
        }
        return text + HostErrors.errorLines(out);
    }
}
