package dockermcp.cli;

/** Routes every log line to stderr at the configured level; must run before the first logger is created. */
final class Logging {

    private Logging() {
    }

    static void configure(String level) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
        if (!level.equals("debug")) {
            // the libraries' own info lines are noise to operators
            System.setProperty("org.slf4j.simpleLogger.log.io.modelcontextprotocol", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.reactor", "warn");
        }
    }
}
