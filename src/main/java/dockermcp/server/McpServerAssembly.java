package dockermcp.server;

import dockermcp.prompts.PromptCatalog;
import dockermcp.tools.ToolRegistry;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** Builds the MCP server once, the same way for every transport: identity, instructions, tools and settings. */
public final class McpServerAssembly {

    public static final McpJsonMapper JSON = new JacksonMcpJsonMapper(JsonMapper.builder().build());

    private McpServerAssembly() {
    }

    /** For stdio (one session per process). */
    public static McpAsyncServer build(McpServerTransportProvider transport, ToolRegistry registry, Duration requestTimeout) {
        return configure(McpServer.async(transport), registry, requestTimeout);
    }

    /** For Streamable HTTP (one session per client); the SDK's builder for it is a different type with the same settings. */
    public static McpAsyncServer build(McpStreamableServerTransportProvider transport, ToolRegistry registry, Duration requestTimeout) {
        return configure(McpServer.async(transport), registry, requestTimeout);
    }

    private static McpAsyncServer configure(McpServer.AsyncSpecification<?> spec, ToolRegistry registry, Duration requestTimeout) {
        return spec
                .serverInfo(new McpSchema.Implementation(Product.NAME, Product.TITLE, Product.VERSION))
                .instructions(Product.INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).prompts(false).completions().build())
                .jsonMapper(JSON)
                // our own checks give one-sentence errors and are audited; the SDK's would bypass the audit log
                .validateToolInputs(false)
                // our structured output is built by our own code against our own schemas (the contract suites check it, and
                // clients validate it again); the SDK's validator would re-serialise and check every answer, and load a
                // schema library at start-up: a tenth of a warm call's CPU (docs/PERFORMANCE.md)
                .jsonSchemaValidator((schema, structured) -> JsonSchemaValidator.ValidationResponse.asValid(null))
                .requestTimeout(requestTimeout.plusSeconds(30))
                // answered on the worker that ran the call: StdioSessionTransport writes each answer whole under one lock, so
                // the hand-off to one reply thread (needed with the SDK's own stdio transport) would only add a thread wake-up
                .tools(registry.mcpTools())
                .prompts(new PromptCatalog(registry).mcpPrompts())
                .completions(new PromptCatalog(registry).mcpCompletions())
                .build();
    }
}
