package dockermcp.prompts;

import dockermcp.config.HostSettings;
import dockermcp.security.AuditLog;
import dockermcp.security.CallOrigin;
import dockermcp.tools.CallContext;
import dockermcp.tools.ToolRegistry;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The prompts and their argument completions, as the MCP SDK wants them. A prompt renders instructions only and
 * reads no engine, so it is not audited; completion lists visible containers on the tools' worker pool, with the
 * tools' per-host deadlines, and is audited like a tool call.
 */
public final class PromptCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(PromptCatalog.class);
    private static final Map<String, Object> STRING = Map.of("type", "string", "maxLength", 256);
    static final List<DockerPrompt> PROMPTS = List.of(new DiagnoseContainerPrompt(), new SecurityReviewPrompt(), new TroubleshootConnectionPrompt());

    static final String COMPLETE = "completion/complete";
    /** What the audit log keeps of a completion request: four short strings. */
    private static final Map<String, Object> AUDIT_SCHEMA = Map.of("properties", Map.of("prompt", STRING, "argument", STRING, "value", STRING, PromptArgs.HOST, STRING));

    private final ToolRegistry registry;
    private final CallContext ctx;

    public PromptCatalog(ToolRegistry registry) {
        this.registry = registry;
        this.ctx = registry.context();
    }

    /** The prompt names, for the transports' check of a prompts/get or completion/complete before the SDK sees it. */
    public static List<String> names() {
        return PROMPTS.stream().map(p -> p.prompt().name()).toList();
    }

    /** Each prompt's argument names, by prompt name. */
    public static Map<String, List<String>> argumentNames() {
        return PROMPTS.stream().collect(java.util.stream.Collectors.toMap(p -> p.prompt().name(),
                p -> p.prompt().arguments().stream().map(McpSchema.PromptArgument::name).toList()));
    }

    public List<AsyncPromptSpecification> mcpPrompts() {
        return PROMPTS.stream().map(p -> new AsyncPromptSpecification(p.prompt(), (exchange, request) -> Mono.fromCallable(() -> get(p, request.arguments())))).toList();
    }

    public List<AsyncCompletionSpecification> mcpCompletions() {
        return PROMPTS.stream().map(p -> new AsyncCompletionSpecification(new McpSchema.PromptReference(p.prompt().name()),
                (exchange, request) -> registry.offloaded(() -> complete(request, CallOrigin.of(exchange))))).toList();
    }

    /** Renders one prompt, or fails with a JSON-RPC invalid-params error of one sentence. */
    McpSchema.GetPromptResult get(DockerPrompt p, Map<String, Object> arguments) {
        PromptArgs args;
        try {
            args = PromptArgs.check(p.prompt(), arguments, ctx.settings().hosts().stream().map(HostSettings::name).toList());
        } catch (PromptArgs.PromptRefusal e) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.getMessage()).build();
        }
        McpSchema.PromptMessage message = new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(p.text(args)));
        return new McpSchema.GetPromptResult(p.prompt().description(), List.of(message));
    }

    /** The values for one argument, audited like a tool call since it reads the engines; an argument the prompt does not take was refused before (PromptShape). */
    McpSchema.CompleteResult complete(McpSchema.CompleteRequest request, CallOrigin origin) {
        long t0 = System.nanoTime();
        String value = request.argument().value();
        Map<String, String> context = request.context() == null || request.context().arguments() == null ? Map.of() : request.context().arguments();
        String host = context.get(PromptArgs.HOST);
        McpSchema.CompleteResult result;
        try {
            result = request.argument().name().equals(PromptArgs.HOST) ? ArgumentCompletion.hosts(ctx.settings().hosts(), value)
                    : ArgumentCompletion.containers(ctx, host, value);
        } catch (RuntimeException e) {
            LOG.error("completion failed unexpectedly: {}", e.toString());
            LOG.debug("completion failure detail", e);
            result = ArgumentCompletion.matching(List.of(), value);
        }
        Map<String, Object> audited = new java.util.LinkedHashMap<>();
        audited.put("prompt", ((McpSchema.PromptReference) request.ref()).name());
        audited.put("argument", request.argument().name());
        audited.put("value", value);
        if (host != null) {
            audited.put(PromptArgs.HOST, host);
        }
        try {
            registry.audit(COMPLETE, AUDIT_SCHEMA, audited, host == null ? "all" : host, (System.nanoTime() - t0) / 1_000_000,
                    String.join("\n", result.completion().values()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length, origin);
        } catch (AuditLog.AuditUnavailable e) {
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(e.getMessage()).build();
        }
        return result;
    }
}
