package dockermcp.security.secrets;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Protocol transcripts in a server's or client's log: the password is the argument of a verb, not the value of a
 * name. IMAP {@code tag LOGIN user password}; FTP and POP3 {@code PASS password}; SMTP and IMAP SASL
 * {@code AUTH PLAIN response}, and the base64 lines a client sends after {@code AUTH LOGIN}, a {@code 334}
 * challenge or a {@code +} continuation; redis MONITOR {@code "AUTH" "user" "password"}; MSSQL procedures that
 * take a password by position or by name ({@code sp_addlogin 'u', 'p'}, {@code sp_password @new = N'p'}). The verb
 * must stand where the protocol puts it (first on its line after a transcript prefix such as {@code C:} or
 * {@code >>>}, or after an IMAP tag), so test reports ({@code PASS: test_x}, {@code --- PASS: TestX}) and
 * capability lists ({@code 250-AUTH LOGIN PLAIN}) stay as they are.
 */
final class Transcripts {

    private static final Set<String> MECHANISMS = Set.of("plain", "login", "xoauth2", "xoauth", "oauthbearer", "cram-md5", "digest-md5", "ntlm",
            "gssapi", "external", "anonymous", "scram-sha-1", "scram-sha-256", "scram-sha-1-plus", "scram-sha-256-plus", "apop");
    /** MSSQL procedures and the 1-based positions of the arguments that are passwords. */
    private static final Map<String, int[]> PROCEDURES = Map.of("sp_addlogin", new int[] {2}, "sp_password", new int[] {1, 2},
            "sp_addlinkedsrvlogin", new int[] {5}, "sp_change_users_login", new int[] {4}, "sp_addapprole", new int[] {2},
            "sp_approlepassword", new int[] {2}, "sp_setapprole", new int[] {2}, "sp_addremotelogin", new int[] {}, "sp_dropremotelogin", new int[] {});

    private Transcripts() {
    }

    /** Visits every place of {@code word} in the lower-case text, when the keyword pass found it there. */
    private static void each(String lower, Keywords.Found words, String word, java.util.function.IntConsumer visit) {
        for (int at = words.has(word) ? lower.indexOf(word) : -1; at >= 0; at = lower.indexOf(word, at + word.length())) {
            visit.accept(at);
        }
    }

    static void find(char[] t, String lower, Keywords.Found words, Spans spans) {
        each(lower, words, "login", at -> imapLogin(t, at, spans));
        each(lower, words, "pass", at -> passVerb(t, at, spans));
        each(lower, words, "auth", at -> auth(t, lower, at, spans));
        each(lower, words, "334", at -> challenge(t, at, 3, spans));
        for (int at = words.has("auth") ? lower.indexOf('+') : -1; at >= 0; at = lower.indexOf('+', at + 1)) { // a continuation answers an AUTHENTICATE
            if (at + 1 == t.length || t[at + 1] == ' ' || t[at + 1] == '\n' || t[at + 1] == '\r') {
                challenge(t, at, 1, spans); // an IMAP continuation "+ ", not "+OK"
            }
        }
        each(lower, words, "identify", at -> identify(t, at, spans));
        for (int at = words.has("sp_") ? lower.indexOf("sp_") : -1; at >= 0; at = lower.indexOf("sp_", at)) {
            at = procedure(t, lower, at, spans);
        }
    }

    /** The words of the line around {@code at} and the index of the word that starts at {@code at}, or null. */
    private static int[] lineWords(char[] t, int at, int max) {
        int ls = at;
        while (ls > 0 && t[ls - 1] != '\n') {
            if (at - ls > 256) {
                return null; // the verb stands near the start of its line; a long line is read no further
            }
            ls--;
        }
        int le = at;
        while (le < t.length && t[le] != '\n') {
            if (le++ - at > 1024) {
                return null;
            }
        }
        return LineShapes.words(t, ls, le > ls && t[le - 1] == '\r' ? le - 1 : le, max);
    }

    private static int indexOfWord(int[] w, int at) {
        for (int k = 0; k < w.length; k += 2) {
            if (w[k] == at) {
                return k / 2;
            }
        }
        return -1;
    }

    private static boolean prefixOnly(char[] t, int[] w, int before) {
        for (int k = before - 1; k >= 0; k--) {
            int s = w[2 * k];
            int e = w[2 * k + 1];
            if (e - s > 1 && (t[e - 1] == ']' || t[e - 1] == ':') || e - s == 1 && (t[s] == '|' || t[s] == '>')) {
                return true; // the logger's prefix ends here (app-1  | , main.go:42] , host daemon[412]: ): what is before it is its own
            }
            if (!LineShapes.prefixWord(t, s, e) && !level(t, s, e)) {
                return false;
            }
        }
        return true;
    }

    /** A log level: DEBUG, INFO, WARN, TRACE, NOTICE. */
    private static boolean level(char[] t, int s, int e) {
        return e - s >= 4 && e - s <= 6 && Set.of("debug", "info", "warn", "trace", "notice", "fine", "finer").contains(new String(t, s, e - s).toLowerCase(Locale.ROOT));
    }

    /** {@code tag LOGIN user password}: the last of exactly two arguments. */
    private static void imapLogin(char[] t, int at, Spans spans) {
        int[] w = wholeWord(t, at, 5) ? lineWords(t, at, 12) : null;
        int k = w == null ? -1 : indexOfWord(w, at);
        boolean untagged = k == 0 && t[at] == 'L' && t[at + 1] == 'O'; // LOGIN user password, first on its line
        if (k < 0 || w.length / 2 != k + 3 || w[2 * k + 1] != at + 5 || !untagged && (k < 1 || !tag(t, w[2 * k - 2], w[2 * k - 1]) || !prefixOnly(t, w, k - 1))) {
            return;
        }
        String first = new String(t, w[2 * k + 2], w[2 * k + 3] - w[2 * k + 2]).toLowerCase(Locale.ROOT);
        String pass = new String(t, w[2 * k + 4], w[2 * k + 5] - w[2 * k + 4]);
        if (!Set.of("from", "for", "by", "as", "at", "to", "with", "via", "of", "in", "on", "failed", "ok").contains(first) && !LineShapes.harmless(pass)) {
            LineShapes.hide(t, w[2 * k + 4], w[2 * k + 5], spans);
        }
    }

    /** IRC services: {@code NickServ IDENTIFY [account] password}, {@code PRIVMSG NickServ :IDENTIFY password}: the last argument. */
    private static void identify(char[] t, int at, Spans spans) {
        int s = at > 0 && t[at - 1] == ':' ? at - 1 : at;
        if (!wholeWord(t, s, at + 8 - s)) {
            return;
        }
        int[] w = lineWords(t, s, 8);
        int k = w == null ? -1 : indexOfWord(w, s);
        if (k < 1 || w.length / 2 < k + 2 || w.length / 2 > k + 3 || !new String(t, w[2 * k - 2], w[2 * k - 1] - w[2 * k - 2]).equalsIgnoreCase("nickserv")) {
            return;
        }
        if (!LineShapes.harmless(new String(t, w[w.length - 2], w[w.length - 1] - w[w.length - 2]))) {
            LineShapes.hide(t, w[w.length - 2], w[w.length - 1], spans);
        }
    }

    /** An IMAP tag: a short word with a digit, or one or two characters. */
    private static boolean tag(char[] t, int s, int e) {
        if (e - s > 10) {
            return false;
        }
        boolean digit = false;
        for (int i = s; i < e; i++) {
            if (!Character.isLetterOrDigit(t[i]) && t[i] != '.') {
                return false;
            }
            digit |= Character.isDigit(t[i]);
        }
        return digit || e - s <= 2;
    }

    /** {@code PASS password} (FTP, POP3): the one argument after the verb, first on its line. */
    private static void passVerb(char[] t, int at, Spans spans) {
        if (!wholeWord(t, at, 4) || !(t[at] == 'P' && t[at + 1] == 'A' || t[at] == 'p' && t[at + 1] == 'a')) {
            return;
        }
        int[] w = lineWords(t, at, 8);
        int k = w == null ? -1 : indexOfWord(w, at);
        if (k < 0 || w.length / 2 != k + 2 || w[2 * k + 1] != at + 4 || !prefixOnly(t, w, k)) {
            return;
        }
        String value = new String(t, w[2 * k + 2], w[2 * k + 3] - w[2 * k + 2]);
        if (!LineShapes.harmless(value) && !testName(value)) {
            LineShapes.hide(t, w[2 * k + 2], w[2 * k + 3], spans);
        }
    }

    /** A test runner's name of a test after PASS: test_login, login_test, TestLogin, tests::login, login.spec.js. */
    static boolean testName(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        return lower.contains("test") || lower.contains("spec") || v.contains("::") || v.contains("(") || v.endsWith(".js") || v.endsWith(".ts");
    }

    /**
     * {@code AUTH mechanism [response]}, {@code AUTHENTICATE mechanism [response]}: the response; without one, the
     * client's next line. Redis MONITOR {@code "AUTH" ["user"] "password"}: the last quoted word.
     */
    private static void auth(char[] t, String lower, int at, Spans spans) {
        if (at > 0 && t[at - 1] == '"' && at + 5 < t.length && t[at + 4] == '"' && lower.startsWith("auth", at)) {
            int[] w = lineWords(t, at - 1, 12);
            int k = w == null ? -1 : indexOfWord(w, at - 1);
            if (k >= 0 && (w.length / 2 == k + 2 || w.length / 2 == k + 3)) {
                LineShapes.hide(t, w[w.length - 2], w[w.length - 1], spans);
            }
            return;
        }
        int len = lower.startsWith("authenticate", at) ? 12 : 4;
        if (!wholeWord(t, at, len)) {
            return;
        }
        int[] w = lineWords(t, at, 8);
        int k = w == null ? -1 : indexOfWord(w, at);
        if (k < 0 || w[2 * k + 1] != at + len || w.length / 2 < k + 2 || w.length / 2 > k + 3) {
            return;
        }
        String mechanism = new String(t, w[2 * k + 2], w[2 * k + 3] - w[2 * k + 2]).toLowerCase(Locale.ROOT);
        if (!MECHANISMS.contains(mechanism)) {
            return;
        }
        if (w.length / 2 == k + 3) {
            if (base64(t, w[2 * k + 4], w[2 * k + 5])) {
                spans.add(w[2 * k + 4], w[2 * k + 5]);
            }
            if (!mechanism.equals("login")) {
                return; // AUTH LOGIN user: the password follows on a later line
            }
        }
        nextLines(t, LineShapes.lineEnd(t, at), spans);
    }

    static boolean mechanism(String word) {
        return MECHANISMS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** A server's challenge ({@code 334 x}, {@code + x}) first on its line: the client's answer on the next line goes. */
    private static void challenge(char[] t, int at, int len, Spans spans) {
        if (!(at == 0 || !Character.isLetterOrDigit(t[at - 1])) || at + len < t.length && !LineShapes.blank(t[at + len]) && t[at + len] != '\n'
                && t[at + len] != '\r') {
            return;
        }
        int[] w = lineWords(t, at, 4);
        int k = w == null ? -1 : indexOfWord(w, at);
        if (k < 0 || w.length / 2 > k + 2 || !prefixOnly(t, w, k)) {
            return;
        }
        nextLines(t, LineShapes.lineEnd(t, at), spans);
    }

    /** The next line when it is one base64 word after a transcript prefix. */
    private static void nextLines(char[] t, int end, Spans spans) {
        int ls = end;
        while (ls < t.length && t[ls] != '\n') {
            ls++;
        }
        if (++ls >= t.length) {
            return;
        }
        int le = LineShapes.lineEnd(t, ls);
        if (le - ls > 4096) {
            return;
        }
        int[] w = LineShapes.words(t, ls, le, 3);
        if (w == null || w.length == 0) {
            return;
        }
        int n = w.length / 2;
        if (prefixOnly(t, w, n - 1) && base64(t, w[2 * n - 2], w[2 * n - 1])) {
            spans.add(w[2 * n - 2], w[2 * n - 1]);
        }
    }

    private static boolean base64(char[] t, int s, int e) {
        if (e - s < 4) {
            return false;
        }
        boolean pad = false;
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (c == '=') {
                pad = true;
            } else if (pad || !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
                return false;
            }
        }
        return !(e - s == 4 && new String(t, s, 4).equalsIgnoreCase("pass")) && !new String(t, s, e - s).matches("[0-9]+|[a-z]+|[A-Z]+|[A-Z][a-z]+");
    }

    /** An MSSQL procedure call: the password arguments by position and every argument named like a password. */
    private static int procedure(char[] t, String lower, int at, Spans spans) {
        int e = at + 3;
        while (e < t.length && e - at < 40 && (t[e] >= 'a' && t[e] <= 'z' || t[e] >= 'A' && t[e] <= 'Z' || t[e] == '_')) {
            e++;
        }
        int[] positions = PROCEDURES.get(lower.substring(at, e));
        if (positions == null || at > 0 && Character.isLetterOrDigit(t[at - 1])) {
            return e;
        }
        int i = e;
        int position = 1;
        int le = Math.min(LineShapes.lineEnd(t, at), e + 2048);
        while (i < le) {
            while (i < le && (LineShapes.blank(t[i]) || t[i] == '(')) {
                i++;
            }
            boolean named = false;
            if (i < le && t[i] == '@') {
                int ns = i;
                while (i < le && !LineShapes.blank(t[i]) && t[i] != '=') {
                    i++;
                }
                String name = lower.substring(ns, i);
                named = name.contains("pass") || name.contains("pwd") || name.contains("secret") || name.equals("@new") || name.equals("@old");
                while (i < le && (LineShapes.blank(t[i]) || t[i] == '=')) {
                    i++;
                }
            }
            int vs = i < le && (t[i] == 'N' || t[i] == 'n') && i + 1 < le && t[i + 1] == '\'' ? i + 1 : i;
            int ve = vs;
            if (vs < le && t[vs] == '\'') {
                ve = vs + 1;
                while (ve < le && !(t[ve] == '\'' && (ve + 1 >= le || t[ve + 1] != '\''))) {
                    ve += t[ve] == '\'' ? 2 : 1;
                }
                if (ve < le) {
                    ve++;
                }
            } else {
                while (ve < le && t[ve] != ',' && !LineShapes.blank(t[ve]) && t[ve] != ')' && t[ve] != ';') {
                    ve++;
                }
            }
            boolean secret = named;
            for (int p : positions) {
                secret |= !named && p == position && t[i] != '@';
            }
            if (secret && ve - vs > 2 && t[vs] == '\'') {
                spans.add(vs + 1, ve - 1);
            }
            i = ve;
            while (i < le && LineShapes.blank(t[i])) {
                i++;
            }
            if (i >= le || t[i] != ',') {
                break;
            }
            i++;
            position++;
        }
        return Math.max(i, e);
    }

    private static boolean wholeWord(char[] t, int at, int len) {
        return (at == 0 || !Character.isLetterOrDigit(t[at - 1]) && t[at - 1] != '_' && t[at - 1] != '-' && t[at - 1] != '=')
                && (at + len >= t.length || !Character.isLetterOrDigit(t[at + len]) && t[at + len] != '_' && t[at + len] != ':' && t[at + len] != '=');
    }
}
