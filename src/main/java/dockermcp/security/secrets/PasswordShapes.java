package dockermcp.security.secrets;

/**
 * Configuration values too short for the entropy test that still look made to be secret: a generated key of 8 to
 * 15 characters ({@code WPr0WRMIoXzA}), a longer one cut by symbols into pieces ({@code OHbXeN!yncUe9Awl%}), or a
 * human password ({@code Maple-harbor12!}). Judged on a whole value without blanks; identifiers, versions, paths,
 * host names, JVM options and ids keep their shape and are not taken (tests: a corpus of typical env and labels).
 */
final class PasswordShapes {

    /** Symbols people put in passwords and that harmless identifiers, versions and paths do not hold. */
    private static final String PASSWORD_SYMBOLS = "!#$%^&*?~";
    private static final int MIN = 8;
    /** A key fingerprint ({@code SHA256:uNiV…}, {@code MD5:aa:bb:…}) or an integrity value ({@code sha384-…}): judged by RandomTokens' digest rules. */
    private static final java.util.regex.Pattern DIGEST = java.util.regex.Pattern.compile("(?i)(?:sha(?:1|256|384|512)|md5)[:-][A-Za-z0-9+/=:]{20,}");
    private static final int MAX = 64;

    private PasswordShapes() {
    }

    /** True when the whole value has the shape of a generated key or a human password. */
    static boolean looksMadeUp(String v) {
        int n = v.length();
        if (n < MIN || n > MAX || v.contains("://") || v.charAt(0) == '/' || v.indexOf('=') >= 0 || v.startsWith("-XX:") || v.startsWith("-D")) {
            return false; // a URL, a path, a list of settings, a JVM option
        }
        if (n == 26 && RandomTokens.ulid(v.toCharArray(), 0, n) || DIGEST.matcher(v).matches()) {
            return false; // a ULID is an id, as a UUID is; SHA256:… fingerprints and sha384-… integrity values are public digests
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (Character.isWhitespace(c)) {
                return false; // words: a sentence or a list, judged word by word elsewhere
            }
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            symbol |= PASSWORD_SYMBOLS.indexOf(c) >= 0;
        }
        if (upper && lower && digit && (symbol || switches(v) >= 3 || HUMAN.matcher(v).matches())) {
            return true; // every class, as password rules demand; or switching class like random keys cut by symbols (Li3fNQ@HyXZ+P)
        }
        return randomRun(v);
    }

    /** The commonest human-made password: a capitalised word, a separator, a word, digits (Cobalt.willow404). */
    private static final java.util.regex.Pattern HUMAN = java.util.regex.Pattern.compile("[A-Z][a-z]{2,12}[-_.+@][a-z]{3,12}[0-9]{2,6}");

    /** Class switches between letters and digits inside the value's pieces; a capital starting a word does not count. */
    private static int switches(String v) {
        return switches(v.toCharArray(), 0, v.length());
    }

    /** {@link #switches(String)} of t[s, e). */
    static int switches(char[] t, int s, int e) {
        int switches = 0;
        int prev = -1;
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (c >= 128 || !Character.isLetterOrDigit(c)) {
                prev = -1; // across a symbol no switch counts: Standard_D2s_v3, en_US.UTF-8 are names in pieces
                continue;
            }
            int k = kind(c);
            if (prev >= 0 && k != prev && !(prev == UPPER && k == LOWER)) {
                switches++;
            }
            prev = k;
        }
        return switches;
    }

    /** True when t[s, e) holds a capital, a small letter and a digit. */
    static boolean allThreeClasses(char[] t, int s, int e) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int k = s; k < e; k++) {
            char c = t[k];
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
        }
        return upper && lower && digit;
    }

    /**
     * An alphanumeric run that switches class the way random keys do: with capitals and small letters and digits, three
     * or more switches in 8 characters (a capital starting a word does not count: CamelCase, G1GC, Xmx512m stay);
     * in one case with digits, digits in two places of 12 characters (hex ids and pod-name hashes are left to their own rules).
     */
    private static boolean randomRun(String v) {
        int n = v.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(v.charAt(i)) || v.charAt(i) >= 128) {
                i++;
                continue;
            }
            int start = i;
            int switches = 0;
            int kinds = 0;
            int prev = kind(v.charAt(i));
            kinds |= 1 << prev;
            for (i++; i < n && Character.isLetterOrDigit(v.charAt(i)) && v.charAt(i) < 128; i++) {
                int k = kind(v.charAt(i));
                if (k != prev && !(prev == UPPER && k == LOWER)) {
                    switches++;
                }
                kinds |= 1 << k;
                prev = k;
            }
            int len = i - start;
            boolean allKinds = kinds == (1 << UPPER | 1 << LOWER | 1 << DIGIT);
            if (allKinds && len >= MIN && switches >= 3 || !allKinds && len >= 12 && switches >= 2 && (kinds & 1 << DIGIT) != 0 && !hex(v, start, i)) {
                return true;
            }
        }
        return false;
    }

    private static final int UPPER = 0;
    private static final int LOWER = 1;
    private static final int DIGIT = 2;

    private static int kind(char c) {
        return c >= 'A' && c <= 'Z' ? UPPER : c >= 'a' && c <= 'z' ? LOWER : DIGIT;
    }

    private static boolean hex(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
