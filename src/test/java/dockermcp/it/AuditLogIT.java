package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.it.adversarial.JarServer;
import dockermcp.it.adversarial.TestEngines;
import dockermcp.security.AuditLog;
import dockermcp.security.CallOrigin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The audit file as MCP clients really use it: several packaged servers (Claude Desktop, Cursor and VS Code
 * each start their own) writing the default file at once, against the real test engine; what a hostile
 * client can plant in a record; and what {@code audit verify} finds, run as a user runs it.
 */
class AuditLogIT {

    private static final Pattern HEAD = Pattern.compile("head ([0-9a-f]{64})");

    @TempDir
    Path dir;

    private Path audit() {
        return dir.resolve("audit.log");
    }

    private Map<String, String> env(String... extra) {
        TestEngines engines = TestEngines.shared();
        Map<String, String> env = new HashMap<>(Map.of("ALLOW_LOCAL_DOCKER", "true", "LOCAL_DOCKER_HOST", engines.get("UNIX_DOCKER_HOST"),
                "SECURITY_AUDIT_LOG_FILE", audit().toString()));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    /** Starts {@code servers} packaged servers on one audit file; each sends {@code calls} tool calls at once, all servers together. */
    private void serversCallAtOnce(int servers, int calls, Map<String, String> env, Map<String, ?> arguments) throws Exception {
        List<JarServer> started = new ArrayList<>();
        try {
            for (int i = 0; i < servers; i++) {
                started.add(server(env, "audit-it"));
            }
            List<CompletableFuture<JsonNode>> replies = new ArrayList<>();
            for (int c = 0; c < calls; c++) {
                for (JarServer s : started) {
                    replies.add(s.call("docker_inspect", arguments));
                }
            }
            for (CompletableFuture<JsonNode> r : replies) {
                JarServer.Reply reply = new JarServer.Reply(r.get(120, TimeUnit.SECONDS));
                assertThat(reply.isProtocolError()).as(reply.message().toString()).isFalse();
                assertThat(reply.text()).doesNotContain("audit log");
            }
        } finally {
            started.forEach(s -> s.stop(Duration.ofSeconds(30)));
        }
    }

    /** A packaged server after initialize as {@code client}; a loaded machine may take long to start a JVM. */
    private JarServer server(Map<String, String> env, String client) throws Exception {
        JarServer s = JarServer.start(env, dir, List.of());
        try {
            s.request("initialize", JarServer.JSON.readTree("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":"
                    + JarServer.JSON.writeValueAsString(Map.of("name", client, "version", "1")) + "}")).get(180, TimeUnit.SECONDS);
            s.sendLine("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            return s;
        } catch (Exception e) {
            s.close();
            throw e;
        }
    }

    private record Verified(int exit, String out, String err) {
    }

    /** {@code docker-mcp-secure audit verify ARGS...} from the packaged jar. */
    private Verified verify(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(PackagedJar.command("audit", "verify"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("verify.out");
        Path err = dir.resolve("verify.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Verified(p.exitValue(), Files.readString(out).strip(), Files.readString(err).strip());
    }

    private List<JsonNode> records(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(l -> (JsonNode) JarServer.JSON.readTree(l)).toList();
    }

    @Test
    void threeServersWritingAtOnceKeepOneChain() throws Exception {
        serversCallAtOnce(3, 20, env(), Map.of("container", "web"));

        Verified v = verify(audit().toString());
        assertThat(v.exit()).as(v.out()).isZero();
        assertThat(v.out()).startsWith("OK: 60 records, chain intact; head ").contains("(record 60)");
        List<JsonNode> records = records(audit());
        assertThat(records).hasSize(60);
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).path("seq").asLong()).isEqualTo(i + 1);
            assertThat(records.get(i).path("outcome").asString()).isEqualTo("ok");
        }
    }

    @Test
    void rotationWhileThreeServersWriteKeepsTheChain() throws Exception {
        // an audit file a few records short of the rotation size, written by an earlier server
        int limit = 64 * 1024;
        long before = 0;
        try (AuditLog earlier = AuditLog.to(audit(), limit, false)) {
            CallOrigin origin = new CallOrigin("stdio", "earlier", "earlier-client/1", null, null);
            while (!Files.exists(audit()) || Files.size(audit()) < limit - 4000) {
                earlier.record("docker_list_containers", Map.of(), "local", AuditLog.Outcome.ok, 1, 100, null, origin);
                before++;
            }
        }
        // no such container: an error record of about 600 bytes each, 120 of them, so the file rotates at least once meanwhile
        serversCallAtOnce(3, 40, env("SECURITY_AUDIT_LOG_MAX_BYTES", Integer.toString(limit)), Map.of("container", "n" + "o".repeat(200)));

        assertThat(dir.resolve("audit.log.1")).exists();
        Verified v = verify(audit().toString());
        assertThat(v.exit()).as(v.out()).isZero();
        assertThat(v.out()).startsWith("OK: " + (before + 120) + " records").contains("(record " + (before + 120) + ")");
    }

    @Test
    void plantedArgumentsAndClientNamesDoNotReachTheFile() throws Exception {
        String client = "planted-client password=planted-client-secret " + "y".repeat(5000);
        try (JarServer s = server(env(), client)) {
            List<JarServer.Reply> replies = List.of(
                    s.callAndWait("docker_inspect", Map.of("container", Map.of("password", "planted-object-secret")), Duration.ofSeconds(120)),
                    s.callAndWait("docker_inspect", Map.of("container", "web", "planted-unknown-name", "planted-unknown-value"), Duration.ofSeconds(120)),
                    s.callAndWait("docker_logs", Map.of("container", "web", "tail", "planted-wrong-type"), Duration.ofSeconds(120)),
                    s.callAndWait("docker_inspect", Map.of("container", "web", "host", "planted-long-host" + "h".repeat(3000)), Duration.ofSeconds(120)),
                    s.callAndWait("docker_inspect", Map.of("container", "web"), Duration.ofSeconds(120)));
            assertThat(replies).allMatch(r -> !r.isProtocolError());
            assertThat(replies.get(4).isError()).isFalse();
        }
        String file = Files.readString(audit());
        assertThat(file).doesNotContain("planted-object-secret", "planted-unknown", "planted-wrong-type", "planted-long-host", "planted-client-secret",
                "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", "Exception", "\tat ");
        List<JsonNode> records = records(audit());
        assertThat(records).hasSize(5);
        assertThat(records.get(0).path("arguments").path("container").path("type").asString()).isEqualTo("object");
        assertThat(records.get(1).path("unknownArguments").asInt()).isEqualTo(1);
        assertThat(records.get(2).path("arguments").path("tail").path("type").asString()).isEqualTo("string");
        assertThat(records).allSatisfy(r -> assertThat(r.path("client").asString()).startsWith("planted-client").hasSizeLessThanOrEqualTo(64));
        assertThat(verify(audit().toString()).exit()).isZero();
    }

    @Test
    void verifyFindsAChangedNewestRecordAndATruncatedTailOnlyAgainstTheKeptHead() throws Exception {
        serversCallAtOnce(1, 5, env(), Map.of("container", "web"));
        Verified first = verify(audit().toString());
        Matcher m = HEAD.matcher(first.out());
        assertThat(m.find()).as(first.out()).isTrue();
        String head = m.group(1);
        List<String> lines = Files.readAllLines(audit());

        List<String> changedNewest = new ArrayList<>(lines);
        changedNewest.set(4, changedNewest.get(4).replace("\"outcome\":\"ok\"", "\"outcome\":\"error\""));
        Files.write(audit(), changedNewest);
        assertThat(verify(audit().toString()).exit()).as("nothing after the newest record vouches for it").isZero();
        Verified withHead = verify("--head", head, audit().toString());
        assertThat(withHead.exit()).isEqualTo(1);
        assertThat(withHead.out()).startsWith("BROKEN after 4 good records: no record has the head hash given with --head");

        Files.write(audit(), lines.subList(0, 3));
        assertThat(verify(audit().toString()).exit()).isZero();
        assertThat(verify("--head", head, audit().toString()).out()).contains("ends at record 3");

        List<String> changedMiddle = new ArrayList<>(lines);
        changedMiddle.set(1, changedMiddle.get(1).replace("\"outcome\":\"ok\"", "\"outcome\":\"error\""));
        Files.write(audit(), changedMiddle);
        Verified middle = verify(audit().toString());
        assertThat(middle.exit()).isEqualTo(1);
        assertThat(middle.out()).isEqualTo("BROKEN after 1 good records: audit.log line 3 (record 3) does not link to the record before it: record 2 was changed.");

        Files.write(audit(), lines);
        assertThat(verify("--head", head, audit().toString()).out()).startsWith("OK: 5 records").contains("is the newest");
    }

    @Test
    void verifyAnswersInOneSentenceWithoutExceptionNames() throws Exception {
        Files.write(audit(), new byte[] {(byte) 0xc3, (byte) 0x28, '{', '\n'});
        Verified binary = verify(audit().toString());
        assertThat(binary.exit()).isEqualTo(1);
        assertThat(binary.out()).isEqualTo("BROKEN after 0 good records: audit.log line 1 is not a JSON record: it was changed.");
        assertThat(binary.err()).isEmpty();

        Verified badHead = verify("--head", "not-a-hash", audit().toString());
        assertThat(badHead.exit()).isEqualTo(2);
        assertThat(badHead.err()).doesNotContain("Exception").contains("--head needs the 64-digit hash");

        Path unreadable = Files.createDirectory(dir.resolve("a-directory"));
        Verified dirAsFile = verify(unreadable.toString());
        assertThat(dirAsFile.exit()).isEqualTo(2);
        assertThat(dirAsFile.err()).doesNotContain("Exception").doesNotContain("\tat ").endsWith(".");
        assertThat(dirAsFile.err().lines()).hasSize(1);
    }
}
