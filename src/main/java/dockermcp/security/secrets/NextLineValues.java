package dockermcp.security.secrets;

/**
 * Layouts that print a secret's name on one line and its value alone on the next, with no separator that
 * {@link Assignments} could read: a numbered reply ({@code redis-cli CONFIG GET}: {@code 1) "requirepass"} then
 * {@code 2) "value"}), a key path and its value ({@code etcdctl get /config/db/password}), a form field
 * ({@code Content-Disposition: form-data; name="password"}, a blank line, the value), and a Redis protocol
 * {@code AUTH} command ({@code $4}, {@code AUTH}, {@code $17}, the password), and a URL cut after its user and ':' with the
 * password indented on the next line; a closing {@code </password>} tag whose value is on the line before; a line that is
 * one password-shaped word alone. One look at the first and last character of each line, and one word test.
 */
final class NextLineValues {

    private static final int MAX_NAME = 128;

    private NextLineValues() {
    }

    static void find(char[] t, Keywords.Found words, Spans spans, boolean freeText) {
        int n = t.length;
        int ls = 0;
        while (ls < n) {
            int le = lineEnd(t, ls);
            char c = t[ls];
            if (c >= '0' && c <= '9') {
                numberedReply(t, ls, le, spans);
            } else if (c == '/') {
                keyPath(t, ls, le, spans);
            } else if (c == 'A' || c == 'a') {
                redisAuth(t, ls, le, spans);
            } else if (c == 'C' || c == 'c') {
                formField(t, ls, le, spans);
            }
            int end = trimEnd(t, ls, le);
            if (end > ls && t[end - 1] == ':') {
                urlUserWrapped(t, ls, end, le, spans);
            }
            if (c == '<' && ls + 2 < end && t[ls + 1] == '/') {
                closingTag(t, ls, end, spans);
            }
            loneMadeUpWord(t, ls, end, freeText, spans);
            ls = le + 1;
        }
        if (words.has(VALUE_KEY)) { // one pass told whether the text holds it at all
            valueUnderSecretName(t, spans);
        }
    }

    private static final String VALUE_KEY = "\"value\"";

    /**
     * {@code "adminPassword": {"value": "x"}} (ARM parameters), {@code "priv_key": {"type": "…", "value": "x"}} (Tendermint,
     * Tink): a generic "value" member takes its meaning from the name of the object it is in.
     */
    private static void valueUnderSecretName(char[] t, Spans spans) {
        int n = t.length;
        int at = KeyBlocks.indexOf(t, VALUE_KEY, 0, n);
        while (at >= 0) {
            int v = blanksEnd(t, at + VALUE_KEY.length());
            if (v < n && t[v] == ':') {
                v = blanksEnd(t, v + 1);
                if (v < n && t[v] == '"' && secretParent(t, at)) {
                    int e = v + 1;
                    while (e < n && e - v < 4096 && t[e] != '"' && t[e] != '\n') {
                        e += t[e] == '\\' && e + 1 < n ? 2 : 1;
                    }
                    if (e > v + 1 && e <= n) {
                        spans.add(v + 1, Math.min(e, n));
                    }
                }
            }
            at = KeyBlocks.indexOf(t, VALUE_KEY, at + VALUE_KEY.length(), n);
        }
    }

    /** The first character from v that is no blank or line break. */
    private static int blanksEnd(char[] t, int v) {
        while (v < t.length && (t[v] == ' ' || t[v] == '\t' || t[v] == '\n' || t[v] == '\r')) {
            v++;
        }
        return v;
    }

    /** The object holding the member at {@code at} is the value of a member whose name suggests a secret. */
    private static boolean secretParent(char[] t, int at) {
        int depth = 0;
        int i = at - 1;
        for (; i >= 0 && at - i < 512; i--) {
            char c = t[i];
            if (c == '}') {
                depth++;
            } else if (c == '{') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
        }
        if (i < 0 || at - i >= 512 || t[i] != '{') {
            return false;
        }
        int k = i - 1;
        while (k >= 0 && (t[k] == ' ' || t[k] == '\t' || t[k] == '\n' || t[k] == '\r')) {
            k--;
        }
        if (k < 0 || t[k] != ':') {
            return false;
        }
        k--;
        while (k >= 0 && (t[k] == ' ' || t[k] == '\t')) {
            k--;
        }
        if (k < 1 || t[k] != '"') {
            return false;
        }
        int q = k - 1;
        while (q >= 0 && k - q <= MAX_NAME && t[q] != '"') {
            q--;
        }
        return q >= 0 && t[q] == '"' && SecretNames.suggestsSecret(new String(t, q + 1, k - q - 1));
    }

    /**
     * A line that is one word with the shape of a password, a symbol in it, and nothing else: a value printed on its own line, whose
     * name was on a line the reader does not have (a tail window, the other stream). Quotes, brackets and a trailing comma around
     * it ({@code  "x"}}) are structure; a table row ({@code | admin | x |}) is read cell by cell. Words, numbers, ids and paths stay.
     */
    private static void loneMadeUpWord(char[] t, int ls, int end, boolean freeText, Spans spans) {
        int s = ls;
        while (s < end && (t[s] == ' ' || t[s] == '\t')) {
            s++;
        }
        int d = s;
        while (d < end && d - s < 4 && t[d] >= '0' && t[d] <= '9') {
            d++;
        }
        if (d > s && d + 1 < end && t[d] == ')' && t[d + 1] == ' ') {
            s = d + 2; // 4) "x": a numbered reply whose name reply the window cut off
        }
        if (s < end && t[s] == '|') {
            int cell = s + 1;
            for (int k = s + 1; k <= end && k - s < 1024; k++) {
                if (k == end || t[k] == '|') {
                    madeUpWord(t, cell, k, true, false, spans);
                    cell = k + 1;
                }
            }
            return;
        }
        madeUpWord(t, s, end, false, freeText, spans);
        framedLastWord(t, s, end, spans);
    }

    /**
     * A line whose message is one word inside a wrapper a reader knows, its name line cut off (a tail window): after a log
     * prefix ({@code 2026-… INFO bootstrap: x}, {@code I1130 … main.go:42] x}), as a JSON record's field ({@code {"msg":"x"}}),
     * an element's text ({@code <td>x</td>}), after a Ruby arrow ({@code => "x"}). Judged as a table cell is.
     */
    private static void framedLastWord(char[] t, int s, int end, Spans spans) {
        int ce = LinePairs.contentEnd(t, s, end);
        int ws = ce;
        while (ws > s && ce - ws <= 64 && !wordStop(t[ws - 1])) {
            ws--;
        }
        if (ws == s || ce - ws < 12 || ce - ws > 64) {
            return;
        }
        char before = t[ws - 1];
        int p = ws - 1;
        boolean framed;
        if (before == '"' || before == '\'') {
            framed = p > s && (t[p - 1] == ':' || t[p - 1] == ' ' && p - 2 >= s && (t[p - 2] == '>' || t[p - 2] == ':')); // "msg":"x", => "x"
        } else if (before == '>') {
            int lt = p;
            while (lt > s && t[lt] != '<' && p - lt < 32) {
                lt--;
            }
            framed = t[lt] == '<' && lt + 1 < p && Character.isLetter(t[lt + 1]) && tagName(t, lt + 1, p); // <td>x, <string>x
        } else {
            framed = before == ' ' && p > s && (t[p - 1] == ':' || t[p - 1] == ']' || t[p - 1] == '|' || t[p - 1] == '>')
                    && (Character.isDigit(t[s]) || t[s] == '[' || s + 1 < end && Character.isLetter(t[s]) && Character.isDigit(t[s + 1])
                    || clock(t, s, Math.min(p, s + 40))); // a log prefix: a time stamp first, a level, syslog's Nov 30 10:00:08
        }
        if (framed && !lowerWordPiece(t, ws, ce)) {
            madeUpWord(t, ws, ce, true, false, spans);
        }
    }

    private static boolean tagName(char[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (!Character.isLetterOrDigit(t[i]) && t[i] != ':' && t[i] != '-' && t[i] != '_') {
                return false;
            }
        }
        return true;
    }

    private static final boolean[] PASSWORD_SYMBOL = table("!#$%^&*?~@+");
    private static final boolean[] WORD_STOP = table(" \t\"'>([{");

    /** A look-up table of the ASCII characters given. */
    static boolean[] table(String chars) {
        boolean[] t = new boolean[128];
        for (char c : chars.toCharArray()) {
            t[c] = true;
        }
        return t;
    }

    private static boolean wordStop(char c) {
        return c < 128 && WORD_STOP[c];
    }

    /** A time of day (two digits, ':', two digits) in t[s, e). */
    private static boolean clock(char[] t, int s, int e) {
        for (int i = s + 2; i + 2 < e; i++) {
            if (t[i] == ':' && Character.isDigit(t[i - 1]) && Character.isDigit(t[i - 2]) && Character.isDigit(t[i + 1]) && Character.isDigit(t[i + 2])) {
                return true;
            }
        }
        return false;
    }

    /** A piece between '.', '_' and '-' of four small letters or more (jdk_x64_linux): a name's word; a generated piece mixes cases. */
    private static boolean lowerWordPiece(char[] t, int s, int e) {
        int run = 0;
        for (int i = s; i <= e; i++) {
            char c = i < e ? t[i] : '.';
            if (c == '.' || c == '_' || c == '-') {
                if (run >= 4) {
                    return true;
                }
                run = 0;
            } else {
                run = c >= 'a' && c <= 'z' && run >= 0 ? run + 1 : -1;
            }
        }
        return false;
    }

    /**
     * The one word between s and e, quotes, brackets, a comma and blanks around it left out, when it is password-shaped: with a
     * password's symbol; or, quoted as a JSON value or alone in a table cell, 12 characters or more of a random key or a human password.
     */
    private static void madeUpWord(char[] t, int s, int e, boolean cell, boolean lone, Spans spans) {
        int from = s;
        while (s < e && (t[s] == ' ' || t[s] == '\t' || "\"'[({,".indexOf(t[s]) >= 0)) {
            s++;
        }
        while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t' || "\"')]},;\\".indexOf(t[e - 1]) >= 0)) {
            e--;
        }
        if (e - s < 8 || e - s > 64) {
            return;
        }
        boolean symbol = false;
        boolean structure = false;
        boolean pieces = false;
        boolean hex = true;
        int classes = 0;
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (c == ' ' || c == '\t' || c == '"' || c == '\'') {
                return; // words, or a structure of several values
            }
            symbol |= c < 128 && PASSWORD_SYMBOL[c];
            structure |= c == '/' || c == ':' || c == '=' || c == '@'; // a URL, an address, an assignment: judged by their own rules
            pieces |= c == ',' || c == ';'; // a list, or a key cut into pieces a wrapped line continues: judged by their own rules
            classes |= c >= 'a' && c <= 'z' ? 1 : c >= 'A' && c <= 'Z' ? 2 : c >= '0' && c <= '9' ? 4 : 0;
            hex &= c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == '-';
        }
        if (hex || (classes & 4) == 0) {
            return; // a trace id, a digest, a UUID, words without a digit: no password's shape (PasswordShapes would say so, after a copy)
        }
        if (symbol && !structure && classes == 7 && e - s >= 12) {
            spans.add(s, e); // every class and a password's symbol (THwnm02+yjeLXUVVs): made to be a password
            return;
        }
        boolean quoted = s > from && t[s - 1] == '"' && e < t.length && t[e] == '"' && e - s >= 12; // a JSON value cut from its name: "x"}
        // every class and a symbol base64 has not (a wrapped base64 body is letters and digits), 12 or more, no word of a file's name
        boolean mixed = lone && classes == 7 && e - s >= 12 && !structure && !pieces && notBase64(t, s, e) && !lowerWordPiece(t, s, e);
        if ((symbol || quoted || mixed || cell && e - s >= 12) && PasswordShapes.looksMadeUp(new String(t, s, e - s))) {
            spans.add(s, e); // with a password's symbol or quoted as a value: a word such as OpenJDK17U alone on its line stays
        }
    }

    private static boolean notBase64(char[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=')) {
                return true;
            }
        }
        return false;
    }

    /** {@code </password>} on its own line: the line before it, one word, is the value (a tail window without the opening tag). */
    private static void closingTag(char[] t, int ls, int end, Spans spans) {
        int close = end - 1;
        if (t[close] != '>' || close - (ls + 2) > MAX_NAME || !SecretNames.suggestsSecret(new String(t, ls + 2, close - ls - 2)) || ls < 2) {
            return;
        }
        int pe = ls - 1; // the '\n' before this line
        int ps = pe;
        while (ps > 0 && t[ps - 1] != '\n') {
            ps--;
        }
        int vend = trimEnd(t, ps, pe);
        int v = ps;
        while (v < vend && (t[v] == ' ' || t[v] == '\t')) {
            v++;
        }
        for (int i = v; i < vend; i++) {
            if (t[i] == ' ' || t[i] == '<' || t[i] == '>') {
                return; // markup or a sentence, not a bare value
            }
        }
        String value = new String(t, v, Math.max(0, vend - v));
        if (vend > v && !value.matches("[a-z]{1,24}") && !LineShapes.harmless(value) && !SecretNames.allowsValue(new String(t, ls + 2, close - ls - 2), value)) {
            spans.add(v, vend); // <tokenEndpoint> https://… </tokenEndpoint>, <passwordEncoder> bcrypt: a setting about a secret stays
        }
    }

    /** {@code postgres://app:} at a line's end and {@code   pw@db/app} indented on the next: the password before the '@' goes. */
    private static void urlUserWrapped(char[] t, int ls, int end, int le, Spans spans) {
        int w = end - 1;
        while (w > ls && !Character.isWhitespace(t[w - 1]) && end - w < 256) {
            w--;
        }
        String word = new String(t, w, end - w);
        int scheme = word.indexOf("://");
        if (scheme <= 0 || word.indexOf('@') >= 0 || word.indexOf('/', scheme + 3) >= 0 || le + 1 >= t.length) {
            return;
        }
        int v = le + 1;
        while (v < t.length && (t[v] == ' ' || t[v] == '\t')) {
            v++;
        }
        int at = v;
        while (at < t.length && at - v < 256 && t[at] != '@' && !Character.isWhitespace(t[at]) && t[at] != '/') {
            at++;
        }
        if (at > v && at < t.length && t[at] == '@') {
            spans.add(v, at);
        }
    }

    /** {@code 1) "requirepass"} then {@code 2) "value"}: the value inside its quotes goes. */
    private static void numberedReply(char[] t, int ls, int le, Spans spans) {
        int q = replyQuote(t, ls, le);
        if (q < 0) {
            return;
        }
        int close = lastQuote(t, q + 1, le);
        if (close < 0 || close - q - 1 > MAX_NAME || !SecretNames.suggestsSecret(new String(t, q + 1, close - q - 1))) {
            return;
        }
        int next = le + 1;
        if (next >= t.length) {
            return;
        }
        int nle = lineEnd(t, next);
        int vq = replyQuote(t, next, nle);
        int vclose = vq < 0 ? -1 : lastQuote(t, vq + 1, nle);
        if (vclose > vq + 1) {
            spans.add(vq + 1, vclose);
        }
    }

    /** The opening quote after {@code 12) }, or -1. */
    private static int replyQuote(char[] t, int ls, int le) {
        int i = ls;
        while (i < le && i - ls < 5 && t[i] >= '0' && t[i] <= '9') {
            i++;
        }
        if (i == ls || i + 2 >= le || t[i] != ')' || t[i + 1] != ' ' || t[i + 2] != '"') {
            return -1;
        }
        return i + 2;
    }

    private static int lastQuote(char[] t, int from, int le) {
        int end = trimEnd(t, from, le);
        return end > from && t[end - 1] == '"' ? end - 1 : -1;
    }

    /** A key path alone on its line whose last part names a secret ({@code /config/db/password}), then the value alone. */
    private static void keyPath(char[] t, int ls, int le, Spans spans) {
        int end = trimEnd(t, ls, le);
        int last = ls;
        for (int i = ls; i < end; i++) {
            char c = t[i];
            if (c == '/') {
                last = i + 1;
            } else if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return;
            }
        }
        if (last >= end || end - last > MAX_NAME || !SecretNames.suggestsSecret(new String(t, last, end - last)) || le + 1 >= t.length) {
            return;
        }
        int v = le + 1;
        int vend = trimEnd(t, v, lineEnd(t, v));
        if (vend - v < 4 || t[v] == '/' || t[v] == ' ' || t[v] == '#') {
            return;
        }
        for (int i = v; i < vend; i++) {
            if (t[i] == ' ' || t[i] == '\t') {
                return; // a sentence, not a value
            }
        }
        spans.add(v, vend);
    }

    /** {@code *2}, {@code $4}, {@code AUTH}, {@code $17}, the password (and with a user, {@code $4}, the user first). */
    private static void redisAuth(char[] t, int ls, int le, Spans spans) {
        int end = trimEnd(t, ls, le);
        int p = ls - 1;
        while (p >= 0 && (t[p] == '\n' || t[p] == '\r')) {
            p--;
        }
        if (end - ls != 4 || !new String(t, ls, 4).equalsIgnoreCase("auth") || p < 0 || t[p] < '0' || t[p] > '9') {
            return;
        }
        int line = le + 1;
        for (int k = 0; k < 2 && line < t.length; k++) {
            int lengthEnd = lineEnd(t, line);
            if (t[line] != '$') {
                return;
            }
            int v = lengthEnd + 1;
            if (v >= t.length) {
                return;
            }
            int vle = lineEnd(t, v);
            int vend = trimEnd(t, v, vle);
            if (vend > v) {
                spans.add(v, vend);
            }
            line = vle + 1;
        }
    }

    /** {@code Content-Disposition: form-data; name="password"}, a blank line, then the value. */
    private static void formField(char[] t, int ls, int le, Spans spans) {
        int end = trimEnd(t, ls, le);
        String line = new String(t, ls, end - ls);
        int at = line.indexOf("form-data;");
        int name = line.indexOf("name=\"", Math.max(at, 0));
        if (at < 0 || name < 0) {
            return;
        }
        int close = line.indexOf('"', name + 6);
        if (close < 0 || !SecretNames.suggestsSecret(line.substring(name + 6, close))) {
            return;
        }
        int v = le + 1;
        for (int k = 0; k < 3 && v < t.length; k++) {
            int vle = lineEnd(t, v);
            int vend = trimEnd(t, v, vle);
            if (vend > v) {
                if (!(t[v] == '-' && v + 1 < vend && t[v + 1] == '-') && !new String(t, v, Math.min(13, vend - v)).equalsIgnoreCase("content-type:")) {
                    spans.add(v, vend);
                    return;
                }
                if (t[v] == '-') {
                    return; // the next part's boundary: an empty value
                }
            }
            v = vle + 1;
        }
    }

    /** The position of the line break ending the line at {@code from}, or the text's end. */
    static int lineEnd(char[] t, int from) {
        int i = from;
        while (i < t.length && t[i] != '\n') {
            i++;
        }
        return i;
    }

    /** The end of the line's text without trailing blanks and '\r'. */
    static int trimEnd(char[] t, int from, int le) {
        int end = le;
        while (end > from && (t[end - 1] == '\r' || t[end - 1] == ' ' || t[end - 1] == '\t')) {
            end--;
        }
        return end;
    }
}
