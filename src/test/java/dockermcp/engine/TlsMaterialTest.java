package dockermcp.engine;

import dockermcp.config.Endpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TlsMaterialTest {

    private static final AtomicInteger SERIAL = new AtomicInteger(1000);
    /** Socket and request timeouts here only guard against a hang: a local handshake takes well under a second, even on a busy machine. */
    private static final int GUARD_MS = 120_000;
    private static final ExecutorService SERVER = Executors.newCachedThreadPool();

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static Path ca;
    private static Path otherCa;

    @BeforeAll
    static void createCertificateAuthorities() throws Exception {
        Process version;
        try {
            version = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
        } catch (IOException e) {
            version = null;
        }
        assumeThat(version != null && version.waitFor() == 0).as("openssl on PATH").isTrue();
        ca = newCa("ca", "dms-test-ca");
        otherCa = newCa("other-ca", "dms-other-ca");
    }

    @AfterAll
    static void stopServerThreads() {
        SERVER.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rsa-pkcs1,     genrsa -traditional -out key.pem 2048,                         BEGIN RSA PRIVATE KEY",
        "rsa-pkcs8,     genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem, BEGIN PRIVATE KEY",
        "ec-p256-sec1,  ecparam -name prime256v1 -genkey -noout -out key.pem,          BEGIN EC PRIVATE KEY",
        "ec-p384-sec1,  ecparam -name secp384r1 -genkey -out key.pem,                  BEGIN EC PARAMETERS",
        "ec-p256-pkcs8, genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem, BEGIN PRIVATE KEY",
        "ed25519-pkcs8, genpkey -algorithm ed25519 -out key.pem,                       BEGIN PRIVATE KEY",
    })
    void loadsEachUnencryptedKeyFormAndTheKeyManagerPresentsKeyAndChain(String kind, String keygen, String pemHeader) throws Exception {
        Path dir = clientDir(kind, ca, "client", keygen.split(" "));
        assertThat(Files.readString(dir.resolve("key.pem"))).startsWith("-----" + pemHeader + "-----");

        TlsMaterial material = TlsMaterial.load(dir);

        X509KeyManager km = material.keyManager();
        String alias = km.chooseClientAlias(new String[] {"RSA", "EC", "EdDSA", "Ed25519"}, null, null);
        assertThat(alias).isNotNull();
        X509Certificate[] chain = km.getCertificateChain(alias);
        assertThat(chain).containsExactly(readCert(dir.resolve("cert.pem")));
        PrivateKey key = km.getPrivateKey(alias);
        assertThat(key).isNotNull();
        assertSignsFor(key, chain[0]);
        if (kind.startsWith("ec-")) {
            int bits = ((ECPrivateKey) key).getParams().getCurve().getField().getFieldSize();
            assertThat(bits).isEqualTo(kind.contains("p384") ? 384 : 256);
        }
        assertThat(material.directory()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ca.pem", "cert.pem", "key.pem"})
    void missingFileIsNamedWithTheDockerCliLayout(String missing) throws Exception {
        Path dir = rsaClient("missing-" + missing);
        Files.delete(dir.resolve(missing));

        assertThat(failure(dir)).isEqualTo("DOCKER_CERT_PATH " + dir + " has no " + missing
                + ": put the CA certificate, client certificate and key there as ca.pem, cert.pem and key.pem, as the Docker CLI expects.");
    }

    @Test
    void missingDirectoryIsRefused() throws Exception {
        Path dir = tmp.resolve("nowhere");
        assertThat(failure(dir)).startsWith("DOCKER_CERT_PATH " + dir + " is not a directory:");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pkcs8,       genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -aes256 -pass pass:secret -out key.pem",
        "traditional, genrsa -traditional -aes256 -passout pass:secret -out key.pem 2048",
        "ec-sec1,     ecparam -name prime256v1 -genkey -noout -out plain.pem",
    })
    void encryptedKeyIsRefusedWithTheDecryptCommand(String kind, String keygen) throws Exception {
        Path dir = rsaClient("encrypted-" + kind);
        openssl(dir, keygen.split(" "));
        if (kind.equals("ec-sec1")) { // openssl ec -aes256 writes the legacy Proc-Type header for EC keys too
            openssl(dir, "ec", "-in", "plain.pem", "-aes256", "-passout", "pass:secret", "-out", "key.pem");
        }
        assertThat(Files.readString(dir.resolve("key.pem"))).containsAnyOf("ENCRYPTED PRIVATE KEY", "Proc-Type: 4,ENCRYPTED");

        assertThat(failure(dir)).isEqualTo("key.pem in " + dir + " is encrypted: docker-mcp-secure needs an unencrypted key"
                + " (decrypt it with openssl pkey -in key.pem -out key-plain.pem and use that as key.pem).");
    }

    @Test
    void certPemWithBrokenBase64NamesTheFile() throws Exception {
        Path dir = rsaClient("garbage-cert");
        Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nthis is not base64!\n-----END CERTIFICATE-----\n");

        assertThat(failure(dir)).startsWith("cert.pem in " + dir + " is not a readable PEM certificate file:");
    }

    @Test
    void caPemWithValidBase64ButNoCertificateNamesTheFile() throws Exception {
        Path dir = rsaClient("garbage-ca");
        String body = Base64.getMimeEncoder().encodeToString("definitely not DER".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");

        assertThat(failure(dir)).startsWith("ca.pem in " + dir + " is not a readable PEM certificate file:");
    }

    @Test
    void certPemWithoutPemBlocksSaysSo() throws Exception {
        Path dir = rsaClient("no-pem-cert");
        Files.writeString(dir.resolve("cert.pem"), "hello\n");

        assertThat(failure(dir)).isEqualTo("cert.pem in " + dir + " holds no PEM certificate: put the client certificate there, as the Docker CLI expects.");
    }

    @Test
    void keyPemWithoutPrivateKeySaysSo() throws Exception {
        Path dir = rsaClient("no-key");
        Files.copy(dir.resolve("cert.pem"), dir.resolve("key.pem"), StandardCopyOption.REPLACE_EXISTING);

        assertThat(failure(dir)).isEqualTo("key.pem in " + dir + " holds no PEM private key: put the unencrypted client key there, as the Docker CLI expects.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"})
    void garbageKeyNamesTheFileWithoutEchoingIt(String label) throws Exception {
        Path dir = rsaClient("garbage-key-" + label.replace(' ', '-'));
        String body = Base64.getMimeEncoder().encodeToString(HexFormat.of().parseHex("3082ffff020100deadbeefcafe"));
        Files.writeString(dir.resolve("key.pem"), "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n");

        String message = failure(dir);
        assertThat(message).isEqualTo("key.pem in " + dir + " could not be parsed as a private key:"
                + " replace it with the unencrypted PKCS#8, RSA or EC client key the Docker CLI uses.");
        assertThat(message).doesNotContain(body);
    }

    @Test
    void ecKeyWithoutNamedCurveIsRefused() throws Exception {
        Path dir = rsaClient("explicit-curve");
        openssl(dir, "ecparam", "-name", "prime256v1", "-param_enc", "explicit", "-genkey", "-noout", "-out", "key.pem");

        assertThat(failure(dir)).startsWith("key.pem in " + dir + " is an EC key without a named curve:");
    }

    @Test
    void unsupportedKeyTypeIsNamed() throws Exception {
        Path dir = rsaClient("openssh");
        Files.writeString(dir.resolve("key.pem"), "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n");

        assertThat(failure(dir)).startsWith("key.pem in " + dir + " holds an unsupported OPENSSH PRIVATE KEY:");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rsa-for-rsa, genrsa -traditional -out key.pem 2048",
        "ec-for-rsa,  ecparam -name prime256v1 -genkey -noout -out key.pem",
    })
    void certificateForAnotherKeyIsRefused(String kind, String keygen) throws Exception {
        Path dir = rsaClient("mismatch-" + kind);
        openssl(dir, keygen.split(" "));

        assertThat(failure(dir)).isEqualTo("cert.pem in " + dir + " does not match key.pem: put the client certificate issued for this key in cert.pem,"
                + " or the key it was issued for in key.pem.");
    }

    @Test
    void ecCertificateWithAnotherEcKeyIsRefused() throws Exception {
        Path dir = clientDir("mismatch-ec", ca, "client", "ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out", "key.pem");
        openssl(dir, "ecparam", "-name", "secp384r1", "-genkey", "-noout", "-out", "key.pem");

        assertThat(failure(dir)).startsWith("cert.pem in " + dir + " does not match key.pem:");
    }

    @Test
    void unreadableKeySaysItIsAPermissionProblem() throws Exception {
        Path dir = rsaClient("unreadable");
        Path key = dir.resolve("key.pem");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("---------"));
        String expected = "key.pem in " + dir + " is not readable by this user:";
        if (Files.isReadable(key)) { // root reads any file (scripts/test.sh runs as root): load it as an unprivileged user
            assertThat(failureAsNobody(dir)).startsWith(expected).doesNotContain("Exception", "BEGIN", "\n").endsWith(".");
        } else {
            assertThat(failure(dir)).startsWith(expected);
        }
    }

    /** {@link TlsMaterial#load} in a JVM run as user and group 65534 (nobody), through setpriv; returns its failure message. */
    private String failureAsNobody(Path dir) throws Exception {
        for (Path p = dir; p.startsWith(tmp); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x")); // @TempDir is 700
        }
        for (String readable : List.of("ca.pem", "cert.pem")) {
            Files.setPosixFilePermissions(dir.resolve(readable), PosixFilePermissions.fromString("rw-r--r--"));
        }
        String classpath = Path.of(TlsMaterial.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + java.io.File.pathSeparator
                + Path.of(LoadAsThisUser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath, LoadAsThisUser.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("a guard against a hang only").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** Run by {@link #failureAsNobody}: prints the failure of {@link TlsMaterial#load}, or exits 1 when it loads. */
    static final class LoadAsThisUser {
        public static void main(String[] args) {
            try {
                TlsMaterial.load(Path.of(args[0]));
                System.out.println("loaded");
                System.exit(1);
            } catch (TlsMaterialException e) {
                System.out.println(e.getMessage());
            }
        }
    }

    @Test
    void keyPemThatIsADirectoryCannotBeRead() throws Exception {
        Path dir = rsaClient("dir-key");
        Files.delete(dir.resolve("key.pem"));
        Files.createDirectory(dir.resolve("key.pem"));

        assertThat(failure(dir)).startsWith("key.pem in " + dir + " could not be read:");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rsa, genrsa -traditional -out key.pem 2048",
        "ec,  ecparam -name secp384r1 -genkey -noout -out key.pem",
    })
    void handshakePresentsTheClientCertificateToAServerFromTheSameCa(String kind, String keygen) throws Exception {
        TlsMaterial client = TlsMaterial.load(clientDir("hs-" + kind, ca, "client", keygen.split(" ")));
        try (SSLServerSocket server = server()) {
            Future<String> seen = SERVER.submit(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.setSoTimeout(GUARD_MS);
                    s.startHandshake();
                    X509Certificate peer = (X509Certificate) s.getSession().getPeerCertificates()[0];
                    s.getOutputStream().write(s.getInputStream().read()); // echo one byte so the client knows we accepted it
                    s.getOutputStream().flush();
                    return peer.getSubjectX500Principal().getName();
                }
            });
            try (SSLSocket socket = (SSLSocket) client.sslContext().getSocketFactory().createSocket("127.0.0.1", server.getLocalPort())) {
                socket.setSoTimeout(GUARD_MS);
                verifyHostnames(socket);
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                out.write(42);
                out.flush();
                InputStream in = socket.getInputStream();
                assertThat(in.read()).isEqualTo(42);
                assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            }
            assertThat(seen.get(GUARD_MS, TimeUnit.MILLISECONDS)).isEqualTo("CN=client");
        }
    }

    /** The engine client's own connection: TLS 1.2/1.3 only, the client certificate presented, an HTTPS request answered. */
    @Test
    void theEngineClientEnablesOnlyTls12And13AndCompletesAnHttpsRequest() throws Exception {
        TlsMaterial client = TlsMaterial.load(clientDir("engine-client", ca, "client", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "key.pem"));
        try (SSLServerSocket server = server()) {
            Future<String> seen = SERVER.submit(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.setSoTimeout(GUARD_MS);
                    s.startHandshake();
                    String peer = ((X509Certificate) s.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
                    InputStream in = s.getInputStream();
                    for (int state = 0, c; state < 4; state = c == "\r\n\r\n".charAt(state) ? state + 1 : 0) { // until the request head ends
                        if ((c = in.read()) < 0) throw new EOFException();
                    }
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    return peer + " " + s.getSession().getProtocol();
                }
            });
            Endpoint endpoint = Endpoint.parse("DOCKER_HOST", "tcp://127.0.0.1:" + server.getLocalPort(), true);
            try (EngineConnection c = EngineConnection.open(endpoint, client.sslContext(), java.time.Duration.ofMillis(GUARD_MS))) {
                assertThat(((SSLSocket) c.tlsSocket()).getEnabledProtocols()).isNotEmpty().isSubsetOf("TLSv1.3", "TLSv1.2");
                c.out.write("GET /_ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                c.out.flush();
                assertThat(new String(c.in.readAllBytes(), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200 OK").endsWith("OK");
            }
            assertThat(seen.get(GUARD_MS, TimeUnit.MILLISECONDS)).isIn("CN=client TLSv1.3", "CN=client TLSv1.2");
        }
    }

    @Test
    void handshakeFailsWhenCaPemIsAnotherCa() throws Exception {
        Path dir = rsaClient("wrong-ca");
        Files.copy(otherCa.resolve("ca.pem"), dir.resolve("ca.pem"), StandardCopyOption.REPLACE_EXISTING);
        TlsMaterial client = TlsMaterial.load(dir);
        try (SSLServerSocket server = server()) {
            SERVER.submit(() -> handshakeQuietly(server));
            try (SSLSocket socket = (SSLSocket) client.sslContext().getSocketFactory().createSocket("127.0.0.1", server.getLocalPort())) {
                socket.setSoTimeout(GUARD_MS);
                verifyHostnames(socket);
                assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class)
                        .hasMessageContaining("unable to find valid certification path");
            }
        }
    }

    @Test
    void hostnameVerificationRequestedByTheClientStillApplies() throws Exception {
        TlsMaterial client = TlsMaterial.load(rsaClient("hostname"));
        try (SSLServerSocket server = server()) {
            SERVER.submit(() -> handshakeQuietly(server));
            Socket plain = new Socket(InetAddress.getByName("127.0.0.1"), server.getLocalPort());
            try (SSLSocket socket = (SSLSocket) client.sslContext().getSocketFactory().createSocket(plain, "docker.example", server.getLocalPort(), true)) {
                socket.setSoTimeout(GUARD_MS);
                verifyHostnames(socket);
                assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class)
                        .hasMessageContaining("docker.example");
            }
        }
    }

    @Test
    void derLengthUsesShortFormBelow128AndMinimalLongFormAbove() {
        assertThat(header(dockermcp.security.PemKeys.der(0x04, new byte[0]), 2)).isEqualTo("0400");
        assertThat(header(dockermcp.security.PemKeys.der(0x04, new byte[127]), 2)).isEqualTo("047f");
        assertThat(header(dockermcp.security.PemKeys.der(0x04, new byte[128]), 3)).isEqualTo("048180");
        assertThat(header(dockermcp.security.PemKeys.der(0x04, new byte[255]), 3)).isEqualTo("0481ff");
        assertThat(header(dockermcp.security.PemKeys.der(0x30, new byte[200], new byte[56]), 4)).isEqualTo("30820100");
        assertThat(header(dockermcp.security.PemKeys.der(0x04, new byte[65536]), 5)).isEqualTo("0483010000");
        assertThat(dockermcp.security.PemKeys.der(0x04, new byte[65536])).hasSize(65536 + 5);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static String header(byte[] der, int n) {
        return HexFormat.of().formatHex(der, 0, n);
    }

    private static String failure(Path dir) {
        Throwable thrown = catchThrowable(() -> TlsMaterial.load(dir));
        assertThat(thrown).isInstanceOf(TlsMaterialException.class);
        String message = thrown.getMessage();
        assertThat(message).doesNotContain("Exception", "BEGIN", "\n").endsWith(".");
        return message;
    }

    private static void verifyHostnames(SSLSocket socket) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // what an HTTPS client does
        socket.setSSLParameters(parameters);
    }

    private static Void handshakeQuietly(SSLServerSocket server) {
        try (SSLSocket s = (SSLSocket) server.accept()) {
            s.setSoTimeout(GUARD_MS);
            s.startHandshake();
        } catch (IOException expected) {
            // the client aborts the handshake
        }
        return null;
    }

    /** A need-client-auth server on 127.0.0.1 with a certificate for IP 127.0.0.1 from the test CA, trusting only that CA. */
    private SSLServerSocket server() throws Exception {
        Path dir = tmp.resolve("server");
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            openssl(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "key.pem");
            sign(dir, ca, "127.0.0.1", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
            Files.copy(ca.resolve("ca.pem"), dir.resolve("ca.pem"));
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", readCert(ca.resolve("ca.pem")));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {TlsMaterial.load(dir).keyManager()}, tmf.getTrustManagers(), null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        server.setNeedClientAuth(true);
        server.setSoTimeout(GUARD_MS);
        return server;
    }

    private Path rsaClient(String name) throws Exception {
        return clientDir(name, ca, "client", "genrsa", "-traditional", "-out", "key.pem", "2048");
    }

    private Path clientDir(String name, Path issuer, String cn, String... keygen) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        openssl(dir, keygen);
        sign(dir, issuer, cn, "extendedKeyUsage=clientAuth\n");
        Files.copy(issuer.resolve("ca.pem"), dir.resolve("ca.pem"));
        return dir;
    }

    private static void sign(Path dir, Path issuer, String cn, String extensions) throws Exception {
        Files.writeString(dir.resolve("ext.cnf"), "basicConstraints=critical,CA:FALSE\n" + extensions);
        openssl(dir, "req", "-new", "-key", "key.pem", "-subj", "/CN=" + cn, "-out", "req.csr");
        openssl(dir, "x509", "-req", "-in", "req.csr", "-CA", issuer.resolve("ca.pem").toString(), "-CAkey", issuer.resolve("ca-key.pem").toString(),
                "-set_serial", String.valueOf(SERIAL.incrementAndGet()), "-days", "30", "-extfile", "ext.cnf", "-out", "cert.pem");
        Files.delete(dir.resolve("req.csr"));
        Files.delete(dir.resolve("ext.cnf"));
    }

    private static Path newCa(String name, String cn) throws Exception {
        Path dir = Files.createDirectories(shared.resolve(name));
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca-key.pem", "-out", "ca.pem", "-days", "30",
                "-subj", "/CN=" + cn, "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return dir;
    }

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        for (String arg : args) if (!arg.isBlank()) command.add(arg.strip());
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s%n%s", command, output).isZero();
    }

    private static X509Certificate readCert(Path pem) throws Exception {
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(pem))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static void assertSignsFor(PrivateKey key, X509Certificate cert) throws Exception {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        byte[] data = "hello docker".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(data);
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(data);
        assertThat(verifier.verify(signer.sign())).isTrue();
    }
}
