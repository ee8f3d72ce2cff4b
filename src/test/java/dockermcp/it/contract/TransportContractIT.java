package dockermcp.it.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One contract, every transport: the official MCP Java SDK client talks to the packaged server over stdio
 * and over Streamable HTTP, against the real unix-socket engine, and must see the same server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class TransportContractIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SECRETS = List.of("hunter2", "tok-abc123", "wJalrXUtnFEMI", "s3cr3t");

    @TempDir
    static Path dir;
    private ServedOver stdio;
    private ServedOver http;

    @BeforeAll
    void start() throws Exception {
        stdio = new ServedOver.Stdio(env("stdio"));
        http = ServedOver.Http.start(env("http"), dir);
    }

    @AfterAll
    void stop() throws Exception {
        stdio.close();
        http.close();
    }

    private Map<String, String> env(String name) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("DOCKER_") || k.startsWith("MCP_"));
        env.putAll(dockermcp.it.adversarial.TestEngines.shared().local());
        Files.createDirectories(dir.resolve(name));
        env.put("HOME", dir.resolve(name).toString());
        env.put("SECURITY_AUDIT_LOG_FILE", dir.resolve(name).resolve("audit.log").toString());
        return env;
    }

    Stream<ServedOver> transports() {
        return Stream.of(stdio, http);
    }

    private static McpSchema.CallToolResult call(ServedOver s, String tool, Map<String, Object> args) {
        return s.client.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    private static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @ParameterizedTest(autoCloseArguments = false) // the servers live for the whole class
    @MethodSource("transports")
    void theServerIntroducesItselfTheSameWay(ServedOver s) {
        assertThat(s.client.getServerInfo().name()).isEqualTo("docker-mcp-secure");
        assertThat(s.client.getServerInstructions()).contains("Read-only");
    }

    @ParameterizedTest(autoCloseArguments = false) // the servers live for the whole class
    @MethodSource("transports")
    void theToolListIsTheSameReadOnlyList(ServedOver s) {
        List<McpSchema.Tool> tools = s.client.listTools().tools();
        dockermcp.it.RegisteredTools.assertListed(tools.stream().map(McpSchema.Tool::name).toList());
        assertThat(tools).allSatisfy(t -> {
            assertThat(t.annotations().readOnlyHint()).isTrue();
            assertThat(t.annotations().destructiveHint()).isFalse();
            assertThat(t.outputSchema()).isNotNull();
        });
        JsonNode here = JSON.valueToTree(tools);
        JsonNode overStdio = JSON.valueToTree(stdio.client.listTools().tools());
        assertThat(here.equals(overStdio)).as("the same tools/list over every transport").isTrue();
    }

    @ParameterizedTest(autoCloseArguments = false) // the servers live for the whole class
    @MethodSource("transports")
    void everyToolAnswersWithRedactedStructuredContent(ServedOver s) {
        Map<String, Map<String, Object>> calls = Map.of(
                "docker_list_containers", Map.of(),
                "docker_inspect", Map.of("container", "web"),
                "docker_logs", Map.of("container", "chatty"),
                "docker_stats", Map.of("container", "web"),
                "docker_list_images", Map.of(),
                "docker_image_info", Map.of("image", "dms-fixture:secrets"),
                "docker_connection_status", Map.of());
        calls.forEach((tool, args) -> {
            McpSchema.CallToolResult r = call(s, tool, args);
            assertThat(r.isError()).as(s.transport() + " " + tool + ": " + text(r)).isFalse();
            assertThat(r.structuredContent()).as(tool).isNotNull();
            assertThat(text(r) + JSON.valueToTree(r.structuredContent())).as(tool).doesNotContain(SECRETS);
        });
        JsonNode logs = JSON.valueToTree(call(s, "docker_logs", Map.of("container", "chatty")).structuredContent());
        assertThat(logs.get("lineCount").asInt()).isEqualTo(5);
    }

    @ParameterizedTest(autoCloseArguments = false) // the servers live for the whole class
    @MethodSource("transports")
    void badInputIsOneSentenceAndUnknownToolsAreProtocolErrors(ServedOver s) {
        McpSchema.CallToolResult bad = call(s, "docker_inspect", Map.of("container", "../../images/create"));
        assertThat(bad.isError()).isTrue();
        assertThat(text(bad)).contains("not a valid Docker container name").doesNotContain("Exception", "\n");
        assertThatThrownBy(() -> call(s, "docker_exec", Map.of())).as("an unknown tool is a JSON-RPC error").hasMessageContaining("Unknown tool");
    }

    @ParameterizedTest(autoCloseArguments = false) // the servers live for the whole class
    @MethodSource("transports")
    void callsAreAuditedWithTheTransportAndTheClient(ServedOver s) throws Exception {
        call(s, "docker_list_images", Map.of());
        Path audit = dir.resolve(s.transport()).resolve("audit.log");
        List<JsonNode> records = Files.readAllLines(audit).stream().map(l -> (JsonNode) JSON.readTree(l)).toList();
        JsonNode last = records.get(records.size() - 1);
        assertThat(last.get("tool").asString()).isEqualTo("docker_list_images");
        assertThat(last.get("transport").asString()).isEqualTo(s.transport());
        assertThat(last.get("client").asString()).isEqualTo("contract-suite/1.0");
        assertThat(last.get("session").asString()).isNotBlank();
    }

    @ParameterizedTest(autoCloseArguments = false) // the servers live for the whole class
    @MethodSource("transports")
    void promptsAndCompletionAreServedTheSameWay(ServedOver s) {
        assertThat(s.client.getServerCapabilities().prompts()).isNotNull();
        assertThat(s.client.getServerCapabilities().completions()).isNotNull();
        assertThat(s.client.listPrompts().prompts().stream().map(McpSchema.Prompt::name))
                .containsExactlyInAnyOrder("diagnose_container", "security_review", "troubleshoot_connection");
        McpSchema.GetPromptResult got = s.client.getPrompt(new McpSchema.GetPromptRequest("diagnose_container", Map.of("container", "web")));
        assertThat(((McpSchema.TextContent) got.messages().get(0).content()).text()).contains("docker_inspect (container='web')");
        McpSchema.CompleteResult done = s.client.completeCompletion(new McpSchema.CompleteRequest(new McpSchema.PromptReference("diagnose_container"),
                new McpSchema.CompleteRequest.CompleteArgument("container", "we")));
        assertThat(done.completion().values()).contains("web").allMatch(v -> v.startsWith("we"));
        assertThatThrownBy(() -> s.client.getPrompt(new McpSchema.GetPromptRequest("nope", Map.of())))
                .as("an unknown prompt is a JSON-RPC error of one sentence").hasMessageContaining("there is no prompt 'nope'");
        assertThatThrownBy(() -> s.client.getPrompt(new McpSchema.GetPromptRequest("diagnose_container", Map.of("container", "../x"))))
                .hasMessageContaining("is not a valid Docker container name");
    }
}
