package dockermcp.security.secrets;

/**
 * Private-key blocks (PEM, OpenSSH, PGP, PuTTY, OpenVPN static keys) in text that may span lines. A block ends at
 * its END line or, when that is missing, at the first line that cannot belong to a key block, so a container
 * cannot hide its later output by printing a BEGIN line alone.
 */
final class KeyBlocks {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final int MAX_LABEL = 64;
    private static final String[] HEADERS = {"Proc-Type:", "DEK-Info:", "Version:", "Comment:", "Hash:", "Charset:", "MessageID:"};

    private KeyBlocks() {
    }

    static void find(char[] text, Spans spans) {
        int n = text.length;
        int from = 0;
        while (true) {
            int b = indexOf(text, BEGIN, from, n);
            if (b < 0) {
                return;
            }
            int labelEnd = indexOf(text, "-----", b + BEGIN.length(), b + BEGIN.length() + MAX_LABEL + 5);
            if (labelEnd < 0) {
                from = b + BEGIN.length();
                continue;
            }
            String label = new String(text, b + BEGIN.length(), labelEnd - (b + BEGIN.length())).toUpperCase(java.util.Locale.ROOT);
            if (!(label.contains("PRIVATE") || label.contains("SECRET") || label.contains("ENCRYPTED") || label.contains("STATIC KEY"))) {
                from = labelEnd;
                continue;
            }
            int end = blockEnd(text, labelEnd + 5, n);
            spans.add(labelEnd + 5, end);
            from = Math.max(end, labelEnd + 5);
        }
    }

    /**
     * Where the block body that starts at {@code start} ends: after its END marker, or before the first line that
     * cannot belong to a key. Each character is looked at once.
     */
    private static int blockEnd(char[] text, int start, int n) {
        int i = start;
        boolean first = true;
        while (i < n) {
            int lineStart = i;
            if (!first) {
                int header = armourHeaderEnd(text, i, n);
                if (header > i) {
                    i = header + 1;
                    continue;
                }
            }
            while (i < n && text[i] != '\n') {
                char c = text[i];
                if (c == '-' && startsWith(text, i, END)) {
                    int close = indexOf(text, "-----", i + END.length(), i + END.length() + MAX_LABEL + 5);
                    return close >= 0 ? close + 5 : i + END.length();
                }
                if (c != '\r' && !(first ? inlineBody(c) : base64(c))) {
                    return first ? i : lineStart; // on the BEGIN line, the key text ends here; a later line is not key text at all
                }
                i++;
            }
            first = false;
            i++;
        }
        return n;
    }

    /** True when {@code s} stands in {@code text} at {@code at} (false outside the text). */
    static boolean startsWith(char[] text, int at, String s) {
        if (at < 0 || at + s.length() > text.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (text[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The end of an armour header line starting at {@code from} (its line break), or -1 when it is not one. */
    private static int armourHeaderEnd(char[] text, int from, int n) {
        for (String h : HEADERS) {
            if (from + h.length() < n && new String(text, from, from + h.length() - (from)).equalsIgnoreCase(h)) {
                int nl = indexOf(text, "\n", from, Math.min(n, from + 256));
                return nl;
            }
        }
        return -1;
    }

    private static boolean base64(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' || c == '-' || c == '\t';
    }

    /** On the BEGIN line itself keys are often printed on one line: spaces and "\n" escapes separate the base64. */
    private static boolean inlineBody(char c) {
        return base64(c) || c == ' ' || c == '\\' || c == '"' || c == ',' || c == ';';
    }

    /** The first occurrence of needle starting in [from, limit), or -1. */
    static int indexOf(char[] s, String needle, int from, int limit) {
        int max = Math.min(s.length, limit) - needle.length();
        char first = needle.charAt(0);
        int len = needle.length();
        char second = len > 1 ? needle.charAt(1) : 0;
        outer:
        for (int i = Math.max(0, from); i <= max; i++) {
            if (s[i] != first || len > 1 && s[i + 1] != second) { // two characters before the rest: '-' starts many a date
                continue;
            }
            for (int k = 2; k < len; k++) {
                if (s[i + k] != needle.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The first place where {@code s} holds {@code lowerNeedle} in any ASCII case, or -1. */
    static int indexOfIgnoreCase(char[] s, String lowerNeedle) {
        outer:
        for (int i = 0, max = s.length - lowerNeedle.length(); i <= max; i++) {
            for (int k = 0; k < lowerNeedle.length(); k++) {
                char c = s[i + k];
                if ((c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c) != lowerNeedle.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
