package dockermcp.security.secrets;

import java.util.Base64;

/**
 * Secrets a container prints encoded: hexadecimal bytes apart by a colon or a blank, as {@code xxd} and openssl print
 * them ({@code password (hex): 55:43:4b:…}), and base64 of text ({@code payload(base64)=dXNlcj1h…} for
 * {@code user=admin\npassword=…}). A run is decoded and hidden whole when the text it decodes to holds a secret, or
 * when it decodes to printable text after a keyword (a password) or to a random key. Digests, fingerprints and the public
 * parts of certificates decode to random bytes, and JSON configuration without credentials holds no secret: they stay.
 */
final class EncodedRuns {

    private static final int MIN_HEX_BYTES = 6;
    private static final int MIN_BASE64 = 16;
    private static final int MAX_RUN = 8192;

    private EncodedRuns() {
    }

    static void find(char[] t, Spans spans) {
        separatedHex(t, spans);
        base64(t, spans);
    }

    /**
     * Runs of two-digit hexadecimal bytes, each apart from the next by the same ':' or ' ', also on into the next line
     * when the run was wrapped (between two bytes, or inside one).
     */
    private static void separatedHex(char[] t, Spans spans) {
        int n = t.length;
        int i = 0;
        while (i + 2 < n) {
            char sep = t[i + 2];
            if ((sep != ':' && sep != ' ') || !hex(t[i]) || !hex(t[i + 1]) || i > 0 && (hex(t[i - 1]) || t[i - 1] == sep && byteBefore(t, i - 1, sep))) {
                i++;
                continue;
            }
            StringBuilder digits = new StringBuilder();
            int at = i;
            int end = i;
            while (at >= 0 && at - i < MAX_RUN) {
                int second = secondDigit(t, at);
                if (second < 0) {
                    break;
                }
                digits.append(t[at]).append(t[second]);
                end = second + 1;
                at = nextByte(t, end, sep);
            }
            int bytes = digits.length() / 2;
            if (bytes >= MIN_HEX_BYTES) {
                char[] decoded = new char[bytes];
                for (int b = 0; b < bytes; b++) {
                    decoded[b] = (char) (Character.digit(digits.charAt(2 * b), 16) << 4 | Character.digit(digits.charAt(2 * b + 1), 16));
                }
                if (secret(t, i, decoded) || bytes >= 16 && NearbyTokens.keyWordBefore(t, i)) {
                    spans.add(i, end); // text holding a secret, or a key's bytes after its label (cryptsetup's MK dump:, key bytes:)
                }
            }
            i = Math.max(end, i + 1);
        }
    }

    /** A byte of two digits ends at e (before the separator there), apart from what precedes it: the run goes on through e ("value 6f" is no byte). */
    private static boolean byteBefore(char[] t, int e, char sep) {
        return e >= 2 && hex(t[e - 1]) && hex(t[e - 2]) && (e == 2 || t[e - 3] == sep || Character.isWhitespace(t[e - 3]));
    }

    /** Where the second digit of the byte starting at a is: the next character, or the first of the next line (a byte cut by a wrap). */
    private static int secondDigit(char[] t, int a) {
        if (a + 1 >= t.length || !hex(t[a])) {
            return -1;
        }
        if (hex(t[a + 1])) {
            return a + 2 < t.length && hex(t[a + 2]) ? -1 : a + 1;
        }
        int q = lineBreak(t, a + 1);
        return q > a + 1 && q < t.length && hex(t[q]) && (q + 1 >= t.length || !hex(t[q + 1])) ? q : -1;
    }

    /** The start of the next byte after one that ends at e: past the separator, or past a line break (and a separator before it); -1 at the run's end. */
    private static int nextByte(char[] t, int e, char sep) {
        if (e + 1 < t.length && t[e] == sep && hex(t[e + 1])) {
            return e + 1;
        }
        int q = lineBreak(t, e < t.length && t[e] == sep ? e + 1 : e);
        return q > e && q + 1 < t.length && hex(t[q]) ? q : -1;
    }

    /** Past a line break at k and the blanks that start the next line; k when there is none. */
    private static int lineBreak(char[] t, int k) {
        int q = k;
        if (q < t.length && t[q] == '\r') {
            q++;
        }
        if (q >= t.length || t[q] != '\n') {
            return k;
        }
        q++;
        while (q < t.length && q - k < 8 && (t[q] == ' ' || t[q] == '\t')) {
            q++;
        }
        return q;
    }

    /** Runs of the base64 alphabets (standard or URL-safe, with padding) that decode to text. */
    private static void base64(char[] t, Spans spans) {
        int n = t.length;
        int i = 0;
        while (i < n) {
            if (!base64Char(t[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && end - i < MAX_RUN && base64Char(t[end])) {
                end++;
            }
            int padded = end;
            while (padded < n && padded - end < 2 && t[padded] == '=') {
                padded++;
            }
            if (end - i >= MIN_BASE64 && mixed(t, i, end)) {
                char[] decoded = decode(t, i, end);
                if (decoded != null && secret(t, i, decoded)) {
                    spans.add(i, padded);
                }
            }
            i = padded > i ? padded : i + 1;
        }
    }

    /**
     * True when the token (after a {@code name=}) is base64 of text, plain or compressed, that holds no secret: base64 of
     * harmless JSON or a gzip of a log is judged by what it says, not hidden as a random key.
     */
    static boolean harmlessText(char[] t, int s, int e) {
        while (s > 0 && e - s < MAX_RUN && base64Char(t[s - 1])) { // the token may be a piece of a run with / and + in it
            s--;
        }
        while (e < t.length && e - s < MAX_RUN && (base64Char(t[e]) || t[e] == '=' && e + 1 < t.length && base64Char(t[e + 1]))) {
            e++;
        }
        int from = s;
        for (int k = s; k + 1 < e && k - s < 64; k++) {
            if (t[k] == '=' && t[k + 1] != '=') {
                from = k + 1;
                break;
            }
        }
        int to = e;
        while (to > from && t[to - 1] == '=') {
            to--;
        }
        if (to - from < MIN_BASE64) {
            return false;
        }
        char[] decoded = decode(t, from, to);
        return decoded != null && decoded != ByteText.TOO_LARGE && decoded.length >= 8 && !secret(t, from, decoded);
    }

    /** Base64 of text has letters of both cases; a hex digest, a number or a word of one case is not read. */
    private static boolean mixed(char[] t, int from, int to) {
        boolean upper = false;
        boolean lower = false;
        for (int i = from; i < to && !(upper && lower); i++) {
            upper |= t[i] >= 'A' && t[i] <= 'Z';
            lower |= t[i] >= 'a' && t[i] <= 'z';
        }
        return upper && lower;
    }

    /** The bytes of the run as text (inflated, or UTF-16 narrowed: see {@link ByteText}), or null when it is not base64 of text. */
    private static char[] decode(char[] t, int from, int to) {
        int len = (to - from) & ~3;
        byte[] raw;
        try {
            String run = new String(t, from, len);
            raw = run.indexOf('-') >= 0 || run.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(run) : Base64.getDecoder().decode(run);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        return ByteText.of(raw, raw.length);
    }

    /** The decoded text holds a secret, or is printable text after a keyword. */
    static boolean secret(char[] t, int at, char[] decoded) {
        if (decoded == ByteText.TOO_LARGE) {
            return true; // a compressed stream too large to read to its end is not shown unread
        }
        boolean printable = true;
        boolean word = true;
        for (char c : decoded) {
            printable &= c >= 0x20 && c <= 0x7e || c == '\t' || c == '\n' || c == '\r';
            word &= c > 0x20 && c != '"' && c != '{' && c != '}';
        }
        if (!printable) {
            return false;
        }
        if (NearbyTokens.keywordBefore(t, at) || word && RandomTokens.isRandom(decoded, 0, decoded.length, null)) {
            return true; // a password after its keyword, or one random word (a key), not a structure
        }
        Spans found = new Spans();
        Assignments.find(decoded, found);
        if (found.isEmpty()) {
            ProviderRules.builtIn().find(decoded, new String(decoded), found);
        }
        if (found.isEmpty()) {
            UrlCredentials.find(decoded, found); // https://user:pass@host, decoded
        }
        if (found.isEmpty()) {
            NearbyTokens.find(decoded, found, false);
        }
        return !found.isEmpty();
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean base64Char(char c) {
        return c < 128 && BASE64_CHARS[c];
    }

    /** Both base64 alphabets: one array read per character instead of up to nine comparisons. */
    private static final boolean[] BASE64_CHARS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            BASE64_CHARS[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "+/-_".indexOf(c) >= 0;
        }
    }
}
