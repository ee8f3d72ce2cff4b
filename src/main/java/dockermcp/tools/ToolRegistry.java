package dockermcp.tools;

import dockermcp.config.Settings;
import dockermcp.engine.Engines;
import dockermcp.security.AuditLog;
import dockermcp.security.AuditedArguments;
import dockermcp.security.CallOrigin;
import dockermcp.security.Redactor;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The tools, and the single path every call takes:
 * validate input, call the engine(s), redact, audit, answer.
 */
public final class ToolRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ToolRegistry.class);

    private final List<DockerTool> tools;
    private final Map<DockerTool, ToolSpec> specs = new java.util.IdentityHashMap<>();
    private final CallContext ctx;
    private final Redactor redactor;
    private final boolean redactLogContent;
    private final AuditLog audit;
    private final InFlightCalls inFlight = new InFlightCalls();
    private final Scheduler scheduler;

    public ToolRegistry(Settings settings, Engines engines, AuditLog audit, ExecutorService workers) {
        this.ctx = new CallContext(engines, settings, workers);
        this.redactor = ctx.redactor(); // the same rules for answers and for the filters that match what they show
        this.tools = List.of(new ListContainersTool(), new InspectTool(), new LogsTool(settings, redactor), new StatsTool(settings),
                new ListImagesTool(), new ImageInfoTool(), new ConnectionStatusTool(), new SecurityAuditTool(),
                new SwarmNodesTool(), new SwarmServicesTool(), new SwarmTasksTool(), new EventsTool(), new TopTool(), new ListNetworksTool(), new ListVolumesTool());
        this.redactLogContent = settings.redactLogContent();
        tools.forEach(t -> specs.put(t, HostParameter.apply(t.spec(), settings.hosts()))); // built once, not per call
        this.scheduler = Schedulers.fromExecutorService(workers, "tool-calls");
        this.audit = audit;
    }

    /** The calls in progress, for transports that relay cancellations. */
    public InFlightCalls inFlight() {
        return inFlight;
    }

    /** What calls may use, for the prompts' argument completion. */
    public CallContext context() {
        return ctx;
    }

    /** Blocking work (an engine call) on the worker pool, answered as {@link #mcpTools()} answers. */
    public <T> Mono<T> offloaded(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }

    /**
     * Audits a request that reads an engine without being a tool call (argument completion) as a call is audited: its
     * arguments kept as {@code inputSchema} allows, redacted and shortened, and its caller named.
     */
    public void audit(String name, Map<String, Object> inputSchema, Map<String, Object> arguments, String host, long ms, long bytes, CallOrigin origin)
            throws AuditLog.AuditUnavailable {
        audit.record(name, AuditedArguments.of(inputSchema, arguments, redactor), host, AuditLog.Outcome.ok, ms, bytes, null, origin.redacted(redactor));
    }

    public List<ToolSpec> specs() {
        return tools.stream().map(specs::get).toList();
    }

    public static McpSchema.ToolAnnotations readOnlyAnnotations(String title) {
        return new McpSchema.ToolAnnotations(title, true, false, true, false, null);
    }

    /**
     * The tools as the MCP SDK wants them, each call going through {@link #call} on our worker pool, not on the
     * SDK's small shared one, so that slow calls (a hung engine, a stats sweep) never hold up the others.
     */
    public List<AsyncToolSpecification> mcpTools() {
        return tools.stream().map(t -> {
            ToolSpec s = specs.get(t);
            McpSchema.Tool tool = McpSchema.Tool.builder().name(s.name()).title(s.title()).description(s.description())
                    .inputSchema(s.inputSchema()).outputSchema(s.outputSchema()).annotations(readOnlyAnnotations(s.title())).build();
            return new AsyncToolSpecification(tool, (exchange, request) -> Mono.fromCallable(() -> {
                Object id = request.meta() == null ? null : request.meta().get(InFlightCalls.REQUEST_ID_META);
                String requestId = id == null ? null : id.toString();
                inFlight.started(requestId);
                try {
                    return call(t, request.arguments(), CallOrigin.of(exchange));
                } finally {
                    inFlight.ended(requestId);
                }
            }).subscribeOn(scheduler));
        }).toList();
    }

    /** Runs one call end to end with no known caller (tests, training). */
    public McpSchema.CallToolResult call(DockerTool tool, Map<String, Object> arguments) {
        return call(tool, arguments, CallOrigin.UNKNOWN);
    }

    /** Runs one call end to end for the given caller. Never throws: every failure is an isError result with one sentence. */
    public McpSchema.CallToolResult call(DockerTool tool, Map<String, Object> arguments, CallOrigin origin) {
        return call(tool, arguments, origin, audit);
    }

    /**
     * Starts, once per process, a warm-up on a background thread: a list and a one-line log read on the first configured
     * host, through the same path as a client's call (guard, visibility, redaction, rendering), with the answers handed to
     * {@code discard} and then dropped, and no audit record (it is not a client's call). It makes the first client call
     * as fast as the later ones. It holds no lock a client call needs, so a call arriving meanwhile proceeds as usual;
     * on a dead or slow engine it ends within the normal timeouts, with one debug line.
     */
    public void warmUpInBackground(java.util.function.Consumer<McpSchema.CallToolResult> discard) {
        if (!warmUpStarted.compareAndSet(false, true) || ctx.settings().hosts().isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> warmUp(discard), "warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private final java.util.concurrent.atomic.AtomicBoolean warmUpStarted = new java.util.concurrent.atomic.AtomicBoolean();
    private static final AuditLog NO_AUDIT = AuditLog.to(null);

    void warmUp(java.util.function.Consumer<McpSchema.CallToolResult> discard) {
        try {
            // one host at a time: a fan-out would let a slow host's timeout rest it for the client's next calls
            for (var h : ctx.settings().hosts()) {
                McpSchema.CallToolResult list = call(tool("docker_list_containers"), Map.of("host", h.name()), CallOrigin.UNKNOWN, NO_AUDIT);
                discard.accept(list);
                if (list.isError()) {
                    continue;
                }
                tools.jackson.databind.JsonNode first = ((tools.jackson.databind.JsonNode) list.structuredContent()).path("containers").path(0).path("id");
                if (first.isString()) { // a visible container: the list showed it
                    discard.accept(call(tool("docker_logs"), Map.of("host", h.name(), "container", first.asString(), "tail", 1), CallOrigin.UNKNOWN, NO_AUDIT));
                }
                break;
            }
            LOG.debug("warm-up done");
        } catch (RuntimeException e) {
            LOG.debug("warm-up stopped: {}", e.toString());
        }
    }

    private McpSchema.CallToolResult call(DockerTool tool, Map<String, Object> arguments, CallOrigin origin, AuditLog audit) {
        long t0 = System.nanoTime();
        ToolSpec spec = specs.get(tool);
        String name = spec.name();
        AuditedArguments auditedArgs = AuditedArguments.of(spec.inputSchema(), arguments, redactor);
        String host = auditedArgs.values().get("host") instanceof String h ? h : "all";
        try {
            audit.ensureWritable();
        } catch (AuditLog.AuditUnavailable e) {
            return error(e.getMessage());
        }
        McpSchema.CallToolResult result;
        AuditLog.Outcome outcome;
        String error = null;
        long size;
        try {
            ToolArgs args = ToolArgs.check(spec, arguments);
            ToolResult r = tool.call(args, ctx);
            boolean raw = tool.returnsLogContent() && !redactLogContent; // the operator turned log-content redaction off
            if (!raw) {
                tool.redact(r.structured(), redactor);
            }
            tool.shorten(r.structured()); // only now: a cut made before redaction could leave part of a secret
            Fence.defuse(r.structured()); // no string a container controls may forge a fence marker, in either form
            String rendered = r.render().apply(Fence.shown(r.structured())); // from the redacted form, so text and structure agree
            // log lines were checked one by one and with their neighbours: the text made of them needs no second pass
            String text = raw || tool.returnsLogContent() ? rendered : redactor.text(rendered);
            result = McpSchema.CallToolResult.builder().addTextContent(text).structuredContent(r.structured()).isError(false).build();
            outcome = AuditLog.Outcome.ok;
            host = r.hosts();
            size = text.getBytes(StandardCharsets.UTF_8).length;
        } catch (ToolFailure f) {
            error = redactor.text(f.getMessage());
            result = error(error);
            outcome = f.refused() ? AuditLog.Outcome.refused : AuditLog.Outcome.error;
            size = error.length();
        } catch (RuntimeException e) {
            LOG.error("{} failed unexpectedly: {}", name, e.toString());
            LOG.debug("{} failure detail", name, e);
            error = name + " failed because of an internal error in docker-mcp-secure; the server log (stderr, LOG_LEVEL=debug) has the details.";
            result = error(error);
            outcome = AuditLog.Outcome.error;
            size = error.length();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        try {
            audit.record(name, auditedArgs, host, outcome, ms, size, auditedArgs.error(error), origin.redacted(redactor));
        } catch (AuditLog.AuditUnavailable e) {
            return error(e.getMessage());
        }
        LOG.debug("{} {} in {} ms", name, outcome, ms);
        return result;
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    /** Looks a tool up by name, for tests and the training run. */
    public DockerTool tool(String name) {
        return tools.stream().filter(t -> specs.get(t).name().equals(name)).findFirst().orElseThrow();
    }
}
