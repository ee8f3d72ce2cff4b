package dockermcp.tools;

import dockermcp.config.HostSettings;
import dockermcp.config.Settings;
import dockermcp.engine.DockerEngine;
import dockermcp.engine.EngineException;
import dockermcp.engine.Engines;
import java.util.List;

/** Host choice: which configured hosts a call addresses, and the engine of each. */
public final class Hosts {

    private final Engines engines;

    Hosts(Engines engines) {
        this.engines = engines;
    }

    /** The hosts a call addresses: the one named by {@code host}, or every configured host. */
    public List<HostSettings> addressed(String host) throws ToolFailure {
        List<HostSettings> all = engines.hosts();
        if (all.isEmpty()) {
            throw ToolFailure.of(Settings.nothingConfiguredMessage());
        }
        if (host == null) {
            return all;
        }
        for (HostSettings h : all) {
            if (h.name().equals(host)) {
                return List.of(h);
            }
        }
        String configured = String.join("', '", all.stream().map(HostSettings::name).toList());
        String hint = host.equals("remote") ? " (set DOCKER_HOST to add a remote engine)" : host.equals("local") ? " (set ALLOW_LOCAL_DOCKER=true to add this machine's engine)"
                : " (add it to the hosts file, DOCKER_HOSTS_FILE, or name a Docker context in DOCKER_CONTEXTS)";
        throw ToolFailure.refused("Host '" + dockermcp.engine.ObjectRef.shown(host) + "' is not configured: this server has '" + configured + "'" + hint + ".");
    }

    public DockerEngine engine(HostSettings host) throws EngineException {
        return engines.get(host);
    }
}
