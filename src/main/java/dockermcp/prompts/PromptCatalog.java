package dockermcp.prompts;

import dockermcp.config.HostSettings;
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
 * reads no engine; completion lists visible containers on the tools' worker pool, with the tools' per-host deadlines.
 */
public final class PromptCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(PromptCatalog.class);
    static final List<DockerPrompt> PROMPTS = List.of(new DiagnoseContainerPrompt(), new SecurityReviewPrompt(), new TroubleshootConnectionPrompt());

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

    /** @param oneReplyThread as for {@link ToolRegistry#mcpTools(boolean)} */
    public List<AsyncCompletionSpecification> mcpCompletions(boolean oneReplyThread) {
        return PROMPTS.stream().map(p -> new AsyncCompletionSpecification(new McpSchema.PromptReference(p.prompt().name()),
                (exchange, request) -> registry.offloaded(() -> complete(request), oneReplyThread))).toList();
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

    /** The values for one argument; an argument the prompt does not take was refused before (PromptShape). */
    McpSchema.CompleteResult complete(McpSchema.CompleteRequest request) {
        String value = request.argument().value();
        try {
            if (request.argument().name().equals(PromptArgs.HOST)) {
                return ArgumentCompletion.hosts(ctx.settings().hosts(), value);
            }
            Map<String, String> context = request.context() == null || request.context().arguments() == null ? Map.of() : request.context().arguments();
            return ArgumentCompletion.containers(ctx, context.get(PromptArgs.HOST), value);
        } catch (RuntimeException e) {
            LOG.error("completion failed unexpectedly: {}", e.toString());
            LOG.debug("completion failure detail", e);
            return ArgumentCompletion.matching(List.of(), value);
        }
    }
}
