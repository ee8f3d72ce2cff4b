package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The packaged jar as a process: start-up that does not wait for Docker, stdout hygiene, and clean exits. */
@Timeout(60)
class ServerProcessIT {

    /** Only a guard against a server that never exits: an exit takes well under a second, so this is far beyond any normal run. */
    static final int EXIT_GUARD_SECONDS = 30;

    @TempDir
    Path dir;

    private Process start(List<String> jvmFlags) throws Exception {
        List<String> cmd = PackagedJar.command(jvmFlags);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().putAll(RealEngines.local());
        pb.environment().put("SECURITY_AUDIT_LOG_FILE", dir.resolve("audit.log").toString());
        pb.environment().put("LOG_LEVEL", "debug");
        return pb.start();
    }

    private static void send(OutputStream out, String json) throws Exception {
        out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * After the handshake the server warms its tool path up on a background thread (a list and a one-line log read,
     * answers dropped): that contacts the daemon with reads only and is no client's call, so it is not audited. That
     * initialize and tools/list never wait for the daemon is shown with a frozen one in BrokenDaemonIT.
     */
    @Test
    void theWarmUpAfterTheHandshakeOnlyReadsAndIsNotAudited() throws Exception {
        DaemonLog log = DaemonLog.from(RealEngines.get("UNIX_LOG"));
        Path classLog = dir.resolve("classes.txt");
        Process p = start(List.of("-Xlog:class+load=info:file=" + classLog));
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}");
        JsonNode init = McpSession.JSON.readTree(out.readLine());
        assertThat(init.at("/result/protocolVersion").asString()).isEqualTo("2025-06-18");
        send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        JsonNode list = McpSession.JSON.readTree(out.readLine());
        RegisteredTools.assertListed(list.at("/result/tools"));
        Path stderr = dir.resolve("stderr.txt");
        for (long guard = System.nanoTime() + TimeUnit.SECONDS.toNanos(EXIT_GUARD_SECONDS); System.nanoTime() < guard
                && !Files.readString(stderr).contains("warm-up done"); ) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(stderr)).contains("warm-up done");
        List<String> warmUp = log.requests();
        assertThat(warmUp).as("the warm-up's requests to the daemon").isNotEmpty()
                .allSatisfy(r -> assertThat(r).startsWith("GET ")).anySatisfy(r -> assertThat(r).contains("/containers/json"))
                .anySatisfy(r -> assertThat(r).contains("/logs"));
        assertThat(Files.exists(dir.resolve("audit.log")) ? Files.readAllLines(dir.resolve("audit.log")) : List.of()).as("audit records of the warm-up").isEmpty();
        assertThat(Files.readString(classLog)).contains("dockermcp.tools.ToolRegistry");

        send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_list_containers\",\"arguments\":{}}}");
        JsonNode call = McpSession.JSON.readTree(out.readLine());
        assertThat(call.at("/result/isError").asBoolean()).isFalse();
        assertThat(Files.readAllLines(dir.resolve("audit.log"))).as("the client's call is audited").hasSize(1).allSatisfy(l -> assertThat(l).contains("docker_list_containers"));
        p.getOutputStream().close();
        assertThat(p.waitFor(EXIT_GUARD_SECONDS, TimeUnit.SECONDS)).as("exits by itself after stdin closes").isTrue();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void stdoutCarriesOnlyProtocolMessagesAndLogsGoToStderr() throws Exception {
        Process p = start(List.of());
        send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}");
        send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_inspect\",\"arguments\":{\"container\":\"web\"}}}");
        send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_inspect\",\"arguments\":{\"container\":\"../x\"}}}");
        send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}");
        p.getOutputStream().close();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(p.waitFor(EXIT_GUARD_SECONDS, TimeUnit.SECONDS)).as("exits by itself after stdin closes").isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(lines).allSatisfy(l -> assertThat(McpSession.JSON.readTree(l).get("jsonrpc").asString()).isEqualTo("2.0"));
        assertThat(lines.stream().map(l -> McpSession.JSON.readTree(l).get("id").asInt())).as("every request answered, once")
                .containsExactlyInAnyOrder(1, 2, 3, 4);
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertThat(stderr).contains("ready on stdio").contains("[DEBUG] Core - running on Java").doesNotContain("hunter2");
        // LOG_LEVEL=debug is ours: the SDK's debug lines (every message, arguments unredacted) stay off
        assertThat(stderr).doesNotContain("Received JSON message").doesNotContain("[DEBUG] McpServerSession");
    }

    @Test
    void sigtermEndsTheServer() throws Exception {
        Process p = start(List.of());
        send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}");
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(EXIT_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve("stderr.txt"))).doesNotContain("Exception");
    }

    @Test
    void helpNamesPrepareAndPrepareUnderJavaJarSaysWhichLauncherDoesIt() throws Exception {
        Process help = new ProcessBuilder(PackagedJar.command("--help")).redirectErrorStream(true).start();
        String helpText = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help.waitFor()).isZero();
        assertThat(helpText).contains("--prepare").contains("healthcheck");

        Process prepare = new ProcessBuilder(PackagedJar.command("--prepare")).redirectError(dir.resolve("prepare.txt").toFile()).start();
        String stdout = new String(prepare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(prepare.waitFor()).isEqualTo(2);
        assertThat(stdout).isEmpty();
        assertThat(Files.readString(dir.resolve("prepare.txt"))).contains("bin/docker-mcp-secure --prepare").contains("npx docker-mcp-secure --prepare")
                .doesNotContain("unknown option").doesNotContain("Exception");
    }
}
