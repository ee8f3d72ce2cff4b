package dockermcp.security.secrets;

/**
 * Layouts that print a secret's name on one line and its value alone on the next, with no separator that
 * {@link Assignments} could read: a numbered reply ({@code redis-cli CONFIG GET}: {@code 1) "requirepass"} then
 * {@code 2) "value"}), a key path and its value ({@code etcdctl get /config/db/password}), a form field
 * ({@code Content-Disposition: form-data; name="password"}, a blank line, the value), and a Redis protocol
 * {@code AUTH} command ({@code $4}, {@code AUTH}, {@code $17}, the password), and a URL cut after its user and ':' with the
 * password indented on the next line. One look at the first and last character of each line.
 */
final class NextLineValues {

    private static final int MAX_NAME = 128;

    private NextLineValues() {
    }

    static void find(char[] t, Spans spans) {
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
            ls = le + 1;
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

    private static int lineEnd(char[] t, int from) {
        int i = from;
        while (i < t.length && t[i] != '\n') {
            i++;
        }
        return i;
    }

    /** The end of the line's text without trailing blanks and '\r'. */
    private static int trimEnd(char[] t, int from, int le) {
        int end = le;
        while (end > from && (t[end - 1] == '\r' || t[end - 1] == ' ' || t[end - 1] == '\t')) {
            end--;
        }
        return end;
    }
}
