package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.server.McpServerFeatures.AsyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prompt argument completion on the real test engine: only containers the caller may see are offered. */
class PromptCompletionIT {

    @TempDir
    static Path state;

    @BeforeAll
    static void startAHiddenContainer() throws Exception {
        RealEngines.docker("rm", "-f", "hidden-web");
        RealEngines.docker("run", "-d", "--network", "none", "--name", "hidden-web", "--label", "mcp.hidden=true", "dms-fixture:1", "sleep", "1000000");
    }

    @AfterAll
    static void removeIt() throws Exception {
        RealEngines.docker("rm", "-f", "hidden-web");
    }

    private static McpSchema.CompleteResult complete(McpSession s, String prompt, String argument, String value, Map<String, String> context) {
        AsyncCompletionSpecification spec = s.prompts().mcpCompletions().stream()
                .filter(c -> c.referenceKey().equals(new McpSchema.PromptReference(prompt))).findFirst().orElseThrow();
        McpSchema.CompleteRequest request = new McpSchema.CompleteRequest(new McpSchema.PromptReference(prompt),
                new McpSchema.CompleteRequest.CompleteArgument(argument, value), new McpSchema.CompleteRequest.CompleteContext(context));
        return spec.completionHandler().apply(null, request).block();
    }

    private static List<String> containers(McpSession s, String prefix) {
        return complete(s, "diagnose_container", "container", prefix, Map.of()).completion().values();
    }

    private static McpSchema.GetPromptResult get(McpSession s, String prompt, Map<String, Object> args) {
        AsyncPromptSpecification spec = s.prompts().mcpPrompts().stream().filter(p -> p.prompt().name().equals(prompt)).findFirst().orElseThrow();
        return spec.promptHandler().apply(null, new McpSchema.GetPromptRequest(prompt, args)).block();
    }

    @Test
    void visibleContainersAreOfferedAndAHiddenOneNever() throws Exception {
        try (McpSession s = McpSession.onLocalEngine(state)) {
            assertThat(containers(s, "")).contains("web", "chatty", "stopped").doesNotContain("hidden-web");
            assertThat(containers(s, "we")).contains("web").allMatch(n -> n.startsWith("we")).doesNotContain("hidden-web");
            McpSchema.CompleteResult hidden = complete(s, "security_review", "container", "hidden", Map.of());
            McpSchema.CompleteResult missing = complete(s, "security_review", "container", "nosuch", Map.of());
            assertThat(hidden).as("a hidden prefix answers like a missing one").isEqualTo(missing);
            assertThat(hidden.completion().values()).isEmpty();
            assertThat(hidden.completion().hasMore()).isFalse();
            var last = s.auditRecords().get(s.auditRecords().size() - 1);
            assertThat(last.get("tool").asString()).as("a completion reads the engine, so it is audited").isEqualTo("completion/complete");
            assertThat(last.at("/arguments/value").asString()).isEqualTo("nosuch");
            assertThat(last.at("/arguments/prompt").asString()).isEqualTo("security_review");
        }
    }

    @Test
    void theOperatorsDenyListAppliesToo() {
        try (McpSession s = McpSession.onLocalEngine(state, "CONTAINER_DENY", "chatty")) {
            assertThat(containers(s, "")).contains("web").doesNotContain("chatty", "hidden-web");
        }
        try (McpSession s = McpSession.onLocalEngine(state, "HONOR_HIDDEN_LABEL", "false")) {
            assertThat(containers(s, "hidden")).containsExactly("hidden-web");
        }
    }

    @Test
    void hostsAreTheConfiguredNamesAndAHostInContextNarrowsContainers() {
        try (McpSession s = new McpSession(RealEngines.dual(), state)) {
            assertThat(complete(s, "troubleshoot_connection", "host", "", Map.of()).completion().values()).containsExactly("local", "remote");
            assertThat(complete(s, "troubleshoot_connection", "host", "re", Map.of()).completion().values()).containsExactly("remote");
            assertThat(complete(s, "diagnose_container", "container", "", Map.of("host", "local")).completion().values()).contains("only-local");
            assertThat(complete(s, "diagnose_container", "container", "", Map.of("host", "remote")).completion().values()).doesNotContain("only-local");
            assertThat(complete(s, "diagnose_container", "container", "", Map.of("host", "elsewhere")).completion().values()).isEmpty();
        }
    }

    @Test
    void anEngineThatNeverAnswersAddsNothingAndTheOthersStillComplete() throws Exception {
        try (SilentEngine silent = new SilentEngine()) {
            Map<String, String> env = new HashMap<>(RealEngines.local());
            env.put("DOCKER_HOST", silent.dockerHost());
            env.put("DOCKER_REQUEST_TIMEOUT", "1s");
            try (McpSession s = new McpSession(env, state)) {
                assertThat(containers(s, "")).contains("web");
                assertThat(complete(s, "diagnose_container", "container", "", Map.of("host", "remote")).completion().values()).isEmpty();
            }
        }
    }

    @Test
    void aPromptReadsNoEngineSoAHiddenContainerRendersLikeAMissingOne() throws Exception {
        try (McpSession s = McpSession.onLocalEngine(state)) {
            DaemonLog log = DaemonLog.from(RealEngines.get("UNIX_LOG"));
            String hidden = ((McpSchema.TextContent) get(s, "diagnose_container", Map.of("container", "hidden-web")).messages().get(0).content()).text();
            String missing = ((McpSchema.TextContent) get(s, "diagnose_container", Map.of("container", "nosuch-xyz")).messages().get(0).content()).text();
            assertThat(hidden).isEqualTo(missing.replace("nosuch-xyz", "hidden-web"));
            assertThat(log.requests()).as("rendering a prompt asks the engine nothing").isEmpty();
        }
    }

    @Test
    void aBadArgumentIsAJsonRpcErrorOfOneSentence() {
        try (McpSession s = McpSession.onLocalEngine(state)) {
            assertThatThrownBy(() -> get(s, "security_review", Map.of("host", "remote"))).isInstanceOf(McpError.class)
                    .hasMessage("Host 'remote' is not configured: this server has 'local'; omit host to use every engine.")
                    .satisfies(e -> assertThat(((McpError) e).getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS));
        }
    }
}
