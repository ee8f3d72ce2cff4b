package dockermcp.security.secrets;

import static dockermcp.security.secrets.ConfigDumps.hide;
import static dockermcp.security.secrets.ConfigDumps.indexOf;
import static dockermcp.security.secrets.ConfigDumps.lineEnd;
import static dockermcp.security.secrets.ConfigDumps.skipSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Values named by their place in a structure that spans lines: a credential word in a structure position marks the
 * value position as secret. JSON objects whose {@code name}/{@code key}/{@code field} member names a secret (the
 * sibling {@code value} member, in any order and layout) and a secret key whose value comes after a line break; XML
 * elements whose text is on lines of their own; key/value tables and column-aligned tables ({@code NAME  PASSWORD})
 * with their rows; a YAML secret key over a list; {@code value:} on the line after the name; SQL
 * {@code IDENTIFIED BY} / {@code PASSWORD} with the quoted value on the next line; a command continued with
 * {@code \} (read joined); a generated password framed a few lines below its banner. Each scan starts at a fixed
 * character or keyword and reads a bounded stretch after it.
 */
final class NamedValues {

    private static final int MAX_NAME = 128;
    private static final int MAX_OBJECT = 4096;
    private static final int MAX_ROWS = 1000;
    private static final int MAX_CONTINUED = 32;
    private static final int MAX_JUDGED = 4;
    private static final String[] NAME_MEMBERS = {"name", "key", "field", "variable", "var", "parameter", "parametername",
            "parameterkey", "optionname", "setting", "property", "attribute", "param", "label", "tag", "id",
            "type"}; // Keycloak's credentials: {"type":"password","value":"x"}
    private static final Set<String> VALUE_MEMBERS = Set.of("value", "val", "data", "new_value", "old_value", "newvalue", "oldvalue",
            "parametervalue", "optionvalue", "settingvalue", "current", "previous", "from", "to", "v");
    private static final Set<String> NAME_COLUMNS = Set.of("key", "name", "field", "parameter", "property", "setting", "variable", "option", "attribute");
    private static final Set<String> VALUE_COLUMNS = Set.of("value", "values", "setting value", "current value");

    private NamedValues() {
    }

    /** One pass over the text; each character that can start a structure hands over to its bounded scan. */
    static void find(char[] t, Spans spans) {
        int n = t.length;
        for (int i = 0; i < n; i++) {
            switch (t[i]) {
                case '"' -> jsonAt(t, i, spans);
                case '<' -> {
                    if (i + 1 < n && t[i + 1] == '/') {
                        xmlAt(t, i, spans);
                    }
                }
                case ':' -> {
                    framedAt(t, i, spans);
                    if (i + 1 < n && t[i + 1] == '\n') {
                        yamlListAt(t, i, spans);
                    }
                }
                case '\\' -> {
                    if (i + 1 < n && t[i + 1] == '\n') {
                        i = continuedAt(t, i, spans) - 1; // a continued command is read once
                    }
                }
                case 'a' -> {
                    if (i > 0 && KeyBlocks.startsWith(t, i, "alue")) {
                        valueAt(t, i, spans);
                    }
                }
                case 'I', 'i' -> {
                    if (KeyBlocks.startsWith(t, i, "IDENTIFIED BY") || KeyBlocks.startsWith(t, i, "identified by")) {
                        sqlAt(t, i, 13, spans);
                    }
                }
                case 'P', 'p' -> {
                    if (KeyBlocks.startsWith(t, i, "PASSWORD") || KeyBlocks.startsWith(t, i, "password") || KeyBlocks.startsWith(t, i, "Password")) {
                        sqlAt(t, i, 8, spans);
                    }
                }
                default -> {
                }
            }
        }
        tables(t, spans);
    }

    /** A URL with no user info names a place, a time, a number or a flag: no secret (a credential in a URL is the URL rule's). */
    static boolean plainValue(String v) {
        return v.length() <= 256 && PLAIN_VALUE.matcher(v).matches();
    }

    private static final java.util.regex.Pattern PLAIN_VALUE = java.util.regex.Pattern.compile("(?i:true|false|yes|no|on|off|ok|pass|fail|failed|n/a|-)"
            + "|[0-9][0-9:TZ.+-]{0,31}|[a-z][a-z0-9+.-]{0,15}://[^@\\s]{1,240}|\\[(?:\"[a-z0-9_-]{1,32}\", ?){0,8}\"[a-z0-9_-]{1,32}\"\\]");

    /** The element's last word names the secret ({@code db:Password}, {@code ApiKey}), not what it is about ({@code passwordEncoder}). */
    private static boolean headNoun(String name) {
        int s = name.length();
        while (s > 0 && Character.isLetter(name.charAt(s - 1)) && !(s < name.length() && Character.isUpperCase(name.charAt(s)) && Character.isLowerCase(name.charAt(s - 1)))) {
            s--;
        }
        String last = name.substring(s);
        return TableColumns.strongName(last) || SecretNames.suggestsSecret(last);
    }

    /**
     * A banner line about a password, secret, token or credentials that ends in {@code :} inside a frame of
     * {@code * | # =}, with the value (one word, {@code user / pass} or {@code user:pass}) on one of the next three
     * lines, inside the same frame: the last word is hidden.
     */
    private static void framedAt(char[] t, int i, Spans spans) {
        int le = i + 1;
        while (le < t.length && " \t\r*|#=+".indexOf(t[le]) >= 0) { // only a frame after the colon; each character read once
            le++;
        }
        if (le >= t.length || t[le] != '\n') {
            return;
        }
        int ls = i;
        while (ls > 0 && t[ls - 1] != '\n' && i - ls < 400) {
            ls--;
        }
        int last = le;
        while (last > i + 1 && Character.isWhitespace(t[last - 1])) {
            last--;
        }
        int opened = skipSpace(t, ls, i, false);
        if (last > i + 1 && (opened >= i || t[opened] != t[last - 1])) {
            return; // "password: ********" is a masked value, not a banner; a frame closes what it opened
        }
        String line = new String(t, ls, i - ls).toLowerCase(Locale.ROOT);
        if (!(line.contains("pass") || line.contains("token") || line.contains("secret") || line.contains("credential"))) {
            return;
        }
        int at = le + 1;
        for (int down = 0; down < 3 && at < t.length; down++) {
            int e = lineEnd(t, at);
            int s = at;
            while (s < e && " \t*|#=+".indexOf(t[s]) >= 0) {
                s++;
            }
            int ve = e;
            while (ve > s && " \t\r*|#=+".indexOf(t[ve - 1]) >= 0) {
                ve--;
            }
            if (ve > s) {
                int w = ve;
                while (w > s && t[w - 1] != ' ' && t[w - 1] != '/' && t[w - 1] != ':') {
                    w--;
                }
                String word = new String(t, w, ve - w);
                boolean pair = new String(t, s, w - s).trim().matches("[A-Za-z0-9_.@-]{1,64} {0,3}[/:]");
                if (t[s] != '-' && !word.matches("[a-z]{1,12}|[0-9.]{1,12}") && (w == s || pair)) {
                    hide(t, w, ve, spans);
                }
                break;
            }
            at = e + 1;
        }
    }

    // --- JSON

    /** Every JSON key: a name member naming a secret marks its sibling value members; a secret key marks a value after a line break. */
    private static void jsonAt(char[] t, int i, Spans spans) {
        int ks = i + 1;
        int ke = indexOf(t, '"', ks, Math.min(t.length, ks + MAX_NAME));
        if (ke < 0) {
            return;
        }
        int keyEnd = ke;
        while (keyEnd > ks && t[keyEnd - 1] == '\\') {
            keyEnd--;
        }
        int colon = skipJsonSpace(t, ke + 1);
        if (colon >= t.length || t[colon] != ':' || keyEnd == ks) {
            return;
        }
        int v = skipJsonSpace(t, colon + 1);
        boolean nameMember = v < t.length && t[v] == '"' && nameMember(t, ks, keyEnd);
        String key = nameMember || v < t.length && t[v] == '"' && lineBreak(t, ke, v) ? new String(t, ks, keyEnd - ks) : null;
        if (key == null) {
            return;
        }
        if (nameMember) {
            String name = stringAt(t, v);
            if (name != null && SecretNames.suggestsSecret(name) && name.length() <= MAX_NAME) {
                siblings(t, i, name, spans);
            }
        } else if (v < t.length && t[v] == '"' && lineBreak(t, ke, v) && SecretNames.suggestsSecret(key)) {
            String value = stringAt(t, v);
            if (value != null && !SecretNames.allowsValue(key, value) && !plainValue(value)) {
                int s = valueStart(t, v);
                hide(t, s, s + value.length(), spans);
            }
        }
    }

    /** True when the key between {@code s} and {@code e} is a name member, in any case; no allocation (every JSON key is asked). */
    private static boolean nameMember(char[] t, int s, int e) {
        for (String m : NAME_MEMBERS) {
            int k = 0;
            while (m.length() == e - s && k < m.length() && Character.toLowerCase(t[s + k]) == m.charAt(k)) {
                k++;
            }
            if (k == e - s) {
                return true;
            }
        }
        return false;
    }

    /** The members of the object around {@code at} whose key is a value member: their strings are hidden. */
    private static void siblings(char[] t, int at, String name, Spans spans) {
        int open = -1;
        int depth = 0;
        for (int k = at - 1; k >= Math.max(0, at - MAX_OBJECT); k--) {
            if (t[k] == '}' || t[k] == ']') {
                depth++;
            } else if (t[k] == '{' || t[k] == '[') {
                if (depth == 0) {
                    open = t[k] == '{' ? k : -1;
                    break;
                }
                depth--;
            }
        }
        if (open < 0) {
            return;
        }
        depth = 0;
        int memberKey = -1;
        int judged = 0;
        for (int k = open + 1; k < Math.min(t.length, open + MAX_OBJECT); k++) {
            char c = t[k];
            if (c == '"') {
                int e = indexOf(t, '"', k + 1, Math.min(t.length, k + 1 + MAX_OBJECT));
                if (e < 0) {
                    return;
                }
                int colon = skipJsonSpace(t, e + 1);
                if (depth == 0 && colon < t.length && t[colon] == ':') {
                    int ke = e;
                    while (ke > k + 1 && t[ke - 1] == '\\') {
                        ke--;
                    }
                    String key = new String(t, k + 1, ke - k - 1).toLowerCase(Locale.ROOT);
                    memberKey = VALUE_MEMBERS.contains(key) ? colon : -1;
                } else if (memberKey >= 0) {
                    if (++judged > MAX_JUDGED) {
                        return; // an object holds a value or two; a run of them is no name/value pair
                    }
                    String value = new String(t, k + 1, Math.max(0, backslashTrimmed(t, k + 1, e) - k - 1));
                    if (!SecretNames.allowsValue(name, value) && !plainValue(value)) {
                        hide(t, k + 1, k + 1 + value.length(), spans);
                    }
                }
                k = e;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth < 0) {
                    return;
                }
                if (depth == 0) {
                    memberKey = -1;
                }
            } else if (c == ',' && depth == 0) {
                memberKey = -1;
            } else if (depth == 0 && memberKey >= 0 && c != ':' && !RandomTokens.whitespace(c) && c != '\\') {
                int e = k;
                while (e < t.length && ",}\n \r\t".indexOf(t[e]) < 0) {
                    e++;
                }
                if (!literal(t, k, e)) {
                    hide(t, k, e, spans); // a number or a bare word as the value (a PIN is a number; null, true, false are none)
                }
                k = e - 1;
            }
        }
    }

    /** JSON's null, true or false. */
    private static boolean literal(char[] t, int s, int e) {
        return e - s == 4 && (KeyBlocks.startsWith(t, s, "null") || KeyBlocks.startsWith(t, s, "true")) || e - s == 5 && KeyBlocks.startsWith(t, s, "false");
    }

    private static int backslashTrimmed(char[] t, int s, int e) {
        while (e > s && t[e - 1] == '\\') {
            e--;
        }
        return e;
    }

    /** The text of the string whose (possibly escaped) opening quote is at {@code q}, or null. */
    private static String stringAt(char[] t, int q) {
        int e = indexOf(t, '"', q + 1, Math.min(t.length, q + 1 + ConfigDumps.MAX_VALUE));
        return e < 0 ? null : new String(t, q + 1, backslashTrimmed(t, q + 1, e) - q - 1);
    }

    private static int valueStart(char[] t, int q) {
        return q + 1;
    }

    private static int skipJsonSpace(char[] t, int i) {
        int limit = Math.min(t.length, i + MAX_NAME);
        while (i < limit && (RandomTokens.whitespace(t[i]) || t[i] == '\\' && i + 1 < t.length && t[i + 1] == '"')) {
            i += t[i] == '\\' ? 1 : 1;
            if (i < limit && t[i] == '"' && t[i - 1] == '\\') {
                break;
            }
        }
        return i;
    }

    private static boolean lineBreak(char[] t, int s, int e) {
        for (int k = s; k < e; k++) {
            if (t[k] == '\n') {
                return true;
            }
        }
        return false;
    }

    // --- XML

    /** {@code <pass>}, the text on lines of its own, {@code </pass>}: the element names the secret. */
    private static void xmlAt(char[] t, int i, Spans spans) {
        int ne = i + 2;
        while (ne < t.length && ne - i < MAX_NAME && (Character.isLetterOrDigit(t[ne]) || t[ne] == ':' || t[ne] == '_' || t[ne] == '-' || t[ne] == '.')) {
            ne++;
        }
        if (ne >= t.length || t[ne] != '>' || ne == i + 2) {
            return;
        }
        String element = new String(t, i + 2, ne - i - 2);
        String local = element.substring(element.indexOf(':') + 1);
        if (!SecretNames.suggestsSecret(local) || !headNoun(local)) {
            return;
        }
        int gt = ConfigDumps.lastIndexOf(t, '>', i - 1, Math.max(0, i - ConfigDumps.MAX_VALUE));
        if (gt < 0 || ConfigDumps.lastIndexOf(t, '<', i - 1, gt + 1) >= 0) {
            return;
        }
        int lt = ConfigDumps.lastIndexOf(t, '<', gt, Math.max(0, gt - MAX_NAME));
        if (lt < 0 || !KeyBlocks.startsWith(t, lt + 1, element) || lt + 1 + element.length() > gt
                || !(t[lt + 1 + element.length()] == '>' || Character.isWhitespace(t[lt + 1 + element.length()]))) {
            return;
        }
        String value = new String(t, gt + 1, i - gt - 1).trim();
        if (!SecretNames.allowsValue(local, value) && !plainValue(value)) {
            hide(t, gt + 1, i, spans);
        }
    }

    // --- tables

    /** Column-aligned and key/value tables: a header line, then its rows until a blank line or a line of another shape. */
    private static void tables(char[] t, Spans spans) {
        int ls = 0;
        while (ls < t.length) {
            int le = lineEnd(t, ls);
            int next = le + 1;
            if (le - ls <= 400 && le > ls) {
                char sep = separator(t, ls, le);
                List<int[]> header = sep == 0 ? null : cells(t, ls, le, sep);
                if (header != null && header.size() >= 2 && header.size() <= 64) {
                    List<Integer> secretCols = new ArrayList<>();
                    int nameCol = -1;
                    int valueCol = -1;
                    boolean names = true;
                    String[] cellNames = new String[header.size()];
                    for (int c = 0; c < header.size() && names; c++) {
                        cellNames[c] = new String(t, header.get(c)[0], header.get(c)[1] - header.get(c)[0]);
                        names = TableColumns.columnName(cellNames[c]); // most lines fail here, before any name is judged
                    }
                    for (int c = 0; c < header.size() && names; c++) {
                        String cell = cellNames[c];
                        String lower = cell.toLowerCase(Locale.ROOT);
                        if (TableColumns.strongName(cell) && SecretNames.suggestsSecret(cell)) {
                            secretCols.add(c);
                        }
                        nameCol = nameCol < 0 && NAME_COLUMNS.contains(lower) ? c : nameCol;
                        valueCol = valueCol < 0 && VALUE_COLUMNS.contains(lower) ? c : valueCol;
                    }
                    boolean keyValue = nameCol >= 0 && valueCol > nameCol;
                    if (names && (!secretCols.isEmpty() || keyValue)) {
                        String[] columnNames = new String[header.size()];
                        for (int c : secretCols) {
                            columnNames[c] = new String(t, header.get(c)[0], header.get(c)[1] - header.get(c)[0]);
                        }
                        next = rows(t, next, sep, header.size(), keyValue ? List.of() : secretCols, columnNames, nameCol, valueCol, spans);
                    }
                }
            }
            ls = next;
        }
    }

    private static int rows(char[] t, int at, char sep, int width, List<Integer> secretCols, String[] columnNames, int nameCol, int valueCol, Spans spans) {
        for (int row = 0; row < MAX_ROWS && at < t.length; row++) {
            int le = lineEnd(t, at);
            if (rule(t, at, le)) {
                at = le + 1;
                continue;
            }
            if (skipSpace(t, at, le, false) >= le || separator(t, at, le) != sep && !(sep == ' ' && separator(t, at, le) == 0 && secretCols.isEmpty())) {
                return at;
            }
            List<int[]> cells = cells(t, at, le, sep);
            if (!secretCols.isEmpty() && cells.size() == width) {
                for (int col : secretCols) {
                    int[] c = cells.get(col);
                    String value = new String(t, c[0], c[1] - c[0]);
                    if (!SecretNames.allowsValue(columnNames[col], value) && !plainValue(value)) {
                        hide(t, c[0], c[1], spans);
                    }
                }
            } else if (secretCols.isEmpty() && cells.size() > valueCol) {
                int[] n = cells.get(nameCol);
                String name = new String(t, n[0], n[1] - n[0]);
                int[] v = cells.get(valueCol);
                int end = cells.size() == width ? v[1] : cells.get(cells.size() - 1)[1];
                String value = new String(t, v[0], end - v[0]);
                if (!SecretNames.allowsValue(name, value) && !plainValue(value)) {
                    hide(t, v[0], end, spans);
                }
            } else if (!secretCols.isEmpty()) {
                return at;
            }
            at = le + 1;
        }
        return at;
    }

    /** {@code |} for a bar table, a tab, or {@code ' '} for cells apart by two or more blanks; 0 for none. */
    private static char separator(char[] t, int s, int e) {
        int k = skipSpace(t, s, e, false);
        if (k < e && (t[k] == '|' || t[k] == '+')) {
            return '|';
        }
        for (int i = k; i < e; i++) {
            if (t[i] == '|') {
                return '|';
            }
            if (t[i] == '\t') {
                return '\t';
            }
        }
        for (int i = k; i + 1 < e; i++) {
            if (t[i] == ' ' && t[i + 1] == ' ') {
                return ' ';
            }
        }
        return 0;
    }

    private static List<int[]> cells(char[] t, int s, int e, char sep) {
        List<int[]> out = new ArrayList<>();
        while (e > s && Character.isWhitespace(t[e - 1])) {
            e--;
        }
        int k = skipSpace(t, s, e, false);
        if (sep == '|') {
            k = k < e && t[k] == '|' ? k + 1 : k;
            e = e > k && t[e - 1] == '|' ? e - 1 : e;
        }
        while (k < e && out.size() <= 64) {
            int end = k;
            while (end < e && !(sep == ' ' ? t[end] == ' ' && end + 1 < e && t[end + 1] == ' ' || t[end] == '\t' : t[end] == sep)) {
                end++;
            }
            int a = skipSpace(t, k, end, false);
            int b = end;
            while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t')) {
                b--;
            }
            out.add(new int[] {a, b});
            k = end + 1;
            while (sep == ' ' && k < e && t[k] == ' ') {
                k++;
            }
        }
        return out;
    }

    /** A table's rule line: {@code +----+----+}, {@code |---|:--|}, {@code ---    -----}, {@code ====}. */
    private static boolean rule(char[] t, int s, int e) {
        boolean dash = false;
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (c == '-' || c == '=') {
                dash = true;
            } else if ("|+: \t\r".indexOf(c) < 0) {
                return false;
            }
        }
        return dash;
    }

    // --- lines after a name

    /**
     * {@code value:} starting a line (after blanks, a list dash or a comment mark) under a line that names a secret
     * ({@code - name: SMTP_PASS}, a row with {@code db_password}), with comment lines between; and a YAML secret key
     * alone on its line over a list ({@code credentials:} then {@code - x}).
     */
    private static void valueAt(char[] t, int i, Spans spans) {
        int s = i - 1;
        if (s < 0 || t[s] != 'v' && t[s] != 'V' || !ConfigDumps.startsLine(t, commentStart(t, s))) {
            return;
        }
        int c = skipSpace(t, i + 4, Math.min(t.length, i + 8), false);
        if (c >= t.length || t[c] != ':' && t[c] != '=') {
            return;
        }
        String name = secretWordAbove(t, ConfigDumps.skipBack(t, commentStart(t, s)));
        if (name != null) {
            int v = skipSpace(t, c + 1, t.length, false);
            int e = lineEnd(t, v);
            String value = ConfigDumps.unquote(new String(t, v, e - v).trim());
            if (e > v && !SecretNames.allowsValue(name, value) && !plainValue(value)) {
                hide(t, v, e, spans);
            }
        }
    }

    private static void yamlListAt(char[] t, int i, Spans spans) {
        int ls = i;
        while (ls > 0 && t[ls - 1] != '\n' && i - ls < MAX_NAME) {
            ls--;
        }
        int ks = skipSpace(t, ls, i, false);
        String key = ConfigDumps.unquote(new String(t, ks, i - ks));
        String singular = key.endsWith("s") || key.endsWith("S") ? key.substring(0, key.length() - 1) : key;
        if (key.isEmpty() || key.indexOf(' ') >= 0 || !TableColumns.columnName(key) || !(TableColumns.strongName(key) || TableColumns.strongName(singular)) || !SecretNames.suggestsSecret(key)) {
            return;
        }
        int indent = ks - ls;
        int at = i + 2;
        for (int item = 0; item < MAX_ROWS && at < t.length; item++) {
            int d = skipSpace(t, at, t.length, false);
            int e = lineEnd(t, d);
            if (d - at < indent || d >= t.length || t[d] != '-' || d + 1 >= e || t[d + 1] != ' ') {
                break;
            }
            int v = skipSpace(t, d + 1, e, false);
            String value = ConfigDumps.unquote(new String(t, v, e - v).trim());
            if (!SecretNames.suggestsSecret(value) && !value.matches("[a-z]{1,12}") && value.indexOf(": ") < 0 && !SecretNames.allowsValue(key, value)) {
                hide(t, v, e, spans);
            }
            at = e + 1;
        }
    }

    /** Where a comment mark or list dash before {@code s} starts, or {@code s}. */
    private static int commentStart(char[] t, int s) {
        int k = s;
        while (k > 0 && s - k < 8 && (t[k - 1] == ' ' || t[k - 1] == '\t' || t[k - 1] == '#' || t[k - 1] == '/' || t[k - 1] == '-')) {
            k--;
        }
        return k;
    }

    /** The first secret-suggesting word of the nearest non-comment line among the two above {@code at}, or null. */
    private static String secretWordAbove(char[] t, int at) {
        int le = at - 1; // the line break before the value line
        for (int up = 0; up < 3 && le > 0 && t[le] == '\n'; up++) {
            int ls = le;
            while (ls > 0 && t[ls - 1] != '\n' && le - ls < 400) {
                ls--;
            }
            int k = skipSpace(t, ls, le, false);
            if (k < le && t[k] == '#') {
                le = ls - 1;
                continue;
            }
            for (int w = ls; w < le; ) {
                while (w < le && !wordChar(t[w])) {
                    w++;
                }
                int we = w;
                while (we < le && wordChar(t[we])) {
                    we++;
                }
                if (we > w && we - w <= 64) {
                    String word = new String(t, w, we - w);
                    if (TableColumns.strongName(word) && SecretNames.suggestsSecret(word)) {
                        return word;
                    }
                }
                w = we;
            }
            return null;
        }
        return null;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    // --- SQL and continued commands

    /** {@code IDENTIFIED BY} or {@code PASSWORD} at a line's end, the quoted value on the next line. */
    private static void sqlAt(char[] t, int i, int length, Spans spans) {
        int v = skipSpace(t, i + length, Math.min(t.length, i + length + MAX_NAME), true);
        if (v < t.length && t[v] == '=' && i + length < v + 1) {
            v = skipSpace(t, v + 1, Math.min(t.length, v + 1 + MAX_NAME), true); // ALTER LOGIN x WITH PASSWORD = 'x'
        }
        if (v >= t.length || t[v] != '\'' || !lineBreak(t, i, v)) {
            return;
        }
        int e = indexOf(t, '\'', v + 1, lineEnd(t, v + 1));
        hide(t, v + 1, e < 0 ? lineEnd(t, v + 1) : e, spans);
    }

    /** A command continued with {@code \} at line ends: read as one line, what the command rules find there is hidden. */
    private static int continuedAt(char[] t, int i, Spans spans) {
        int start = i;
        while (start > 0 && t[start - 1] != '\n') {
            start--;
        }
        StringBuilder joined = new StringBuilder();
        List<Integer> map = new ArrayList<>();
        int k = start;
        int end = i;
        for (int lines = 0; lines < MAX_CONTINUED; lines++) {
            for (; k < end; k++) {
                joined.append(t[k]);
                map.add(k);
            }
            if (end + 1 >= t.length || t[end] != '\\') {
                break;
            }
            joined.append(' ');
            map.add(end);
            k = skipSpace(t, end + 2, t.length, false);
            int le = lineEnd(t, k);
            int bs = le;
            while (bs > k && (t[bs - 1] == ' ' || t[bs - 1] == '\r')) {
                bs--;
            }
            end = bs > k && t[bs - 1] == '\\' && bs < t.length ? bs - 1 : le;
            if (end == le) {
                for (; k < end; k++) {
                    joined.append(t[k]);
                    map.add(k);
                }
                break;
            }
        }
        Spans found = new Spans();
        char[] line = joined.toString().toCharArray();
        Assignments.find(line, found);
        CommandPasswords.find(joined.toString(), found);
        int[] r = found.merged();
        for (int p = 0; p + 1 < r.length; p += 2) { // mapped back piece by piece: a joined span may cross a continuation
            int from = -1;
            for (int q = r[p]; q <= r[p + 1]; q++) {
                int o = q < r[p + 1] ? map.get(q) : -1;
                boolean inside = o >= 0 && t[o] != '\\' && (from < 0 || o == map.get(q - 1) + 1);
                if (!inside && from >= 0) {
                    spans.add(from, map.get(q - 1) + 1);
                    from = -1;
                }
                if (o >= 0 && t[o] != '\\' && from < 0) {
                    from = o;
                }
            }
        }
        return Math.max(k, i + 2);
    }
}
