package dockermcp.tools;

import dockermcp.config.HostSettings;
import dockermcp.engine.EngineException;

/** One outcome per host of a fan-out: a value or the failure that host gave. */
public record PerHost<T>(HostSettings host, T value, EngineException failure) {
    public boolean ok() {
        return failure == null;
    }
}
