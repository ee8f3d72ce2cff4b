package dockermcp.security.secrets;

import java.util.Locale;

/**
 * The generic rules, in one hand-written pass: a secret-suggesting name followed by a value
 * ({@code password=x}, {@code "pwd": "x"}, {@code Password=x;} in connection strings, {@code token:} at the end of
 * a line with the value on the next), secret flags with a spaced value ({@code --db-pwd x}), the flags that take
 * a password in well-known tools ({@code mysql -px}, {@code redis-cli -a x}, {@code curl -u user:pass},
 * {@code sshpass -p x}), and authorization schemes ({@code Bearer x}, also when x is on the next line).
 */
final class Assignments {

    private static final int MAX_NAME = 96;
    private static final int MAX_VALUE = 4096;
    private static final int MAX_GAP = 8;
    private static final String[] SCHEMES = {"bearer", "basic", "token", "digest", "negotiate", "apikey", "api-key", "ssws", "sso-key", "key",
            "otp", "dpop", "mac", "hmac"};
    private static final String[] PLACEHOLDERS = {"null", "none", "nil", "true", "false", "undefined", "required", "optional", "[redacted]",
            "redacted", "<redacted>", "***", "****", "*****", "******", "********", "xxx"};

    private Assignments() {
    }

    static void find(char[] t, Spans spans) {
        int n = t.length;
        int i = 0;
        while (i < n) {
            if (!nameChar(t[i])) {
                i++;
                continue;
            }
            int s = i;
            int e = i;
            while (e < n && nameChar(t[e])) {
                e++;
            }
            i = e;
            if (e - s <= MAX_NAME) {
                i = Math.max(e, afterName(t, s, e, spans));
            }
        }
    }

    /** Looks at what follows the name t[s, e]; returns where scanning continues. */
    private static int afterName(char[] t, int s, int e, Spans spans) {
        int n = t.length;
        int k = e;
        if (k < n && (t[k] == '"' || t[k] == '\'')) {
            k++; // the closing quote of "pwd": or 'token' =>
        }
        k = skipBlanks(t, k, n);
        int sep = separator(t, k);
        if (sep > 0) {
            String name = new String(t, s, e - (s));
            if (!SecretNames.suggestsSecret(name)) {
                return e;
            }
            boolean cookieHeader = sep == 1 && t[k] == ':' && name.toLowerCase(Locale.ROOT).endsWith("cookie");
            int v = skipBlanks(t, k + sep, n);
            if (cookieHeader) {
                int end = lineEnd(t, v);
                spans.add(v, end);
                return end;
            }
            if (v < n && (t[v] == '\n' || t[v] == '\r')) {
                v = nextLineStart(t, v);
                if (v < 0 || yamlKeyOrItem(t, v)) {
                    return e; // "secrets:" followed by a list or a key is a heading, not a value
                }
            }
            return value(t, v, spans, true);
        }
        if (k > e && k < n && (t[k] == '\'' || t[k] == '"') && SecretNames.suggestsSecret(new String(t, s, e - s))) {
            return value(t, k, spans, false); // password 'VALUE', secret "VALUE"
        }
        boolean xml = s > 0 && t[s - 1] == '<' && e < n && t[e] == '>';
        boolean bearer = e - s == 6 && (t[s] == 'b' || t[s] == 'B');
        if (!xml && !bearer && t[s] != '-') {
            return e; // the common case: a word followed by no separator
        }
        String name = new String(t, s, e - (s));
        if (xml && SecretNames.suggestsSecret(name)) {
            int end = e + 1; // <password>VALUE</password>, as in Maven settings.xml and many XML configurations
            while (end < n && end - e < MAX_VALUE && t[end] != '<' && t[end] != '\n') {
                end++;
            }
            spans.add(e + 1, end);
            return end;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("bearer")) {
            int v = skipBlanks(t, e, n);
            if (v < n && (t[v] == '\n' || t[v] == '\r')) {
                v = nextLineStart(t, v);
            }
            return v < 0 || v == e ? e : valueOfAtLeast(t, v, 8, spans);
        }
        if (name.startsWith("-")) {
            return flag(t, s, e, name, lower, spans);
        }
        return e;
    }

    private static int flag(char[] t, int s, int e, String name, String lower, Spans spans) {
        int n = t.length;
        if (lower.length() > 2 && lower.startsWith("-p") && !lower.startsWith("--") && lineMentions(t, s, "mysql", "mariadb", "sshpass")) {
            int end = e; // mysql -pSECRET: the password runs to the next blank, whatever characters it holds
            while (end < t.length && end - e < MAX_VALUE && !stop(t[end])) {
                end++;
            }
            spans.add(s + 2, end);
            return end;
        }
        int v = skipBlanks(t, e, n);
        if (v == e || v >= n || t[v] == '-' || t[v] == '\n' || t[v] == '\r') {
            return e;
        }
        boolean secret = SecretNames.suggestsSecret(name)
                || lower.equals("-p") && !portOrPath(t, v)
                || lower.equals("-a") && lineMentions(t, s, "redis-cli", "keydb-cli")
                || (lower.equals("-u") || lower.equals("--user") || lower.equals("--proxy-user")) && userWithPassword(t, v);
        return secret ? value(t, v, spans, false) : e;
    }

    /** Hides the value starting at v (quoted or bare) unless it is empty or a placeholder; returns its end. */
    private static int value(char[] t, int v, Spans spans, boolean schemeAllowed) {
        int n = t.length;
        if (v >= n) {
            return v;
        }
        char q = t[v];
        if (q == '{' || q == '[') {
            return v + 1; // "auth": { ... }: a structure follows, its own keys are judged on their own
        }
        int start;
        int end;
        if (q == '"' || q == '\'' || q == '`') {
            start = v + 1;
            end = start;
            while (end < n && end - start < MAX_VALUE && t[end] != q && t[end] != '\n') {
                end++;
            }
        } else {
            start = v;
            end = v;
            while (end < n && end - start < MAX_VALUE && !stop(t[end])) {
                end++;
            }
            while (end > start && ",)]}.".indexOf(t[end - 1]) >= 0) {
                end--;
            }
        }
        if (end <= start || placeholder(t, start, end)) {
            return Math.max(end, v + 1);
        }
        if (schemeAllowed && scheme(t, start, end)) {
            int next = skipBlanks(t, end, n);
            if (next < n && (t[next] == '\n' || t[next] == '\r')) {
                next = nextLineStart(t, next);
            }
            return next < 0 || next == end ? end : valueOfAtLeast(t, next, 1, spans);
        }
        spans.add(start, end);
        return end;
    }

    private static int valueOfAtLeast(char[] t, int v, int min, Spans spans) {
        int end = v;
        while (end < t.length && end - v < MAX_VALUE && !stop(t[end])) {
            end++;
        }
        if (end - v >= min && !placeholder(t, v, end)) {
            spans.add(v, end);
        }
        return Math.max(end, v + 1);
    }

    /** The length of the separator at k: = : := => (not == or ://), or 0. */
    private static int separator(char[] t, int k) {
        int n = t.length;
        if (k >= n) {
            return 0;
        }
        char c = t[k];
        char next = k + 1 < n ? t[k + 1] : 0;
        if (c == '=') {
            return next == '=' ? 0 : next == '>' ? 2 : 1;
        }
        if (c == ':') {
            if (next == '/' && k + 2 < n && t[k + 2] == '/') {
                return 0;
            }
            return next == '=' ? 2 : 1;
        }
        return 0;
    }

    private static boolean scheme(char[] t, int start, int end) {
        String v = new String(t, start, end - (start)).toLowerCase(Locale.ROOT);
        for (String s : SCHEMES) {
            if (v.equals(s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean placeholder(char[] t, int start, int end) {
        if (end - start > 12) {
            char c = t[start];
            return c == '$' && start + 1 < end && t[start + 1] == '{' && t[end - 1] == '}' && end - start < 64 && noSpace(t, start, end)
                    || c == '{' && start + 1 < end && t[start + 1] == '{' && t[end - 1] == '}';
        }
        String raw = new String(t, start, end - (start));
        String v = raw.toLowerCase(Locale.ROOT);
        for (String p : PLACEHOLDERS) {
            if (v.equals(p)) {
                return true;
            }
        }
        // $DB_PASSWORD and ${DB_PASSWORD}: a reference to a variable, not its value
        return raw.length() > 1 && raw.charAt(0) == '$' && raw.chars().skip(1).allMatch(ch -> ch == '_' || ch == '{' || ch == '}' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9')
                && raw.chars().skip(1).anyMatch(ch -> ch >= 'A' && ch <= 'Z');
    }

    private static boolean noSpace(char[] t, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isWhitespace(t[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code 1000:1000}: digits, a colon, digits, then the end of the word. */
    private static boolean uidGid(char[] t, int v) {
        int i = v;
        int digits = 0;
        int colons = 0;
        for (; i < t.length && !Character.isWhitespace(t[i]) && "`'\"),;".indexOf(t[i]) < 0; i++) {
            if (t[i] == ':') {
                colons++;
            } else if (Character.isDigit(t[i])) {
                digits++;
            } else {
                return false;
            }
        }
        return colons == 1 && digits >= 2 && t[v] != ':' && t[i - 1] != ':';
    }

    /** -p 8080:80, -p 127.0.0.1:53:53/udp and mkdir -p /var/lib are not passwords. */
    private static boolean portOrPath(char[] t, int v) {
        char c = t[v];
        if (c == '/' || c == '.' || c == '~' || c == '$') {
            return true;
        }
        int i = v;
        while (i < t.length && !Character.isWhitespace(t[i]) && "`'\"),;".indexOf(t[i]) < 0) { // quoting or punctuation ends it
            char d = t[i];
            if (d == '/') {
                String rest = new String(t, i, Math.min(t.length, i + 5) - (i));
                return rest.startsWith("/tcp") || rest.startsWith("/udp") || rest.startsWith("/sctp");
            }
            if (!(Character.isDigit(d) || d == '.' || d == ':' || d == '-' || d == '[' || d == ']')) {
                return false;
            }
            i++;
        }
        return true;
    }

    private static boolean userWithPassword(char[] t, int v) {
        if (uidGid(t, v)) {
            return false; // --user 1000:1000 is a uid and a gid
        }
        for (int i = v; i < t.length && i - v < 512 && !stop(t[i]); i++) {
            if (t[i] == ':') {
                return !(i + 2 < t.length && t[i + 1] == '/' && t[i + 2] == '/');
            }
        }
        return false;
    }

    /** True when the line holding position s mentions one of the words before s (bounded look-back). */
    private static boolean lineMentions(char[] t, int s, String... words) {
        int from = s;
        while (from > 0 && s - from < 512 && t[from - 1] != '\n') {
            from--;
        }
        String before = new String(t, from, s - (from)).toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (before.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean yamlKeyOrItem(char[] t, int v) {
        if (v >= t.length || t[v] == '-' || t[v] == '#') {
            return true;
        }
        int e = v;
        while (e < t.length && !stop(t[e])) {
            e++;
        }
        return e > v && t[e - 1] == ':';
    }

    static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    private static boolean stop(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '`' || c == ';' || c == '&' || c == '<' || c == '>';
    }

    private static int skipBlanks(char[] t, int k, int n) {
        int i = k;
        while (i < n && i - k < MAX_GAP && (t[i] == ' ' || t[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int lineEnd(char[] t, int v) {
        int i = v;
        while (i < t.length && t[i] != '\n' && t[i] != '\r') {
            i++;
        }
        return i;
    }

    /** The first non-blank character of the next non-empty line (at most two line breaks on), or -1. */
    private static int nextLineStart(char[] t, int v) {
        int i = v;
        int breaks = 0;
        while (i < t.length && (t[i] == '\n' || t[i] == '\r' || t[i] == ' ' || t[i] == '\t')) {
            if (t[i] == '\n' && ++breaks > 2) {
                return -1;
            }
            i++;
        }
        return i < t.length ? i : -1;
    }
}
