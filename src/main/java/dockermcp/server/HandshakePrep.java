package dockermcp.server;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Readies, on a second thread while the main one assembles the server, the JSON readers and writers the MCP handshake
 * needs: the SDK's message types are introspected once per mapper (reflection, annotations), which a fresh process
 * otherwise does on the main thread after the client's {@code initialize} has arrived. It is work the handshake needs
 * anyway, done earlier on the second core, with made-up values; nothing is sent and no engine is contacted.
 */
public final class HandshakePrep {

    private HandshakePrep() {
    }

    public static void startInBackground() {
        Thread t = new Thread(HandshakePrep::run, "handshake-prep");
        t.setDaemon(true);
        t.start();
    }

    static void run() {
        try {
            prepare();
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(HandshakePrep.class).debug("handshake preparation stopped: {}", e.toString());
        }
    }

    /** Reads a made-up initialize request and writes made-up initialize and tools/list answers; returns the answers. */
    static List<String> prepare() throws IOException {
        var json = McpServerAssembly.JSON;
        McpSchema.JSONRPCRequest request = json.readValue("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + ProtocolVersions.MCP_2025_11_25 + "\",\"capabilities\":{\"roots\":{\"listChanged\":true},\"sampling\":{},\"elicitation\":{}},"
                + "\"clientInfo\":{\"name\":\"prep\",\"version\":\"1\"}}}", McpSchema.JSONRPCRequest.class);
        json.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {
        });
        var capabilities = McpSchema.ServerCapabilities.builder().tools(false).prompts(false).completions().build();
        String initializeAnswer = json.writeValueAsString(new McpSchema.JSONRPCResponse("2.0", 0, new McpSchema.InitializeResult(ProtocolVersions.MCP_2025_11_25,
                capabilities, new McpSchema.Implementation(Product.NAME, Product.VERSION), "prep"), null));
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("host", Map.of("type", "string", "enum", List.of("local"))));
        McpSchema.Tool tool = McpSchema.Tool.builder().name("prep").title("Prep").description("prep").inputSchema(schema).outputSchema(schema)
                .annotations(new McpSchema.ToolAnnotations("Prep", true, false, true, false, null)).build();
        return List.of(initializeAnswer, json.writeValueAsString(new McpSchema.JSONRPCResponse("2.0", 1, new McpSchema.ListToolsResult(List.of(tool), null), null)));
    }
}
