package dockermcp.transport.http;

import dockermcp.config.ConfigError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The listener's certificate chain and private key from PEM files (MCP_TLS_CERT, MCP_TLS_KEY) as an in-memory key
 * store. Keys may be PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY});
 * the JDK reads only the first, so the other two are re-wrapped as PKCS#8 first.
 */
final class PemKeyStore {

    static final String ALIAS = "mcp";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
    private static final byte[] RSA_ALGORITHM = der(0x30, HexFormat.of().parseHex("06092a864886f70d010101"), HexFormat.of().parseHex("0500"));
    private static final byte[] EC_PUBLIC_KEY = HexFormat.of().parseHex("06072a8648ce3d0201");

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

    private static List<String[]> blocks(Path file, String variable) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ConfigError(variable + " " + file + " cannot be read: check the path and its permissions.");
        }
        List<String[]> out = new ArrayList<>();
        for (Matcher m = PEM.matcher(text); m.find(); ) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            for (String[] b : blocks(file, "MCP_TLS_CERT")) {
                if (b[0].equals("CERTIFICATE")) {
                    certs.add((X509Certificate) f.generateCertificate(new ByteArrayInputStream(base64(b[1]))));
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            certs.clear();
        }
        if (certs.isEmpty()) {
            throw new ConfigError("MCP_TLS_CERT " + file + " holds no readable PEM certificate: give the server certificate (then any intermediates) in PEM form.");
        }
        return certs;
    }

    private static PrivateKey privateKey(Path file) {
        String[] block = blocks(file, "MCP_TLS_KEY").stream().filter(b -> b[0].endsWith("PRIVATE KEY")).findFirst().orElse(null);
        if (block == null || block[0].equals("ENCRYPTED PRIVATE KEY") || block[1].contains("ENCRYPTED")) {
            throw new ConfigError("MCP_TLS_KEY " + file + " holds no unencrypted PEM private key: give the key in PEM form, without a passphrase (openssl pkey -in KEY -out key.pem).");
        }
        byte[] der = null;
        PrivateKey key = null;
        try { // no exception causes or messages kept: they could quote parts of the key
            der = base64(block[1]);
            key = switch (block[0]) {
                case "PRIVATE KEY" -> pkcs8(der);
                case "RSA PRIVATE KEY" -> pkcs8(der(0x30, VERSION_0, RSA_ALGORITHM, der(0x04, der)));
                case "EC PRIVATE KEY" -> {
                    byte[] curve = namedCurve(der);
                    yield curve == null ? null : pkcs8(der(0x30, VERSION_0, der(0x30, EC_PUBLIC_KEY, curve), der(0x04, der)));
                }
                default -> null;
            };
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            key = null;
        } finally {
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
        }
        if (key == null) {
            throw new ConfigError("MCP_TLS_KEY " + file + " could not be read as a private key: give an unencrypted PKCS#8, RSA or EC (named curve) key in PEM form.");
        }
        return key;
    }

    private static PrivateKey pkcs8(byte[] info) {
        try {
            for (String algorithm : List.of("RSA", "EC", "EdDSA", "RSASSA-PSS")) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info));
                } catch (GeneralSecurityException wrongAlgorithm) {
                    // try the next factory
                }
            }
            return null;
        } finally {
            Arrays.fill(info, (byte) 0);
        }
    }

    /** The curve OID (whole TLV) from the [0] parameters of a SEC1 ECPrivateKey, or null if it has none. */
    private static byte[] namedCurve(byte[] sec1) {
        int[] sequence = tlv(sec1, 0);
        for (int at = sequence[1]; at < sequence[2]; ) {
            int[] field = tlv(sec1, at);
            if (field[0] == 0xA0) {
                int[] oid = tlv(sec1, field[1]);
                return oid[0] == 0x06 ? Arrays.copyOfRange(sec1, field[1], oid[2]) : null;
            }
            at = field[2];
        }
        return null;
    }

    private static int[] tlv(byte[] b, int off) {
        int length = b[off + 1] & 0xff;
        int start = off + 2;
        if (length > 0x80 && length <= 0x84) {
            int n = length & 0x7f;
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (b[start++] & 0xff);
            }
        } else if (length >= 0x80) {
            throw new IllegalArgumentException("unsupported DER length");
        }
        if (length < 0 || length > b.length - start) {
            throw new IllegalArgumentException("truncated DER");
        }
        return new int[] {b[off] & 0xff, start, start + length};
    }

    private static byte[] der(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int n = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 6);
        out.write(tag);
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = (39 - Integer.numberOfLeadingZeros(n)) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    private static byte[] base64(String body) {
        return Base64.getDecoder().decode(body.replaceAll("\\s+", ""));
    }
}
