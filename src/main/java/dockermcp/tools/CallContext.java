package dockermcp.tools;

import dockermcp.config.Settings;
import dockermcp.engine.Engines;
import dockermcp.security.Redactor;
import java.util.concurrent.ExecutorService;

/**
 * What a tool call may use, one part per concern: the settings, host choice ({@link Hosts}), calls on several hosts at
 * once ({@link FanOut}), what the caller may see on each host ({@link Visibility}) and the one {@link Redactor} of these
 * settings: answers and the filters that match what answers show use the same rules. Failures of hosts are told by
 * {@link HostErrors}.
 */
public final class CallContext {

    private final Settings settings;
    private final Hosts hosts;
    private final FanOut fanOut;
    private final Visibility visibility;
    private final Redactor redactor;

    public CallContext(Engines engines, Settings settings, ExecutorService workers) {
        this.settings = settings;
        this.hosts = new Hosts(engines);
        this.fanOut = new FanOut(hosts, settings, workers);
        this.redactor = new Redactor(settings.redactPatterns(), settings.envRedaction());
        this.visibility = new Visibility(settings, redactor);
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

    public Redactor redactor() {
        return redactor;
    }
}
