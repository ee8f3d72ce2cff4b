package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What operators may change about redaction, and what they may not. */
class RedactionSettingsIT {

    @TempDir
    Path state;

    private McpSession session(String... settings) {
        return McpSession.onLocalEngine(state, settings);
    }

    @Test
    void operatorPatternsAreRedactedEverywhere() {
        try (McpSession s = session("REDACT_PATTERNS", "visible-v[a-z]+;;out-[23]")) {
            assertThat(s.call("docker_inspect", "container", "web").everything()).doesNotContain("visible-value").contains("PLAIN_SETTING=[REDACTED]");
            assertThat(s.call("docker_logs", "container", "chatty").everything()).contains("out-1").doesNotContain("out-2", "out-3");
        }
    }

    @Test
    void turningOffLogContentRedactionLeavesEnvironmentRedaction() {
        try (McpSession s = session("REDACT_LOG_CONTENT", "false")) {
            assertThat(s.call("docker_inspect", "container", "web").everything()).doesNotContain(EveryToolOnUnixEngineIT.SECRETS);
            assertThat(s.call("docker_logs", "container", "chatty").json().get("lineCount").asInt()).isEqualTo(5);
        }
    }

    @Test
    void theModelCannotTurnRedactionOff() {
        try (McpSession s = session()) {
            var r = s.call("docker_inspect", "container", "web", "redact", false);
            assertThat(r.isError()).isTrue();
            assertThat(r.text()).contains("has no argument 'redact'");
        }
    }
}
