package dockermcp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dockermcp.config.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequestGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/version", "/_ping", "/v1.41/info", "/v1.51/containers/json", "/v1.41/containers/web/json",
            "/v1.41/containers/web/logs", "/v1.41/containers/0123abc/stats", "/v1.41/containers/web/top", "/v1.41/images/json",
            "/v1.41/images/example.com/team/app:2.0/json", "/v1.41/images/sha256:abc/history",
            "/v1.41/nodes", "/v1.41/services", "/v1.41/tasks", "/v1.41/events", "/v1.41/networks", "/v1.41/volumes"})
    void readEndpointsPass(String path) {
        assertThatCode(() -> RequestGuard.check("GET", path, "all=1")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"POST,/v1.41/containers/create", "POST,/v1.41/containers/web/start", "DELETE,/v1.41/containers/web",
            "PUT,/v1.41/containers/web/archive", "POST,/v1.41/images/create", "HEAD,/v1.41/containers/web/json",
            "GET,/v1.41/containers/web/archive", "GET,/v1.41/containers/web/export", "GET,/v1.41/exec/abc/json",
            "GET,/v1.41/containers/web/attach/ws", "GET,/v1.41/images/get", "GET,/v1.41/secrets",
            "GET,/v1.41/containers/../images/create/json", "GET,/v1.41/images/a/../../x/json", "GET,/v1.41//containers/json",
            "GET,/v1.41/containers/web%2F..%2Fx/json", "GET,/v1.41/containers/web/json/../../x",
            "GET,/v1.41/swarm", "GET,/v1.41/swarm/unlockkey", "GET,/v1.41/configs", "GET,/v1.41/secrets/abc", "GET,/v1.41/nodes/abc",
            "GET,/v1.41/services/abc", "GET,/v1.41/services/abc/logs", "GET,/v1.41/tasks/abc/logs", "POST,/v1.41/services/create",
            "POST,/v1.41/swarm/leave", "POST,/v1.41/nodes/abc/update", "DELETE,/v1.41/services/abc", "POST,/v1.41/services",
            "POST,/v1.41/containers/web/top", "HEAD,/v1.41/containers/web/top", "GET,/v1.41/containers/web/top/x", "GET,/v1.41/images/web/top",
            "POST,/v1.41/events", "HEAD,/v1.41/events", "GET,/v1.41/events/x", "GET,/v1.41/events/../containers/create", "GET,/v1.41/system/events",
            "POST,/v1.41/networks/create", "POST,/v1.41/networks/prune", "POST,/v1.41/networks/abc/connect", "POST,/v1.41/networks/abc/disconnect",
            "DELETE,/v1.41/networks/abc", "GET,/v1.41/networks/abc", "POST,/v1.41/volumes/create", "POST,/v1.41/volumes/prune",
            "DELETE,/v1.41/volumes/abc", "GET,/v1.41/volumes/abc", "PUT,/v1.41/volumes/abc", "POST,/v1.41/networks", "POST,/v1.41/volumes"})
    void everythingElseIsRefused(String method, String path) {
        assertThatThrownBy(() -> RequestGuard.check(method, path, ""))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(EngineException.Kind.REFUSED))
                .hasMessageContaining("nothing was sent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"follow=1", "all=1&follow=true", "x=1", "all=1#frag", "all=1;rm", "all=1&&", "all=1\r\nHost:x", "all=1 2"})
    void unknownOrMalformedQueriesAreRefused(String query) {
        assertThatThrownBy(() -> RequestGuard.check("GET", "/v1.41/containers/json", query)).isInstanceOf(EngineException.class);
    }

    @Test
    void processListingTakesNoPsArguments() {
        // ps_args would hand the engine's ps an argument string from the caller: not on the list
        assertThatThrownBy(() -> RequestGuard.check("GET", "/v1.41/containers/web/top", "ps_args=aux")).isInstanceOf(EngineException.class);
    }

    @Test
    void eventsAreReadOverAWindowAndTypeFilterOnly() throws Exception {
        RequestGuard.check("GET", "/v1.41/events", Query.of().add("since", "1796030243").add("until", "1796033843.5")
                .add("filters", "{\"type\":[\"container\"]}").toString());
        assertThatThrownBy(() -> RequestGuard.check("GET", "/v1.41/events", "since=1&until=2&follow=1")).isInstanceOf(EngineException.class);
    }

    @Test
    void headIsAllowedOnlyOnPing() {
        assertThatCode(() -> RequestGuard.check("HEAD", "/_ping", "")).doesNotThrowAnyException();
    }

    @Test
    void queryValuesAreEncodedSoTheyCannotAddParameters() throws Exception {
        String q = Query.of().add("filters", "{\"name\":[\"x&follow=1#\"]}").add("tail", 5).toString();
        assertThat(q).doesNotContain("&follow").doesNotContain("#").startsWith("filters=%7B");
        RequestGuard.check("GET", "/v1.41/containers/json", q);
    }

    @Test
    void theEngineClientRefusesBeforeConnecting() {
        // the socket does not exist: a refused request must fail as REFUSED, proving nothing was attempted
        try (EngineHttp http = new EngineHttp(Endpoint.unix(Path.of("/nonexistent/docker.sock")), null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), "test")) {
            assertThatThrownBy(() -> http.get("/v1.41/containers/create", null, 1024))
                    .isInstanceOf(EngineException.class)
                    .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(EngineException.Kind.REFUSED));
            assertThatThrownBy(() -> http.get("/v1.41/containers/json", null, 1024))
                    .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(EngineException.Kind.NO_SOCKET))
                    .hasMessageContaining("LOCAL_DOCKER_HOST");
        }
    }
}
