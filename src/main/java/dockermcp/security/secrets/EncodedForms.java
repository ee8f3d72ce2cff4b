package dockermcp.security.secrets;

/**
 * A credential assignment in an encoding other than base64 and separated hex ({@link EncodedRuns}) or a per-character
 * escape ({@link PlainView}): rot13 and reversed text, base32, ascii85, uuencode blocks, and hexadecimal runs (SQL
 * {@code 0x…} and {@code X'…'} literals, UTF-16 and gzip in hex). Each is found by its own signature before anything is
 * decoded (a rot13 or reversed credential word, a run of the encoding's alphabet, {@code <~}, {@code begin 644 name}), and
 * decoding stops at the first byte that is not text, so text without the signature costs one pass. A run whose decoded
 * text holds a secret is hidden whole; rot13 and reversed text keep their length, so only the secret in them goes.
 */
final class EncodedForms {

    /** Credential words as rot13 and reversed text show them (pass, pwd, secret, token, key, auth, bearer, cred; a URL's "://" reversed). */
    private static final String[] ROT13_WORDS = {"cnff", "cjq", "frperg", "gbxra", "xrl", "nhgu", "ornere", "perq"};
    private static final String[] REVERSED_WORDS = {"ssap", "dwp", "terces", "nekot", "yek", "htua", "reraeb", "derc", "//:"};
    /** Around a credential word, this much of its line is decoded and read. */
    private static final int WINDOW = 512;
    private static final int MIN_RUN = 16;
    private static final int MAX_RUN = 8192;

    private EncodedForms() {
    }

    static void find(char[] t, String lower, Spans spans) {
        shifted(t, lower, ROT13_WORDS, false, spans);
        shifted(t, lower, REVERSED_WORDS, true, spans);
        runs(t, spans);
        uuencoded(t, lower, spans);
    }

    /** The lines around each credential word of the list, read as rot13 (or reversed), and the secrets found there. */
    private static void shifted(char[] t, String lower, String[] words, boolean reversed, Spans spans) {
        for (String w : words) {
            int done = -1; // the end of the last window read for this word: each character is read once per word
            for (int at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
                if (at < done) {
                    continue;
                }
                int from = at;
                while (from > 0 && at - from < WINDOW && t[from - 1] != '\n') {
                    from--;
                }
                int to = at;
                while (to < t.length && to - at < WINDOW && t[to] != '\n') {
                    to++;
                }
                char[] plain = new char[to - from];
                for (int k = 0; k < plain.length; k++) {
                    char c = reversed ? t[to - 1 - k] : t[from + k];
                    plain[k] = reversed ? c : rot13(c);
                }
                Spans found = new Spans();
                Assignments.find(plain, found);
                UrlCredentials.find(plain, found);
                AuthSchemes.find(plain, KeyMaterial.lowerAscii(plain), found);
                int[] m = found.merged();
                for (int k = 0; k < m.length; k += 2) {
                    spans.add(reversed ? to - m[k + 1] : from + m[k], reversed ? to - m[k] : from + m[k + 1]);
                }
                done = to;
            }
        }
    }

    private static char rot13(char c) {
        if (c >= 'a' && c <= 'z') {
            return (char) ('a' + (c - 'a' + 13) % 26);
        }
        return c >= 'A' && c <= 'Z' ? (char) ('A' + (c - 'A' + 13) % 26) : c;
    }

    /** Runs of one encoding's alphabet that stand alone (not inside a longer word): base32, ascii85, hexadecimal. */
    private static void runs(char[] t, Spans spans) {
        int n = t.length;
        int i = 0;
        while (i < n) {
            char c = t[i];
            if (c == '<' && i + 1 < n && t[i + 1] == '~') { // Adobe ascii85: <~ … ~>
                int end = i + 2;
                while (end < n && end - i < MAX_RUN && !(t[end] == '~' && end + 1 < n && t[end + 1] == '>')) {
                    end++;
                }
                char[] decoded = Ascii85.decode(t, i + 2, end);
                if (decoded != null && EncodedRuns.secret(t, i, decoded)) {
                    spans.add(i, Math.min(n, end + 2));
                }
                i = end;
                continue;
            }
            if (c <= ' ' || c > '~') {
                i++;
                continue;
            }
            int end = i;
            while (end < n && end - i < MAX_RUN && t[end] > ' ' && t[end] < '~') {
                end++;
            }
            if (end - i >= MIN_RUN) {
                word(t, i, end, spans);
            }
            i = end + 1;
        }
    }

    /** One blank-free word: a base32, hexadecimal or ascii85 run in it, whole or after a label ({@code blob=}, {@code ascii85:}), decoded and read. */
    private static void word(char[] t, int from, int to, Spans spans) {
        if (decodedRun(t, from, to, spans)) {
            return;
        }
        for (int k = from; k < to && k - from < 40; k++) {
            if (t[k] == '=' || t[k] == ':' || t[k] == '(' || t[k] == '\'' || t[k] == '"') {
                if (to - k - 1 >= MIN_RUN) {
                    decodedRun(t, k + 1, to, spans);
                }
                return;
            }
        }
    }

    private static boolean decodedRun(char[] t, int from, int to, Spans spans) {
        return hexRun(t, from, to, spans) || base32Run(t, from, to, spans) || ascii85Run(t, from, to, spans);
    }

    /** Hexadecimal digits, after an optional {@code 0x} or {@code X'}, to the end of the word (or a closing quote or parenthesis). */
    private static boolean hexRun(char[] t, int from, int to, Spans spans) {
        int s = from;
        if (s + 2 < to && (t[s] == '0' && (t[s + 1] == 'x' || t[s + 1] == 'X') || (t[s] == 'x' || t[s] == 'X') && t[s + 1] == '\'')) {
            s += 2;
        }
        int e = s;
        while (e < to && Character.digit(t[e], 16) >= 0) {
            e++;
        }
        if (e - s < MIN_RUN || (e - s) % 2 != 0 || e < to && t[e] != '\'' && t[e] != ')' && t[e] != ',' && t[e] != ';' && t[e] != '"') {
            return false;
        }
        byte[] raw = new byte[(e - s) / 2];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = (byte) (Character.digit(t[s + 2 * k], 16) << 4 | Character.digit(t[s + 2 * k + 1], 16));
        }
        char[] decoded = ByteText.of(raw, raw.length);
        if (decoded != null && EncodedRuns.secret(t, from, decoded)) {
            spans.add(from, e);
            return true;
        }
        return false;
    }

    /** Base32 (RFC 4648) in one case, with optional padding, to the end of the word. */
    private static boolean base32Run(char[] t, int from, int to, Spans spans) {
        boolean upper = t[from] >= 'A' && t[from] <= 'Z';
        if (!upper && (t[from] < 'a' || t[from] > 'z')) {
            return false;
        }
        int e = from;
        while (e < to && (t[e] >= '2' && t[e] <= '7' || (upper ? t[e] >= 'A' && t[e] <= 'Z' : t[e] >= 'a' && t[e] <= 'z'))) {
            e++;
        }
        int padded = e;
        while (padded < to && t[padded] == '=') {
            padded++;
        }
        if (e - from < MIN_RUN || padded < to && (Character.isLetterOrDigit(t[padded]) || t[padded] == '+' || t[padded] == '/')) {
            return false;
        }
        byte[] raw = new byte[(e - from) * 5 / 8];
        long buffer = 0;
        int bits = 0;
        int n = 0;
        for (int k = from; k < e && n < raw.length; k++) {
            char c = t[k];
            buffer = buffer << 5 | (c >= 'a' ? c - 'a' : c >= 'A' ? c - 'A' : c - '2' + 26);
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                raw[n++] = (byte) (buffer >> bits);
            }
        }
        char[] decoded = ByteText.of(raw, n);
        if (decoded != null && EncodedRuns.secret(t, from, decoded)) {
            spans.add(from, padded);
            return true;
        }
        return false;
    }

    /** Ascii85 without its {@code <~ ~>}: tried only on words with a character no identifier, path or number has. */
    private static boolean ascii85Run(char[] t, int from, int to, Spans spans) {
        if (to - from < MIN_RUN || to - from > MAX_RUN) {
            return false;
        }
        boolean unusual = false;
        for (int k = from; k < to; k++) {
            char c = t[k];
            if (c > 'u') {
                return false;
            }
            unusual |= "!#$&()*+;<>?@[\\]^`'\",".indexOf(c) >= 0;
        }
        if (!unusual) {
            return false;
        }
        char[] decoded = Ascii85.decode(t, from, to);
        if (decoded != null && EncodedRuns.secret(t, from, decoded)) {
            spans.add(from, to);
            return true;
        }
        return false;
    }

    /** {@code begin 644 name} and the lines after it up to {@code end}: decoded, and hidden from begin to end when they hold a secret. */
    private static void uuencoded(char[] t, String lower, Spans spans) {
        for (int at = lower.indexOf("begin "); at >= 0; at = lower.indexOf("begin ", at + 1)) {
            int k = at + 6;
            int digits = 0;
            while (k < t.length && t[k] >= '0' && t[k] <= '7' && digits < 5) {
                k++;
                digits++;
            }
            if (digits < 3 || k >= t.length || t[k] != ' ') {
                continue;
            }
            int line = k;
            while (line < t.length && t[line] != '\n') {
                line++;
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            int end = line;
            for (int lines = 0; end < t.length && lines < 4096; lines++) {
                int s = end + 1;
                int e = s;
                while (e < t.length && t[e] != '\n') {
                    e++;
                }
                if (s >= t.length || e == s || !Uu.line(t, s, e, bytes)) {
                    break;
                }
                end = e;
            }
            byte[] b = bytes.toByteArray();
            if (b.length == 0) {
                continue;
            }
            char[] decoded = ByteText.of(b, b.length);
            if (decoded != null && EncodedRuns.secret(t, at, decoded)) {
                spans.add(at, end);
            }
            at = Math.max(at, end); // a "BEGIN 644 " inside the block read is not read again
        }
    }

    /** Uuencoded lines: a length character, then four characters for each three bytes. */
    private static final class Uu {
        /** Appends the bytes of one line; false when the line is not uuencoded (the block's end, {@code `} or {@code end}). */
        static boolean line(char[] t, int s, int e, java.io.ByteArrayOutputStream out) {
            int n = (t[s] - ' ') & 63;
            if (n == 0 || t[s] < ' ' || t[s] > '`' || e - s - 1 < (n + 2) / 3 * 4 || e - s - 1 > (n + 2) / 3 * 4 + 2) {
                return false;
            }
            for (int k = s + 1, got = 0; got < n; k += 4) {
                int v = 0;
                for (int j = 0; j < 4; j++) {
                    char c = t[k + j];
                    if (c < ' ' || c > '`') {
                        return false;
                    }
                    v = v << 6 | (c - ' ') & 63;
                }
                for (int j = 2; j >= 0 && got < n; j--, got++) {
                    out.write(v >> (8 * j) & 0xff);
                }
            }
            return true;
        }
    }

    /** Ascii85 (btoa, Adobe, Python's a85encode): five characters '!'..'u' for four bytes, 'z' for four zero bytes. */
    private static final class Ascii85 {
        /** The decoded text, or null at the first group that is not printable text. */
        static char[] decode(char[] t, int from, int to) {
            StringBuilder out = new StringBuilder();
            long v = 0;
            int digits = 0;
            for (int k = from; k < to; k++) {
                char c = t[k];
                if (c <= ' ') {
                    continue;
                }
                if (c < '!' || c > 'u') {
                    return prefix(out);
                }
                v = v * 85 + (c - '!');
                if (++digits == 5) {
                    if (!group(v, 4, out)) {
                        return prefix(out);
                    }
                    v = 0;
                    digits = 0;
                }
            }
            if (digits > 1) { // a last, partial group: padded with 'u'
                int bytes = digits - 1;
                for (; digits < 5; digits++) {
                    v = v * 85 + 84;
                }
                if (!group(v, bytes, out)) {
                    return prefix(out);
                }
            }
            return out.length() >= 4 ? out.toString().toCharArray() : null;
        }

        /** What decoded to text before a group that does not (the run went on into a word after it): read when long enough to hold an assignment. */
        private static char[] prefix(StringBuilder out) {
            return out.length() >= 12 ? out.toString().toCharArray() : null;
        }

        private static boolean group(long v, int bytes, StringBuilder out) {
            if (v > 0xffffffffL) {
                return false;
            }
            for (int j = 3; j >= 4 - bytes; j--) {
                char b = (char) (v >> (8 * j) & 0xff);
                if ((b < 0x20 || b > 0x7e) && b != '\n' && b != '\t' && b != '\r') {
                    return false;
                }
                out.append(b);
            }
            return true;
        }
    }
}
