package dockermcp.transport.http;

import dockermcp.cli.Product;
import dockermcp.prompts.PromptCatalog;
import dockermcp.tools.ToolRegistry;
import dockermcp.transport.McpServerAssembly;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;

/** {@link McpServerAssembly} for the streamable transport, whose builder is a different type: same identity, same tools, same settings. */
final class HttpServerAssembly {

    private HttpServerAssembly() {
    }

    static McpAsyncServer build(McpStreamableServerTransportProvider transport, ToolRegistry registry, Duration requestTimeout) {
        return McpServer.async(transport)
                .serverInfo(new McpSchema.Implementation(Product.NAME, Product.TITLE, Product.VERSION))
                .instructions(Product.INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).prompts(false).completions().build())
                .jsonMapper(McpServerAssembly.JSON)
                // our own checks give one-sentence errors and are audited; the SDK's would bypass the audit log
                .validateToolInputs(false)
                .requestTimeout(requestTimeout.plusSeconds(30))
                .tools(registry.mcpTools())
                .prompts(new PromptCatalog(registry).mcpPrompts())
                .completions(new PromptCatalog(registry).mcpCompletions(false))
                .build();
    }
}
