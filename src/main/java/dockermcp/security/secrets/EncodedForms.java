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
    /** What a uuencoded block starts with ({@code begin 644 name}). */
    private static final String UU_BEGIN = "begin ";
    /** Around a credential word, this much of its line is decoded and read. */
    private static final int WINDOW = 512;
    private static final int MIN_RUN = 16;
    private static final int MAX_RUN = 8192;

    private EncodedForms() {
    }

    /** The words this rule starts from, read in the detector's keyword pass ({@link Keywords#RULES}). */
    static final java.util.List<String> WORDS = java.util.stream.Stream.concat(java.util.stream.Stream.of(ROT13_WORDS, REVERSED_WORDS)
            .flatMap(java.util.Arrays::stream), java.util.stream.Stream.of(UU_BEGIN)).toList();

    /** @param words the keywords the text holds: without a credential word in rot13 or reversed, or a uuencode header, those reads are skipped */
    static void find(char[] t, Keywords.Found words, Spans spans) {
        if (words.hasAny(WORDS.subList(0, WORDS.size() - 1))) { // a credential word in rot13 or reversed (the last word is uuencode's)
            shifted(t, spans);
        }
        runs(t, spans);
        if (words.has(UU_BEGIN)) {
            uuencoded(t, spans);
        }
    }

    /** For each pair of characters (a-z, '/', anything else), the words of both lists that start with it: one table look-up per character. */
    private static final int[] BY_PAIR = new int[28 * 28];
    /** {@link #letter} of each ASCII character. */
    private static final byte[] LETTERS = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            LETTERS[c] = (byte) letter(c);
        }
        for (int w = 0; w < ROT13_WORDS.length + REVERSED_WORDS.length; w++) {
            String word = w < ROT13_WORDS.length ? ROT13_WORDS[w] : REVERSED_WORDS[w - ROT13_WORDS.length];
            BY_PAIR[letter(word.charAt(0)) * 28 + letter(word.charAt(1))] |= 1 << w;
        }
    }

    /** 0-25 for a letter of either case, 26 for '/', 27 otherwise (a row of the pair table with no word). */
    private static int letter(char c) {
        char l = (char) (c | 0x20);
        return l >= 'a' && l <= 'z' ? l - 'a' : c == '/' ? 26 : 27;
    }

    /** The lines around each rot13 or reversed credential word, read back as plain text, and the secrets found there. */
    private static void shifted(char[] t, Spans spans) {
        int doneRot13 = -1; // the end of the last window read as rot13 (or reversed): a line is read once for each
        int doneReversed = -1;
        int prev = t.length > 0 ? letter(t[0]) : 27;
        for (int i = 0; i + 1 < t.length; i++) {
            char c = t[i + 1];
            int next = c < 128 ? LETTERS[c] : 27;
            int words = BY_PAIR[prev * 28 + next];
            prev = next;
            if (words == 0) {
                continue;
            }
            for (int w = 0; w < ROT13_WORDS.length + REVERSED_WORDS.length; w++) {
                boolean reversed = w >= ROT13_WORDS.length;
                if ((words & 1 << w) == 0 || i < (reversed ? doneReversed : doneRot13)
                        || !startsWithLower(t, i, reversed ? REVERSED_WORDS[w - ROT13_WORDS.length] : ROT13_WORDS[w])) {
                    continue;
                }
                int end = window(t, i, reversed, spans);
                if (reversed) {
                    doneReversed = end;
                } else {
                    doneRot13 = end;
                }
            }
        }
    }

    private static boolean startsWithLower(char[] t, int at, String w) {
        if (at + w.length() > t.length) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if ((char) (t[at + k] | 0x20) != w.charAt(k) && !(w.charAt(k) == '/' && t[at + k] == '/')) {
                return false;
            }
        }
        return true;
    }

    /** Reads the line around {@code at} (at most WINDOW either side) as rot13 or reversed text; returns where the window ends. */
    private static int window(char[] t, int at, boolean reversed, Spans spans) {
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
            plain[k] = reversed ? t[to - 1 - k] : rot13(t[from + k]);
        }
        Spans found = new Spans();
        Assignments.find(plain, found);
        UrlCredentials.find(plain, found);
        AuthSchemes.find(plain, found);
        int[] m = found.merged();
        for (int k = 0; k < m.length; k += 2) {
            spans.add(reversed ? to - m[k + 1] : from + m[k], reversed ? to - m[k] : from + m[k + 1]);
        }
        return to;
    }

    private static char rot13(char c) {
        if (c >= 'a' && c <= 'z') {
            return (char) ('a' + (c - 'a' + 13) % 26);
        }
        return c >= 'A' && c <= 'Z' ? (char) ('A' + (c - 'A' + 13) % 26) : c;
    }

    private static final int HEX = 1;
    private static final int UPPER32 = 2;
    private static final int LOWER32 = 4;
    private static final int UNUSUAL = 8; // in ascii85, and in no identifier, path, number or time stamp
    private static final int NOT85 = 16; // a visible character ascii85 does not use
    private static final int BLANK = 32;
    private static final byte[] CLASSES = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            int k = c <= ' ' || c == 0x7f ? BLANK : c > 'u' ? NOT85 : 0;
            k |= Character.digit(c, 16) >= 0 ? HEX : 0;
            k |= c >= 'A' && c <= 'Z' || c >= '2' && c <= '7' ? UPPER32 : 0;
            k |= c >= 'a' && c <= 'z' || c >= '2' && c <= '7' ? LOWER32 : 0;
            k |= "!#$&()*+;<>?@[\\]^`'\",".indexOf(c) >= 0 ? UNUSUAL : 0;
            CLASSES[c] = (byte) k;
        }
    }

    /**
     * One pass: streaks of hexadecimal digits and of either base32 alphabet, 16 or more long, are decoded where they end;
     * a blank-free word with a character only ascii85 uses (and none it does not), and {@code <~ … ~>}, as ascii85.
     */
    private static void runs(char[] t, Spans spans) {
        int n = t.length;
        int active = 0; // the alphabets whose streak goes on, and where each started
        int hex = 0;
        int upper = 0;
        int lower = 0;
        int word = 0;
        int wordClasses = 0;
        int label = -1; // the word's first label character (ascii85:, blob=), and the classes of what follows it
        int afterLabel = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? t[i] : ' ';
            int k = c < 128 ? CLASSES[c] : NOT85;
            if (c == '<' && i + 1 < n && t[i + 1] == '~') {
                i = adobe85(t, i, spans);
                active = 0;
                word = i + 1;
                wordClasses = 0;
                label = -1;
                afterLabel = 0;
                continue;
            }
            int in = k & (HEX | UPPER32 | LOWER32);
            if (in != active) { // a streak ends or starts here: rare inside a word, so the common character costs this test
                int ended = active & ~in;
                if ((ended & HEX) != 0 && i - hex >= MIN_RUN) {
                    hexRun(t, hex, i, spans);
                }
                if ((ended & UPPER32) != 0 && i - upper >= MIN_RUN) {
                    base32Run(t, upper, i, spans);
                }
                if ((ended & LOWER32) != 0 && i - lower >= MIN_RUN) {
                    base32Run(t, lower, i, spans);
                }
                int started = in & ~active;
                hex = (started & HEX) != 0 ? i : hex;
                upper = (started & UPPER32) != 0 ? i : upper;
                lower = (started & LOWER32) != 0 ? i : lower;
                active = in;
            }
            if ((k & BLANK) != 0 || i == n) {
                if ((wordClasses & (UNUSUAL | NOT85)) == UNUSUAL && i - word >= MIN_RUN && ascii85Run(t, word, i, spans)) {
                    label = -1;
                } else if (label >= 0 && (afterLabel & (UNUSUAL | NOT85)) == UNUSUAL && i - label - 1 >= MIN_RUN) {
                    ascii85Run(t, label + 1, i, spans); // after ascii85:, blob=, (
                }
                word = i + 1;
                wordClasses = 0;
                label = -1;
                afterLabel = 0;
            } else {
                wordClasses |= k;
                if (label >= 0) {
                    afterLabel |= k;
                } else if ((c == '=' || c == ':' || c == '(') && i - word < 40) {
                    label = i;
                }
            }
        }
    }

    /** Adobe ascii85 at i ({@code <~ … ~>}); returns where it ends. */
    private static int adobe85(char[] t, int i, Spans spans) {
        int n = t.length;
        int end = i + 2;
        while (end < n && end - i < MAX_RUN && !(t[end] == '~' && end + 1 < n && t[end + 1] == '>')) {
            end++;
        }
        char[] decoded = Ascii85.decode(t, i + 2, end);
        if (decoded != null && EncodedRuns.secret(t, i, decoded)) {
            spans.add(i, Math.min(n, end + 2));
        }
        return Math.min(n, end + 1);
    }

    /** A streak of hexadecimal digits (an SQL {@code 0x…} or {@code X'…'} literal, UTF-16 or gzip in hex), decoded. */
    private static boolean hexRun(char[] t, int s, int e, Spans spans) {
        int from = s >= 2 && (t[s - 1] == 'x' || t[s - 1] == 'X' || t[s - 1] == '\'' && (t[s - 2] == 'x' || t[s - 2] == 'X')) ? s - 2 : s;
        int first = Character.digit(t[s], 16) << 4 | Character.digit(t[s + 1], 16);
        if ((first < 0x20 || first > 0x7e) && first != 0 && first != 0x1f && first != 0x78 && first != 0xff && first != 0xfe && first != '\n') {
            return false; // a digest or an id: its first byte is already not text, nor UTF-16, gzip or zlib
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

    /** A streak of base32 (RFC 4648, one case), with its padding after it, decoded. */
    private static boolean base32Run(char[] t, int from, int e, Spans spans) {
        int padded = e;
        while (padded < t.length && padded - e < 6 && t[padded] == '=') {
            padded++;
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

    /** Ascii85 without its {@code <~ ~>}, decoded (the caller has seen a character only ascii85 uses). */
    private static boolean ascii85Run(char[] t, int from, int to, Spans spans) {
        if (to - from > MAX_RUN) {
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
    private static void uuencoded(char[] t, Spans spans) {
        for (int at = 0; at + 6 <= t.length; at++) {
            if ((t[at] | 0x20) != 'b' || !KeyMaterial.startsWithLower(t, at, UU_BEGIN)) {
                continue;
            }
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
