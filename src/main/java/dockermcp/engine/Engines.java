package dockermcp.engine;

import dockermcp.config.HostSettings;
import dockermcp.config.Settings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured engines, each opened on first use so that start-up never waits for Docker or
 * loads the HTTP client.
 */
public final class Engines implements AutoCloseable {

    private final Settings settings;
    private final String userAgent;
    private final Map<String, DockerEngine> open = new ConcurrentHashMap<>();

    public Engines(Settings settings, String userAgent) {
        this.settings = settings;
        this.userAgent = userAgent;
    }

    public List<HostSettings> hosts() {
        return settings.hosts();
    }

    public DockerEngine get(HostSettings host) throws EngineException {
        DockerEngine e = open.get(host.name());
        if (e != null) {
            return e;
        }
        synchronized (this) {
            e = open.get(host.name());
            if (e == null) {
                e = DockerEngine.open(host, settings, userAgent);
                open.put(host.name(), e);
            }
            return e;
        }
    }

    @Override
    public void close() {
        open.values().forEach(DockerEngine::close);
        open.clear();
    }
}
