package dockermcp.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.it.adversarial.JarServer;
import dockermcp.it.adversarial.TestEngines;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3 §6: a TLS remote that must be refused, with the reason in the message: the real TLS daemon
 * reached with a CA that did not sign its certificate, and in-test TLS listeners on 127.0.0.1 presenting
 * certificates from scripts/fixture/make-certs.sh that are signed by the client's CA but expired, or made
 * for another host name. The listeners also count handshakes that completed: none may, so no request
 * was ever sent to an untrusted engine.
 */
@Timeout(120)
class TlsRefusalIT {

    @TempDir
    static Path certs;
    static Listener expired;
    static Listener mismatch;

    @TempDir
    Path dir;

    @BeforeAll
    static void listeners() throws Exception {
        TestEngines.run(List.of("bash", "scripts/fixture/make-certs.sh", certs.toString()));
        expired = new Listener(certs.resolve("expired/server.p12"));
        mismatch = new Listener(certs.resolve("mismatch/server.p12"));
    }

    @AfterAll
    static void close() throws Exception {
        if (expired != null) {
            expired.close();
        }
        if (mismatch != null) {
            mismatch.close();
        }
    }

    private JsonNode statusOf(Map<String, String> env, String expectedReason) throws Exception {
        try (JarServer s = JarServer.started(env, dir, List.of())) {
            JsonNode status = s.callAndWait("docker_connection_status", Map.of(), Duration.ofSeconds(30)).structured();
            JarServer.Reply list = s.callAndWait("docker_list_containers", Map.of(), Duration.ofSeconds(30));
            assertThat(list.isError()).isTrue();
            assertThat(list.text()).contains(expectedReason).doesNotContain("Exception", "\n", "PKIX", "sun.security");
            assertThat(status.at("/hosts/0/reachable").asBoolean(true)).isFalse();
            assertThat(status.at("/hosts/0/error/kind").asString()).isEqualTo("tls");
            assertThat(status.at("/hosts/0/error/message").asString()).contains(expectedReason);
            return status;
        }
    }

    private static Map<String, String> remote(int port) {
        return Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port, "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs.resolve("client-pkcs1").toString());
    }

    @Test
    void aServerCertificateFromAnotherCaIsRefused() throws Exception {
        statusOf(TestEngines.shared().remote("TLS_CERT_PATH_WRONG_CA"), "not signed by the CA in DOCKER_CERT_PATH/ca.pem");
    }

    /** An expired engine certificate is refused, and the reason says it expired. */
    @Test
    void anExpiredServerCertificateIsRefused() throws Exception {
        statusOf(remote(expired.port()), "expired");
        assertThat(expired.attempts.get()).as("the client did try").isPositive();
        assertThat(expired.completed.get()).as("handshakes completed with the expired certificate").isZero();
    }

    @Test
    void anExpiredServerCertificateIsRefusedBeforeAnyRequest() throws Exception {
        try (JarServer s = JarServer.started(remote(expired.port()), dir, List.of())) {
            JarServer.Reply list = s.callAndWait("docker_list_containers", Map.of(), Duration.ofSeconds(30));
            assertThat(list.isError()).isTrue();
            assertThat(list.text()).startsWith("Cannot reach Docker at tcp://127.0.0.1:" + expired.port()).doesNotContain("Exception", "\n");
        }
        assertThat(expired.attempts.get()).as("the client did try").isPositive();
        assertThat(expired.completed.get()).as("handshakes completed with the expired certificate").isZero();
    }

    @Test
    void aCertificateForAnotherHostNameIsRefused() throws Exception {
        statusOf(remote(mismatch.port()), "does not match the host name");
        assertThat(mismatch.attempts.get()).isPositive();
        assertThat(mismatch.completed.get()).as("handshakes completed with a certificate for another host").isZero();
    }

    /** A TLS server on 127.0.0.1 with the given PKCS#12 identity; it only handshakes and counts. */
    static final class Listener implements AutoCloseable {
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        private final SSLServerSocket socket;
        private final Thread thread;

        Listener(Path p12) throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(p12)) {
                ks.load(in, "dms-test".toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "dms-test".toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            socket = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve, "tls-listener-" + p12.getParent().getFileName());
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (SSLSocket s = (SSLSocket) socket.accept()) {
                    attempts.incrementAndGet();
                    s.setSoTimeout(5000);
                    try {
                        s.startHandshake();
                        s.getInputStream().read(); // the handshake only completes for the server once the client's Finished arrives
                        completed.incrementAndGet();
                    } catch (java.io.IOException refusedByTheClient) {
                        // expected: the client rejects our certificate
                    }
                } catch (java.io.IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(2000);
        }
    }
}
