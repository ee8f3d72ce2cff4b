package dockermcp.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import dockermcp.security.PemKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;

/**
 * The client TLS material of a Docker CLI certificate directory (DOCKER_CERT_PATH: ca.pem, cert.pem, key.pem) as an
 * SSLContext that trusts only the CAs in ca.pem. The engine client ({@link EngineConnection}) enables only TLS 1.2 and
 * 1.3 ({@link #modern}) and verifies the host name on the sockets it makes from it.
 */
public final class TlsMaterial {
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final Path directory;
    private final SSLContext context;
    private final X509KeyManager keyManager;

    private TlsMaterial(Path directory, SSLContext context, X509KeyManager keyManager) {
        this.directory = directory;
        this.context = context;
        this.keyManager = keyManager;
    }

    /** Loads ca.pem, cert.pem, key.pem from dir. Throws TlsMaterialException with one sentence a user can act on. */
    public static TlsMaterial load(Path certDir) throws TlsMaterialException {
        Path dir = Objects.requireNonNull(certDir, "certDir").toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new TlsMaterialException("DOCKER_CERT_PATH " + dir + " is not a directory: point it at the folder that holds ca.pem, cert.pem and key.pem, as the Docker CLI expects.");
        }
        List<X509Certificate> cas = certificates(dir, "ca.pem", "CA certificate");
        List<X509Certificate> chain = certificates(dir, "cert.pem", "client certificate");
        PrivateKey key = privateKey(dir);
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new TlsMaterialException("cert.pem in " + dir + " does not match key.pem: put the client certificate issued for this key in cert.pem, or the key it was issued for in key.pem.");
        }
        try {
            char[] password = UUID.randomUUID().toString().toCharArray(); // in-memory store only; the API demands one
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            KeyStore trust = KeyStore.getInstance("PKCS12"); // only ca.pem, never the JDK's cacerts
            trust.load(null, null);
            for (int i = 0; i < cas.size(); i++) trust.setCertificateEntry("ca-" + i, cas.get(i));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext jdk = SSLContext.getInstance("TLS");
            jdk.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return new TlsMaterial(dir, jdk, (X509KeyManager) kmf.getKeyManagers()[0]);
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsMaterialException("The Java runtime could not build a TLS context from " + dir + ": use an RSA, EC or Ed25519 key and X.509 certificates as created for the Docker CLI.", e);
        }
    }

    /** The same context on every call, so TLS sessions can be resumed. */
    public SSLContext sslContext() {
        return context;
    }

    public Path directory() {
        return directory;
    }

    /** The key manager inside sslContext(), so tests can check what the client will present. */
    X509KeyManager keyManager() {
        return keyManager;
    }

    private static List<PemKeys.Block> pem(Path dir, String name) throws TlsMaterialException {
        Path file = dir.resolve(name);
        if (Files.notExists(file)) { // "unknown" (an unreadable directory) falls through to the read and its permission message
            throw new TlsMaterialException("DOCKER_CERT_PATH " + dir + " has no " + name + ": put the CA certificate, client certificate and key there as ca.pem, cert.pem and key.pem, as the Docker CLI expects.");
        }
        try {
            return PemKeys.blocks(Files.readString(file, StandardCharsets.ISO_8859_1)); // ISO-8859-1 never fails to decode, so garbage reaches the PEM check
        } catch (AccessDeniedException e) {
            throw new TlsMaterialException(name + " in " + dir + " is not readable by this user: fix its permissions or run docker-mcp-secure as the user that owns it.", e);
        } catch (IOException e) {
            throw new TlsMaterialException(name + " in " + dir + " could not be read: make sure it is a regular file this user can read.", e);
        }
    }

    private static List<X509Certificate> certificates(Path dir, String name, String role) throws TlsMaterialException {
        List<X509Certificate> certs;
        try {
            certs = PemKeys.certificates(pem(dir, name));
        } catch (CertificateException e) {
            throw new TlsMaterialException(name + " in " + dir + " is not a readable PEM certificate file: replace it with the " + role + " the Docker CLI uses.", e);
        }
        if (certs.isEmpty()) {
            throw new TlsMaterialException(name + " in " + dir + " holds no PEM certificate: put the " + role + " there, as the Docker CLI expects.");
        }
        return certs;
    }

    private static PrivateKey privateKey(Path dir) throws TlsMaterialException {
        PemKeys.Block block = pem(dir, "key.pem").stream().filter(PemKeys.Block::isPrivateKey).findFirst().orElse(null);
        if (block == null) {
            throw new TlsMaterialException("key.pem in " + dir + " holds no PEM private key: put the unencrypted client key there, as the Docker CLI expects.");
        }
        try {
            return PemKeys.privateKey(block);
        } catch (PemKeys.KeyProblem p) {
            throw new TlsMaterialException(switch (p.reason()) {
                case ENCRYPTED -> "key.pem in " + dir + " is encrypted: docker-mcp-secure needs an unencrypted key (decrypt it with openssl pkey -in key.pem -out key-plain.pem and use that as key.pem).";
                case NO_NAMED_CURVE -> "key.pem in " + dir + " is an EC key without a named curve: create a key on a named curve such as P-256 (openssl ecparam -name prime256v1 -genkey -noout).";
                case UNSUPPORTED -> "key.pem in " + dir + " holds an unsupported " + block.label() + ": convert it to an unencrypted PKCS#8, RSA or EC key in PEM form.";
                case UNPARSEABLE -> "key.pem in " + dir + " could not be parsed as a private key: replace it with the unencrypted PKCS#8, RSA or EC client key the Docker CLI uses.";
            });
        }
    }

    /** True when the key belongs to the certificate: RSA by modulus, others by a signature round trip. */
    private static boolean matches(PrivateKey key, PublicKey certified) {
        if (key instanceof RSAKey k && certified instanceof RSAKey c) return k.getModulus().equals(c.getModulus());
        if (!key.getAlgorithm().equals(certified.getAlgorithm())) return false;
        try {
            String algorithm = key instanceof ECKey ? "SHA256withECDSA" : key.getAlgorithm(); // EdDSA signs as itself
            byte[] probe = "docker-mcp-secure key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(probe);
            return verifier.verify(signer.sign());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Only TLS 1.3 and 1.2 of {@code protocols}: the engine client enables no other. */
    static String[] modern(String[] protocols) {
        return Arrays.stream(protocols).filter(PROTOCOLS::contains).toArray(String[]::new);
    }
}
