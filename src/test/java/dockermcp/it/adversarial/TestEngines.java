package dockermcp.it.adversarial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway daemons made by scripts/test-engines.sh: reading an engines.env, running the script and the
 * docker CLI against one of them, and reading a daemon's debug log as the witness of what it received.
 */
public final class TestEngines {

    public static final Path SCRIPT = Path.of("scripts/test-engines.sh");
    private static Map<String, String> shared;

    private final Map<String, String> env;

    public TestEngines(Map<String, String> env) {
        this.env = env;
    }

    /** The shared engines of this test run (DMS_ENGINES_ENV, else /tmp/dms-engines/engines.env). */
    public static synchronized TestEngines shared() {
        if (shared == null) {
            String file = System.getenv().getOrDefault("DMS_ENGINES_ENV", "/tmp/dms-engines/engines.env");
            if (!Files.exists(Path.of(file))) {
                throw new IllegalStateException("Integration tests need the test engines: run 'sudo scripts/test-engines.sh up' (or scripts/test.sh), "
                        + "or set DMS_ENGINES_ENV to their engines.env; missing " + file);
            }
            shared = read(Path.of(file));
        }
        return new TestEngines(shared);
    }

    public static Map<String, String> read(Path file) {
        Map<String, String> m = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    public String get(String key) {
        String v = env.get(key);
        if (v == null) {
            throw new IllegalStateException(key + " missing from engines.env");
        }
        return v;
    }

    /** Server environment with the unix engine as host 'local'. */
    public Map<String, String> local() {
        return Map.of("ALLOW_LOCAL_DOCKER", "true", "LOCAL_DOCKER_HOST", get("UNIX_DOCKER_HOST"));
    }

    /** Server environment with the TLS engine as host 'remote', using the client material in {@code certPathKey}. */
    public Map<String, String> remote(String certPathKey) {
        return Map.of("DOCKER_HOST", get("TLS_DOCKER_HOST"), "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", get(certPathKey));
    }

    /** Runs the docker CLI against the unix engine; returns stdout, fails on a non-zero exit. */
    public String docker(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", get("UNIX_DOCKER_HOST")));
        cmd.addAll(List.of(args));
        return run(cmd, Map.of("DOCKER_CONFIG", Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "dms-it-docker-config")).toString()), 120);
    }

    /** Runs scripts/test-engines.sh with DMS_ENGINES_DIR={@code dir}; returns stdout. */
    public static String script(Path dir, Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("DMS_ENGINES_DIR", dir.toString());
        return run(cmd, env, 300);
    }

    public static String run(List<String> cmd) throws IOException, InterruptedException {
        return run(cmd, Map.of(), 120);
    }

    /** Runs a command without the caller's DOCKER_* variables; returns stdout, fails on a non-zero exit. */
    public static String run(List<String> cmd, Map<String, String> env, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("DOCKER_"));
        pb.environment().putAll(env);
        Path err = Files.createTempFile("dms-cmd", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s");
        }
        String stderr = Files.readString(err);
        Files.deleteIfExists(err);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + stderr);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
