package dockermcp.transport.http;

import dockermcp.config.ConfigError;
import dockermcp.security.PemKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The listener's certificate chain and private key from PEM files (MCP_TLS_CERT, MCP_TLS_KEY) as an in-memory key
 * store. Keys may be PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY});
 * the JDK reads only the first, so the other two are re-wrapped as PKCS#8 first.
 */
final class PemKeyStore {

    static final String ALIAS = "mcp";

    /** The store and the password it was made with (random, in memory only: the API demands one). */
    record Loaded(KeyStore store, char[] password, X509Certificate leaf) {
    }

    private PemKeyStore() {
    }

    static Loaded load(Path certFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        try {
            char[] password = java.util.UUID.randomUUID().toString().toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key, password, chain.toArray(new X509Certificate[0]));
            return new Loaded(ks, password, chain.get(0));
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigError("MCP_TLS_KEY " + keyFile + " does not belong to the certificate in MCP_TLS_CERT " + certFile + ": give the key the certificate was issued for.");
        }
    }

    private static List<PemKeys.Block> blocks(Path file, String variable) {
        try {
            return PemKeys.blocks(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new ConfigError(variable + " " + file + " cannot be read: check the path and its permissions.");
        }
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> certs;
        try {
            certs = PemKeys.certificates(blocks(file, "MCP_TLS_CERT"));
        } catch (GeneralSecurityException e) {
            certs = List.of();
        }
        if (certs.isEmpty()) {
            throw new ConfigError("MCP_TLS_CERT " + file + " holds no readable PEM certificate: give the server certificate (then any intermediates) in PEM form.");
        }
        return certs;
    }

    private static PrivateKey privateKey(Path file) {
        PemKeys.Block block = blocks(file, "MCP_TLS_KEY").stream().filter(PemKeys.Block::isPrivateKey).findFirst().orElse(null);
        try {
            if (block != null) {
                return PemKeys.privateKey(block);
            }
        } catch (PemKeys.KeyProblem p) {
            if (p.reason() != PemKeys.KeyProblem.Reason.ENCRYPTED) {
                throw new ConfigError("MCP_TLS_KEY " + file + " could not be read as a private key: give an unencrypted PKCS#8, RSA or EC (named curve) key in PEM form.");
            }
        }
        throw new ConfigError("MCP_TLS_KEY " + file + " holds no unencrypted PEM private key: give the key in PEM form, without a passphrase (openssl pkey -in KEY -out key.pem).");
    }
}
