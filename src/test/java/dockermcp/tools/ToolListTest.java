package dockermcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.server.Workers;
import dockermcp.config.SettingsLoader;
import dockermcp.engine.DockerEngine;
import dockermcp.engine.EngineHttp;
import dockermcp.engine.Engines;
import dockermcp.security.AuditLog;
import dockermcp.transport.StdioTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Rules over the whole tool list, and the reviewed snapshot of the tools/list answer. */
class ToolListTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/snapshots/tools-list.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static JsonNode initialize;
    private static JsonNode tools;
    private static StdioTransport server;
    private static ToolRegistry registry;

    @BeforeAll
    static void askTheRealServer() throws Exception {
        var settings = SettingsLoader.load(Map.of("HOME", "/nonexistent", "SECURITY_AUDIT_LOG", "false"));
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 20);
        PipedInputStream fromServer = new PipedInputStream(1 << 20);
        OutputStream serverOut = new PipedOutputStream(fromServer);
        registry = new ToolRegistry(settings, new Engines(settings, "test"), AuditLog.to(null), Workers.pool());
        server = new StdioTransport(serverIn, serverOut, registry, Duration.ofSeconds(5));
        BufferedReader replies = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        initialize = JSON.readTree(replies.readLine()).get("result");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        tools = JSON.readTree(replies.readLine()).get("result").get("tools");
    }

    private static void send(OutputStream out, String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void serverIdentifiesItselfAndSpeaksTheLatestProtocol() {
        assertThat(initialize.get("protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(initialize.at("/serverInfo/name").asString()).isEqualTo("docker-mcp-secure");
        assertThat(initialize.at("/serverInfo/title").asString()).isNotBlank();
        assertThat(initialize.at("/serverInfo/version").asString()).isNotBlank();
        assertThat(initialize.get("instructions").asString()).contains("Read-only").contains("untrusted");
    }

    @Test
    void exactlyTheRegisteredToolsWithTheSevenOfTheGuide() {
        var names = tools.valueStream().map(t -> t.get("name").asString()).toList();
        dockermcp.it.RegisteredTools.assertListed(names);
        assertThat(names).contains("docker_list_containers", "docker_inspect", "docker_logs", "docker_stats", "docker_list_images",
                "docker_image_info", "docker_connection_status", "docker_security_audit");
    }

    @Test
    void everyToolIsAnnotatedReadOnlyAndTakesAnOptionalHost() {
        for (JsonNode t : tools) {
            String name = t.get("name").asString();
            JsonNode a = t.get("annotations");
            assertThat(a.get("readOnlyHint").asBoolean()).as(name).isTrue();
            assertThat(a.get("destructiveHint").asBoolean()).as(name).isFalse();
            assertThat(a.get("idempotentHint").asBoolean()).as(name).isTrue();
            assertThat(a.get("openWorldHint").asBoolean()).as(name).isFalse();
            assertThat(t.get("title").asString()).as(name).isNotBlank();
            assertThat(t.get("description").asString().length()).as(name).isGreaterThan(60);
            assertThat(t.at("/inputSchema/additionalProperties").asBoolean(true)).as(name).isFalse();
            assertThat(t.at("/inputSchema/properties/host/enum").toString()).as(name).isEqualTo("[\"local\",\"remote\"]");
            assertThat(t.at("/inputSchema/required").toString()).as(name).doesNotContain("host");
            assertThat(t.at("/outputSchema/type").asString()).as(name).isEqualTo("object");
            for (JsonNode p : t.at("/inputSchema/properties")) {
                if (p.get("type").asString().equals("string") && p.get("enum") == null) {
                    assertThat(p.get("maxLength")).as(name + " strings are bounded").isNotNull();
                }
            }
        }
    }

    @Test
    void noPartOfTheEngineClientCanWrite() {
        Set<String> reads = Set.of("open", "host", "name", "version", "apiVersion", "info", "pingMillis", "listContainers",
                "inspectContainer", "stats", "top", "logs", "scanLogs", "events", "listImages", "inspectImage", "imageHistory", "swarmNodes", "swarmServices", "swarmTasks", "listNetworks", "listVolumes", "close");
        assertThat(publicMethods(DockerEngine.class)).isSubsetOf(reads);
        assertThat(publicMethods(EngineHttp.class)).containsExactlyInAnyOrder("get", "stream", "ping", "endpoint", "close");
    }

    private static Set<String> publicMethods(Class<?> c) {
        return Arrays.stream(c.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName).collect(Collectors.toSet());
    }

    @Test
    void toolsListMatchesTheReviewedSnapshot() throws Exception {
        String current = JSON.writeValueAsString(tools) + "\n";
        if (Boolean.getBoolean("snapshot.update") || !Files.exists(SNAPSHOT)) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, current);
        }
        assertThat(JSON.readTree(Files.readString(SNAPSHOT)))
                .as("tools/list changed: review the change, then run mvn test -Dsnapshot.update=true and commit " + SNAPSHOT)
                .isEqualTo(JSON.readTree(current));
    }
}
