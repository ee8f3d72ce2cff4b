package dockermcp.it.resilience;

import dockermcp.it.adversarial.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A unix-socket daemon of its own (scripts/test-engines.sh up --only unix, in a work dir named after
 * this JVM), for tests that stop, kill or freeze a daemon: the shared engines other tests use are never
 * touched, and two test runs on one machine never share it. Started once per test run with
 * --live-restore (a stop and a start then take about a second and keep the containers running), and
 * torn down when the run ends: it lives in JUnit's root store, which closes it. Tests get it as a
 * parameter: {@code @ExtendWith(PrivateEngine.Resolver.class)}.
 */
final class PrivateEngine implements AutoCloseable {

    static final String PREFIX = "dms-engines-resilience-";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PrivateEngine.class);

    final Path dir;
    final TestEngines engines;

    private PrivateEngine(Path dir, TestEngines engines) {
        this.dir = dir;
        this.engines = engines;
    }

    static PrivateEngine launch() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftovers(tmp);
        Path dir = tmp.resolve(PREFIX + ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        String envFile = TestEngines.script(dir, Map.of("DMS_DOCKERD_FLAGS", "--live-restore"), "up", "--only", "unix").strip();
        System.out.printf("PrivateEngine: up in %d ms at %s%n", (System.nanoTime() - t0) / 1_000_000, dir);
        return new PrivateEngine(dir, new TestEngines(TestEngines.read(Path.of(envFile))));
    }

    /** Work dirs of test runs whose JVM is gone (killed before it could tear its daemon down). */
    private static void removeLeftovers(Path tmp) throws IOException {
        try (Stream<Path> dirs = Files.list(tmp)) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                String pid = d.getFileName().toString().substring(PREFIX.length());
                boolean alive = pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isPresent();
                if (!alive) {
                    try {
                        TestEngines.script(d, Map.of(), "down");
                    } catch (Exception e) {
                        System.err.println("PrivateEngine: could not remove leftover " + d + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        long t0 = System.nanoTime();
        TestEngines.script(dir, Map.of(), "down");
        System.out.printf("PrivateEngine: down in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    private String script(String... args) throws IOException, InterruptedException {
        return TestEngines.script(dir, Map.of(), args);
    }

    /** Server environment with this daemon as host 'local'. */
    Map<String, String> local() {
        return engines.local();
    }

    String socket() {
        return engines.get("UNIX_SOCKET");
    }

    /** SIGTERM (clean stop, the socket file goes) or SIGKILL (a crash, the socket file stays). */
    void stop(boolean kill) throws Exception {
        if (kill) {
            script("stop", "unix", "--kill");
        } else {
            script("stop", "unix");
        }
    }

    void start() throws Exception {
        script("start", "unix");
    }

    /** SIGSTOP: the daemon still accepts connections (the kernel queues them) but never answers. */
    void pause() throws Exception {
        script("pause", "unix");
    }

    void resume() throws Exception {
        script("resume", "unix");
    }

    String docker(String... args) throws Exception {
        return engines.docker(args);
    }

    /**
     * Runs a container (no network) whose shell {@code script} writes a big log and then prints {@code endMarker},
     * waits until the marker is the newest line, and returns the json-file log's path. Skips the test when the
     * disk has less than {@code needBytes} free.
     */
    Path containerWithLog(String name, String script, String endMarker, long needBytes) throws Exception {
        long free = java.nio.file.Files.getFileStore(dir).getUsableSpace();
        org.junit.jupiter.api.Assumptions.assumeTrue(free > needBytes, "needs " + (needBytes >> 20) + " MiB free; free: " + (free >> 20) + " MiB");
        docker("rm", "-f", name);
        docker("run", "-d", "--network", "none", "--name", name, "dms-fixture:1", "sh", "-c", script + "; echo " + endMarker + "; exec sleep 1000000");
        for (int i = 0; i < 1200 && !docker("logs", "--tail", "1", name).contains(endMarker); i++) {
            Thread.sleep(500);
        }
        return Path.of(docker("inspect", "-f", "{{.LogPath}}", name).strip());
    }

    /** Gives test methods and @BeforeAll methods the run's private engine, starting it on first use. */
    static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
            return p.getParameter().getType() == PrivateEngine.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext c) {
            return c.getRoot().getStore(NS).computeIfAbsent(PrivateEngine.class, k -> {
                try {
                    return launch();
                } catch (Exception e) {
                    throw new IllegalStateException("could not start the private test daemon: " + e.getMessage(), e);
                }
            }, PrivateEngine.class);
        }
    }
}
