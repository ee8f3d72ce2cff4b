package dockermcp.security.secrets;

/**
 * The user-info part of URLs: {@code scheme://user:password@host} and also {@code scheme://TOKEN@host} (a Sentry
 * DSN key, a Git token), since the part before '@' is where URLs carry credentials. The whole user info goes.
 */
final class UrlCredentials {

    private static final int MAX_AUTHORITY = 1024;

    private UrlCredentials() {
    }

    static void find(char[] t, Spans spans) {
        int n = t.length;
        int from = 0;
        while (true) {
            int sep = KeyBlocks.indexOf(t, "://", from, n);
            if (sep < 0) {
                return;
            }
            int start = sep + 3;
            int at = -1;
            int i = start;
            int colon = -1;
            while (i < n && i - start < MAX_AUTHORITY) {
                char c = t[i];
                // '?' and '#' do not end the scan: a raw password may hold them, and the '@' after them still ends the user info
                colon = c == ':' && colon < 0 ? i : colon;
                if ((c == '"' || c == '\'') && colon >= 0 && !digitsOnly(t, colon + 1, i) && quoteInPassword(t, i)) {
                    i++; // user:pa'ss"x@host (a %27 or %22 read as the quote it stands for): the password goes on to its '@'
                    continue;
                }
                if (c == '/' && colon >= 0 && !digitsOnly(t, colon + 1, i) && slashInPassword(t, i)) {
                    i++; // user:ak11ext/5bTnG7/g@host: a base64 password's '/' (a port is digits: host:8080/path)
                    continue;
                }
                if (c == '/' || RandomTokens.whitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`') {
                    break;
                }
                if (c == '@') {
                    at = i;
                }
                i++;
            }
            if (at > start && !plainUser(t, start, at)) {
                spans.add(start, at);
            }
            from = sep + 3; // the next "://" may be inside this authority (a "//" stops the scan there)
        }
    }

    /** A quote after {@code user:}: the end of a quoted URL in JSON or a list ("…:5432","mail":"bob@…") stops at a '/'. */
    private static boolean quoteInPassword(char[] t, int q) {
        return passwordGoesOn(t, q, "/");
    }

    /** A '/' after {@code user:}: a path, a query or the next URL stops at a quote, '?', '#' or ':'. */
    private static boolean slashInPassword(char[] t, int q) {
        return passwordGoesOn(t, q, "\"'?#:");
    }

    /**
     * True when an '@' and a host follow position {@code q} in the same word, before a blank, {@code < > `}, a list's or
     * structure's separator or one of {@code stops}: the character at {@code q} belongs to the password.
     */
    private static boolean passwordGoesOn(char[] t, int q, String stops) {
        for (int i = q + 1; i < t.length && i - q < 128; i++) {
            char c = t[i];
            if (c == '@') {
                return i + 1 < t.length && Character.isLetterOrDigit(t[i + 1]);
            }
            if (RandomTokens.whitespace(c) || c == '<' || c == '>' || c == '`' || ",;{}[]=".indexOf(c) >= 0 || stops.indexOf(c) >= 0) {
                return false;
            }
        }
        return false;
    }

    /** True when t[from, to) is digits only (a port after ':', not a password); true for an empty range. */
    static boolean digitsOnly(char[] t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (t[i] < '0' || t[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * User info that is a user's name and nothing more ({@code postgres://app@db}, {@code ssh://git@host}): a short word
     * of small letters, digits, dots, dashes and underscores that starts with a letter and does not look generated. A
     * token as the user ({@code https://ghp_…@github.com}, a Sentry key) and any password ({@code user:x@}) still go.
     */
    private static boolean plainUser(char[] t, int start, int at) {
        int len = at - start;
        if (len > 24 || t[start] < 'a' || t[start] > 'z') {
            return false;
        }
        int digits = 0;
        for (int i = start; i < at; i++) {
            char c = t[i];
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_')) {
                return false; // a capital, a ':' before a password, an escape
            }
            digits += c >= '0' && c <= '9' ? 1 : 0;
        }
        return digits <= 4 && !PasswordShapes.looksMadeUp(new String(t, start, len)) && !RandomTokens.isRandom(t, start, at, null);
    }

    /** The longest user name and password read in the forms below; longer words are not these forms. */
    private static final int MAX_USER = 32;
    private static final int MAX_PASSWORD = 128;

    /**
     * Credentials with no scheme: an Oracle connect string {@code user/password@host:1521/XE}, {@code user/password@service},
     * {@code user/password@//host} or {@code @(DESCRIPTION…}; and a bare {@code user:password} word. The password part
     * goes when it looks like a password (letters of both cases, digits and a symbol, or the case switches of a random
     * key), so {@code actions/checkout@v4}, {@code library/nginx@sha256:…}, {@code host:port}, {@code key:value},
     * {@code image:tag}, times and IPv6 addresses stay.
     */
    static void findBare(char[] t, Spans spans) {
        int n = t.length;
        for (int i = 0; i < n; i++) {
            char c = t[i];
            if (c != '/' && c != ':') {
                continue;
            }
            int u = i;
            while (u > 0 && i - u <= MAX_USER && userChar(t[u - 1])) {
                u--;
            }
            if (c == '/' && i + 1 < n && t[i + 1] == '"' && u < i && Character.isLetter(t[u])) {
                quotedOracle(t, i + 1, spans); // jdbc:oracle:thin:user/"pa@ss"@//host: a quoted password may hold '@' and '/'
                continue;
            }
            // a user name is a name: a word that itself mixes cases and digits is a piece of a key (Xk9fQ2mP:7vL4…), not a user
            boolean share = u > 1 && t[u - 1] == '/' && t[u - 2] == '/'; // a CIFS device //user:pass@nas/share
            if (u == i || i - u > MAX_USER || !Character.isLetter(t[u]) || u > 0 && !boundary(t[u - 1]) && !share || mixesCaseAndDigits(t, u, i)) {
                continue;
            }
            int p = i + 1;
            while (p < n && p - i <= MAX_PASSWORD && passwordChar(t[p], c)) {
                p++;
            }
            if (p == i + 1 || p - i > MAX_PASSWORD || !passwordLike(t, i + 1, p) || c == ':' && RandomTokens.keyFingerprint(t, i + 1)) {
                continue;
            }
            // user:password@host with no scheme (mysqlsh --uri, a CIFS device): the '@' and a host after it end the password too
            boolean host = c == ':' && p + 1 < n && t[p] == '@' && Character.isLetterOrDigit(t[p + 1]);
            if (c == '/' ? p < n && t[p] == '@' && oracleService(t, p + 1) : p == n || boundary(t[p]) || t[p] == ',' || host) {
                spans.add(i + 1, p);
            }
        }
    }

    /** The password quoted at q when its closing quote is followed by '@' and a service: hidden inside the quotes. */
    private static void quotedOracle(char[] t, int q, Spans spans) {
        for (int p = q + 1; p < t.length && p - q <= MAX_PASSWORD; p++) {
            if (t[p] == '\n' || t[p] == '\r') {
                return;
            }
            if (t[p] == '"') {
                if (p > q + 1 && p + 1 < t.length && t[p + 1] == '@' && oracleService(t, p + 2)) {
                    spans.add(q + 1, p);
                }
                return;
            }
        }
    }

    private static boolean mixesCaseAndDigits(char[] t, int from, int to) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        for (int i = from; i < to; i++) {
            lower |= t[i] >= 'a' && t[i] <= 'z';
            upper |= t[i] >= 'A' && t[i] <= 'Z';
            digit |= t[i] >= '0' && t[i] <= '9';
        }
        return lower && upper && digit;
    }

    private static boolean userChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == '$';
    }

    /** What may stand before a user name or after a password: the start of a word. */
    private static boolean boundary(char c) {
        return RandomTokens.whitespace(c) || c == '"' || c == '\'' || c == '=' || c == '`' || c == '(' || c == '[' || c == '<' || c == '>' || c == ')' || c == ']';
    }

    /** A character of a password: anything but a blank, a quote and the separators of the form (after '/': no '/' or '@'). */
    private static boolean passwordChar(char c, char form) {
        if (RandomTokens.whitespace(c) || c == '"' || c == '\'' || c == '`' || c == '/' || c == '@' || c == '<' || c == '>') {
            return false;
        }
        return form == '/' || c != ':' && c != '=' && c != ',' && c != '(' && c != ')' && c != '[' && c != ']' && c != '{' && c != '}';
    }

    /** After '@': {@code //host}, {@code (DESCRIPTION}, or a host or service name (not a digest {@code sha256:}, not a version {@code v4}). */
    private static boolean oracleService(char[] t, int at) {
        int n = t.length;
        if (at >= n) {
            return false;
        }
        if (t[at] == '(' || t[at] == '/' && at + 1 < n && t[at + 1] == '/') {
            return true;
        }
        if (!Character.isLetter(t[at])) {
            return false;
        }
        int e = at;
        while (e < n && e - at < 256 && (Character.isLetterOrDigit(t[e]) || t[e] == '.' || t[e] == '-' || t[e] == '_')) {
            e++;
        }
        String name = new String(t, at, e - at).toLowerCase(java.util.Locale.ROOT);
        boolean version = name.length() > 1 && name.charAt(0) == 'v' && Character.isDigit(name.charAt(1));
        return !version && !name.startsWith("sha") && !name.equals("latest") && (e == n || t[e] == ':' || t[e] == '/' || boundary(t[e]) || t[e] == ',');
    }

    /**
     * Eight or more characters with lower and upper case and digits, and a symbol or the case switches of a random key
     * (two capitals after the first character): {@code TWMLimmutc1301#y8I}, {@code Maple-harbor123}, not {@code OpenJDK21}.
     */
    static boolean passwordLike(char[] t, int from, int to) {
        if (to - from < 8) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        int laterCapitals = 0;
        for (int i = from; i < to; i++) {
            char c = t[i];
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
                laterCapitals += i > from ? 1 : 0;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return lower && upper && digit && (symbol || laterCapitals >= 2);
    }
}
