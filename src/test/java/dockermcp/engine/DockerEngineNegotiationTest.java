package dockermcp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dockermcp.config.Endpoint;
import dockermcp.config.HostSettings;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API version negotiation and odd answers, against a small fake engine on loopback. */
class DockerEngineNegotiationTest {

    private HttpServer fake;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private DockerEngine engineAnswering(String versionJson, String listBody, String contentType) throws Exception {
        return engineAnswering(200, versionJson, listBody, contentType);
    }

    private DockerEngine engineAnswering(int status, String versionJson, String listBody, String contentType) throws Exception {
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            byte[] body = (ex.getRequestURI().getPath().equals("/version") ? versionJson : listBody).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", contentType);
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        fake.start();
        Endpoint e = Endpoint.parse("DOCKER_HOST", "tcp://127.0.0.1:" + fake.getAddress().getPort(), false);
        HostSettings host = new HostSettings("remote", e, null, List.of());
        return new DockerEngine(host, new EngineHttp(e, null, Duration.ofSeconds(2), Duration.ofSeconds(2), "t"), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.stop(0);
        }
    }

    @Test
    void aCurrentEngineThatRefusesOldVersionsGetsTheNewestWeSpeak() throws Exception {
        try (DockerEngine e = engineAnswering("{\"ApiVersion\":\"1.52\",\"MinAPIVersion\":\"1.44\"}", "[]", "application/json")) {
            assertThat(e.listContainers(true, null)).isEmpty();
            assertThat(e.apiVersion()).isEqualTo(ApiVersion.NEWEST);
            assertThat(seen).containsExactly("GET /version", "GET /v1.51/containers/json?all=1");
        }
    }

    @Test
    void docker2010GetsItsOwnVersion() throws Exception {
        try (DockerEngine e = engineAnswering("{\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.12\"}", "[]", "application/json")) {
            e.listImages(false, null);
            e.listImages(false, null);
            assertThat(seen).containsExactly("GET /version", "GET /v1.41/images/json", "GET /v1.41/images/json");
        }
    }

    @Test
    void anEngineTooOldIsRefusedWithTheRemedy() throws Exception {
        try (DockerEngine e = engineAnswering("{\"ApiVersion\":\"1.30\",\"MinAPIVersion\":\"1.12\"}", "[]", "application/json")) {
            assertThatThrownBy(() -> e.listContainers(true, null)).isInstanceOf(EngineException.class)
                    .satisfies(x -> assertThat(((EngineException) x).kind()).isEqualTo(EngineException.Kind.UNSUPPORTED_API))
                    .hasMessageContaining("speaks API 1.30").hasMessageContaining("upgrade");
        }
    }

    @Test
    void somethingThatIsNotDockerIsSaidToBeSo() throws Exception {
        try (DockerEngine e = engineAnswering("<html>hello</html>", "", "text/html")) {
            assertThatThrownBy(e::apiVersion).hasMessageContaining("not valid JSON").hasMessageContaining("Docker engine");
        }
    }

    @Test
    void anHttpServiceThatIsNotDockerIsNamedSoNotAMissingObject() throws Exception {
        try (DockerEngine e = engineAnswering(404, "{\"message\":\"page not found\"}", "", "application/json")) {
            assertThatThrownBy(() -> e.listContainers(true, null)).isInstanceOf(EngineException.class)
                    .satisfies(x -> assertThat(((EngineException) x).kind()).isEqualTo(EngineException.Kind.PROTOCOL))
                    .hasMessageContaining("is not a Docker engine").hasMessageContaining("HTTP 404").hasMessageContaining("DOCKER_HOST")
                    .hasMessageNotContaining("No version");
        }
    }
}
