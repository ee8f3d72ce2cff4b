package dockermcp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dockermcp.config.Endpoint;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The request timeout, kept by one sweeper thread, against a fake engine that reads requests and never answers. */
@Timeout(120) // a hang guard only: a sweeper that never fires would otherwise block the build
class DeadlinesTest {

    @TempDir
    Path dir;
    private ServerSocketChannel silent;
    private final List<SocketChannel> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void silentEngine() throws Exception {
        Path socket = dir.resolve("silent.sock");
        silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        silent.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(() -> {
            try {
                for (;;) {
                    SocketChannel c = silent.accept();
                    accepted.add(c);
                    c.read(ByteBuffer.allocate(4096)); // the request; no answer, ever
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void stop() throws Exception {
        silent.close();
        for (SocketChannel c : accepted) {
            c.close();
        }
    }

    private EngineHttp engine(Duration timeout) {
        return new EngineHttp(Endpoint.unix(dir.resolve("silent.sock")), null, Duration.ofSeconds(5), timeout, "t");
    }

    @Test
    void aRequestWithNoAnswerEndsAsATimeoutAndTheNextOneToo() {
        try (EngineHttp http = engine(Duration.ofMillis(300))) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> http.get("/containers/json", null, 1024))
                        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.TIMEOUT));
            }
        }
    }

    /** The sweeper may be asleep for a long engine's timeout: an engine with a shorter one must still be cut at its own. */
    @Test
    void aShorterTimeoutIsKeptWhileALongerOneIsPending() throws Exception {
        try (EngineHttp slow = engine(Duration.ofSeconds(90)); EngineHttp quick = engine(Duration.ofMillis(200))) {
            CompletableFuture<Throwable> longOne = CompletableFuture.supplyAsync(() -> {
                try {
                    slow.get("/containers/json", null, 1024);
                    return null;
                } catch (EngineException e) {
                    return e;
                }
            });
            while (accepted.isEmpty()) {
                Thread.sleep(10);
            }
            assertThatThrownBy(() -> quick.get("/_ping", null, 1024))
                    .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.TIMEOUT));
            assertThat(longOne).as("the 90 s request is still waiting when the 200 ms one has timed out").isNotDone();
            slow.close();
            longOne.cancel(true);
        }
    }
}
