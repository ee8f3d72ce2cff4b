package dockermcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dockermcp.config.ConfigError;
import dockermcp.config.HttpSettings;
import dockermcp.config.HttpSettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safe defaults in one place, and one sentence for every bad MCP_* value. */
class HttpSettingsLoaderTest {

    @TempDir
    Path dir;

    private HttpSettings load(boolean insecure, String... kv) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", dir.toString());
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return HttpSettingsLoader.load(env, insecure);
    }

    @Test
    void defaultsAreLoopbackPort3000GeneratedTokenAndFiniteLimits() {
        HttpSettings s = load(false);
        assertThat(s.bind()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(3000);
        assertThat(s.auth()).isEqualTo(new HttpSettings.Auth.Generated(dir.resolve(".local/state/docker-mcp-secure/http-token")));
        assertThat(s.tls()).isNull();
        assertThat(s.allowedHosts()).containsExactly("localhost", "127.0.0.1", "[::1]");
        assertThat(s.allowedOrigins()).isEmpty();
        assertThat(s.limits()).isEqualTo(new HttpSettings.Limits(1 << 20, 128, 32, 64, 16, 600, 60, Duration.ofSeconds(10),
                Duration.ofMinutes(30), Duration.ofMinutes(2)));
    }

    @Test
    void aTokensShareIsNeverMoreThanTheWhole() {
        HttpSettings.Limits small = load(false, "MCP_MAX_SESSIONS", "8", "MCP_MAX_CONCURRENT_REQUESTS", "4").limits();
        assertThat(small.maxSessionsPerToken()).isEqualTo(8);
        assertThat(small.maxConcurrentPerToken()).isEqualTo(4);
        assertThatThrownBy(() -> load(false, "MCP_MAX_SESSIONS", "8", "MCP_MAX_SESSIONS_PER_TOKEN", "9")).isInstanceOf(ConfigError.class)
                .hasMessageContaining("MCP_MAX_SESSIONS_PER_TOKEN=9");
        assertThatThrownBy(() -> load(false, "MCP_MAX_CONCURRENT_PER_TOKEN", "65")).isInstanceOf(ConfigError.class)
                .hasMessageContaining("MCP_MAX_CONCURRENT_REQUESTS=64");
        HttpSettings.Limits anonymous = load(false, "MCP_AUTH", "none").limits();
        assertThat(anonymous.maxSessionsPerToken()).as("without tokens there is one caller").isEqualTo(anonymous.maxSessions());
        assertThat(anonymous.maxConcurrentPerToken()).isEqualTo(anonymous.maxConcurrent());
    }

    @Test
    void theGeneratedTokenGoesToXdgStateHomeWhenSet() {
        assertThat(load(false, "XDG_STATE_HOME", "/srv/state").auth()).isEqualTo(new HttpSettings.Auth.Generated(Path.of("/srv/state/docker-mcp-secure/http-token")));
    }

    @Test
    void aNonLoopbackBindNeedsTlsOrTheExplicitFlag() {
        assertThatThrownBy(() -> load(false, "MCP_BIND", "0.0.0.0")).isInstanceOf(ConfigError.class)
                .hasMessageContaining("MCP_TLS_CERT").hasMessageContaining("--allow-insecure-bind");
        assertThat(load(true, "MCP_BIND", "0.0.0.0").insecureBind()).isTrue();
    }

    @Test
    void authenticationCanBeSwitchedOffOnlyOnLoopback() {
        assertThat(load(false, "MCP_AUTH", "none").auth()).isInstanceOf(HttpSettings.Auth.Disabled.class);
        assertThatThrownBy(() -> load(true, "MCP_AUTH", "none", "MCP_BIND", "0.0.0.0")).isInstanceOf(ConfigError.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> load(false, "MCP_AUTH", "none", "MCP_AUTH_TOKEN", "x".repeat(40))).isInstanceOf(ConfigError.class);
        assertThatThrownBy(() -> load(false, "MCP_AUTH", "off")).isInstanceOf(ConfigError.class).hasMessageContaining("MCP_AUTH=off");
    }

    @Test
    void tokensMustBeStrongAndComeFromOnePlace() throws Exception {
        assertThatThrownBy(() -> load(false, "MCP_AUTH_TOKEN", "secret")).isInstanceOf(ConfigError.class)
                .hasMessageContaining("too weak").hasMessageNotContaining("secret'");
        Path file = dir.resolve("tokens");
        Files.writeString(file, "# comment\n" + "t".repeat(32) + "\n" + "u".repeat(40) + "\n");
        HttpSettings s = load(false, "MCP_AUTH_TOKEN_FILE", file.toString());
        assertThat(((HttpSettings.Auth.Tokens) s.auth()).tokens()).hasSize(2);
        assertThat(s.toString()).doesNotContain("tttt");
        assertThatThrownBy(() -> load(false, "MCP_AUTH_TOKEN_FILE", file.toString(), "MCP_AUTH_TOKEN", "v".repeat(40)))
                .isInstanceOf(ConfigError.class).hasMessageContaining("only one");
        assertThatThrownBy(() -> load(false, "MCP_AUTH_TOKEN_FILE", dir.resolve("missing").toString())).isInstanceOf(ConfigError.class);
        assertThatThrownBy(() -> load(false, "MCP_AUTH_TOKEN_FILE", "relative/tokens")).isInstanceOf(ConfigError.class).hasMessageContaining("relative");
    }

    @Test
    void badValuesAreRefusedWithTheVariableName() {
        assertThatThrownBy(() -> load(false, "MCP_PORT", "70000")).hasMessageStartingWith("MCP_PORT=70000");
        assertThatThrownBy(() -> load(false, "MCP_SESSION_IDLE_TIMEOUT", "forever")).hasMessageStartingWith("MCP_SESSION_IDLE_TIMEOUT=forever");
        assertThatThrownBy(() -> load(false, "MCP_REQUEST_TIMEOUT", "2h")).hasMessageContaining("30m");
        assertThatThrownBy(() -> load(false, "MCP_BODY_TIMEOUT", "0")).hasMessageStartingWith("MCP_BODY_TIMEOUT=0");
        assertThatThrownBy(() -> load(false, "MCP_ALLOWED_ORIGINS", "evil.example")).hasMessageContaining("scheme://host");
        assertThatThrownBy(() -> load(false, "MCP_ALLOWED_HOSTS", "a/b")).hasMessageContaining("MCP_ALLOWED_HOSTS");
        assertThatThrownBy(() -> load(false, "MCP_BIND", "no-such-host.invalid")).hasMessageContaining("MCP_BIND");
        assertThatThrownBy(() -> load(false, "MCP_TLS_CERT", "/etc/hostname")).hasMessageContaining("MCP_TLS_KEY");
    }

    @Test
    void configuredHostsAndTheBindAddressAreAllowedHostNames() {
        HttpSettings s = load(true, "MCP_BIND", "0.0.0.0", "MCP_ALLOWED_HOSTS", "MCP.Example.com, 10.0.0.5");
        assertThat(s.allowedHosts()).containsExactly("localhost", "127.0.0.1", "[::1]", "mcp.example.com", "10.0.0.5");
        assertThat(load(false, "MCP_ALLOWED_ORIGINS", "https://App.example.com/").allowedOrigins()).containsExactly("https://app.example.com");
    }
}
