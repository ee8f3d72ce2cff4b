package dockermcp.security.secrets;


/**
 * Text written as a list of character codes: {@code [112, 97, 115, …]}, {@code String.fromCharCode(112,97,…)},
 * Go's {@code []byte{0x70, 0x61, …}}. A list of at least {@value #MIN_ITEMS} codes of printable characters is decoded
 * and read by the whole detector; when the decoded text holds a secret, the whole list goes. Lists of counts, ports
 * or latencies decode to control characters or codes above 126 and stop at once.
 */
final class ByteLists {

    static final int MIN_ITEMS = 8;
    private static final int MAX_ITEMS = 4096;

    private ByteLists() {
    }

    static void find(char[] t, Spans spans) {
        int n = t.length;
        int i = 0;
        char first = 0;
        while (i < n) {
            char c = t[i];
            if (c < '0' || c > '9' || i > 0 && partOfWord(t[i - 1])) {
                i++;
                continue;
            }
            StringBuilder decoded = null; // most numbers are no list: nothing is allocated for them
            int count = 0;
            int j = i;
            int end = i;
            while (count < MAX_ITEMS) {
                long item = code(t, j);
                if (item < 0) {
                    break;
                }
                if (count == 1) {
                    decoded = new StringBuilder().append(first);
                }
                if (count == 0) {
                    first = (char) (item >>> 32);
                } else {
                    decoded.append((char) (item >>> 32));
                }
                count++;
                end = (int) item;
                j = end;
                while (j < n && (t[j] == ' ' || t[j] == '\n')) {
                    j++; // a list wrapped before its comma goes on
                }
                if (j >= n || t[j] != ',') {
                    break;
                }
                j++;
                while (j < n && (t[j] == ' ' || t[j] == '\n')) {
                    j++;
                }
            }
            if (count >= MIN_ITEMS && holdsSecret(decoded.toString())) {
                spans.add(i, end);
            }
            i = Math.max(end, i + 1);
        }
    }

    private static boolean partOfWord(char c) {
        if (c < 128) { // answered without the Unicode tables for ASCII
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
        }
        return Character.isLetterOrDigit(c);
    }

    /** The printable character code at {@code at} (decimal up to 3 digits, or 0x and 2 hex digits) and its end, packed, or -1. */
    private static long code(char[] t, int at) {
        int n = t.length;
        int value = 0;
        int i = at;
        if (i + 1 < n && t[i] == '0' && (t[i + 1] == 'x' || t[i + 1] == 'X' || t[i + 1] == '\n' && i + 2 < n && t[i + 2] == 'x')) {
            i += t[i + 1] == '\n' ? 3 : 2; // 0x, also cut by a wrapped line after its 0
            int digits = 0;
            while (i < n && digits < 3) {
                if (t[i] == '\n' && i + 1 < n && Character.digit(t[i + 1], 16) >= 0 && t[i + 1] < 128) {
                    i++; // 0x / 75, 0x6 / 5: a code cut by a wrapped line
                    continue;
                }
                if (Character.digit(t[i], 16) < 0 || t[i] >= 128) {
                    break;
                }
                value = value * 16 + Character.digit(t[i], 16);
                i++;
                digits++;
            }
            if (digits == 0 || digits > 2) {
                return -1;
            }
        } else {
            int digits = 0;
            while (i < n && t[i] >= '0' && t[i] <= '9' && digits < 4) {
                value = value * 10 + (t[i] - '0');
                i++;
                digits++;
                if (i + 1 < n && t[i] == '\n' && t[i + 1] >= '0' && t[i + 1] <= '9') {
                    i++; // a number cut by a wrapped line (…, 72, 11 / 3, 86, …) is one code
                }
            }
            if (digits == 0 || digits > 3) {
                return -1;
            }
        }
        if (i < n && Character.isLetterOrDigit(t[i]) || value < 0x20 || value > 0x7e) {
            return -1;
        }
        return (long) value << 32 | i;
    }

    private static boolean holdsSecret(String decoded) {
        return !SecretDetector.RULES_ONLY.find(decoded).isEmpty();
    }
}
