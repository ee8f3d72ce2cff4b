package dockermcp.it.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.property.SecretCorpus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TTY container's log is one raw stream without frames, and the engine still splits a line longer than 16 KiB
 * into entries its tail counts: a tail can start with the rest of a token cut at the split. A real TTY container
 * prints a 40 KiB line with a token across each 16 KiB cut, then a short line; every tail that starts in a piece of
 * it is read through the packaged server, with and without time stamps.
 */
@Timeout(300)
class TtyLogsIT {

    static final String CONTAINER = "dms-tty-long";
    static final String FIRST = "ghp_" + "Xk9fQ2mP7vL4nR8tW3yB6cD1zQ9oRNbMUpU8Jb2";
    static final String SECOND = "glpat-" + "Qw7Er5Ty3Ui1Op9AsDfG";

    @TempDir
    static Path dir;
    static TestEngines engines;

    @BeforeAll
    static void start() throws Exception {
        engines = TestEngines.shared();
        engines.docker("rm", "-f", CONTAINER);
        engines.docker("run", "-d", "-t", "--name", CONTAINER, "--network", "none", "dms-fixture:1", "sh", "-c",
                "head -c " + (16384 - FIRST.length() / 2) + " /dev/zero | tr '\\0' a; printf '%s' " + FIRST
                        + "; head -c " + (16384 - (FIRST.length() - FIRST.length() / 2) - SECOND.length() / 2) + " /dev/zero | tr '\\0' b; printf '%s' " + SECOND
                        + "; head -c 8000 /dev/zero | tr '\\0' c; echo; echo last line; exec sleep 1000000");
        for (int i = 0; i < 100 && !engines.docker("logs", "--tail", "1", CONTAINER).contains("last line"); i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void remove() throws Exception {
        engines.docker("rm", "-f", CONTAINER);
    }

    @Test
    void theEngineItselfStartsATailWithTheRestOfAToken() throws Exception {
        String raw = engines.docker("logs", "--tail", "2", CONTAINER);
        assertThat(raw).startsWith(SECOND.substring(SECOND.length() / 2));
        assertThat(engines.docker("logs", "--tail", "3", CONTAINER)).startsWith(FIRST.substring(FIRST.length() / 2));
    }

    @Test
    void noTailOfATtyLogStartsWithAPieceOfAToken() throws Exception {
        try (JarServer server = JarServer.started(Map.of("ALLOW_LOCAL_DOCKER", "true", "LOCAL_DOCKER_HOST", engines.get("UNIX_DOCKER_HOST"),
                "LOGS_MAX_BYTES", Integer.toString(1 << 20)), dir, List.of())) {
            for (int tail : List.of(1, 2, 3, 4, 100)) {
                for (boolean stamps : List.of(false, true)) {
                    JarServer.Reply r = server.callAndWait("docker_logs", Map.of("container", CONTAINER, "tail", tail, "timestamps", stamps), Duration.ofSeconds(60));
                    String where = "tail " + tail + (stamps ? " timestamps" : "");
                    assertThat(r.isProtocolError() || r.isError()).as(where + ": " + r.text()).isFalse();
                    String out = r.text() + "\n" + r.everything();
                    for (String token : List.of(FIRST, SECOND)) {
                        assertThat(SecretCorpus.pieces(token)).as(where + ": " + out.substring(0, Math.min(out.length(), 400))).noneMatch(out::contains);
                    }
                    assertThat(out).as(where).contains("last line").doesNotContain("Z bbbb").doesNotContain("Z cccc");
                    if (tail >= 4) {
                        assertThat(out).as(where + ": the long line, read whole from its start").contains("aaaaaaaa");
                    }
                    if (stamps) {
                        assertThat(out).as(where).containsPattern("20\\d\\d-\\d\\d-\\d\\dT[0-9:.]+Z last line");
                    } else {
                        assertThat(out).as(where).doesNotContainPattern("20\\d\\d-\\d\\d-\\d\\dT[0-9:.]+Z");
                    }
                }
            }
        }
    }
}
