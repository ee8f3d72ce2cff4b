package dockermcp.security.secrets;

/**
 * Text as a reader sees it: terminal escape sequences (CSI, OSC, other ESC forms, C1 CSI), control characters other
 * than tab and line feed, and invisible format characters (zero-width, bidi, soft hyphen, tag characters) taken out,
 * so that a colour code before a token or a zero-width joiner inside one cannot hide it from the detector. Spans
 * found in the plain text map back to the original, which keeps every character it had.
 */
public final class PlainView {

    private final String text;
    private final int[] orig; // orig[i]: index in the original of plain character i; orig[length]: the original's length

    private PlainView(String text, int[] orig) {
        this.text = text;
        this.orig = orig;
    }

    public static PlainView of(String s) {
        int n = s.length();
        StringBuilder out = null;
        int[] map = null;
        int i = 0;
        int kept = 0;
        while (i < n) {
            int skip = hidden(s, i);
            boolean boundary = skip > 0 && endsText(s, i);
            if (skip > 0) {
                if (out == null) { // first hidden character: copy what came before
                    out = new StringBuilder(n);
                    map = new int[n + 1];
                    out.append(s, 0, i);
                    for (int k = 0; k < i; k++) {
                        map[k] = k;
                    }
                    kept = i;
                }
                if (boundary) { // the end of an OSC payload: what follows is another piece of text
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
            return new PlainView(s, null);
        }
        map[kept] = n;
        return new PlainView(out.toString(), java.util.Arrays.copyOf(map, kept + 1));
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
        if (c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f) {
            return 1; // BEL (an OSC's end) and the other controls
        }
        int cp = s.codePointAt(i);
        return Character.getType(cp) == Character.FORMAT ? Character.charCount(cp) : 0;
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
            int end = m[i + 1];
            out.add(orig[m[i]], end >= orig.length - 1 ? orig[orig.length - 1] : orig[end - 1] + 1);
        }
        return out;
    }
}
