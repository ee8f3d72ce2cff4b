package dockermcp.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One Docker engine the server may read from. Every engine the server knows is one of these, built by
 * {@link SettingsLoader} from DOCKER_HOST, ALLOW_LOCAL_DOCKER, Docker contexts and the hosts file; tool schemas,
 * fan-out, status and messages are derived from the list of them.
 *
 * @param name           what users pass as the {@code host} argument ({@code local}, {@code remote}, or a name from
 *                       the hosts file or a context)
 * @param certPath       the directory with ca.pem, cert.pem and key.pem for TLS endpoints, otherwise null
 * @param warnings       configuration warnings shown at start-up and in docker_connection_status
 * @param origin         where the operator configured it, for messages ("DOCKER_HOST", "hosts file /etc/h.yaml, line 3")
 * @param connectTimeout this host's connection timeout, or null for DOCKER_CONNECT_TIMEOUT
 * @param requestTimeout this host's answer timeout, or null for DOCKER_REQUEST_TIMEOUT
 * @param visibility     this host's visibility rules, or null for the global ones
 * @param sshConfig      an ssh_config file to pass to ssh (-F), or null for the user's own
 */
public record HostSettings(String name, Endpoint endpoint, Path certPath, List<String> warnings, String origin,
        Duration connectTimeout, Duration requestTimeout, VisibilityRules visibility, Path sshConfig) {

    /** The grammar of host names: short, lower case, safe in messages, schemas and file names. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public HostSettings {
        warnings = List.copyOf(warnings);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid host name");
        }
        if (endpoint.transport() == Endpoint.Transport.TLS && certPath == null) {
            throw new IllegalArgumentException("TLS endpoint without a certificate directory");
        }
    }

    public HostSettings(String name, Endpoint endpoint, Path certPath, List<String> warnings) {
        this(name, endpoint, certPath, warnings, name.equals("local") ? "ALLOW_LOCAL_DOCKER" : "DOCKER_HOST", null, null, null, null);
    }

    public Duration connectTimeout(Settings global) {
        return connectTimeout == null ? global.connectTimeout() : connectTimeout;
    }

    public Duration requestTimeout(Settings global) {
        return requestTimeout == null ? global.requestTimeout() : requestTimeout;
    }

    public VisibilityRules visibility(Settings global) {
        return visibility == null ? global.visibility() : visibility;
    }
}
