package dockermcp.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The throwaway daemons started by scripts/test-engines.sh, as described by its engines.env file. */
final class RealEngines {

    private static Map<String, String> env;

    private RealEngines() {
    }

    static synchronized Map<String, String> env() {
        if (env == null) {
            String file = System.getenv().getOrDefault("DMS_ENGINES_ENV", "/tmp/dms-engines/engines.env");
            Path p = Path.of(file);
            if (!Files.exists(p)) {
                throw new IllegalStateException("Integration tests need the test engines: run 'sudo scripts/test-engines.sh up' (or scripts/test.sh), "
                        + "or set DMS_ENGINES_ENV to their engines.env; missing " + p);
            }
            Map<String, String> m = new HashMap<>();
            try {
                for (String line : Files.readAllLines(p)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            env = m;
        }
        return env;
    }

    static String get(String key) {
        String v = env().get(key);
        if (v == null) {
            throw new IllegalStateException(key + " missing from engines.env");
        }
        return v;
    }

    /** Server environment for the unix-socket engine as host 'local'. */
    static Map<String, String> local() {
        return Map.of("ALLOW_LOCAL_DOCKER", "true", "LOCAL_DOCKER_HOST", get("UNIX_DOCKER_HOST"));
    }

    /** Server environment for the mutual-TLS engine as host 'remote'. */
    static Map<String, String> remote(String certPathKey) {
        return Map.of("DOCKER_HOST", get("TLS_DOCKER_HOST"), "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", get(certPathKey));
    }

    static Map<String, String> dual() {
        Map<String, String> m = new HashMap<>(local());
        m.putAll(remote("TLS_CERT_PATH"));
        return m;
    }

    /** Runs the docker CLI against the unix-socket engine; returns its output (stdout and stderr). */
    static String docker(String... args) throws java.io.IOException, InterruptedException {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("docker", "-H", get("UNIX_DOCKER_HOST")));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("docker " + String.join(" ", args) + " did not end");
        }
        return out;
    }
}
