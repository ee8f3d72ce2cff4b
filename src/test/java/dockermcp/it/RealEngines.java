package dockermcp.it;

import dockermcp.it.adversarial.TestEngines;
import java.util.HashMap;
import java.util.Map;

/** Shorthands for the shared test engines; their engines.env is read by {@link TestEngines} alone. */
final class RealEngines {

    private RealEngines() {
    }

    static String get(String key) {
        return TestEngines.shared().get(key);
    }

    /** Server environment for the unix-socket engine as host 'local'. */
    static Map<String, String> local() {
        return TestEngines.shared().local();
    }

    /** Server environment for the mutual-TLS engine as host 'remote'. */
    static Map<String, String> remote(String certPathKey) {
        return TestEngines.shared().remote(certPathKey);
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
