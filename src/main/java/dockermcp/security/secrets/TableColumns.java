package dockermcp.security.secrets;

import static dockermcp.security.secrets.ConfigDumps.hide;
import static dockermcp.security.secrets.ConfigDumps.indexOf;
import static dockermcp.security.secrets.ConfigDumps.skipSpace;
import static dockermcp.security.secrets.KeyBlocks.startsWith;

import java.util.ArrayList;
import java.util.List;

/**
 * Secrets found by their column: a CSV or Markdown table whose header names a password, secret or token column
 * (the rows after it, by index, at most {@link #MAX_ROWS}), an SQL {@code INSERT} whose column list names one (the
 * value by position), and {@code SET PASSWORD FOR 'u'@'h' = PASSWORD('x')}.
 */
final class TableColumns {

    static final int MAX_ROWS = 1000;
    private static final int MAX_HEADER = 400;
    private static final int MAX_CELLS = 64;

    private TableColumns() {
    }

    static void find(char[] t, Keywords.Found words, Spans spans) {
        tables(t, spans);
        if (words.has("insert into")) {
            inserts(t, "INSERT INTO", spans);
            inserts(t, "insert into", spans);
        }
        if (words.has("password for")) {
            setPassword(t, "PASSWORD FOR", spans);
            setPassword(t, "password for", spans);
        }
    }

    /** Each line that could be a header (short, separated, every cell a name) is tried; the rows it heads are skipped. */
    private static void tables(char[] t, Spans spans) {
        int ls = 0;
        while (ls < t.length) {
            int le = indexOf(t, '\n', ls, t.length);
            le = le < 0 ? t.length : le;
            int next = le + 1;
            // a Markdown table a logger printed has a prefix on every line (a time stamp, compose's "app-1  | "): its first
            // or second bar may start the table, and each row is then read from its bar of the same rank
            for (int bars = -1; bars <= 1 && le - ls <= MAX_HEADER && next == le + 1; bars++) {
                int hs = rowStart(t, ls, le, bars);
                char sep = hs < 0 ? 0 : separator(t, hs, le);
                List<int[]> header = sep == 0 || bars >= 0 && sep != '|' ? null : cells(t, hs, le, sep);
                int col = header == null ? -1 : secretColumn(t, header);
                if (col >= 0) {
                    next = rows(t, next, sep, header, col, spans, bars);
                }
            }
            ls = next;
        }
    }

    private static char separator(char[] t, int s, int e) {
        int k = skipSpace(t, s, e, false);
        if (k < e && t[k] == '|') {
            return '|';
        }
        char found = 0;
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (c == '\t') {
                return '\t';
            }
            if (found == 0 && (c == ',' || c == ';')) {
                found = c;
            }
        }
        return found;
    }

    /** The cells of a line, trimmed, quotes kept; a Markdown row's outer bars are no cells. */
    private static List<int[]> cells(char[] t, int s, int e, char sep) {
        List<int[]> out = new ArrayList<>();
        int k = s;
        if (sep == '|') {
            k = skipSpace(t, s, e, false) + 1;
            while (e > k && (t[e - 1] == ' ' || t[e - 1] == '\r' || t[e - 1] == '\t')) {
                e--;
            }
            if (e > k && t[e - 1] == '|') {
                e--;
            }
        }
        while (k <= e && out.size() <= MAX_CELLS) {
            int c = k;
            if (c < e && t[c] == '"') { // a quoted CSV cell may hold the separator
                int q = indexOf(t, '"', c + 1, e);
                c = q < 0 ? e : q;
            }
            int end = indexOf(t, sep, c, e);
            end = end < 0 ? e : end;
            int a = skipSpace(t, k, end, false);
            int b = end;
            while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '\r')) {
                b--;
            }
            out.add(new int[] {a, b});
            k = end + 1;
        }
        return out;
    }

    /** The index of the first column named like a secret, when every cell of the line is a name; else -1. */
    private static int secretColumn(char[] t, List<int[]> header) {
        if (header.size() < 2 || header.size() > MAX_CELLS) {
            return -1;
        }
        int col = -1;
        for (int i = 0; i < header.size(); i++) {
            int[] c = header.get(i);
            String name = ConfigDumps.unquote(new String(t, c[0], c[1] - c[0]));
            if (!columnName(name)) {
                return -1;
            }
            if (col < 0 && strongName(name) && SecretNames.suggestsSecret(name)) {
                col = i;
            }
        }
        return col;
    }

    private static final java.util.Set<String> STRONG = java.util.Set.of("password", "passwd", "passphrase", "pass", "pwd", "pw", "secret", "secrets",
            "token", "tokens", "key", "apikey", "credential", "credentials");

    /** A column that surely holds secrets: a secret word as a word of the name (random letters hold "pwd" too). */
    static boolean strongName(String name) {
        int start = 0;
        for (int i = 1; i <= name.length(); i++) {
            boolean boundary = i == name.length() || !Character.isLetter(name.charAt(i))
                    || Character.isUpperCase(name.charAt(i)) && Character.isLowerCase(name.charAt(i - 1));
            if (boundary) {
                if (i > start && STRONG.contains(name.substring(start, i).toLowerCase(java.util.Locale.ROOT))) {
                    return true;
                }
                start = i < name.length() && Character.isLetter(name.charAt(i)) ? i : i + 1;
            }
        }
        return false;
    }

    /** A column name: letters first, then letters, digits, {@code _ - .} and at most two blanks. */
    static boolean columnName(String name) {
        if (name.isEmpty() || name.length() > 32 || !Character.isLetter(name.charAt(0))) {
            return false;
        }
        int blanks = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            blanks += c == ' ' ? 1 : 0;
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ' ')) {
                return false;
            }
        }
        return blanks <= 2;
    }

    /** Hides the secret column of the rows that follow a header; returns where the table ends. */
    private static int rows(char[] t, int at, char sep, List<int[]> header, int col, Spans spans, int bars) {
        String name = ConfigDumps.unquote(new String(t, header.get(col)[0], header.get(col)[1] - header.get(col)[0]));
        for (int row = 0; row < MAX_ROWS && at < t.length; row++) {
            int le = indexOf(t, '\n', at, Math.min(t.length, at + ConfigDumps.MAX_VALUE));
            le = le < 0 ? Math.min(t.length, at + ConfigDumps.MAX_VALUE) : le;
            int rs = rowStart(t, at, le, bars);
            if (rs < 0) {
                return at;
            }
            if (sep == '|' && markdownRule(t, rs, le)) { // |---|, and an ASCII box's +----+ and +====+ lines
                at = le + 1;
                continue;
            }
            if (separator(t, rs, le) != sep) {
                return at;
            }
            List<int[]> cells = cells(t, rs, le, sep);
            if (cells.size() != header.size()) {
                return at;
            }
            int[] c = cells.get(col);
            if (!SecretNames.allowsValue(name, new String(t, c[0], c[1] - c[0]))) {
                hide(t, c[0], c[1], spans);
            }
            at = le + 1;
        }
        return at;
    }

    private static final int MAX_PREFIX = 64;

    /** The line's start (bars -1), or its bar after {@code bars} bars of a logger's prefix; -1 when there is none that near. */
    private static int rowStart(char[] t, int s, int e, int bars) {
        if (bars < 0) {
            return s;
        }
        int seen = 0;
        for (int i = s; i < e && i - s <= MAX_PREFIX; i++) {
            if (t[i] == '|' && seen++ == bars) {
                return i;
            }
        }
        return -1;
    }

    private static boolean markdownRule(char[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            if ("|-:+= \t\r".indexOf(t[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code INSERT INTO users (email, password) VALUES ('a@b.c', 'x'), (…)}: the secret columns' values by position. */
    private static void inserts(char[] t, String keyword, Spans spans) {
        for (int i = indexOf(t, keyword, 0, t.length); i >= 0; i = indexOf(t, keyword, i + 1, t.length)) {
            int open = indexOf(t, '(', i + keyword.length(), Math.min(t.length, i + keyword.length() + 130));
            int close = open < 0 ? -1 : indexOf(t, ')', open + 1, Math.min(t.length, open + 1 + MAX_HEADER));
            if (close < 0) {
                continue;
            }
            List<int[]> columns = cells(t, open + 1, close, ',');
            boolean[] secret = new boolean[columns.size()];
            boolean any = false;
            for (int c = 0; c < columns.size(); c++) {
                String name = new String(t, columns.get(c)[0], columns.get(c)[1] - columns.get(c)[0]).replaceAll("[`\"\\[\\]]", "");
                secret[c] = SecretNames.suggestsSecret(name);
                any |= secret[c];
            }
            int v = skipSpace(t, close + 1, Math.min(t.length, close + 40), true);
            if (any && (startsWith(t, v, "VALUES") || startsWith(t, v, "values"))) {
                i = Math.max(i, values(t, v + 6, secret, spans) - 1); // a statement is read once
            }
        }
    }

    /** Reads tuples of SQL values (quotes with doubled quotes, nested calls), hides those of secret columns; returns where it stopped. */
    private static int values(char[] t, int at, boolean[] secret, Spans spans) {
        int limit = Math.min(t.length, at + ConfigDumps.MAX_VALUE * 4);
        for (int tuple = 0; tuple < MAX_ROWS; tuple++) {
            at = skipSpace(t, at, limit, true);
            if (at >= limit || t[at] != '(') {
                return at;
            }
            int col = 0;
            int start = at + 1;
            int depth = 0;
            int k = at + 1;
            for (; k < limit; k++) {
                char c = t[k];
                if (c == '\'') {
                    k++;
                    while (k < limit && !(t[k] == '\'' && (k + 1 >= limit || t[k + 1] != '\''))) {
                        k += t[k] == '\'' ? 2 : 1;
                    }
                } else if (c == '(') {
                    depth++;
                } else if ((c == ',' || c == ')') && depth == 0) {
                    if (col < secret.length && secret[col]) {
                        hide(t, start, k, spans);
                    }
                    col++;
                    start = k + 1;
                    if (c == ')') {
                        break;
                    }
                } else if (c == ')') {
                    depth--;
                }
            }
            at = skipSpace(t, k + 1, limit, true);
            if (at >= limit || t[at] != ',') {
                return at;
            }
            at++;
        }
        return at;
    }

    /** {@code SET PASSWORD FOR 'app'@'%' = PASSWORD('x')} or {@code = 'x'}: what follows the {@code =}. */
    private static void setPassword(char[] t, String keyword, Spans spans) {
        for (int i = indexOf(t, keyword, 0, t.length); i >= 0; i = indexOf(t, keyword, i + 1, t.length)) {
            int eq = indexOf(t, '=', i + keyword.length(), Math.min(t.length, i + keyword.length() + 200));
            if (eq < 0) {
                continue;
            }
            int v = skipSpace(t, eq + 1, t.length, false);
            int end = ConfigDumps.lineEnd(t, v);
            int semi = indexOf(t, ';', v, end);
            hide(t, v, semi < 0 ? end : semi, spans);
            i = Math.max(i, (semi < 0 ? end : semi) - 1);
        }
    }
}
