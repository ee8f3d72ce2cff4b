package dockermcp.tools;

import dockermcp.config.HostSettings;
import dockermcp.config.Settings;
import dockermcp.engine.DockerEngine;
import dockermcp.engine.EngineException;
import dockermcp.engine.JsonRead;
import dockermcp.engine.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
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
        var hosts = ctx.hosts(args.host());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode samples = out.putArray("samples");
        StringBuilder text = new StringBuilder();
        if (container != null) {
            String ref;
            try {
                ref = ObjectRef.container(container);
            } catch (EngineException e) {
                throw ToolFailure.refused(e.getMessage());
            }
            var found = ctx.findOne(hosts, "container '" + ref + "'", e -> sampled(e, JsonRead.text(ctx.visibleContainer(e, ref), "Id")));
            add(samples, text, found.host(), found.value(), hosts.size() > 1);
            if (found.notice() != null) {
                out.put("notice", found.notice());
                text.insert(0, "Note: " + found.notice() + "\n");
            }
            out.putArray("errors");
            return new ToolResult(out, text.toString().stripTrailing(), found.host().name());
        }
        var listed = ctx.listOn(hosts, e -> e.listContainers(false, null));
        List<HostSettings> sampledHosts = new ArrayList<>();
        List<Future<CallContext.PerHost<JsonNode>>> futures = new ArrayList<>();
        for (var o : listed) {
            if (!o.ok()) {
                continue;
            }
            for (JsonNode c : o.value()) {
                if (!ctx.listedContainerVisible(c)) {
                    continue;
                }
                String id = JsonRead.text(c, "Id");
                sampledHosts.add(o.host());
                futures.add(ctx.workers().submit(() -> {
                    try {
                        return new CallContext.PerHost<>(o.host(), sampled(ctx.engine(o.host()), id), null);
                    } catch (EngineException e) {
                        return new CallContext.PerHost<>(o.host(), null, e);
                    }
                }));
            }
        }
        List<CallContext.PerHost<JsonNode>> failed = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            var r = CallContext.await(futures.get(i), sampledHosts.get(i));
            if (r.ok()) {
                add(samples, text, r.host(), r.value(), hosts.size() > 1);
            } else if (r.failure().kind() != EngineException.Kind.NOT_FOUND) { // a container that stopped meanwhile is simply absent
                failed.add(r);
            }
        }
        List<CallContext.PerHost<?>> errors = new ArrayList<>(listed.stream().filter(o -> !o.ok()).toList());
        errors.addAll(failed);
        ArrayNode errorNodes = out.putArray("errors");
        for (var e : errors) {
            errorNodes.addObject().put("host", e.host().name()).put("error", e.failure().getMessage());
        }
        String header = samples.size() + " running " + (samples.size() == 1 ? "container" : "containers") + ":\n";
        return new ToolResult(out, header + text.toString().stripTrailing() + CallContext.errorLines(errors), Formats.hosts(hosts));
    }

    private JsonNode sampled(DockerEngine engine, String ref) throws EngineException {
        inFlight.acquireUninterruptibly();
        try {
            return engine.stats(ref);
        } finally {
            inFlight.release();
        }
    }

    private static void add(ArrayNode samples, StringBuilder text, HostSettings host, JsonNode raw, boolean showHost) {
        StatsSample s = StatsSample.of(raw);
        String name = Formats.containerName(JsonRead.text(raw, "name"));
        samples.addObject()
                .put("host", host.name()).put("id", Formats.shortId(JsonRead.text(raw, "id"))).put("name", name)
                .put("cpuPercent", s.cpuPercent()).put("memoryUsageBytes", s.memoryUsage()).put("memoryLimitBytes", s.memoryLimit())
                .put("memoryPercent", s.memoryPercent()).put("networkRxBytes", s.networkRx()).put("networkTxBytes", s.networkTx())
                .put("blockReadBytes", s.blockRead()).put("blockWriteBytes", s.blockWrite()).put("pids", s.pids());
        text.append(name).append("  cpu ").append(Formats.percent(s.cpuPercent()))
                .append("  mem ").append(Formats.bytes(s.memoryUsage())).append(" / ").append(Formats.bytes(s.memoryLimit()))
                .append(" (").append(Formats.percent(s.memoryPercent())).append(")")
                .append("  net ").append(Formats.bytes(s.networkRx())).append(" / ").append(Formats.bytes(s.networkTx()))
                .append("  block ").append(Formats.bytes(s.blockRead())).append(" / ").append(Formats.bytes(s.blockWrite()))
                .append("  pids ").append(s.pids());
        if (showHost) {
            text.append("  host=").append(host.name());
        }
        text.append('\n');
    }
}
