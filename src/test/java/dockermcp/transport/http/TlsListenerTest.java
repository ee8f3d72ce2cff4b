package dockermcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dockermcp.config.ConfigError;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MCP_TLS_CERT / MCP_TLS_KEY: PEM certificate and key in the forms Docker and openssl produce. Needs openssl. */
class TlsListenerTest {

    @TempDir
    Path dir;

    private void openssl(String... args) throws Exception {
        assumeTrue(new java.io.File("/usr/bin/openssl").canExecute(), "openssl is not installed");
        Process p = new ProcessBuilder(List.of(args)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private void certificate(String keyFile) throws Exception {
        openssl("openssl", "req", "-new", "-x509", "-key", keyFile, "-out", "cert.pem", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
    }

    @Test
    void servesHttpsWithAPkcs1RsaKeyAndCertificate() throws Exception {
        openssl("openssl", "genrsa", "-traditional", "-out", "key.pem", "2048");
        assertThat(Files.readString(dir.resolve("key.pem"))).contains("BEGIN RSA PRIVATE KEY");
        certificate("key.pem");
        try (TestServer s = new TestServer(dir, Map.of("MCP_TLS_CERT", dir.resolve("cert.pem").toString(), "MCP_TLS_KEY", dir.resolve("key.pem").toString()))) {
            assertThat(s.server.endpoint().toString()).startsWith("https://127.0.0.1:");
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(dir.resolve("cert.pem"))).build();
            HttpRequest init = s.post(TestServer.TOKEN_A, TestServer.INIT).uri(s.server.endpoint()).build();
            HttpResponse<String> r = client.send(init, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Mcp-Session-Id")).isPresent();
        }
    }

    @Test
    void readsSec1EcAndPkcs8Keys() throws Exception {
        openssl("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.pem");
        assertThat(Files.readString(dir.resolve("ec.pem"))).contains("BEGIN EC PRIVATE KEY");
        certificate("ec.pem");
        assertThat(PemKeyStore.load(dir.resolve("cert.pem"), dir.resolve("ec.pem")).leaf().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        openssl("openssl", "pkcs8", "-topk8", "-nocrypt", "-in", "ec.pem", "-out", "ec8.pem");
        assertThat(PemKeyStore.load(dir.resolve("cert.pem"), dir.resolve("ec8.pem")).store().isKeyEntry(PemKeyStore.ALIAS)).isTrue();
    }

    @Test
    void unusableFilesAreRefusedWithOneSentence() throws Exception {
        openssl("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.pem");
        certificate("ec.pem");
        Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemKeyStore.load(dir.resolve("cert.pem"), dir.resolve("garbage.pem"))).isInstanceOf(ConfigError.class)
                .hasMessageContaining("MCP_TLS_KEY");
        assertThatThrownBy(() -> PemKeyStore.load(dir.resolve("ec.pem"), dir.resolve("ec.pem"))).isInstanceOf(ConfigError.class)
                .hasMessageContaining("MCP_TLS_CERT");
    }

    private static SSLContext trusting(Path certFile) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(certFile)) {
            ks.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
