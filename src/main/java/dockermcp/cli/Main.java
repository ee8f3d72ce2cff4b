package dockermcp.cli;

import dockermcp.config.ConfigError;
import dockermcp.config.HostSettings;
import dockermcp.config.Settings;
import dockermcp.config.SettingsLoader;
import dockermcp.engine.Engines;
import dockermcp.security.AuditLog;
import dockermcp.tools.ToolRegistry;
import dockermcp.transport.StdioTransport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Entry point: flags, settings, then the stdio MCP server. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream protocolOut = System.out;
        System.setOut(System.err); // stdout belongs to the protocol: anything printed by accident goes to stderr
        if (args.length > 0) {
            switch (args[0]) {
                case "--help", "-h" -> {
                    protocolOut.print(Help.TEXT);
                    protocolOut.flush();
                    System.exit(0);
                }
                case "--version", "-V" -> {
                    protocolOut.println(Product.NAME + " " + Product.VERSION);
                    protocolOut.flush();
                    System.exit(0);
                }
                case "--train" -> {
                    Training.run();
                    System.exit(0);
                }
                default -> {
                    System.err.println(Product.NAME + ": unknown option '" + args[0] + "': run " + Product.NAME + " --help for usage.");
                    System.exit(2);
                }
            }
        }
        Settings settings;
        try {
            settings = SettingsLoader.fromEnvironment();
        } catch (ConfigError e) {
            System.err.println(Product.NAME + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        Logging.configure(settings.logLevel());
        System.exit(serveStdio(settings, protocolOut));
    }

    private static int serveStdio(Settings settings, PrintStream protocolOut) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);
        Engines engines = new Engines(settings, Product.NAME + "/" + Product.VERSION);
        AuditLog audit = AuditLog.to(settings.auditFile());
        ExecutorService workers = workers();
        ToolRegistry registry = new ToolRegistry(settings, engines, audit, workers);
        StdioTransport stdio = new StdioTransport(System.in, protocolOut, registry, settings.requestTimeout());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engines.close();
            audit.close();
        }, "shutdown"));
        if (settings.hosts().isEmpty()) {
            log.warn(Settings.nothingConfiguredMessage());
        }
        for (HostSettings h : settings.hosts()) {
            log.info("host '{}' at {}", h.name(), h.endpoint().display());
            h.warnings().forEach(w -> log.warn(w));
        }
        log.info("{} {} ready on stdio (read-only; audit log {})", Product.NAME, Product.VERSION,
                audit.enabled() ? audit.file() : "off");
        try {
            stdio.awaitEndOfInput(Duration.ofMillis(500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("stdin closed, exiting");
        return 0;
    }

    /** Worker threads for fan-out across hosts and containers; daemon threads so they never hold the JVM. */
    public static ExecutorService workers() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(0, 512, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
