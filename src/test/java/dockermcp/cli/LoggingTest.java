package dockermcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LOG_LEVEL=debug is about our own code: the libraries' internals stay at warn unless asked for on the command line. */
class LoggingTest {

    private String savedOwn;
    private String savedLibraries;

    @BeforeEach
    void clear() {
        savedOwn = System.clearProperty(Logging.OWN_LOGGERS);
        savedLibraries = System.clearProperty(Logging.LIBRARY_LOGGERS);
    }

    @AfterEach
    void restore() {
        restore(Logging.OWN_LOGGERS, savedOwn);
        restore(Logging.LIBRARY_LOGGERS, savedLibraries);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void debugRaisesOurLoggersAndKeepsLibrariesAtWarn() {
        Logging.configure("debug");
        assertThat(System.getProperty(Logging.OWN_LOGGERS)).isEqualTo("debug");
        assertThat(System.getProperty(Logging.LIBRARY_LOGGERS)).isEqualTo("warn");
    }

    @Test
    void errorQuietensEverything() {
        Logging.configure("error");
        assertThat(System.getProperty(Logging.OWN_LOGGERS)).isEqualTo("error");
        assertThat(System.getProperty(Logging.LIBRARY_LOGGERS)).isEqualTo("error");
    }

    @Test
    void aLevelGivenOnTheCommandLineWins() {
        System.setProperty(Logging.LIBRARY_LOGGERS, "debug"); // as -Dorg.slf4j.simpleLogger.defaultLogLevel=debug would
        Logging.configure("info");
        assertThat(System.getProperty(Logging.LIBRARY_LOGGERS)).isEqualTo("debug");
        assertThat(System.getProperty(Logging.OWN_LOGGERS)).isEqualTo("info");
    }
}
