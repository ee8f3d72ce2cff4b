package dockermcp.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The packaged server over Streamable HTTP against the real unix-socket engine: same tools, redaction and audit as stdio. */
@Timeout(120)
class HttpToolCallIT {

    static final String TOKEN = "it-token-" + "0123456789abcdef".repeat(3);

    @TempDir
    Path dir;

    private HttpServerProcess start() throws Exception {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, TOKEN + "\n");
        Map<String, String> env = new HashMap<>(HttpServerProcess.localEngine());
        env.put("MCP_AUTH_TOKEN_FILE", tokens.toString());
        HttpServerProcess p = HttpServerProcess.start(dir, env);
        assertThat(p.awaitReady()).as("started").isTrue();
        return p;
    }

    @Test
    void listsAndCallsToolsOnTheRealEngineAndAuditsTheCaller() throws Exception {
        try (HttpServerProcess p = start()) {
            String session = p.initialize(TOKEN);
            JsonNode tools = p.call(TOKEN, session, 2, "tools/list", "{}");
            dockermcp.it.RegisteredTools.assertListed(tools.at("/result/tools"));

            JsonNode list = p.call(TOKEN, session, 3, "tools/call", "{\"name\":\"docker_list_containers\",\"arguments\":{}}");
            assertThat(list.at("/result/isError").asBoolean()).isFalse();
            List<String> names = list.at("/result/structuredContent/containers").valueStream().map(c -> c.get("name").asString()).toList();
            assertThat(names).contains("web");

            JsonNode inspect = p.call(TOKEN, session, 4, "tools/call", "{\"name\":\"docker_inspect\",\"arguments\":{\"container\":\"web\"}}");
            assertThat(inspect.at("/result/isError").asBoolean()).isFalse();
            assertThat(inspect.toString()).doesNotContain("hunter2");

            JsonNode bad = p.call(TOKEN, session, 5, "tools/call", "{\"name\":\"docker_inspect\",\"arguments\":{\"container\":\"../etc\"}}");
            assertThat(bad.at("/result/isError").asBoolean()).as("same argument checks as stdio").isTrue();

            JsonNode audited = p.audit().stream().filter(a -> a.get("tool").asString().equals("docker_inspect")).findFirst().orElseThrow();
            assertThat(audited.get("transport").asString()).isEqualTo("http");
            assertThat(audited.get("session").asString()).isEqualTo(session);
            assertThat(audited.get("client").asString()).isEqualTo("http-it/2.0");
            assertThat(audited.get("remoteAddress").asString()).isEqualTo("127.0.0.1");
            assertThat(audited.get("tokenFingerprint").asString()).matches("sha256:[0-9a-f]{12}");
            assertThat(Files.readString(dir.resolve("audit.log"))).doesNotContain(TOKEN);
            assertThat(p.log()).doesNotContain(TOKEN);
        }
    }

    @Test
    void healthzAndRefusalsThroughTheRealProcessCarryNoServerBanner() throws Exception {
        try (HttpServerProcess p = start()) {
            HttpResponse<String> health = p.client.send(HttpRequest.newBuilder(p.endpoint.resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok\n");
            HttpResponse<String> noToken = p.send(p.post(null, null, "{}"));
            assertThat(noToken.statusCode()).isEqualTo(401);
            assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            for (HttpResponse<String> r : List.of(health, noToken)) {
                assertThat(r.headers().map().keySet()).noneMatch(k -> k.equalsIgnoreCase("server") || k.equalsIgnoreCase("x-powered-by"));
            }
        }
    }

    @Test
    void sigtermClosesSessionsAndStopsCleanly() throws Exception {
        try (HttpServerProcess p = start()) {
            String session = p.initialize(TOKEN);
            p.call(TOKEN, session, 2, "tools/call", "{\"name\":\"docker_list_containers\",\"arguments\":{}}");
            int status = p.terminate(60); // a guard against a hang only: the server stops in about a second
            assertThat(status).as("ended").isNotEqualTo(-1);
            assertThat(p.log()).contains("stopping").doesNotContain("Exception");
            assertThat(Files.readString(p.stdout)).as("stdout stays empty in HTTP mode").isEmpty();
        }
    }
}
