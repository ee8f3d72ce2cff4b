package dockermcp.cli;

/**
 * Routes every log line to stderr: our own loggers at the configured level, the libraries' (Jetty, the MCP SDK,
 * Reactor) at warn even with LOG_LEVEL=debug, whose internals would drown ours. A -Dorg.slf4j.simpleLogger.*
 * property given on the command line (DOCKER_MCP_JAVA_OPTS) wins. Must run before the first logger is created.
 */
final class Logging {

    static final String OWN_LOGGERS = "org.slf4j.simpleLogger.log.dockermcp";
    static final String LIBRARY_LOGGERS = "org.slf4j.simpleLogger.defaultLogLevel";

    private Logging() {
    }

    static void configure(String level) {
        setUnlessGiven("org.slf4j.simpleLogger.logFile", "System.err");
        setUnlessGiven(OWN_LOGGERS, level);
        setUnlessGiven(LIBRARY_LOGGERS, level.equals("debug") || level.equals("info") ? "warn" : level);
        setUnlessGiven("org.slf4j.simpleLogger.showDateTime", "true");
        setUnlessGiven("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setUnlessGiven("org.slf4j.simpleLogger.showThreadName", "false");
        setUnlessGiven("org.slf4j.simpleLogger.showShortLogName", "true");
        setUnlessGiven("org.slf4j.simpleLogger.levelInBrackets", "true");
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
