package dockermcp.server;

import dockermcp.config.HostSettings;
import dockermcp.config.Settings;
import dockermcp.engine.Engines;
import dockermcp.security.AuditLog;
import dockermcp.tools.ToolRegistry;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every transport serves: the engines, the audit log, the worker pool and the tool registry. */
public record Core(Settings settings, Engines engines, AuditLog audit, ExecutorService workers, ToolRegistry registry) implements AutoCloseable {

    public static Core open(Settings settings) {
        HandshakePrep.startInBackground(); // on the second core while this one assembles the server
        Engines engines = new Engines(settings, Product.NAME + "/" + Product.VERSION);
        AuditLog audit = AuditLog.to(settings.auditFile(), settings.auditMaxBytes(), settings.auditFailOpen());
        ExecutorService workers = Workers.pool();
        return new Core(settings, engines, audit, workers, new ToolRegistry(settings, engines, audit, workers));
    }

    /** Logs the configuration once at start-up, warnings first. */
    public void logStartup(String transport) {
        Logger log = LoggerFactory.getLogger(Core.class);
        if (settings.hosts().isEmpty()) {
            log.warn(Settings.nothingConfiguredMessage());
        }
        for (HostSettings h : settings.hosts()) {
            log.info("host '{}' at {}", h.name(), h.endpoint().display());
            h.warnings().forEach(log::warn);
        }
        // which runtime a launcher picked (JAVA_HOME, a bundled one, PATH, an install folder) is the first debugging question
        log.debug("running on Java {} from {}", Runtime.version(), System.getProperty("java.home"));
        log.info("{} {} ready on {} (read-only; audit log {})", Product.NAME, Product.VERSION, transport,
                audit.enabled() ? audit.file() : "off");
    }

    @Override
    public void close() {
        engines.close();
        audit.close();
        workers.shutdownNow();
    }
}
