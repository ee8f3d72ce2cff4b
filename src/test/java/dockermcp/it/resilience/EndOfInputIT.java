package dockermcp.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.it.adversarial.JarServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8 §4: {@code cat requests.jsonl | bin/docker-mcp-secure} answers every request in the file, however
 * long the calls take, then exits 0. The server used to wait 500 ms after the end of stdin and drop whatever
 * was not answered by then (a first Docker call alone takes longer), while the audit log said "ok".
 */
@ExtendWith(PrivateEngine.Resolver.class)
@Timeout(300) // a guard against a hang only: every case here ends in seconds
class EndOfInputIT {

    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"cat\",\"version\":\"1\"}}}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    @TempDir
    Path dir;

    /** What came back from one piped run. */
    private record Run(int exit, Map<String, JsonNode> answers, List<JsonNode> auditRecords, String stderr) {
    }

    private static String call(String id, String tool, Map<String, Object> args) {
        return JarServer.JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", id, "method", "tools/call",
                "params", Map.of("name", tool, "arguments", args)));
    }

    /** Writes the requests to a file and pipes it into the launcher, exactly as a user would from a shell. */
    private Run pipe(List<String> requests, Map<String, String> env) throws Exception {
        Path file = dir.resolve("requests.jsonl");
        Files.write(file, requests, StandardCharsets.UTF_8);
        Path audit = dir.resolve("audit.log");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "cat \"$1\" | bin/docker-mcp-secure", "pipe", file.toString())
                .redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().putAll(env);
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("SECURITY_AUDIT_LOG_FILE", audit.toString());
        pb.environment().put("DOCKER_MCP_NO_ARCHIVE", "1"); // no start-up archive built in the background while the test runs
        Process p = pb.start();
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("the server exits by itself after the end of its input").isTrue();
        Map<String, JsonNode> answers = new HashMap<>();
        for (String line : new String(stdout.get(), StandardCharsets.UTF_8).lines().toList()) {
            JsonNode msg = JarServer.JSON.readTree(line);
            assertThat(answers.put(msg.path("id").asString(), msg)).as("answered once: " + line).isNull();
        }
        List<JsonNode> records = new ArrayList<>();
        if (Files.exists(audit)) {
            for (String line : Files.readAllLines(audit)) {
                records.add(JarServer.JSON.readTree(line));
            }
        }
        return new Run(p.exitValue(), answers, records, Files.readString(dir.resolve("stderr.txt")));
    }

    private static List<String> ids(List<String> requests) {
        return requests.stream().map(r -> JarServer.JSON.readTree(r).path("id")).filter(id -> !id.isMissingNode())
                .map(JsonNode::asString).toList();
    }

    private static void assertEveryRequestAnswered(List<String> requests, Run run) {
        assertThat(run.exit()).as("exit code; stderr:\n" + run.stderr()).isZero();
        assertThat(run.answers().keySet()).as("ids answered on stdout; stderr:\n" + run.stderr())
                .containsExactlyInAnyOrderElementsOf(ids(requests));
        long toolCalls = requests.stream().filter(r -> r.contains("\"tools/call\"")).count();
        assertThat(run.auditRecords()).as("one audit record per tool call").hasSize((int) toolCalls);
    }

    @Test
    void theIssuesFileIsAnsweredInFull(PrivateEngine engine) throws Exception {
        List<String> requests = List.of(INIT, INITIALIZED, "{\"jsonrpc\":\"2.0\",\"id\":\"list\",\"method\":\"tools/list\"}",
                call("a", "docker_list_containers", Map.of()), call("b", "docker_inspect", Map.of("container", "web")));
        Run run = pipe(requests, engine.local());
        assertEveryRequestAnswered(requests, run);
        assertThat(run.answers().get("a").at("/result/isError").asBoolean()).isFalse();
        assertThat(run.answers().get("b").at("/result/structuredContent/name").asString()).isEqualTo("web");
        assertThat(run.auditRecords()).allSatisfy(r -> assertThat(r.path("outcome").asString()).isEqualTo("ok"));
    }

    @Test
    void manyCallsAreAllAnswered(PrivateEngine engine) throws Exception {
        List<String> requests = new ArrayList<>(List.of(INIT, INITIALIZED));
        List<Map.Entry<String, Map<String, Object>>> kinds = List.of(Map.entry("docker_list_containers", Map.of()),
                Map.entry("docker_inspect", Map.of("container", "web")), Map.entry("docker_logs", Map.of("container", "chatty", "tail", 5)),
                Map.entry("docker_list_images", Map.of()), Map.entry("docker_connection_status", Map.of()));
        for (int i = 0; i < 60; i++) {
            var k = kinds.get(i % kinds.size());
            requests.add(call("c-" + i, k.getKey(), k.getValue()));
        }
        Run run = pipe(requests, engine.local());
        assertEveryRequestAnswered(requests, run);
        assertThat(run.answers().values()).allSatisfy(a -> assertThat(a.at("/result/isError").asBoolean()).as(a.toString()).isFalse());
    }

    @Test
    void slowCallsAreAnsweredBeforeTheExit(PrivateEngine engine) throws Exception {
        // docker_stats of every running container samples each one twice, a second apart
        List<String> requests = List.of(INIT, INITIALIZED, call("s1", "docker_stats", Map.of()), call("s2", "docker_stats", Map.of()),
                call("s3", "docker_stats", Map.of()), call("quick", "docker_list_containers", Map.of()));
        Run run = pipe(requests, engine.local());
        assertEveryRequestAnswered(requests, run);
        for (String id : List.of("s1", "s2", "s3")) {
            assertThat(run.answers().get(id).at("/result/structuredContent/samples").size()).as(id).isGreaterThan(0);
        }
    }

    @Test
    void callsToAHungEngineAreAnsweredWithinTheRequestTimeout(PrivateEngine engine) throws Exception {
        List<String> requests = List.of(INIT, INITIALIZED, call("l", "docker_list_containers", Map.of()),
                call("i", "docker_inspect", Map.of("container", "web")), call("s", "docker_stats", Map.of()));
        Map<String, String> env = new HashMap<>(engine.local());
        env.put("DOCKER_REQUEST_TIMEOUT", "2s");
        engine.pause();
        Run run;
        try {
            run = pipe(requests, env);
        } finally {
            engine.resume();
        }
        assertEveryRequestAnswered(requests, run);
        for (String id : List.of("l", "i", "s")) {
            // timed out by itself, or cancelled when still running a request timeout after the end of input
            assertThat(run.answers().get(id).path("result").toString()).as(id).containsPattern("did not answer within 2 s|was cancelled");
        }
    }
}
