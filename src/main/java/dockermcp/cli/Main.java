package dockermcp.cli;

import dockermcp.config.ConfigError;
import dockermcp.config.Settings;
import dockermcp.config.SettingsLoader;
import dockermcp.server.Core;
import dockermcp.server.Product;
import dockermcp.transport.StdioTransport;
import java.io.PrintStream;

/** Entry point: flags, settings, then the stdio MCP server. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream protocolOut = System.out;
        System.setOut(System.err); // stdout belongs to the protocol: anything printed by accident goes to stderr
        Options options;
        Settings settings;
        try {
            options = Options.parse(java.util.List.of(args), System.getenv());
            switch (options.command()) {
                case "help" -> {
                    protocolOut.print(Help.TEXT);
                    protocolOut.flush();
                    System.exit(0);
                }
                case "version" -> {
                    protocolOut.println(Product.NAME + " " + Product.VERSION);
                    protocolOut.flush();
                    System.exit(0);
                }
                case "train" -> {
                    Training.run();
                    System.exit(0);
                }
                case "prepare" -> {
                    // the archive belongs to the launcher, which adds the flag that uses it; a bare JVM cannot
                    System.err.println(Product.NAME + ": --prepare is a launcher command (bin/docker-mcp-secure --prepare, or npx docker-mcp-secure --prepare),"
                            + " which keeps the start-up archive; with java -jar on JDK 19 or later, add -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=FILE.jsa instead.");
                    System.exit(2);
                }
                case "healthcheck" -> System.exit(HealthCheckCommand.run(System.getenv(), protocolOut));
                case "audit-verify" -> System.exit(AuditVerifyCommand.run(java.nio.file.Path.of(options.file()), options.auditHead(), protocolOut));
                default -> { }
            }
            settings = SettingsLoader.fromEnvironment();
        } catch (ConfigError e) {
            System.err.println(Product.NAME + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        Logging.configure(settings.logLevel());
        if (options.transport().equals("http")) {
            System.exit(dockermcp.transport.http.HttpMode.serve(settings, options.allowInsecureBind()));
        }
        System.exit(serveStdio(settings, protocolOut));
    }

    private static int serveStdio(Settings settings, PrintStream protocolOut) {
        Core core = Core.open(settings);
        StdioTransport stdio = new StdioTransport(System.in, protocolOut, core.registry(), settings.requestTimeout());
        Runtime.getRuntime().addShutdownHook(new Thread(core::close, "shutdown"));
        core.logStartup("stdio");
        try {
            stdio.awaitEndOfInput();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        org.slf4j.LoggerFactory.getLogger(Main.class).info("stdin closed, exiting");
        return 0;
    }
}
