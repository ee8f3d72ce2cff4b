package dockermcp.security.secrets;

/**
 * Secrets in an encoding with no keyword of their own: a bracketed list of byte values ({@code [80 117 100 …]},
 * {@code [58, 91, 71, …]}) under a secret name or decoding to a password; a long hex run that decodes to text joined by
 * NULs or blanks (auditd's {@code proctitle=}, an argv), read by the whole detector, or a TLV dataset under a dataset name
 * (Thread); a base64 run that decodes to a Java keystore (FEEDFEED, CECECECE) or a DER private key (a SEQUENCE whose
 * first member is a version INTEGER: PKCS#1, PKCS#8, SEC1, PKCS#12). One pass over the characters; decoding starts only at a
 * run's signature.
 */
final class KeylessEncodings {

    private static final int MIN_BYTES = 8;
    private static final int MAX_ITEMS = 4096;
    private static final int MIN_HEX = 32;

    private KeylessEncodings() {
    }

    static void find(char[] t, Spans spans) {
        int n = t.length;
        int i = 0;
        while (i < n) {
            char c = t[i];
            if (c == '[' && i + 1 < n && t[i + 1] >= '0' && t[i + 1] <= '9') {
                i = byteList(t, i, spans);
                continue;
            }
            if (hex(c) && (i == 0 || !wordChar(t[i - 1]))) {
                int e = i;
                while (e < n && hex(t[e])) {
                    e++;
                }
                if (e - i >= MIN_HEX && (e == n || !wordChar(t[e]))) {
                    hexRun(t, i, e, spans);
                }
                i = Math.max(e, i + 1);
                continue;
            }
            if ((c == '/' || c == 'z' || c == 'M') && (i == 0 || !base64(t[i - 1]) && t[i - 1] != '/')) {
                i = base64Run(t, i, spans);
                continue;
            }
            i++;
        }
    }

    private static final int HEX = 1;
    private static final int WORD = 2;
    private static final int BASE64 = 4;
    /** The classes of each ASCII character: one table look-up per character in the scan, not three range tests. */
    private static final byte[] CLASSES = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            boolean alnum = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            CLASSES[c] = (byte) ((c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' ? HEX : 0)
                    | (alnum || c == '_' || c == '+' || c == '/' ? WORD : 0) | (alnum || c == '+' || c == '/' || c == '-' || c == '_' ? BASE64 : 0));
        }
    }

    private static boolean hex(char c) {
        return c < 128 && (CLASSES[c] & HEX) != 0;
    }

    private static boolean wordChar(char c) {
        return c < 128 && (CLASSES[c] & WORD) != 0;
    }

    private static boolean base64(char c) {
        return c < 128 && (CLASSES[c] & BASE64) != 0;
    }

    // ---- [80 117 100 …], [58, 91, …]

    private static int byteList(char[] t, int open, Spans spans) {
        int n = t.length;
        int i = open + 1;
        int count = 0;
        boolean printable = true;
        StringBuilder decoded = new StringBuilder();
        while (i < n && count < MAX_ITEMS) {
            int v = 0;
            int digits = 0;
            while (i < n && t[i] >= '0' && t[i] <= '9' && digits < 4) {
                v = v * 10 + t[i] - '0';
                i++;
                digits++;
            }
            if (digits == 0 || digits > 3 || v > 255) {
                return i;
            }
            count++;
            printable &= v >= 0x20 && v <= 0x7e;
            if (printable) {
                decoded.append((char) v);
            }
            while (i < n && (t[i] == ' ' || t[i] == ',' || t[i] == '\n')) {
                i++;
            }
            if (i < n && t[i] == ']') {
                break;
            }
        }
        if (i >= n || t[i] != ']' || count < MIN_BYTES) {
            return i;
        }
        int close = i + 1;
        boolean hide = (printable || count == 16 || count == 24 || count == 32 || count == 64) && secretNameBefore(t, open);
        if (!hide && printable) {
            String d = decoded.toString();
            hide = !SecretDetector.RULES_ONLY.find(d).isEmpty(); // random numbers decode to random letters: a password's shape alone says nothing
        }
        if (hide) {
            spans.add(open, close);
        }
        return close;
    }

    /** A secret name on the list's line before it, within a few words: network_key: [, password bytes [. */
    private static boolean secretNameBefore(char[] t, int at) {
        int i = at - 1;
        int words = 0;
        while (i >= 0 && at - i <= 64 && t[i] != '\n' && words < 3) {
            while (i >= 0 && (t[i] == ' ' || t[i] == ':' || t[i] == '=' || t[i] == '"' || t[i] == '\'' || t[i] == '\t')) {
                i--;
            }
            int e = i + 1;
            while (i >= 0 && (Character.isLetterOrDigit(t[i]) || t[i] == '_' || t[i] == '-' || t[i] == '.')) {
                i--;
            }
            if (e - i - 1 > 0 && SecretNames.suggestsSecret(new String(t, i + 1, e - i - 1))) {
                return true;
            }
            words++;
            if (i >= 0 && t[i] != ' ' && t[i] != '\t' && t[i] != ':' && t[i] != '=' && t[i] != '"' && t[i] != '\'') {
                return false;
            }
        }
        return false;
    }

    // ---- hex runs

    private static void hexRun(char[] t, int s, int e, Spans spans) {
        if (((e - s) & 1) != 0) {
            return;
        }
        if (datasetNameBefore(t, s)) {
            spans.add(s, e);
            return;
        }
        StringBuilder text = new StringBuilder((e - s) / 2);
        int separators = 0;
        for (int i = s; i < e; i += 2) {
            int b = Character.digit(t[i], 16) * 16 + Character.digit(t[i + 1], 16);
            if (b == 0 || b == ' ') {
                separators++;
                text.append(' ');
            } else if (b >= 0x21 && b <= 0x7e) {
                text.append((char) b);
            } else {
                return; // a digest, a key, an id: bytes that are not text
            }
        }
        if (separators > 0 && !SecretDetector.RULES_ONLY.find(text).isEmpty()) {
            spans.add(s, e);
        }
    }

    /** dataset, Active dataset:, dataset_tlvs = … on the run's line, just before it. */
    private static boolean datasetNameBefore(char[] t, int at) {
        int i = at - 1;
        while (i >= 0 && at - i < 48 && t[i] != '\n') {
            if ((t[i] | 0x20) == 't' && i >= 6 && (t[i - 6] | 0x20) == 'd' && (t[i - 5] | 0x20) == 'a' && (t[i - 4] | 0x20) == 't'
                    && (t[i - 3] | 0x20) == 'a' && (t[i - 2] | 0x20) == 's' && (t[i - 1] | 0x20) == 'e') {
                return true;
            }
            i--;
        }
        return false;
    }

    // ---- base64 keystores and DER private keys

    private static int base64Run(char[] t, int s, Spans spans) {
        int n = t.length;
        int e = s;
        while (e < n && (base64(t[e]) || t[e] == '=')) {
            e++;
        }
        if (e - s >= 40 && keystore(t, s)) {
            spans.add(s, e);
        }
        return Math.max(e, s + 1);
    }

    /** The first bytes of base64 at s: a JKS or JCEKS magic, or a DER SEQUENCE holding a version INTEGER first (a private key). */
    private static boolean keystore(char[] t, int s) {
        int[] b = new int[9];
        int bits = 0;
        int acc = 0;
        int k = 0;
        for (int i = s; k < b.length; i++) {
            int v = value(t[i]);
            if (v < 0) {
                return false;
            }
            acc = acc << 6 | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                b[k++] = acc >> bits & 0xff;
            }
        }
        if (b[0] == 0xfe && b[1] == 0xed && b[2] == 0xfe && b[3] == 0xed || b[0] == 0xce && b[1] == 0xce && b[2] == 0xce && b[3] == 0xce) {
            return true;
        }
        if (b[0] != 0x30) {
            return false;
        }
        int p = b[1] < 0x80 ? 2 : b[1] == 0x81 ? 3 : b[1] == 0x82 ? 4 : -1;
        return p > 0 && b[p] == 0x02 && b[p + 1] == 0x01 && (b[p + 2] == 0 || b[p + 2] == 1 || b[p + 2] == 3);
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
    }
}
