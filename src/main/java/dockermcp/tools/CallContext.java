package dockermcp.tools;

import dockermcp.config.Settings;
import dockermcp.engine.Engines;
import java.util.concurrent.ExecutorService;

/**
 * What a tool call may use, one part per concern: the settings, host choice ({@link Hosts}), calls on several hosts at
 * once ({@link FanOut}) and what the caller may see on each host ({@link Visibility}). Failures of hosts are told by
 * {@link HostErrors}.
 */
public final class CallContext {

    private final Settings settings;
    private final Hosts hosts;
    private final FanOut fanOut;
    private final Visibility visibility;

    public CallContext(Engines engines, Settings settings, ExecutorService workers) {
        this.settings = settings;
        this.hosts = new Hosts(engines);
        this.fanOut = new FanOut(hosts, settings, workers);
        this.visibility = new Visibility(settings);
    }

    public Settings settings() {
        return settings;
    }

    public Hosts hosts() {
        return hosts;
    }

    public FanOut fanOut() {
        return fanOut;
    }

    public Visibility visibility() {
        return visibility;
    }
}
