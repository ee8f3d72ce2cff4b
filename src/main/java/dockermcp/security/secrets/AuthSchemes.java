package dockermcp.security.secrets;

import java.util.Set;

/**
 * Credentials of HTTP authentication: the value of an {@code Authorization} header whatever its scheme (a token68
 * such as NTLM and Negotiate blobs whole, or every parameter of {@code Token token="x"}, Hawk, Digest, OAuth 1 and
 * AWS4 but the few that only name or describe: {@code username}, {@code realm}, {@code uri}…), JWTs also when their
 * segments carry {@code =} padding, and secret parameters of URL queries and fragments ({@code code=}, {@code sig=},
 * {@code X-Amz-Signature=}, {@code access_token=}…; {@code page=} and {@code v=2} stay). The header name, the scheme
 * and a value already masked ({@code Bearer <redacted>}) stay as they are.
 */
final class AuthSchemes {

    private static final int MAX_VALUE = 4096;
    /** How far either side of a paired parameter its user's parameter is looked for. */
    private static final int QUERY_REACH = 256;
    /** Parameters of an authorization header that name or describe, never prove: shown. */
    private static final Set<String> SHOWN_PARAMS = Set.of("username", "realm", "uri", "algorithm", "qop", "nc", "opaque", "nonce", "ts", "ext",
            "signedheaders", "oauth_consumer_key", "oauth_signature_method", "oauth_timestamp", "oauth_nonce", "oauth_version", "oauth_callback",
            "charset", "userhash", "domain", "stale", "scope", "error", "error_description", "app", "dlg");
    /** Query parameters whose value is a secret whatever it looks like. */
    private static final Set<String> SECRET_PARAMS = Set.of("sig", "signature", "x-amz-signature", "x-goog-signature", "x-amz-security-token",
            "token", "access_token", "id_token", "refresh_token", "client_secret", "code_verifier", "password", "passwd", "pwd", "secret", "api_key",
            "apikey", "api-key", "private_token", "jwt", "auth", "otp", "session", "sessionid", "session_id", "sid", "oauth_token", "oauth_signature",
            "pass", "pw", "passphrase", "passcode", "delegation", "delegation_token", "delegationtoken");
    /** Query parameters that hold the password (p) or a salted hash of it (t, with s: Subsonic) when the query also names the user. */
    private static final Set<String> PAIRED_PARAMS = Set.of("p", "t");
    private static final Set<String> USER_PARAMS = Set.of("u", "user", "username", "login", "usr", "uid");
    /** Query parameters whose value is a secret when it is long enough to be a generated one (an OAuth code, a key, a hash). */
    private static final Set<String> LONG_PARAMS = Set.of("code", "key", "hash", "ticket", "state_token");

    private AuthSchemes() {
    }

    static void find(char[] t, Spans spans) {
        // one pass for the four searches; each goes on from where its own last match told it to
        int header = 0;
        int param = 0;
        int ey = 0;
        int ew = 0;
        for (int at = 0; at < t.length; at++) {
            char c = t[at];
            if (c == '=') {
                if (at >= param) {
                    param = query(t, at, spans) + 1;
                }
            } else if ((c | 0x20) == 'e' && at + 1 < t.length) {
                char next = (char) (t[at + 1] | 0x20);
                if (next == 'y' && at >= ey && isLetter(t[at + 1])) {
                    ey = jwt(t, at, spans) + 2;
                } else if (next == 'w' && at >= ew && isLetter(t[at + 1])) {
                    ew = jwt(t, at, spans) + 2;
                }
            } else if ((c | 0x20) == 'a' && at >= header && KeyMaterial.startsWithLower(t, at, "authorization")) {
                header(t, at + 13, spans);
                header = at + 13;
            }
        }
    }

    /** An ASCII letter: (c | 0x20) is a lower-case letter for these only. */
    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /** After a header name ending in {@code authorization}: the separator, the scheme, then its credentials. */
    private static void header(char[] t, int k, Spans spans) {
        int i = k;
        while (i < t.length && i - k < 4 && (t[i] == '"' || t[i] == '\'' || t[i] == '\\')) {
            i++;
        }
        i = KeyMaterial.blanks(t, i);
        if (i >= t.length || t[i] != ':' && t[i] != '=') {
            return;
        }
        i = KeyMaterial.blanks(t, i + 1);
        while (i < t.length && i - k < 12 && (t[i] == '"' || t[i] == '\'' || t[i] == '[' || t[i] == '\\')) {
            i++;
        }
        int scheme = i;
        while (i < t.length && i - scheme < 64 && (Character.isLetterOrDigit(t[i]) || t[i] == '-' || t[i] == '_')) {
            i++;
        }
        if (i == scheme) {
            return;
        }
        int schemeEnd = i;
        int v = KeyMaterial.blanks(t, i);
        if (v == i || v >= t.length || t[v] == '\n' || t[v] == '\r') {
            if (schemeEnd - scheme >= 16 && RandomTokens.isRandom(t, scheme, schemeEnd, null)) {
                spans.add(scheme, schemeEnd); // no scheme: the token itself
            }
            return;
        }
        int name = paramName(t, v);
        if (name > 0) {
            params(t, v, spans);
            return;
        }
        int end = v;
        while (end < t.length && end - v < MAX_VALUE && token68(t[end])) {
            end++;
        }
        while (end < t.length && end - v < MAX_VALUE && t[end] == '=') {
            end++;
        }
        if (end - v >= 8 && !lowerWord(t, v, end)) {
            spans.add(v, end);
        }
    }

    /** {@code name="value", name=value, …}: each value hidden unless its name only describes. */
    private static void params(char[] t, int v, Spans spans) {
        int i = v;
        while (i < t.length && i - v < MAX_VALUE) {
            int eq = paramName(t, i);
            if (eq < 0) {
                return;
            }
            String name = new String(t, i, eq - i).toLowerCase(java.util.Locale.ROOT);
            int s = eq + 1;
            int e;
            if (s < t.length && (t[s] == '"' || t[s] == '\'')) {
                char q = t[s++];
                e = s;
                boolean wrapped = false;
                while (e < t.length && e - s < MAX_VALUE && t[e] != q && (t[e] != '\n' || !wrapped)) {
                    wrapped |= t[e] == '\n'; // a quoted value wrapped onto the next line reads on to its quote
                    e++;
                }
                i = e < t.length && t[e] == q ? e + 1 : e;
            } else {
                e = s;
                while (e < t.length && e - s < MAX_VALUE && t[e] != ',' && !Character.isWhitespace(t[e]) && t[e] != '"' && t[e] != '\'' && t[e] != ']') {
                    e++;
                }
                i = e;
            }
            if (!SHOWN_PARAMS.contains(name) && e > s && !masked(t, s, e)) {
                spans.add(s, e);
            }
            while (i < t.length && (t[i] == ',' || t[i] == ' ' || t[i] == '\t')) {
                i++;
            }
        }
    }

    /** The index of the '=' after a parameter name at i, or -1. */
    private static int paramName(char[] t, int i) {
        int j = i;
        while (j < t.length && j - i < 40 && (Character.isLetterOrDigit(t[j]) || t[j] == '_' || t[j] == '-')) {
            j++;
        }
        return j > i && j < t.length && t[j] == '=' && (j + 1 >= t.length || t[j + 1] != '=') ? j : -1;
    }

    private static boolean token68(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    /** A value already masked or a placeholder: {@code <redacted>}, {@code [REDACTED]}, {@code ***}, {@code xxxx}, {@code ${TOKEN}}. */
    static boolean masked(char[] t, int s, int e) {
        char c = t[s];
        if (c == '<' || c == '[' || c == '$' || c == '{') {
            return true;
        }
        for (int i = s; i < e; i++) {
            if (t[i] != '*' && t[i] != 'x' && t[i] != 'X' && t[i] != '.' && t[i] != '•') {
                return false;
            }
        }
        return true;
    }

    private static boolean lowerWord(char[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (t[i] < 'a' || t[i] > 'z') {
                return false;
            }
        }
        return true;
    }

    /** A secret parameter of a URL query or fragment at the '=' at eq; returns where the scan goes on. */
    private static int query(char[] t, int eq, Spans spans) {
        int n = eq;
        while (n > 0 && eq - n < 40 && (Character.isLetterOrDigit(t[n - 1]) || t[n - 1] == '_' || t[n - 1] == '-' || t[n - 1] == '.')) {
            n--;
        }
        if (n == eq || n == 0 || t[n - 1] != '?' && t[n - 1] != '&' && t[n - 1] != '#' && t[n - 1] != ';') {
            return eq;
        }
        String name = KeyMaterial.lowerAscii(t, n, eq);
        boolean always = SECRET_PARAMS.contains(name) || PAIRED_PARAMS.contains(name) && namesUser(t, n, name.equals("t")) && !number(t, eq + 1);
        if (!always && !LONG_PARAMS.contains(name)) {
            return eq;
        }
        int s = eq + 1;
        int e = s;
        while (e < t.length && e - s < MAX_VALUE && t[e] != '&' && t[e] != '#' && !Character.isWhitespace(t[e]) && t[e] != '"' && t[e] != '\''
                && t[e] != '<' && t[e] != '>' && t[e] != ')') {
            e++;
        }
        if (e == s || masked(t, s, e)) {
            return e;
        }
        if (always || e - s >= 16 && mixed(t, s, e)) {
            spans.add(s, e);
        }
        return e;
    }

    /**
     * True when the query around the parameter at {@code n} also has a user's parameter ({@code ?u=admin&p=…}), and with
     * {@code salted} a salt's ({@code s=}: the token {@code t} is a hash of the password and the salt).
     */
    private static boolean namesUser(char[] t, int n, boolean salted) {
        int from = n;
        while (from > 0 && n - from < QUERY_REACH && t[from - 1] != '?' && !Character.isWhitespace(t[from - 1]) && t[from - 1] != '"') {
            from--;
        }
        int to = n;
        while (to < t.length && to - n < QUERY_REACH && !Character.isWhitespace(t[to]) && t[to] != '"' && t[to] != '\'') {
            to++;
        }
        boolean user = false;
        boolean salt = false;
        for (int k = from; k < to; k++) {
            if ((k == from || t[k - 1] == '&' || t[k - 1] == ';') && k != n) {
                int eq = k;
                while (eq < to && eq - k < 9 && t[eq] != '=' && t[eq] != '&') {
                    eq++;
                }
                String param = eq < to && t[eq] == '=' ? KeyMaterial.lowerAscii(t, k, eq) : "";
                user |= USER_PARAMS.contains(param);
                salt |= param.equals("s");
            }
        }
        return user && (salt || !salted);
    }

    /** A short number (a page, a count) at {@code s}, ending the value: no password. */
    private static boolean number(char[] t, int s) {
        int e = s;
        while (e < t.length && e - s <= 6 && t[e] >= '0' && t[e] <= '9') {
            e++;
        }
        return e > s && e - s <= 6 && (e == t.length || t[e] == '&' || t[e] == '#' || Character.isWhitespace(t[e]) || t[e] == '"' || t[e] == '\'');
    }

    /** Letters and digits both: a generated value, not a word or a number. */
    private static boolean mixed(char[] t, int s, int e) {
        boolean letter = false;
        boolean digit = false;
        for (int i = s; i < e; i++) {
            letter |= Character.isLetter(t[i]);
            digit |= t[i] >= '0' && t[i] <= '9';
        }
        return letter && digit;
    }

    /**
     * A JWT or JWE: segments of base64 (URL-safe or not, padded with '=' or not) joined by dots, the first of a JSON
     * object ({@code eyJ}: {@code {"}, {@code eyA}: <code>{ </code>, {@code ewo}/{@code ew0}: <code>{</code> and a line break).
     */
    private static int jwt(char[] t, int at, Spans spans) {
        if (at + 3 > t.length || at > 0 && (KeyMaterial.base64Char(t[at - 1]) || t[at - 1] == '-' || t[at - 1] == '_' || t[at - 1] == '.')) {
            return at;
        }
        char a = t[at];
        char b = t[at + 1];
        char c = t[at + 2];
        boolean start = a == 'e' && (b == 'y' && (c == 'J' || c == 'A') || b == 'w' && (c == 'o' || c == '0'));
        if (!start) {
            return at;
        }
        int i = at;
        int segments = 1;
        int last = at;
        while (i < t.length && i - at < 16 * 1024) {
            char d = t[i];
            if (d == '.') {
                if (i + 1 >= t.length || !segmentChar(t[i + 1])) {
                    break;
                }
                segments++;
                last = i + 1;
            } else if (!segmentChar(d) && d != '=') {
                break;
            }
            i++;
        }
        if (segments >= 3 && i - last >= 8) {
            spans.add(at, i);
            return i;
        }
        return at;
    }

    private static boolean segmentChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '+' || c == '/';
    }
}
