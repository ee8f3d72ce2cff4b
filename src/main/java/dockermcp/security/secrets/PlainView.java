package dockermcp.security.secrets;

/**
 * Text as a reader (and a program reading it) sees it: terminal escape sequences (CSI, OSC, other ESC forms, C1 CSI), control characters other
 * than tab and line feed, and invisible format characters (zero-width, bidi, soft hyphen, tag characters) taken out,
 * so that a colour code before a token or a zero-width joiner inside one cannot hide it from the detector. Lookalikes
 * are read as the ASCII they imitate: fullwidth and other compatibility forms (NFKC), Cyrillic and Greek homoglyphs of
 * Latin letters, the percent-encoded separators and quotes of URLs and form bodies ({@code password%3Dx}), and a quote
 * a shell script wrote inside a single-quoted word ({@code '"'"'} or {@code '\''}, read as {@code '}). Spans
 * found in the plain text map back to the original, which keeps every character it had.
 */
public final class PlainView {

    private final String text;
    private final int[] orig; // orig[i]: index in the original of plain character i; orig[length]: the original's length

    private final String original; // kept when the view differs from it: a span is taken on through an escaped separator

    private PlainView(String text, int[] orig, String original) {
        this.text = text;
        this.orig = orig;
        this.original = original;
    }

    public static PlainView of(String s) {
        return of(s, false);
    }

    /**
     * The view of a text logged as one string: as {@link #of}, and its escaped line breaks and tabs ({@code \n}, {@code \r\n},
     * {@code \t}, and {@code \\n} of a string encoded twice) read as line breaks and tabs. A second reading of such a line,
     * beside the first: a shell's {@code printf '%s\n' X | passwd} needs its {@code \n} read as written.
     */
    public static PlainView unescaped(String s) {
        return of(s, true);
    }

    /** True when the text holds an escaped line break or tab ({@link #unescaped} reads it otherwise than {@link #of}). */
    public static boolean hasLineEscapes(String s) {
        for (int i = s.indexOf('\\'); i >= 0 && i + 1 < s.length(); i = s.indexOf('\\', i + 1)) {
            if (lineEscape(s, i) != 0) {
                return true;
            }
        }
        return false;
    }

    private static PlainView of(String s, boolean unescape) {
        int n = s.length();
        StringBuilder out = null;
        int[] map = null;
        int i = 0;
        int kept = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c > 0x20 && c < 0x7f && c != '%' && c != '&' && c != '\\' && c != '-' && c != '.' && c != '_' && c != '\'') {
                if (out != null) { // printable ASCII that no fold or hidden run starts with: read as it is, the common case
                    map[kept++] = i;
                    out.append(c);
                }
                i++;
                continue;
            }
            int folded = fold(s, i, unescape);
            int skip = folded != 0 ? 0 : hidden(s, i);
            if ((folded != 0 || skip > 0) && out == null) { // the first character read otherwise: copy what came before
                out = new StringBuilder(n);
                map = new int[n + 1];
                out.append(s, 0, i);
                for (int k = 0; k < i; k++) {
                    map[k] = k;
                }
                kept = i;
            }
            if (folded != 0) { // a lookalike: read as its ASCII letter, mapped to where it starts
                map[kept++] = i;
                out.append((char) (folded & 0xffff));
                i += folded >>> 16;
                continue;
            }
            if (skip > 0) {
                if (endsText(s, i)) { // the end of an OSC payload: what follows is another piece of text
                    map[kept++] = i;
                    out.append(' ');
                }
                i += skip;
                continue;
            }
            int len = Character.charCount(s.codePointAt(i));
            if (out != null) {
                for (int k = 0; k < len; k++) {
                    map[kept++] = i + k;
                    out.append(s.charAt(i + k));
                }
            }
            i += len;
        }
        if (out == null) {
            return new PlainView(s, null, null);
        }
        map[kept] = n;
        return new PlainView(out.toString(), java.util.Arrays.copyOf(map, kept + 1), s);
    }

    /**
     * How many characters at {@code i} are invisible to a reader (0: a visible character). Only what can hide nothing
     * is taken out: a CSI sequence (colours, cursor moves) whose parameters are short and well formed, the introducer
     * and terminator of an OSC sequence (its payload, a window title say, stays in view for the detector), a lone
     * ESC, controls and invisible format characters. A malformed sequence loses only its ESC.
     */
    private static int hidden(String s, int i) {
        char c = s.charAt(i);
        int n = s.length();
        if (c == 0x1b || c == 0x9b) {
            int j = i + 1;
            if (c == 0x9b || j < n && s.charAt(j) == '[') { // CSI: up to 16 parameter bytes, 2 intermediates, one final byte
                j = c == 0x9b ? j : j + 1;
                int k = j;
                while (k < n && k - j < 16 && s.charAt(k) >= 0x30 && s.charAt(k) <= 0x3f) {
                    k++;
                }
                int m = k;
                while (m < n && m - k < 2 && s.charAt(m) >= 0x20 && s.charAt(m) <= 0x2f) {
                    m++;
                }
                if (m < n && s.charAt(m) >= 0x40 && s.charAt(m) <= 0x7e) {
                    return m + 1 - i;
                }
                return 1;
            }
            if (j < n && s.charAt(j) == ']') { // OSC: "ESC ] digits ;" goes, the payload stays
                int k = j + 1;
                while (k < n && k - j <= 4 && Character.isDigit(s.charAt(k))) {
                    k++;
                }
                return (k < n && s.charAt(k) == ';' ? k + 1 : j + 1) - i;
            }
            if (c == 0x1b && j < n && s.charAt(j) == '\\') { // ST, the end of an OSC
                return 2;
            }
            return 1;
        }
        if (c == '\t' || c == '\n') {
            return 0;
        }
        if (c == ' ' || c == '-' || c == '.' || c == '_') {
            return spacedLetters(s, i) ? 1 : 0;
        }
        if (c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f) {
            return 1; // BEL (an OSC's end) and the other controls
        }
        int cp = s.codePointAt(i);
        return Character.getType(cp) == Character.FORMAT ? Character.charCount(cp) : 0;
    }

    /** At most this many letters of a spaced-out word are looked at on each side of a separator: linear time on any input. */
    private static final int SPACED_LOOK = 24;

    /**
     * True when the separator at {@code i} stands between single characters of a text spelt out ({@code p a s s w o r d : x 1 !},
     * {@code p-a-s-s}, {@code p.a.s.s}): a run of single characters, each apart from the next by this one separator, with
     * four or more letters among them; next to a digit or a sign, a run of eight or more ({@code p a g e 1 of 9} stays
     * {@code page 1}). The detector reads the run whole; the original keeps its separators.
     */
    private static boolean spacedLetters(String s, int i) {
        char sep = s.charAt(i);
        if (!single(s, i - 1, sep) || !single(s, i + 1, sep)) {
            return false;
        }
        boolean betweenLetters = asciiLetter(s.charAt(i - 1)) && asciiLetter(s.charAt(i + 1));
        int count = 2;
        int letters = (asciiLetter(s.charAt(i - 1)) ? 1 : 0) + (asciiLetter(s.charAt(i + 1)) ? 1 : 0);
        for (int j = i - 3; j >= 0 && (letters < 4 || !betweenLetters && count < 8) && i - j < 2 * SPACED_LOOK && s.charAt(j + 1) == sep && single(s, j, sep); j -= 2) {
            letters += asciiLetter(s.charAt(j)) ? 1 : 0;
            count++;
        }
        for (int j = i + 3; j < s.length() && (letters < 4 || !betweenLetters && count < 8) && j - i < 2 * SPACED_LOOK && s.charAt(j - 1) == sep && single(s, j, sep); j += 2) {
            letters += asciiLetter(s.charAt(j)) ? 1 : 0;
            count++;
        }
        return letters >= 4 && (betweenLetters || count >= 8);
    }

    /** A visible ASCII character other than the separator, alone: a letter or digit with no letter or digit next to it, any other with a blank or the separator either side. */
    private static boolean single(String s, int j, char sep) {
        if (j < 0 || j >= s.length()) {
            return false;
        }
        char c = s.charAt(j);
        if (c <= ' ' || c >= 0x7f || c == sep) {
            return false;
        }
        if (asciiLetterOrDigit(c)) {
            return (j == 0 || !asciiLetterOrDigit(s.charAt(j - 1))) && (j + 1 == s.length() || !asciiLetterOrDigit(s.charAt(j + 1)));
        }
        return (j == 0 || s.charAt(j - 1) <= ' ' || s.charAt(j - 1) == sep) && (j + 1 == s.length() || s.charAt(j + 1) <= ' ' || s.charAt(j + 1) == sep);
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean asciiLetterOrDigit(char c) {
        return asciiLetter(c) || c >= '0' && c <= '9';
    }

    /** Cyrillic and Greek letters that look like Latin ones, and the Latin letter each imitates. */
    private static final String HOMOGLYPHS = "\u0430a\u0435e\u043eo\u0440p\u0441c\u0443y\u0445x\u0456i\u0458j\u0455s\u0501d\u051bq\u051dw"
            + "\u0410A\u0412B\u0415E\u041aK\u041cM\u041dH\u041eO\u0420P\u0421C\u0422T\u0425X\u0423Y\u0406I\u0408J\u0405S"
            + "\u0391A\u0392B\u0395E\u0396Z\u0397H\u0399I\u039aK\u039cM\u039dN\u039fO\u03a1P\u03a4T\u03a5Y\u03a7X"
            + "\u03bfo\u03bdv\u03b1a\u03b9i\u03bak\u03c1p\u03c4t\u03c5u\u03c7x";
    /** Percent-encoded characters that separate a name from its value or a user from a host, decoded for the detector. */
    private static final String ENCODED = "3A:3D=40@2F/26&3F?22\"27'20 2C,3B;23#";

    /**
     * The ASCII character a lookalike at {@code i} stands for, in the low 16 bits, and how many characters of the
     * original it takes, in the high bits; 0 when the character is read as it is.
     */
    private static int fold(String s, int i, boolean unescape) {
        char c = s.charAt(i);
        if (c < 0x80) {
            if (c == '%' && i + 2 < s.length()) {
                return percent(s, i);
            }
            if (c == '\'') { // a quote inside a single-quoted shell word: sh -c 'x='"'"'pass'"'"'' or 'x='\''pass'\'''
                return s.startsWith(SHELL_QUOTE, i) ? SHELL_QUOTE.length() << 16 | '\''
                        : s.startsWith(SHELL_QUOTE_ESCAPED, i) ? SHELL_QUOTE_ESCAPED.length() << 16 | '\'' : 0;
            }
            return c == '\\' || c == '&' ? escaped(s, i, unescape) : 0;
        }
        if (c >= 0x370 && c < 0x530) {
            int at = HOMOGLYPHS.indexOf(c);
            return at >= 0 && at % 2 == 0 ? 1 << 16 | HOMOGLYPHS.charAt(at + 1) : 0;
        }
        // compatibility forms (fullwidth, mathematical, circled, superscript letters): NFKC, when it gives one ASCII character;
        // the common scripts (CJK, kana, Hangul) have none and are passed at once
        if (c < 0x2000 || c >= 0x3040 && c < 0xa000 || c >= 0xac00 && c < 0xd800) {
            return 0;
        }
        if (c >= 0xff01 && c <= 0xff5e) {
            return 1 << 16 | (c - 0xfee0);
        }
        int cp = s.codePointAt(i);
        String nfkc = java.text.Normalizer.normalize(new String(Character.toChars(cp)), java.text.Normalizer.Form.NFKC);
        return nfkc.length() == 1 && nfkc.charAt(0) > 0x20 && nfkc.charAt(0) < 0x7f ? Character.charCount(cp) << 16 | nfkc.charAt(0) : 0;
    }

    /** The two ways a shell script writes a single quote inside a single-quoted word: close, quote it, reopen. */
    private static final String SHELL_QUOTE = "'\"'\"'";
    private static final String SHELL_QUOTE_ESCAPED = "'\\''";

    /** How many times a percent escape may be encoded again ({@code %253D}, {@code %25253D}) and still be read. */
    private static final int PERCENT_DEPTH = 3;

    /**
     * A percent escape at {@code i}, in the form {@link #fold} returns: a separator ({@code %3D}, {@code %3a}) always; any
     * printable character when the escape was encoded again ({@code %2570}) or stands in a run of escapes (every byte
     * encoded: {@code %70%61%73%73}). A lone {@code %41} inside a word is left as it is.
     */
    private static int percent(String s, int i) {
        int at = i + 1;
        int depth = 0;
        while (depth < PERCENT_DEPTH && at + 3 < s.length() && s.charAt(at) == '2' && s.charAt(at + 1) == '5' && hexByte(s, at + 2) >= 0) {
            at += 2;
            depth++;
        }
        int v = hexByte(s, at);
        if (v < 0) {
            return 0;
        }
        int len = at + 2 - i;
        for (int k = 0; k < ENCODED.length(); k += 3) {
            if (ENCODED.charAt(k) == Character.toUpperCase(s.charAt(at)) && ENCODED.charAt(k + 1) == Character.toUpperCase(s.charAt(at + 1))) {
                return len << 16 | ENCODED.charAt(k + 2);
            }
        }
        boolean inRun = i + len + 2 < s.length() && s.charAt(i + len) == '%' && hexByte(s, i + len + 1) >= 0
                || i >= 3 && s.charAt(i - 3) == '%' && hexByte(s, i - 2) >= 0;
        return (depth > 0 || inRun) && v > 0x20 && v < 0x7f ? len << 16 | v : 0;
    }

    /** The byte written as two hexadecimal digits at {@code k}, or -1. */
    private static int hexByte(String s, int k) {
        return k + 1 < s.length() ? number(s, k, k + 2, 16) : -1;
    }

    /** Named HTML entities for the characters that separate or quote a name and its value. */
    private static final String[] ENTITIES = {"&quot;\"", "&apos;'", "&amp;&", "&lt;<", "&gt;>", "&colon;:", "&equals;="};

    /**
     * A JSON escape ({@code \u0070}) or an HTML character reference ({@code &#61;}, {@code &#x3D;}, {@code &quot;}) of a
     * printable ASCII character, in the form {@link #fold} returns; 0 when there is none at i.
     */
    private static int escaped(String s, int i, boolean unescape) {
        int n = s.length();
        if (unescape && s.charAt(i) == '\\') { // a text logged as one string (once or twice encoded): its line breaks and tabs, read as what they stand for
            int b = lineEscape(s, i);
            if (b != 0) {
                return b;
            }
        }
        if (s.charAt(i) == '\\') { // \u0070, \x70 and octal \160, as JSON, C, shells and printf write bytes
            int len = i + 5 < n && s.charAt(i + 1) == 'u' ? 6 : i + 3 < n && s.charAt(i + 1) == 'x' ? 4 : i + 3 < n ? 4 : 0;
            int cp = len == 0 ? -1 : len == 6 ? number(s, i + 2, i + 6, 16) : len == 4 && s.charAt(i + 1) == 'x' ? number(s, i + 2, i + 4, 16)
                    : s.charAt(i + 1) <= '3' ? number(s, i + 1, i + 4, 8) : -1;
            return cp >= 0x20 && cp < 0x7f ? len << 16 | cp : 0; // an escaped blank too: password\040=\040x
        }
        if (i + 3 < n && s.charAt(i + 1) == '#') {
            boolean x = s.charAt(i + 2) == 'x' || s.charAt(i + 2) == 'X';
            int from = x ? i + 3 : i + 2;
            int end = from;
            while (end < n && end - from < 6 && s.charAt(end) != ';') {
                end++;
            }
            if (end == from || end >= n || s.charAt(end) != ';') {
                return 0;
            }
            int cp = number(s, from, end, x ? 16 : 10);
            return cp >= 0x20 && cp < 0x7f ? (end + 1 - i) << 16 | cp : 0;
        }
        for (String e : ENTITIES) {
            int len = e.length() - 1;
            if (s.regionMatches(true, i, e, 0, len)) {
                return len << 16 | e.charAt(len);
            }
        }
        return 0;
    }

    /**
     * {@code \n}, {@code \t}, {@code \r\n} (and {@code \\n}, … of a string encoded twice) at {@code i}, in the form {@link #fold}
     * returns: a line break or a tab. 0 otherwise.
     */
    private static int lineEscape(String s, int i) {
        int n = s.length();
        int j = i + 1 < n && s.charAt(i + 1) == '\\' ? i + 2 : i + 1;
        if (j >= n) {
            return 0;
        }
        char e = s.charAt(j);
        if (e == 't') {
            return (j + 1 - i) << 16 | '\t';
        }
        if (e != 'n' && e != 'r') {
            return 0;
        }
        int end = j + 1;
        if (e == 'r' && end + 1 < n && s.charAt(end) == '\\') { // \r\n: one line break
            int k = end + 1 < n && s.charAt(end + 1) == '\\' ? end + 2 : end + 1;
            end = k < n && s.charAt(k) == 'n' ? k + 1 : end;
        }
        return (end - i) << 16 | '\n';
    }

    /** The number written in s[from, to] in the radix, or -1 when a character is not a digit. */
    private static int number(String s, int from, int to, int radix) {
        int v = 0;
        for (int k = from; k < to; k++) {
            int d = Character.digit(s.charAt(k), radix);
            if (d < 0) {
                return -1;
            }
            v = v * radix + d;
        }
        return v;
    }

    /** BEL or ST: the end of an OSC payload (a window title), which must not run into the text after it. */
    private static boolean endsText(String s, int i) {
        return s.charAt(i) == 0x07 || s.charAt(i) == 0x1b && i + 1 < s.length() && s.charAt(i + 1) == '\\';
    }

    public String text() {
        return text;
    }

    /** True when nothing was taken out: plain and original are the same. */
    public boolean same() {
        return orig == null;
    }

    /** The spans found in the plain text, as spans of the original (covering the hidden characters inside them). */
    public Spans toOriginal(Spans plain) {
        if (orig == null) {
            return plain;
        }
        Spans out = new Spans();
        int[] m = plain.merged();
        for (int i = 0; i < m.length; i += 2) {
            // up to where the next plain character starts: a folded lookalike (%3D, a surrogate pair) goes whole
            out.add(orig[m[i]], throughEscape(orig[Math.min(m[i + 1], orig.length - 1)]));
        }
        return out;
    }

    /**
     * Where a hidden part ends in the original: where its view ends, unless a percent escape follows that the view read as a
     * separator ({@code p=Glacier%23ember72}: '#' in the view, a character of the value in the original), then at the end of
     * the original's token.
     */
    private int throughEscape(int end) {
        if (end + 2 >= original.length() || original.charAt(end) != '%' || hexByte(original, end + 1) < 0) {
            return end;
        }
        int e = end;
        while (e < original.length() && e - end < 4096) {
            char c = original.charAt(e);
            if (Character.isWhitespace(c) || c == '&' || c == '#' || c == '"' || c == '\'' || c == '<' || c == '>') {
                break;
            }
            e++;
        }
        return e;
    }
}
