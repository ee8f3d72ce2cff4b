package dockermcp.security.secrets;

/**
 * A name line and its value line read through the wrapper both carry: a log prefix
 * ({@code 2026-… INFO bootstrap: generated admin password:} then {@code 2026-… INFO bootstrap: x}), a JSON record's
 * message ({@code {"msg":"database password:"}} then {@code {"msg":"x"}}), a box or table row ({@code | admin password |}
 * then {@code | x |}), an element pair ({@code <key>Password</key>} then {@code <string>x</string>}, {@code <td>}, {@code <dd>}),
 * a Ruby hash arrow ({@code :password} then {@code => "x"}). The name line's content, its closing characters and tags and a
 * separator left out, ends in a secret name; the value line, past the prefix the two lines share (digits match digits:
 * the time stamps differ) and its own opening characters and tag, is one word that is not a plain word, a number, a path or
 * a URL. An element pair on one line ({@code <key>Password</key><string>x</string>}) is read the same way. One look at each
 * line's end; the name test only for a line that ends in a word.
 */
final class LinePairs {

    private static final int MAX_NAME = 64;
    private static final int MAX_VALUE = 256;
    /** Characters that close a structure around a line's content, or separate a name from its value. */
    private static final String CLOSERS = "\"'`}])|,;:=>*#";
    private static final boolean[] CLOSER = NextLineValues.table(CLOSERS);

    /** Characters that open a structure around a value. */
    private static final String OPENERS = "\"'`{[(|:=>-";

    private LinePairs() {
    }

    static void find(char[] t, Spans spans) {
        int n = t.length;
        int ls = 0;
        while (ls < n) {
            int le = NextLineValues.lineEnd(t, ls);
            int nameEnd = contentEnd(t, ls, le);
            int ws = nameEnd;
            while (ws > ls && nameEnd - ws <= MAX_NAME && wordChar(t[ws - 1])) {
                ws--;
            }
            if (le < n && nameEnd - ws >= 2 && nameEnd - ws <= MAX_NAME && Character.isLetter(t[nameEnd - 1]) && (ws == ls || NAME_BEFORE.indexOf(t[ws - 1]) >= 0)
                    && secretWordLast(t, ws, nameEnd)) {
                valueLine(t, ls, ws, le + 1, spans);
            }
            ls = le + 1;
        }
        for (int i = 1; i + 1 < n; i++) {
            if (t[i] == '<' && t[i + 1] == '/' && t[i - 1] != '>') {
                elementPair(t, i, spans);
            }
        }
    }

    /** What may stand before a name: a blank or a structure's character (not '<': an opening tag is read by the XML rules, not '.': a file name). */
    private static final String NAME_BEFORE = " \t\"'|:{[(,;*#=>";

    /** The name's last word (DB_PASSWORD, adminPassword, admin password) is a secret word: password_policy names no value. */
    private static boolean secretWordLast(char[] t, int ws, int we) {
        int s = we;
        while (s > ws && Character.isLetter(t[s - 1]) && !(Character.isUpperCase(t[s]) && Character.isLowerCase(t[s - 1]))) {
            s--;
        }
        if (s < we && Character.isUpperCase(t[s]) && s > ws && Character.isUpperCase(t[s - 1])) {
            while (s > ws && Character.isUpperCase(t[s - 1])) {
                s--; // DB_PASSWORD: the capitals run on
            }
        }
        return TableColumns.strongName(new String(t, s, we - s));
    }

    /** The value line at vs, read past the prefix it shares with the name line (which must end before the name at ws). */
    private static void valueLine(char[] t, int ls, int ws, int vs, Spans spans) {
        value(t, pastSharedPrefix(t, ls, ws, vs), NextLineValues.lineEnd(t, vs), false, spans);
    }

    /**
     * Where the line at vs goes on past the prefix it shares with the line at ls, up to that line's position ws (digits
     * match digits, so two time stamps are one prefix; the prefix ends where a word ends): a log prefix both lines carry.
     */
    static int pastSharedPrefix(char[] t, int ls, int ws, int vs) {
        int ve = NextLineValues.lineEnd(t, vs);
        int shared = 0;
        while (ls + shared < ws && vs + shared < ve && same(t[ls + shared], t[vs + shared])) {
            shared++;
        }
        while (shared > 0 && !boundary(t[vs + shared - 1])) {
            shared--; // 'INFO  bootstrap: ' and not the 'g' of 'generated' the two lines happen to share
        }
        return vs + shared;
    }

    /** {@code <key>Password</key><string>x</string>}: the next element on the same line after a name element's end tag at i. */
    private static void elementPair(char[] t, int i, Spans spans) {
        int ws = i;
        while (ws > 0 && i - ws <= MAX_NAME && nameChar(t[ws - 1])) {
            ws--;
        }
        if (i - ws < 3 || ws == 0 || t[ws - 1] != '>' || !SecretNames.suggestsSecret(t, ws, i)) {
            return;
        }
        int le = i; // the line's end, looked for no further than a name and a value: many end tags on one line cost each a bounded look
        while (le < t.length && t[le] != '\n' && le - i < 2 * MAX_NAME + MAX_VALUE) {
            le++;
        }
        int close = ConfigDumps.indexOf(t, '>', i, Math.min(le, i + MAX_NAME));
        if (close < 0) {
            return;
        }
        int v = close + 1;
        while (v < le && (t[v] == ' ' || t[v] == '\t')) {
            v++;
        }
        if (v + 1 < le && t[v] == '<' && t[v + 1] != '/') {
            value(t, v, le, true, spans);
        }
    }

    /**
     * The one word between the openers after v and the closers before the line's end (or, in an element, before its end tag),
     * when it is a value.
     */
    private static void value(char[] t, int v, int le, boolean element, Spans spans) {
        int s = v;
        for (int guard = 0; guard < 8 && s < le; guard++) {
            int before = s;
            while (s < le && (t[s] == ' ' || t[s] == '\t' || OPENERS.indexOf(t[s]) >= 0)) {
                s++;
            }
            if (s < le && t[s] == '<') {
                int close = ConfigDumps.indexOf(t, '>', s, Math.min(le, s + MAX_NAME));
                if (close > s && t[s + 1] != '/') {
                    s = close + 1; // <td>, <string>, <dd>
                }
            }
            if (s == before) {
                break;
            }
        }
        int e = s;
        while (e < le && e - s <= MAX_VALUE && t[e] != ' ' && t[e] != '\t' && t[e] != '<' && t[e] != '"' && t[e] != '\'' && t[e] != '|'
                && t[e] != '\r') {
            e++;
        }
        while (e > s && ",;}])".indexOf(t[e - 1]) >= 0) {
            e--;
        }
        boolean alone = element ? e + 1 < le && t[e] == '<' && t[e + 1] == '/' : contentEnd(t, e, le) == e;
        if (e - s < 6 || e - s > MAX_VALUE || !alone || t[e - 1] == ':' || plain(t, s, e)) {
            return; // a sentence, a cell among others, or a plain word, a number, a path, a URL
        }
        spans.add(s, e);
    }

    /**
     * A word anyone would print: letters in one case or capitalised ({@code Done.}), a number, a time, a version, a path, a URL,
     * a placeholder.
     */
    private static boolean plain(char[] t, int s, int e) {
        char c = t[s];
        if (c == '/' || c == '$' || c == '%' || c == '~' || c == '.' || c == '{' || c == '*') {
            return true; // a path, a variable, a placeholder, a mask
        }
        while (e > s + 1 && ".!?".indexOf(t[e - 1]) >= 0) {
            e--; // the end of a sentence
        }
        if ((c == 'v' || c == 'V') && s + 1 < e && t[s + 1] >= '0' && t[s + 1] <= '9') {
            s++; // v1.2.3: a version, read as its numbers
        }
        boolean letters = true; // and '_', '-', '.' between them: an identifier, db_password, log-level
        boolean lower = true;
        boolean upper = true;
        boolean digits = true;
        boolean any = false;
        for (int i = s; i < e; i++) {
            char x = t[i];
            boolean letter = Character.isLetter(x);
            any |= letter || x >= '0' && x <= '9';
            letters &= letter || i > s && (x == '_' || x == '-' || x == '.');
            digits &= x >= '0' && x <= '9' || x == '.' || x == ':' || x == '-' || i > s && (x == 'T' || x == 'Z' || x == '+'); // 2026-11-30T10:00Z
            lower &= !letter || Character.isLowerCase(x) || i == s;
            upper &= !letter || Character.isUpperCase(x);
            if (x == ':' && i + 2 < e && t[i + 1] == '/' && t[i + 2] == '/' && ConfigDumps.indexOf(t, '@', i, e) < 0) {
                return true; // a URL without user info
            }
        }
        return !any || letters && (lower || upper) || digits;
    }

    /** The end of the line's content: closing characters, closing tags, blanks and a separator left out. */
    static int contentEnd(char[] t, int ls, int le) {
        int e = le;
        for (int guard = 0; guard < 16 && e > ls; guard++) {
            while (e > ls && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r')) {
                e--; // a box pads its cells with any number of blanks
            }
            if (e == ls) {
                break;
            }
            char c = t[e - 1];
            if (c < 128 && CLOSER[c] && !(c == '>' && closingTag(t, ls, e))) {
                e--;
            } else if (c == '>' && closingTag(t, ls, e)) {
                e = ConfigDumps.lastIndexOf(t, '<', e - 1, ls);
            } else {
                break;
            }
        }
        return e;
    }

    /** True when the text before e ends in an end tag {@code </name>}. */
    private static boolean closingTag(char[] t, int ls, int e) {
        int open = ConfigDumps.lastIndexOf(t, '<', e - 1, Math.max(ls, e - MAX_NAME));
        if (open < 0 || open + 2 >= e || t[open + 1] != '/') {
            return false;
        }
        for (int i = open + 2; i < e - 1; i++) {
            if (!nameChar(t[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(char a, char b) {
        return a == b || a >= '0' && a <= '9' && b >= '0' && b <= '9';
    }

    private static boolean boundary(char c) {
        return c == ' ' || c == '\t' || c == ']' || c == ':' || c == '"' || c == '|' || c == '>' || c == '{' || c == ',';
    }

    private static boolean wordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
    }
}
