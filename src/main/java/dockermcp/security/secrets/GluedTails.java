package dockermcp.security.secrets;

/**
 * The rest of a token whose part was found: a random piece glued to a hidden one by {@code / | : . !} (no blank between)
 * goes with it ({@code configcat-sdk-1/<key>/<key>}, {@code wk_<id>|<key>}, {@code MLY|<id>|<key>}, a base64 key cut at
 * its '/'), and so does a long random argument right after a hidden one (a key id and its secret:
 * {@code garage key import GK… <64 hex>}). Also a numeric app id, a '|' and a 32-hex secret ({@code <digits>|<32 hex>},
 * Facebook's app token) alone, and two random runs joined by '|'. Reads only around the spans found and each '|', so it
 * costs nothing on plain text.
 */
final class GluedTails {

    private GluedTails() {
    }

    static void extend(char[] t, Spans spans) {
        appTokens(t, spans);
        if (spans.isEmpty()) {
            return;
        }
        int[] m = spans.merged();
        for (int i = 0; i < m.length; i += 2) {
            int s = m[i];
            int e = m[i + 1];
            int limit = i + 2 < m.length ? m[i + 2] : t.length;
            if (e - s < 8) {
                continue; // a short word taken (SHA256 before a fingerprint) is no token to follow
            }
            while (e + 1 < limit && glue(t[e])) { // forward: <hidden>/<random>/<random>
                int r = runEnd(t, e + 1);
                if (r - (e + 1) < 8 || !randomRun(t, e + 1, r)) {
                    break;
                }
                spans.add(e + 1, r);
                e = r;
            }
            if (e + 2 < limit && t[e] == ' ' && keyId(t, s, e)) { // an id hidden, its secret next
                int r = runEnd(t, e + 1);
                if (r - (e + 1) >= 32 && (r == t.length || !glue(t[r])) && pairedSecret(t, e + 1, r)) {
                    spans.add(e + 1, r);
                }
            }
            int low = i > 0 ? m[i - 1] : 0;
            while (s - 2 >= low && glue(t[s - 1])) { // backward: <random>/<hidden>
                int r = runStart(t, s - 1, low);
                if (s - 1 - r < 8 || !randomRun(t, r, s - 1)) {
                    break;
                }
                spans.add(r, s - 1);
                s = r;
            }
        }
    }

    private static boolean glue(char c) {
        return c == '/' || c == '|' || c == ':' || c == '.' || c == '!';
    }

    private static boolean runChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '+' || c == '=' || c == '~';
    }

    private static int runEnd(char[] t, int s) {
        int i = s;
        while (i < t.length && i - s < 4096 && runChar(t[i])) {
            i++;
        }
        return i;
    }

    private static int runStart(char[] t, int e, int low) {
        int i = e;
        while (i > low && e - i < 4096 && runChar(t[i - 1])) {
            i--;
        }
        return i;
    }

    /**
     * A random piece: a random run ({@link RandomTokens#isRandom}), hexadecimal of 8 or more with letters and digits, letters
     * and digits drawn together, or letters in both cases with capitals inside words; not words and numbers
     * ({@code json}, {@code v1}, {@code backup-2024}, {@code configcat-sdk-1}).
     */
    static boolean randomRun(char[] t, int s, int e) {
        int len = e - s;
        int[] n = VendorTokens.classes(t, s, e, "-_+=~");
        if (len < 8 || n == null || n[0] + n[1] == 0) {
            return false;
        }
        if (len >= RandomTokens.MIN_LENGTH && RandomTokens.isRandom(t, s, e, null)) {
            return true;
        }
        int switches = 0;
        int caseSwitches = 0;
        for (int i = s + 1; i < e; i++) {
            switches += Character.isDigit(t[i]) != Character.isDigit(t[i - 1]) ? 1 : 0;
            caseSwitches += Character.isUpperCase(t[i]) != Character.isUpperCase(t[i - 1]) && Character.isLetter(t[i]) && Character.isLetter(t[i - 1]) ? 1 : 0;
        }
        boolean drawn = n[2] >= 2 && switches >= 4 || n[0] >= 2 && n[1] >= 2 && caseSwitches >= 4;
        return drawn && !wordsAndNumbers(t, s, e);
    }

    /** Pieces between '-', '_' and '~' that are each a word of small letters, a capitalised word, an acronym or a number. */
    private static boolean wordsAndNumbers(char[] t, int s, int e) {
        return eachPiece(t, s, e, GluedTails::wordOrNumber);
    }

    /** A test of the piece t[s, e]. */
    interface PieceTest {
        boolean test(char[] t, int s, int e);
    }

    /** True when every piece of t[s, e] between '-', '_' and '~' passes the test. */
    static boolean eachPiece(char[] t, int s, int e, PieceTest ok) {
        int p = s;
        while (p < e) {
            int q = p;
            while (q < e && t[q] != '-' && t[q] != '_' && t[q] != '~') {
                q++;
            }
            if (!ok.test(t, p, q)) {
                return false;
            }
            p = q + 1;
        }
        return true;
    }

    private static boolean wordOrNumber(char[] t, int s, int e) {
        int letters = 0;
        int upperInside = 0;
        int digitsAfterLetters = 0;
        int vowels = 0;
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (Character.isLetter(c)) {
                if (digitsAfterLetters > 0) {
                    return false; // a1b2: drawn
                }
                letters++;
                vowels += "aeiouyAEIOUY".indexOf(c) >= 0 ? 1 : 0;
                upperInside += i > s && Character.isUpperCase(c) && Character.isLowerCase(t[i - 1]) ? 1 : 0;
            } else if (letters > 0) {
                digitsAfterLetters++; // sdk1, v12: a word and its number
            }
        }
        return letters == 0 || upperInside <= 1 && vowels > 0 && e - s <= 16;
    }

    /**
     * A key id as a whole token: 16 to 40 capitals and digits, or two capitals or more and hexadecimal after them
     * ({@code GK<hex>}, {@code AKIA…}, {@code LTAI…}), with digits in it.
     */
    private static boolean keyId(char[] t, int s, int e) {
        if (e - s < 16 || e - s > 40 || s > 0 && runChar(t[s - 1]) || !(t[s] >= 'A' && t[s] <= 'Z' && t[s + 1] >= 'A' && t[s + 1] <= 'Z')) {
            return false;
        }
        int p = s;
        while (p < e && p - s < 6 && t[p] >= 'A' && t[p] <= 'Z') {
            p++; // the kind: GK, AKIA, LTAI, AKID
        }
        boolean digit = false;
        boolean lowerHex = false;
        boolean upper = false;
        for (int i = p; i < e; i++) {
            char c = t[i];
            digit |= c >= '0' && c <= '9';
            lowerHex |= c >= 'a' && c <= 'f';
            upper |= c >= 'A' && c <= 'Z';
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return digit && !(lowerHex && upper);
    }

    /** After a hidden id: hexadecimal of 32 or more with letters and digits (a UUID too), or a random run: its secret. */
    private static boolean pairedSecret(char[] t, int s, int e) {
        int[] n = VendorTokens.classes(t, s, e, "-");
        if (n != null && n[0] + n[1] > 0 && n[2] > 0 && NearbyTokens.hexOfBothKinds(t, s, e, t[s] >= 'A' && t[s] <= 'F' ? 'A' : 'a')) {
            return true;
        }
        return RandomTokens.isRandom(t, s, e, null);
    }

    /**
     * An id and a key joined by the '|' at {@code bar}, both random runs ({@code wk_<id>|<key>}): a pair no rule found alone;
     * a '|'-separated log record joins words, dates and numbers, not two random runs.
     */
    private static void pipePair(char[] t, int bar, Spans spans) {
        int s = runStart(t, bar, Math.max(0, bar - 256));
        int e = runEnd(t, bar + 1);
        if (bar - s >= 12 && e - (bar + 1) >= 16 && randomRun(t, s, bar) && randomRun(t, bar + 1, e)) {
            spans.add(s, e);
        }
    }

    /** {@code <10 to 20 digits>|<32 hex>} (an app id and its secret, Facebook's app access token): both go. */
    private static void appTokens(char[] t, Spans spans) {
        int n = t.length;
        for (int i = 10; i + 16 < n; i++) {
            if (t[i] != '|') {
                continue;
            }
            pipePair(t, i, spans);
            if (i + 32 >= n) {
                continue;
            }
            int d = i;
            while (d > 0 && i - d < 21 && t[d - 1] >= '0' && t[d - 1] <= '9') {
                d--;
            }
            if (i - d < 10 || i - d > 20 || d > 0 && runChar(t[d - 1])) {
                continue;
            }
            int r = RandomTokens.tokenEnd(t, i + 1);
            if (r - (i + 1) == 32 && NearbyTokens.hexOfBothKinds(t, i + 1, r, 'a')) {
                spans.add(d, r);
            }
        }
    }
}
