package dockermcp.it.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The unix-socket test engine from scripts/test-engines.sh, as the server's environment. */
final class Engines {

    private Engines() {
    }

    static Map<String, String> local() throws Exception {
        Path file = Path.of(System.getenv().getOrDefault("DMS_ENGINES_ENV", "/tmp/dms-engines/engines.env"));
        String socket = Files.readAllLines(file).stream().filter(l -> l.startsWith("UNIX_DOCKER_HOST="))
                .map(l -> l.substring(l.indexOf('=') + 1).strip()).findFirst()
                .orElseThrow(() -> new IllegalStateException("UNIX_DOCKER_HOST missing from " + file));
        return Map.of("ALLOW_LOCAL_DOCKER", "true", "LOCAL_DOCKER_HOST", socket);
    }
}
