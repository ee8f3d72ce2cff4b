package dockermcp.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One Docker engine the server may read from.
 *
 * @param name      "local" or "remote": what users pass as the {@code host} argument
 * @param certPath  the DOCKER_CERT_PATH directory for TLS endpoints, otherwise null
 * @param warnings  configuration warnings shown at start-up and in docker_connection_status
 */
public record HostSettings(String name, Endpoint endpoint, Path certPath, List<String> warnings) {
    public HostSettings {
        warnings = List.copyOf(warnings);
        if (endpoint.transport() == Endpoint.Transport.TLS && certPath == null) {
            throw new IllegalArgumentException("TLS endpoint without a certificate directory");
        }
    }
}
