package dockermcp.security.secrets;

/**
 * A reference to a variable or a placeholder stands where a secret would, but is none: {@code ${DB_PASSWORD}},
 * {@code $DB_PASSWORD}, {@code %DB_PASSWORD%}, {@code {{ .Values.db.password }}}, {@code <redacted>}, {@code ***},
 * {@code xxx}. It is shown, so an operator can see which variable a setting comes from. A default inside a reference
 * ({@code ${DB_PASSWORD:-x}}) is a value and stays hidden; so does {@code changeme}, a password that works.
 */
final class Placeholders {

    private static final int MAX = 120;

    private Placeholders() {
    }

    /** The spans without those that cover nothing but a placeholder. */
    static Spans shown(char[] t, Spans spans) {
        if (spans.isEmpty()) {
            return spans;
        }
        int[] m = spans.merged();
        Spans out = new Spans();
        for (int i = 0; i < m.length; i += 2) {
            if (!onlyPlaceholder(t, m[i], Math.min(m[i + 1], t.length))) {
                out.add(m[i], m[i + 1]);
            }
        }
        return out;
    }

    /**
     * True when [s, e) is a placeholder, lies inside one that starts at most two characters before it, or is the
     * name a setting refers to: {@code <add key="LogLevel" …>}, {@code key: password} under {@code secretKeyRef:}, SQL's
     * {@code SET PASSWORD FOR}.
     */
    private static boolean onlyPlaceholder(char[] t, int s, int e) {
        if (e - s > MAX) {
            return false;
        }
        int a = s;
        int z = e;
        while (a < z && (t[a] == '"' || t[a] == '\'')) {
            a++;
        }
        while (z > a && (t[z - 1] == '"' || t[z - 1] == '\'')) {
            z--;
        }
        if (isPlaceholder(t, a, z) || settingName(t, a, z) || PublicKeyParts.publicPart(t, a, z)) {
            return true; // a key id or user id gpg printed, an OpenSSH key's type: public
        }
        for (int c = s; c >= Math.max(0, s - 2); c--) {
            int pe = end(t, c);
            if (pe > 0 && e <= pe && isPlaceholder(t, c, pe)) {
                return true;
            }
        }
        return false;
    }

    /** A name in the place of a value: the {@code key} attribute of an XML setting, or a key under a Kubernetes key reference. */
    private static boolean settingName(char[] t, int s, int e) {
        if (!name(t, s, e)) {
            return false;
        }
        if (e - s == 3 && new String(t, s, 3).equalsIgnoreCase("for") && s >= 9 && new String(t, s - 9, 9).equalsIgnoreCase("password ")) {
            return true; // SET PASSWORD FOR 'app'@'%' = …: the keyword, not the password
        }
        if (s >= 6 && (t[s - 1] == '"' || t[s - 1] == '\'') && KeyBlocks.startsWith(t, s - 5, "key=") && t[s - 6] == ' ' && e < t.length && t[e] == t[s - 1]) {
            int after = ConfigDumps.skipSpace(t, e + 1, Math.min(t.length, e + 8), false);
            return (KeyBlocks.startsWith(t, after, "value=") || after < t.length && t[after] == '>') // an XML setting's key attribute
                    && !RandomTokens.isRandom(t, s, e, "key");
        }
        if (s >= 5 && KeyBlocks.startsWith(t, ConfigDumps.skipBack(t, s) - 4, "key:")) {
            int from = Math.max(0, s - 200);
            return ConfigDumps.indexOf(t, "KeyRef:", from, s) >= 0;
        }
        return false;
    }

    /** A setting's name: a letter, then letters, digits and {@code . _ -}, at most two digits. */
    private static boolean name(char[] t, int s, int e) {
        if (e - s < 1 || e - s > 64 || !Character.isLetter(t[s])) {
            return false;
        }
        int digits = 0;
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (!(identChar(c) || c == '.' || c == '-')) {
                return false;
            }
            digits += Character.isDigit(c) ? 1 : 0;
        }
        return digits <= 2;
    }

    /** The end of the reference starting at {@code c}, or -1. */
    private static int end(char[] t, int c) {
        if (c >= t.length) {
            return -1;
        }
        if (t[c] == '$' && c + 1 < t.length && t[c + 1] == '{' || t[c] == '%') {
            int close = ConfigDumps.indexOf(t, t[c] == '%' ? '%' : '}', c + 1, Math.min(t.length, c + 70));
            return close < 0 ? -1 : close + 1;
        }
        if (t[c] == '$') {
            int k = c + 1;
            while (k < t.length && k - c < 70 && identChar(t[k])) {
                k++;
            }
            return k;
        }
        if (t[c] == '{' && c + 1 < t.length && t[c + 1] == '{') {
            int close = ConfigDumps.indexOf(t, "}}", c + 2, Math.min(t.length, c + MAX));
            return close < 0 ? -1 : close + 2;
        }
        return -1;
    }

    /** True when [s, e) is a reference to a variable or a placeholder, whole. */
    static boolean isPlaceholder(char[] t, int s, int e) {
        int n = e - s;
        if (n < 2 || n > MAX) {
            return false;
        }
        char a = t[s];
        char z = t[e - 1];
        if (a == '$' && t[s + 1] == '{' && z == '}') {
            return variable(t, s + 2 + (n > 3 && t[s + 2] == '?' ? 1 : 0), e - 1); // ${?DB_PW}: HOCON's optional substitution
        }
        if (a == '$') { // $db_password could be a password that starts with '$': only the upper-case convention
            return variable(t, s + 1, e) && !hasLower(t, s + 1, e);
        }
        if (a == '%' && z == '%') {
            return variable(t, s + 1, e - 1) && !hasLower(t, s + 1, e - 1);
        }
        if (a == '{' && t[s + 1] == '{' && n >= 4 && t[e - 2] == '}' && z == '}') {
            return template(t, s + 2, e - 2);
        }
        if (a == '<' && z == '>' || a == '[' && z == ']') {
            return word(t, s + 1, e - 1);
        }
        return n >= 3 && same(t, s, e, '*') || n >= 3 && (same(t, s, e, 'x') || same(t, s, e, 'X'));
    }

    /** An environment variable name: one case, few digits (a random token inside {@code ${…}} is no name). */
    private static boolean variable(char[] t, int s, int e) {
        if (e - s < 1 || e - s > 64 || Character.isDigit(t[s])) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        int digits = 0;
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (!identChar(c)) {
                return false;
            }
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digits += Character.isDigit(c) ? 1 : 0;
        }
        return !(upper && lower) && digits <= 3;
    }

    /** A template expression: {@code .Values.db.password}, {@code secrets.DB_PASSWORD}, {@code env "X" | quote}. */
    private static boolean template(char[] t, int s, int e) {
        int start = ConfigDumps.skipSpace(t, s, e, false);
        int end = e;
        while (end > start && t[end - 1] == ' ') {
            end--;
        }
        if (end - start < 1) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = t[i];
            if (!(identChar(c) || c == '.' || c == ' ' || c == '|' || c == '"' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@code <redacted>}, {@code [hidden]}: the words that loggers and templates put in place of a value. */
    private static boolean word(char[] t, int s, int e) {
        String w = new String(t, s, e - s).toLowerCase(java.util.Locale.ROOT);
        return WORDS.contains(w);
    }

    private static final java.util.Set<String> WORDS = java.util.Set.of("redacted", "hidden", "masked", "filtered", "removed", "omitted", "sensitive",
            "secret", "password", "token", "sensitive value", "sensitive data", "not shown");

    private static boolean hasLower(char[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (t[i] >= 'a' && t[i] <= 'z') {
                return true;
            }
        }
        return false;
    }

    private static boolean same(char[] t, int s, int e, char c) {
        for (int i = s; i < e; i++) {
            if (t[i] != c) {
                return false;
            }
        }
        return true;
    }

    private static boolean identChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }
}
