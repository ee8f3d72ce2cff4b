package dockermcp.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
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
 * PEM certificates and private keys as Docker and most TLS set-ups write them: PKCS#8, PKCS#1 RSA and SEC1 EC keys
 * (the JDK reads only PKCS#8, so the other two are re-wrapped). Used for the engines' client certificates and the
 * HTTP listener's server certificate; callers turn {@link KeyProblem}s into sentences that name their own settings.
 */
public final class PemKeys {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
    private static final byte[] RSA_ALGORITHM = der(0x30, hex("06092a864886f70d010101"), hex("0500")); // rsaEncryption, NULL
    private static final byte[] EC_PUBLIC_KEY = hex("06072a8648ce3d0201"); // id-ecPublicKey

    /** One PEM block: its label (CERTIFICATE, PRIVATE KEY, ...) and base64 body. */
    public record Block(String label, String body) {
        public boolean isPrivateKey() {
            return label.endsWith("PRIVATE KEY");
        }
    }

    /** Why a key block could not be used; no key material is ever part of it. */
    public static final class KeyProblem extends Exception {
        public enum Reason { ENCRYPTED, NO_NAMED_CURVE, UNSUPPORTED, UNPARSEABLE }

        private final Reason reason;

        KeyProblem(Reason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private PemKeys() {
    }

    public static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        for (Matcher m = PEM.matcher(text); m.find(); ) {
            blocks.add(new Block(m.group(1), m.group(2)));
        }
        return blocks;
    }

    /** The CERTIFICATE blocks, decoded, in order. */
    public static List<X509Certificate> certificates(List<Block> blocks) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certs = new ArrayList<>();
        try {
            for (Block b : blocks) {
                if (b.label().equals("CERTIFICATE")) {
                    certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(base64(b.body()))));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new CertificateException("bad base64");
        }
        return certs;
    }

    /** Decodes a private-key block; the raw bytes are wiped afterwards as far as Java allows. */
    public static PrivateKey privateKey(Block block) throws KeyProblem {
        if (block.label().equals("ENCRYPTED PRIVATE KEY") || block.body().contains("Proc-Type:") && block.body().contains("ENCRYPTED")) {
            throw new KeyProblem(KeyProblem.Reason.ENCRYPTED);
        }
        byte[] der = null;
        PrivateKey key;
        try { // no exception causes kept: their messages could quote parts of the key
            der = base64(block.body());
            switch (block.label()) {
                case "PRIVATE KEY" -> key = pkcs8(der);
                case "RSA PRIVATE KEY" -> key = pkcs8(der(0x30, VERSION_0, RSA_ALGORITHM, der(0x04, der)));
                case "EC PRIVATE KEY" -> {
                    byte[] curve = namedCurve(der);
                    if (curve == null) {
                        throw new KeyProblem(KeyProblem.Reason.NO_NAMED_CURVE);
                    }
                    key = pkcs8(der(0x30, VERSION_0, der(0x30, EC_PUBLIC_KEY, curve), der(0x04, der)));
                }
                default -> throw new KeyProblem(KeyProblem.Reason.UNSUPPORTED);
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            key = null;
        } finally {
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
        }
        if (key == null) {
            throw new KeyProblem(KeyProblem.Reason.UNPARSEABLE);
        }
        return key;
    }

    /** Decodes a PrivateKeyInfo with whichever JDK key factory accepts it, then wipes the buffer; null if none does. */
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
                return oid[0] == 0x06 ? Arrays.copyOfRange(sec1, field[1], oid[2]) : null; // a SEQUENCE here means explicit curve parameters
            }
            at = field[2];
        }
        return null;
    }

    /** Reads one DER header at off: {tag, content start, content end}; definite lengths up to four bytes only. */
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

    /** Encodes one DER TLV: the tag, the definite length (short or long form), then the parts in order. */
    public static byte[] der(int tag, byte[]... parts) {
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
            int bytes = (39 - Integer.numberOfLeadingZeros(n)) / 8; // significant bytes of n
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] base64(String body) {
        return Base64.getDecoder().decode(body.replaceAll("\\s+", ""));
    }
}
