package dockermcp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet's sources of hosts: the hosts file, Docker contexts and ssh:// addresses, and the one list they build. */
class FleetSettingsTest {

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

    private Path hostsFile(String yaml) throws Exception {
        Path f = home.resolve("hosts.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    private Settings withFile(String yaml, String... more) throws Exception {
        String[] kv = new String[more.length + 2];
        kv[0] = "DOCKER_HOSTS_FILE";
        kv[1] = hostsFile(yaml).toString();
        System.arraycopy(more, 0, kv, 2, more.length);
        return load(kv);
    }

    @Test
    void aHostsFileGivesOneNamedHostPerEntryInFileOrder() throws Exception {
        Path certs = Files.createDirectories(home.resolve("prod-eu"));
        Settings s = withFile("""
                hosts:
                  prod-eu:  { host: tcp://10.0.0.5:2376, cert_path: %s }   # TLS with ca/cert/key.pem
                  build:    { host: "ssh://deploy@build.example.com" }
                  laptop:   { host: unix:///var/run/docker.sock, request_timeout: 10s, connect_timeout: 500ms }
                """.formatted(certs));
        assertThat(s.hosts()).extracting(HostSettings::name).containsExactly("prod-eu", "build", "laptop");
        HostSettings prod = s.hosts().get(0);
        assertThat(prod.endpoint().transport()).isEqualTo(Endpoint.Transport.TLS);
        assertThat(prod.certPath()).isEqualTo(certs);
        assertThat(prod.origin()).contains("hosts.yaml").contains("line 2");
        HostSettings build = s.hosts().get(1);
        assertThat(build.endpoint().transport()).isEqualTo(Endpoint.Transport.SSH);
        assertThat(build.endpoint().user()).isEqualTo("deploy");
        assertThat(build.endpoint().port()).isEqualTo(22);
        assertThat(build.endpoint().socketPath()).isEqualTo(Path.of("/var/run/docker.sock"));
        HostSettings laptop = s.hosts().get(2);
        assertThat(laptop.requestTimeout(s)).isEqualTo(Duration.ofSeconds(10));
        assertThat(laptop.connectTimeout(s)).isEqualTo(Duration.ofMillis(500));
        assertThat(prod.requestTimeout(s)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theHostsFileAddsToLocalAndRemoteWhichKeepTheirMeaning() throws Exception {
        Settings s = withFile("hosts:\n  ci: { host: tcp://127.0.0.1:2375 }\n", "ALLOW_LOCAL_DOCKER", "true", "DOCKER_HOST", "tcp://127.0.0.1:2376");
        assertThat(s.hosts()).extracting(HostSettings::name).containsExactly("local", "remote", "ci");
        assertThat(s.hosts().get(1).origin()).isEqualTo("DOCKER_HOST");
    }

    @Test
    void aHostWithoutRulesOfItsOwnUsesTheGlobalOnes() throws Exception {
        Settings s = withFile("hosts:\n  a: { host: tcp://127.0.0.1:2375 }\n", "CONTAINER_DENY", "secret-*");
        assertThat(s.hosts().get(0).visibility(s)).isEqualTo(s.visibility());
    }

    @Test
    void eachVisibilityKeyAHostWritesReplacesThatGlobalRuleOnly() throws Exception {
        Settings s = withFile("""
                hosts:
                  a: { host: tcp://127.0.0.1:2375, container_deny: [ "db-*", "tier=secret" ], image_allow: "registry.example.com/*,nginx:*" }
                  b:
                    host: tcp://127.0.0.1:2376
                    container_allow: []
                """, "CONTAINER_ALLOW", "web-*", "CONTAINER_DENY", "secret-*", "IMAGE_DENY", "*:debug", "HONOR_HIDDEN_LABEL", "false");
        VisibilityRules a = s.hosts().get(0).visibility(s);
        assertThat(a.containerDeny()).containsExactly("db-*", "tier=secret");
        assertThat(a.imageAllow()).containsExactly("registry.example.com/*", "nginx:*");
        assertThat(a.containerAllow()).containsExactly("web-*");
        assertThat(a.imageDeny()).containsExactly("*:debug");
        assertThat(a.honourHiddenLabel()).isFalse();
        VisibilityRules b = s.hosts().get(1).visibility(s);
        assertThat(b.containerAllow()).isEmpty();
        assertThat(b.containerDeny()).containsExactly("secret-*");
    }

    @Test
    void everyRefusalNamesTheFileTheLineAndTheKey() throws Exception {
        record Case(String yaml, int line, String says) {
        }
        List<Case> cases = List.of(
                new Case("hosts:\n  a: { host: tcp://127.0.0.1:2375 }\n  b:\n    host: tcp://127.0.0.1:2376\n    tls_verfy: true\n", 5, "unknown key 'tls_verfy'"),
                new Case("hosts:\n  Prod_EU: { host: tcp://127.0.0.1:2375 }\n", 2, "host name 'Prod_EU' is not valid"),
                new Case("hosts:\n  a: { host: tcp://127.0.0.1:2375, request_timeout: soon }\n", 2, "'request_timeout' of host 'a'"),
                new Case("hosts:\n  a: { host: tcp://127.0.0.1:2375, tls_verify: maybe }\n", 2, "'tls_verify' of host 'a' must be true or false"),
                new Case("hosts:\n  a: { context: x, host: tcp://127.0.0.1:2375 }\n", 2, "exactly one of 'host'"),
                new Case("hosts:\n  a: { }\n", 2, "exactly one of 'host'"),
                new Case("hosts:\n  a: { host: tcp://127.0.0.1:2375, remote_socket: /run/docker.sock }\n", 2, "'remote_socket' of host 'a' only applies to ssh://"),
                new Case("hosts:\n  a: { host: tcp://127.0.0.1:2375, cert_path: relative/dir }\n", 2, "'cert_path' of host 'a' must be an absolute path"),
                new Case("hosts:\n  a: { host: \"ssh://-oProxyCommand=x@h\" }\n", 2, "invalid user name"),
                new Case("hosts:\n  a: { host: \"ssh://u@-oProxyCommand=x\" }\n", 2, "not a valid ssh address"),
                new Case("hosts:\n  a: { host: tcp://127.0.0.1:2375 }\nservers: {}\n", 3, "unknown key 'servers'"),
                new Case("hosts:\n  a: { host: [tcp://127.0.0.1:2375 }\n", 2, "not valid YAML"),
                new Case("hosts: [a, b]\n", 1, "'hosts' must map each host name"),
                new Case("hosts:\n  a:\n    host: tcp://127.0.0.1:2375\n    container_deny: \"db-*,,x\"\n", 4, "'container_deny' of host 'a' has an empty or malformed rule"),
                new Case("hosts:\n  a:\n    host: tcp://127.0.0.1:2375\n    image_allow: [ \"\" ]\n", 4, "'image_allow' of host 'a' has an empty"),
                new Case("hosts:\n  a:\n    host: tcp://127.0.0.1:2375\n    container_allow: [ \"=x\" ]\n", 4, "'container_allow' of host 'a' has an empty or malformed rule '=x'"),
                new Case("hosts:\n  a:\n    host: tcp://127.0.0.1:2375\n    image_deny: { x: 1 }\n", 4, "'image_deny' of host 'a' must have a plain value"));
        for (Case c : cases) {
            assertThatThrownBy(() -> withFile(c.yaml())).as(c.yaml()).isInstanceOf(ConfigError.class)
                    .hasMessageContaining("DOCKER_HOSTS_FILE " + home.resolve("hosts.yaml"))
                    .hasMessageContaining("line " + c.line() + ":")
                    .hasMessageContaining(c.says())
                    .hasMessageEndingWith(".");
        }
    }

    @Test
    void twoHostsWithOneNameStopStartUpNamingBoth() throws Exception {
        assertThatThrownBy(() -> withFile("hosts:\n  remote: { host: tcp://127.0.0.1:2375 }\n", "DOCKER_HOST", "tcp://127.0.0.1:2376"))
                .isInstanceOf(ConfigError.class).hasMessageContaining("Two engines are called 'remote'").hasMessageContaining("DOCKER_HOST")
                .hasMessageContaining("line 2");
    }

    @Test
    void aMissingHostsFileIsNamed() {
        assertThatThrownBy(() -> load("DOCKER_HOSTS_FILE", home.resolve("nope.yaml").toString()))
                .isInstanceOf(ConfigError.class).hasMessageContaining("nope.yaml").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> load("DOCKER_HOSTS_FILE", "hosts.yaml")).isInstanceOf(ConfigError.class).hasMessageContaining("relative path");
    }

    @Test
    void sshAddressesAreParsedAsTheDockerCliWritesThem() {
        Endpoint e = Endpoint.parse("DOCKER_HOST", "ssh://deploy@build.example.com:2222", false);
        assertThat(e.transport()).isEqualTo(Endpoint.Transport.SSH);
        assertThat(e.user()).isEqualTo("deploy");
        assertThat(e.hostname()).isEqualTo("build.example.com");
        assertThat(e.port()).isEqualTo(2222);
        assertThat(e.display()).isEqualTo("ssh://deploy@build.example.com:2222");
        assertThat(Endpoint.parse("DOCKER_HOST", "ssh://10.0.0.5", false).user()).isNull();
        assertThat(Endpoint.parse("DOCKER_HOST", "ssh://u@[::1]:22", false).hostname()).isEqualTo("::1");
        for (String bad : List.of("ssh://", "ssh://u:pw@host", "ssh://u@host:0", "ssh://u@host:99999", "ssh://u@ho st", "ssh://u@host/path?x", "ssh://@host")) {
            assertThatThrownBy(() -> Endpoint.parse("DOCKER_HOST", bad, false)).as(bad).isInstanceOf(ConfigError.class)
                    .hasMessageStartingWith("DOCKER_HOST").satisfies(t -> assertThat(t.getMessage()).doesNotContain(":pw"));
        }
    }

    // --- Docker contexts, written the way `docker context create` writes them -----------------------------

    private Path context(String name, String host, boolean skipVerify, boolean withTls) throws Exception {
        Path config = home.resolve(".docker");
        Path meta = Files.createDirectories(config.resolve("contexts/meta").resolve(DockerContexts.id(name)));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"" + host
                + "\",\"SkipTLSVerify\":" + skipVerify + "}}}");
        if (withTls) {
            Path tls = Files.createDirectories(config.resolve("contexts/tls").resolve(DockerContexts.id(name)).resolve("docker"));
            for (String f : List.of("ca.pem", "cert.pem", "key.pem")) {
                Files.writeString(tls.resolve(f), "x");
            }
        }
        return config;
    }

    @Test
    void dockerContextBecomesAHostNamedAfterIt() throws Exception {
        context("staging", "tcp://127.0.0.1:2376", false, true);
        context("Build_Box", "unix:///run/docker.sock", false, false);
        Settings one = load("DOCKER_CONTEXT", "staging");
        assertThat(one.hosts()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("staging");
            assertThat(h.endpoint().transport()).isEqualTo(Endpoint.Transport.TLS);
            assertThat(h.certPath()).isEqualTo(home.resolve(".docker/contexts/tls").resolve(DockerContexts.id("staging")).resolve("docker"));
            assertThat(h.origin()).isEqualTo("Docker context 'staging'");
        });
        assertThat(load("DOCKER_CONTEXTS", "all").hosts()).extracting(HostSettings::name).containsExactly("build-box", "staging");
        assertThat(load("DOCKER_CONTEXTS", "staging,Build_Box", "DOCKER_CONTEXT", "staging").hosts()).extracting(HostSettings::name)
                .containsExactly("staging", "build-box");
        assertThat(load("DOCKER_CONTEXT", "default").hosts()).isEmpty();
    }

    @Test
    void dockerConfigIsHonoured() throws Exception {
        context("ci", "tcp://127.0.0.1:2375", false, false);
        Path moved = Files.move(home.resolve(".docker"), home.resolve("elsewhere"));
        assertThat(load("DOCKER_CONFIG", moved.toString(), "DOCKER_CONTEXT", "ci").hosts()).extracting(HostSettings::name).containsExactly("ci");
        assertThatThrownBy(() -> load("DOCKER_CONTEXT", "ci")).isInstanceOf(ConfigError.class)
                .hasMessageContaining("DOCKER_CONTEXT names the Docker context 'ci', which does not exist").hasMessageContaining("docker context ls");
    }

    @Test
    void aContextThatSkipsTlsVerificationIsRefused() throws Exception {
        context("lax", "tcp://127.0.0.1:2376", true, true);
        assertThatThrownBy(() -> load("DOCKER_CONTEXT", "lax")).isInstanceOf(ConfigError.class).hasMessageContaining("skips TLS verification");
    }

    @Test
    void aHostsFileEntryMayNameAContext() throws Exception {
        context("staging", "tcp://127.0.0.1:2376", false, true);
        Settings s = withFile("hosts:\n  stage: { context: staging, request_timeout: 3s }\n");
        assertThat(s.hosts()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("stage");
            assertThat(h.endpoint().port()).isEqualTo(2376);
            assertThat(h.requestTimeout(s)).isEqualTo(Duration.ofSeconds(3));
        });
        assertThatThrownBy(() -> withFile("hosts:\n  stage: { context: nope }\n")).isInstanceOf(ConfigError.class)
                .hasMessageContaining("line 2").hasMessageContaining("'nope', which does not exist");
    }
}
