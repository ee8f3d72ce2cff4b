package dockermcp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path home;

    private Settings load(String... kv) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return SettingsLoader.load(env);
    }

    @Test
    void startsWithNoHostsWhenNothingIsConfigured() {
        Settings s = load();
        assertThat(s.hosts()).isEmpty();
        assertThat(s.auditFile()).isEqualTo(home.resolve(".local/state/docker-mcp-secure/audit.log"));
        assertThat(s.logLevel()).isEqualTo("info");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.logsMaxTail()).isEqualTo(1000);
        assertThat(s.logsMaxBytes()).isEqualTo(65536);
        assertThat(Settings.nothingConfiguredMessage()).contains("DOCKER_HOST").contains("ALLOW_LOCAL_DOCKER");
    }

    @Test
    void remoteTcpHostGetsTheDefaultPlainPortAndAWarningOffLoopback() {
        Settings s = load("DOCKER_HOST", "tcp://203.0.113.10");
        HostSettings h = s.hosts().get(0);
        assertThat(h.name()).isEqualTo("remote");
        assertThat(h.endpoint().transport()).isEqualTo(Endpoint.Transport.TCP);
        assertThat(h.endpoint().port()).isEqualTo(2375);
        assertThat(h.warnings()).singleElement().asString().contains("unencrypted").contains("2376");
    }

    @Test
    void plainTcpToLoopbackHasNoWarning() {
        assertThat(load("DOCKER_HOST", "tcp://127.0.0.1:2375").hosts().get(0).warnings()).isEmpty();
        assertThat(load("DOCKER_HOST", "tcp://localhost:2375").hosts().get(0).warnings()).isEmpty();
    }

    @Test
    void tlsVerifyUsesTlsWithTheCertPathAndPort2376() throws Exception {
        Path certs = Files.createDirectories(home.resolve("certs"));
        HostSettings h = load("DOCKER_HOST", "tcp://docker.example.com", "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", certs.toString()).hosts().get(0);
        assertThat(h.endpoint().transport()).isEqualTo(Endpoint.Transport.TLS);
        assertThat(h.endpoint().port()).isEqualTo(2376);
        assertThat(h.certPath()).isEqualTo(certs);
        assertThat(h.warnings()).isEmpty();
        assertThat(h.endpoint().display()).isEqualTo("tcp://docker.example.com:2376 (TLS)");
    }

    @Test
    void tlsWithoutCertPathLooksInDotDockerLikeTheCli() throws Exception {
        Files.createDirectories(home.resolve(".docker"));
        assertThat(load("DOCKER_HOST", "tcp://h:2376", "DOCKER_TLS_VERIFY", "1").hosts().get(0).certPath()).isEqualTo(home.resolve(".docker"));
    }

    @Test
    void missingCertDirectoryIsOneSentence() {
        assertThatThrownBy(() -> load("DOCKER_HOST", "tcp://h:2376", "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/nonexistent/certs"))
                .isInstanceOf(ConfigError.class).hasMessageContaining("/nonexistent/certs").hasMessageContaining("ca.pem");
    }

    @Test
    void localAndRemoteTogetherIsDualSource() {
        Settings s = load("DOCKER_HOST", "tcp://127.0.0.1:2375", "ALLOW_LOCAL_DOCKER", "true", "LOCAL_DOCKER_HOST", "unix:///run/x.sock");
        assertThat(s.hosts()).extracting(HostSettings::name).containsExactly("local", "remote");
        assertThat(s.hosts().get(0).endpoint().socketPath()).isEqualTo(Path.of("/run/x.sock"));
    }

    @Test
    void localDockerFindsTheSocketInTheUsersHomeAndWarnsWhenThereIsNone() throws Exception {
        Settings none = load("ALLOW_LOCAL_DOCKER", "true", "XDG_RUNTIME_DIR", home.resolve("run").toString());
        if (!Files.exists(Path.of("/var/run/docker.sock"))) {
            assertThat(none.hosts().get(0).warnings()).singleElement().asString().contains("LOCAL_DOCKER_HOST");
            Path sock = Files.createDirectories(home.resolve(".docker/run")).resolve("docker.sock");
            Files.createFile(sock);
            assertThat(load("ALLOW_LOCAL_DOCKER", "true").hosts().get(0).endpoint().socketPath()).isEqualTo(sock);
        }
    }

    @Test
    void onlyReadonlyModeIsAccepted() {
        assertThat(load("SECURITY_MODE", "READONLY").hosts()).isEmpty();
        assertThatThrownBy(() -> load("SECURITY_MODE", "readwrite")).isInstanceOf(ConfigError.class)
                .hasMessage("SECURITY_MODE=readwrite is not supported: the only valid value is readonly (the default).");
    }

    @Test
    void theListCacheIsOffUnlessCacheTtlGivesADurationOfAtMostAMinute() {
        assertThat(load().cacheEnabled()).isFalse();
        assertThat(load("CACHE_TTL", "off").cacheEnabled()).isFalse();
        assertThat(load("CACHE_TTL", "0").cacheEnabled()).isFalse();
        assertThat(load("CACHE_TTL", "2s").cacheTtl()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(load("CACHE_TTL", "500ms").cacheTtl()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(load("CACHE_TTL", "60s").cacheTtl()).isEqualTo(java.time.Duration.ofMinutes(1));
        for (String bad : new String[] {"61s", "2m", "soon", "-1s", "2 s"}) {
            assertThatThrownBy(() -> load("CACHE_TTL", bad)).as(bad).isInstanceOf(ConfigError.class)
                    .hasMessage("CACHE_TTL=" + bad + " is not valid: write off (the default) or a duration up to 60s, such as 2s or 500ms.");
        }
    }

    @Test
    void badValuesAreNamedWithWhatToWriteInstead() {
        assertThatThrownBy(() -> load("LOG_LEVEL", "verbose")).hasMessageContaining("debug, info, warn, error");
        assertThatThrownBy(() -> load("ALLOW_LOCAL_DOCKER", "maybe")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> load("DOCKER_HOST", "npipe:////./pipe/docker_engine")).hasMessageContaining("does not support");
        assertThatThrownBy(() -> load("DOCKER_HOST", "http://host:2375")).hasMessageContaining("tcp://HOST:PORT");
        assertThatThrownBy(() -> load("DOCKER_HOST", "tcp://user:pw@host:2375")).hasMessageNotContaining("pw").hasMessageContaining("no user");
        assertThatThrownBy(() -> load("DOCKER_HOST", "tcp://host:99999")).hasMessageContaining("port");
        assertThatThrownBy(() -> load("DOCKER_HOST", "unix://relative.sock")).hasMessageContaining("unix:///path");
        assertThatThrownBy(() -> load("DOCKER_REQUEST_TIMEOUT", "soon")).hasMessageContaining("30s");
        assertThatThrownBy(() -> load("LOGS_MAX_TAIL", "0")).hasMessageContaining("from 1 to 100000");
        assertThatThrownBy(() -> load("SECURITY_AUDIT_LOG_FILE", "audit.log")).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> load("LOCAL_DOCKER_HOST", "unix:///x.sock")).hasMessageContaining("ALLOW_LOCAL_DOCKER=true");
    }

    @Test
    void timeoutsAndLimitsAreConfigurable() {
        Settings s = load("DOCKER_CONNECT_TIMEOUT", "500ms", "DOCKER_REQUEST_TIMEOUT", "2m", "LOGS_MAX_TAIL", "5000", "LOGS_MAX_BYTES", "4096",
                "SECURITY_AUDIT_LOG", "false", "LOG_LEVEL", "DEBUG");
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.logsMaxTail()).isEqualTo(5000);
        assertThat(s.logsMaxBytes()).isEqualTo(4096);
        assertThat(s.auditEnabled()).isFalse();
        assertThat(s.logLevel()).isEqualTo("debug");
    }
}
