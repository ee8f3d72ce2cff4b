package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The remote engine over mutual TLS on loopback, as DOCKER_HOST + DOCKER_TLS_VERIFY + DOCKER_CERT_PATH configure it. */
class TlsEngineIT {

    @TempDir
    Path state;

    @Test
    void everyToolAnswersOverMutualTls() throws Exception {
        DaemonLog log = DaemonLog.from(RealEngines.get("TLS_LOG"));
        try (McpSession s = new McpSession(RealEngines.remote("TLS_CERT_PATH"), state)) {
            JsonNode status = s.call("docker_connection_status").json().at("/hosts/0");
            assertThat(status.get("transport").asString()).isEqualTo("tls");
            assertThat(status.get("reachable").asBoolean()).isTrue();
            assertThat(status.get("endpoint").asString()).startsWith("tcp://127.0.0.1:").endsWith("(TLS)");
            assertThat(status.toString()).doesNotContain("BEGIN", "key.pem");

            assertThat(s.call("docker_list_containers").json().get("containers").valueStream().map(c -> c.get("name").asString()))
                    .contains("web", "only-remote").doesNotContain("only-local");
            var inspect = s.call("docker_inspect", "container", "only-remote");
            assertThat(inspect.json().get("host").asString()).isEqualTo("remote");
            assertThat(s.call("docker_inspect", "container", "web").everything()).doesNotContain(EveryToolOnUnixEngineIT.SECRETS);
            assertThat(s.call("docker_logs", "container", "chatty").json().get("lineCount").asInt()).isEqualTo(5);
            assertThat(s.call("docker_stats", "container", "web").json().at("/samples/0/memoryLimitBytes").asLong()).isEqualTo(64L << 20);
            assertThat(s.call("docker_list_images").json().toString()).contains("dms-fixture:1");
            assertThat(s.call("docker_image_info", "image", "dms-fixture:secrets").json().at("/config/user").asString()).isEqualTo("1000");
        }
        assertThat(log.requests()).isNotEmpty().allSatisfy(r -> assertThat(r).matches("GET /.*|HEAD /_ping"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS_CERT_PATH", "TLS_CERT_PATH_PKCS8", "TLS_CERT_PATH_EC"})
    void clientKeysInPkcs1Pkcs8AndEcFormAllWork(String certDir) {
        try (McpSession s = new McpSession(RealEngines.remote(certDir), state)) {
            assertThat(s.call("docker_connection_status").json().at("/hosts/0/reachable").asBoolean()).as(certDir).isTrue();
        }
    }

    @Test
    void aServerCertificateFromAnotherCaIsRefusedWithTheReason() {
        try (McpSession s = new McpSession(RealEngines.remote("TLS_CERT_PATH_WRONG_CA"), state)) {
            JsonNode h = s.call("docker_connection_status").json().at("/hosts/0");
            assertThat(h.get("reachable").asBoolean()).isFalse();
            assertThat(h.at("/error/kind").asString()).isEqualTo("tls");
            assertThat(h.at("/error/message").asString()).contains("not signed by the CA in DOCKER_CERT_PATH/ca.pem");
            var list = s.call("docker_list_containers");
            assertThat(list.isError()).isTrue();
            assertThat(list.text()).contains("ca.pem").doesNotContain("Exception");
        }
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefused() throws Exception {
        // /etc/hosts on these machines maps 'vm' to 127.0.0.1; the daemon's certificate names only 127.0.0.1 and localhost
        Assumptions.assumeTrue(resolvesToLoopback("vm"), "needs a second loopback name");
        Map<String, String> env = new HashMap<>(RealEngines.remote("TLS_CERT_PATH"));
        env.put("DOCKER_HOST", "tcp://vm:" + RealEngines.get("TLS_PORT"));
        try (McpSession s = new McpSession(env, state)) {
            JsonNode h = s.call("docker_connection_status").json().at("/hosts/0");
            assertThat(h.get("reachable").asBoolean()).isFalse();
            assertThat(h.at("/error/kind").asString()).isEqualTo("tls");
            assertThat(h.at("/error/message").asString()).contains("does not match the host name");
        }
    }

    @Test
    void plainHttpToTheTlsPortSaysToUseTls() {
        Map<String, String> env = Map.of("DOCKER_HOST", RealEngines.get("TLS_DOCKER_HOST"));
        try (McpSession s = new McpSession(env, state)) {
            JsonNode h = s.call("docker_connection_status").json().at("/hosts/0");
            assertThat(h.get("reachable").asBoolean()).isFalse();
            assertThat(h.at("/error/message").asString()).doesNotContain("Exception");
        }
    }

    private static boolean resolvesToLoopback(String name) {
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }
}
