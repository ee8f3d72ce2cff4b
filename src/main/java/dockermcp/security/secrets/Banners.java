package dockermcp.security.secrets;

import static dockermcp.security.secrets.ConfigDumps.hide;
import static dockermcp.security.secrets.ConfigDumps.indexOf;
import static dockermcp.security.secrets.ConfigDumps.lineEnd;
import static dockermcp.security.secrets.ConfigDumps.skipSpace;
import static dockermcp.security.secrets.KeyBlocks.startsWith;

import java.util.Locale;

/**
 * What images print once at start-up and shell traces print on the way: a sentence about a password that ends in
 * {@code :} with the password alone on the next line (Elasticsearch, Kibana, Jenkins, after at most one blank line),
 * a generated password after the last {@code :} of its line (Grafana, Portainer, MinIO, MariaDB), mongo-express'
 * {@code credentials are "admin", "x"}, and {@code set -x}'s {@code + echo x} whose next line reads it from stdin.
 */
final class Banners {

    private static final int MAX_LINE = 400;

    private Banners() {
    }

    static void find(char[] t, Keywords.Found words, Spans spans) {
        if (words.has(":\n")) {
            valueOnNextLine(t, spans);
        }
        if (words.has("enerated")) {
            generated(t, "enerated", spans);
            generated(t, "ENERATED", spans);
        }
        if (words.has("redentials are ")) {
            credentialsAre(t, spans);
        }
        if (words.has("+ echo ")) {
            echoIntoStdin(t, "+ echo ", spans);
        }
        if (words.has("+ printf ")) {
            echoIntoStdin(t, "+ printf ", spans);
        }
    }

    /** {@code Password for the elastic user (reset with …):} then the password alone on the next line. */
    private static void valueOnNextLine(char[] t, Spans spans) {
        for (int i = indexOf(t, ":\n", 0, t.length); i >= 0; i = indexOf(t, ":\n", i + 1, t.length)) {
            if (!mentionsSecret(t, lineStartWithin(t, i), i)) {
                continue;
            }
            int v = i + 2;
            for (int blank = 0; blank < 2 && v < t.length; blank++) {
                int s = skipSpace(t, v, t.length, false);
                int e = lineEnd(t, s);
                while (e > s && Character.isWhitespace(t[e - 1])) {
                    e--;
                }
                if (e > s) {
                    if (oneGeneratedWord(t, s, e)) {
                        hide(t, s, e, spans);
                    }
                    break;
                }
                v = e + 1;
            }
        }
    }

    /** {@code admin password generated: x}, {@code GENERATED ROOT PASSWORD: x}: the word after the line's last {@code :}. */
    private static void generated(char[] t, String keyword, Spans spans) {
        for (int i = indexOf(t, keyword, 0, t.length); i >= 0; i = indexOf(t, keyword, i + 1, t.length)) {
            int s = lineStartWithin(t, i);
            int e = lineEnd(t, i);
            int at = i;
            i = Math.max(i, e - 1); // each line once
            if (e - s > MAX_LINE * 2 || !mentionsSecret(t, s, e)) {
                continue;
            }
            int colon = ConfigDumps.lastIndexOf(t, ':', e - 1, at);
            if (colon > 0) {
                int v = skipSpace(t, colon + 1, e, false);
                int end = e;
                while (end > v && Character.isWhitespace(t[end - 1])) {
                    end--;
                }
                if (oneGeneratedWord(t, v, end)) {
                    hide(t, v, end, spans);
                }
            }
        }
    }

    /** mongo-express: {@code basicAuth credentials are "admin", "x"}: the second quoted string. */
    private static void credentialsAre(char[] t, Spans spans) {
        for (int i = indexOf(t, "redentials are ", 0, t.length); i >= 0; i = indexOf(t, "redentials are ", i + 1, t.length)) {
            int q1 = skipSpace(t, i + 15, t.length, false);
            if (q1 >= t.length || t[q1] != '"') {
                continue;
            }
            int e1 = indexOf(t, '"', q1 + 1, Math.min(t.length, q1 + 1 + MAX_LINE));
            int comma = e1 < 0 ? -1 : skipSpace(t, e1 + 1, t.length, false);
            if (comma < 0 || comma >= t.length || t[comma] != ',') {
                continue;
            }
            int q2 = skipSpace(t, comma + 1, t.length, false);
            int e2 = q2 < t.length && t[q2] == '"' ? indexOf(t, '"', q2 + 1, Math.min(t.length, q2 + 1 + ConfigDumps.MAX_VALUE)) : -1;
            if (e2 > 0) {
                hide(t, q2 + 1, e2, spans);
            }
        }
    }

    /** {@code + echo x} traced by {@code set -x}, when the next traced command reads a password from stdin. */
    private static void echoIntoStdin(char[] t, String keyword, Spans spans) {
        for (int i = indexOf(t, keyword, 0, t.length); i >= 0; i = indexOf(t, keyword, i + 1, t.length)) {
            int k = i;
            while (k > 0 && i - k < 8 && t[k - 1] == '+') {
                k--;
            }
            if (k > 0 && t[k - 1] != '\n') {
                continue;
            }
            int e = lineEnd(t, i);
            if (e >= t.length || t[e] != '\n' || e + 1 >= t.length || t[e + 1] != '+') {
                continue;
            }
            String next = new String(t, e + 1, lineEnd(t, e + 1) - e - 1);
            if (next.contains("--password-stdin") || next.contains("--stdin") || next.contains("chpasswd") || next.contains("passwd")) {
                hide(t, i + keyword.length(), e, spans);
            }
        }
    }

    /** A generated password or token: one word of at least 8 characters that is not a plain lower-case word. */
    private static boolean oneGeneratedWord(char[] t, int s, int e) {
        if (e - s < 8 || e - s > ConfigDumps.MAX_VALUE) {
            return false;
        }
        boolean plain = true;
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (Character.isWhitespace(c)) {
                return false;
            }
            plain &= c >= 'a' && c <= 'z';
        }
        return !plain && !(t[e - 1] == ':') && !startsWith(t, s, "http") && !startsWith(t, s, "/");
    }

    private static boolean mentionsSecret(char[] t, int s, int e) {
        String line = new String(t, s, e - s).toLowerCase(Locale.ROOT);
        return line.contains("pass") || line.contains("token") || line.contains("secret") || line.contains("credential");
    }

    /** The start of the line holding {@code i}, looked for at most {@link #MAX_LINE} characters back. */
    private static int lineStartWithin(char[] t, int i) {
        int k = i;
        while (k > 0 && i - k < MAX_LINE && t[k - 1] != '\n') {
            k--;
        }
        return k;
    }
}
