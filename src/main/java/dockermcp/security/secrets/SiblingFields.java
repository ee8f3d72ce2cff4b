package dockermcp.security.secrets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A secret whose name and value are separate fields that a format ties together: CEF's {@code cs1Label=password cs1=x},
 * a header line naming the columns of the rows under it (Zeek {@code #fields}, TSV, CSV, {@code |} tables), pickle's
 * {@code S'password'} / {@code S'x'} and PHP's {@code s:8:"password";s:1:"x";}, a one-member type wrapper
 * ({@code "password": {"S": "x"}}), a JSON patch on a secret path, a YAML anchor under a secret name or used under one, a shell
 * {@code export}/{@code setenv}/{@code declare -x} of a secret-named or random value, a keys file row ({@code 2 M x}), a
 * padded {@code Key Content : x} line. Each rule is gated by a marker the text must hold (one intrinsic search), and reads a
 * line or a bounded window at a time.
 */
final class SiblingFields {

    private static final int MAX_NAME = 64;
    private static final int MAX_VALUE = 256;
    private static final int WINDOW = 512;

    private SiblingFields() {
    }

    /** @param words the detector's one keyword pass over the text: a rule whose words are absent costs nothing more */
    static void find(char[] t, String s, Keywords.Found words, Spans spans) {
        if (words.has("label=") && s.indexOf("Label=") >= 0) {
            labelPairs(t, s, spans);
        }
        if (words.has("\";s:")) {
            phpStrings(t, s, spans);
        }
        if (words.has("\np") && (words.has("s'") && s.indexOf("S'") >= 0 || words.has("\nv") && s.indexOf("\nV") >= 0)) {
            pickleStrings(t, spans);
        }
        if (words.has("\"path\"")) {
            jsonPatch(t, s, spans);
        }
        if (words.has(": &")) {
            yamlAnchors(t, spans);
        }
        for (String e : EXPORTS) {
            if (!words.has(e.toLowerCase(java.util.Locale.ROOT))) { // the keyword pass reads any case
                continue;
            }
            for (int at = s.indexOf(e); at >= 0; at = s.indexOf(e, at + e.length())) {
                char b = at == 0 ? '\n' : t[at - 1];
                if (b == '\n' || b == ' ' || b == '\t' || b == ';' || b == '&' || b == '|' || b == '(' || b == '\'' || b == '"' || b == '`') {
                    shellExport(t, at, NextLineValues.lineEnd(t, at), spans);
                }
            }
        }
        boolean tabs = words.has("\t");
        boolean commas = words.has(",");
        boolean bars = words.has("|");
        int ls = 0;
        int n = t.length;
        Header header = null; // the header line above: its secret column, its cell count
        char sep = 0;
        while (ls < n) {
            int le = NextLineValues.lineEnd(t, ls);
            int c0 = ls;
            while (c0 < le && (t[c0] == ' ' || t[c0] == '\t')) {
                c0++;
            }
            if (c0 < le && t[c0] == '{') {
                header = null; // a JSON record: its names and values are NamedValues' to judge
                ls = le + 1;
                continue;
            }
            if (c0 < le) {
                char c = t[c0];
                if (c >= '0' && c <= '9') {
                    keyfileRow(t, c0, le, spans);
                }
                if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                    paddedColon(t, c0, le, spans);
                    codeName(t, c0, le, spans);
                }
                for (int k = c0 + 1; k + 1 < le && k - c0 < 80; k++) {
                    if (t[k] != ' ' || !Character.isLetter(t[k + 1])) {
                        continue;
                    }
                    int b = k;
                    while (b > c0 && t[b - 1] == ' ') {
                        b--;
                    }
                    if (t[k] == ' ' && b > c0 && (t[b - 1] == ']' || t[b - 1] == ':' || level(t, b)) && Character.isLetter(t[k + 1])) {
                        codeName(t, k + 1, le, spans); // after a log prefix: [entrypoint] NAME: v, app[12]: NAME => v
                    }
                }
            }
            if (header != null && le > ls && t[ls] != '#') {
                if (!row(t, ls, le, sep, header, spans)) {
                    header = null;
                }
            }
            if (le > ls && (tabs || commas || bars) && (header == null || t[ls] == '#')) {
                char found = tabs && indexOf(t, ls, le, '\t') >= 0 ? '\t' : bars && indexOf(t, ls, le, '|') >= 0 ? '|'
                        : commas && indexOf(t, ls, le, ',') >= 0 ? ',' : 0;
                if (found != 0) {
                    Header h = header(t, ls, le, found);
                    if (h != null) {
                        header = h;
                        sep = found;
                    }
                }
            }
            ls = le + 1;
        }
        if (words.has(":{\"") || words.has(": {\"")) {
            typedWrappers(t, s, spans);
        }
    }

    private static final String[] LEVELS = {"INFO", "WARN", "DEBUG", "ERROR", "TRACE", "NOTICE", "FATAL", "info", "warn", "debug", "error"};

    /** A log level word ends just before {@code k}: 2026-… INFO NAME: v. */
    private static boolean level(char[] t, int k) {
        int w = k;
        while (w > 0 && k - w < 7 && Character.isLetter(t[w - 1])) {
            w--;
        }
        if (k - w < 4 || w > 0 && t[w - 1] != ' ') {
            return false;
        }
        for (String l : LEVELS) {
            if (l.length() == k - w && startsWith(t, w, k, l)) {
                return true;
            }
        }
        return false;
    }

    /** The first {@code w} in t[from, to), or -1. */
    private static int indexOf(char[] t, int from, int to, String w) {
        int last = Math.min(to, t.length) - w.length();
        for (int i = Math.max(from, 0); i <= last; i++) {
            if (t[i] == w.charAt(0) && startsWith(t, i, to, w)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(char[] t, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (t[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-' || c > 0x7f && Character.isLetter(c);
    }

    // ---- CEF cs1Label=password cs1=x (also cn1Label, flexString1Label, any xLabel=name / x=value pair)

    private static void labelPairs(char[] t, String s, Spans spans) {
        int at = s.indexOf("Label=");
        while (at >= 0) {
            int ps = at;
            while (ps > 0 && at - ps < 32 && (Character.isLetterOrDigit(t[ps - 1]))) {
                ps--;
            }
            int vs = at + 6;
            int ve = fieldEnd(t, vs);
            if (ps < at && ve > vs && ve - vs <= MAX_NAME && SecretNames.suggestsSecret(new String(t, vs, ve - vs).trim())) {
                String key = new String(t, ps, at - ps) + "=";
                int ls = Math.max(lineStart(t, at), at - WINDOW); // a label's field is near it: a hostile line of labels costs a window each
                int le = Math.min(NextLineValues.lineEnd(t, at), at + WINDOW);
                int k = indexOf(t, ls, le, key);
                while (k >= 0 && k < le) {
                    if (k == 0 || t[k - 1] == ' ' || t[k - 1] == '|' || t[k - 1] == '\t') {
                        int v = k + key.length();
                        int e = fieldEnd(t, v);
                        if (e > v) {
                            spans.add(v, e);
                        }
                    }
                    k = indexOf(t, k + 1, le, key);
                }
            }
            at = s.indexOf("Label=", at + 6);
        }
    }

    /** The end of a CEF extension value: the next " word=" or the line's end (values hold spaces; '=' is escaped). */
    private static int fieldEnd(char[] t, int v) {
        int n = t.length;
        int i = v;
        while (i < n && t[i] != '\n' && i - v < MAX_VALUE) {
            if (t[i] == ' ' || t[i] == '\t') {
                int k = i + 1;
                while (k < n && k - i < 48 && (Character.isLetterOrDigit(t[k]) || t[k] == '_' || t[k] == '.')) {
                    k++;
                }
                if (k > i + 1 && k < n && t[k] == '=') {
                    return trimEnd(t, v, i);
                }
            }
            i++;
        }
        return trimEnd(t, v, i);
    }

    private static int trimEnd(char[] t, int s, int e) {
        while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r')) {
            e--;
        }
        return e;
    }

    private static int lineStart(char[] t, int at) {
        int i = at;
        while (i > 0 && t[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    // ---- header lines naming columns, then rows

    private record Header(int column, int cells, String name) {
    }

    /** The header's secret column and its cell count, or null when the line is no header naming a secret column. */
    private static Header header(char[] t, int ls, int le, char sep) {
        int cells = 0;
        int secret = -1;
        String name = null;
        int cs = ls;
        int start = ls;
        if (le - ls > 2048) {
            return null;
        }
        if (t[ls] == '#') {
            int k = ls + 1;
            while (k < le && Character.isLetter(t[k])) {
                k++;
            }
            if (k < le && t[k] == sep) {
                cs = k + 1; // #fields<TAB>ts<TAB>…: the directive is no column
                start = cs;
            } else {
                return null;
            }
        }
        for (int i = start; i <= le; i++) {
            if (i == le || t[i] == sep) {
                long cell = trimmedCell(t, cs, i);
                int a = (int) (cell >>> 32);
                int b = (int) cell;
                if (sep == '|' && a == b && (cells == 0 || i == le)) {
                    cs = i + 1; // | a | b |: the outer bars open and close the row
                    continue;
                }
                if (b - a == 0 || b - a > 32) {
                    return null;
                }
                int blanks = 0;
                for (int k = a; k < b; k++) {
                    if (!nameChar(t[k]) && t[k] != ' ' || t[k] == ' ' && (sep == ',' || ++blanks > 2) || sep == ',' && t[k] == '.') {
                        return null; // a column's name is a word or three (User Name); a sentence is no header
                    }
                }
                if (!Character.isLetter(t[a]) && t[a] != '_') {
                    return null; // a data row: a number or a symbol first
                }
                if (secret < 0 && SecretNames.suggestsSecret(new String(t, a, b - a))) {
                    secret = cells;
                    name = new String(t, a, b - a);
                }
                cells++;
                cs = i + 1;
            }
        }
        return secret >= 0 && cells >= 2 ? new Header(secret, cells, name) : null;
    }

    /** The cell t[from, to] without the blanks and quotes around it: its start in the high half, its end in the low. */
    private static long trimmedCell(char[] t, int from, int to) {
        int a = from;
        int b = to;
        while (a < b && (t[a] == ' ' || t[a] == '"')) {
            a++;
        }
        while (b > a && (t[b - 1] == ' ' || t[b - 1] == '"' || t[b - 1] == '\r')) {
            b--;
        }
        return (long) a << 32 | b;
    }

    /** Hides the secret column's cell of a row with the header's cell count; false when the line is no such row. */
    private static boolean row(char[] t, int ls, int le, char sep, Header header, Spans spans) {
        int cells = 0;
        int cs = ls;
        int hs = -1;
        int he = -1;
        boolean leadingBar = false;
        int s0 = ls;
        while (s0 < le && t[s0] == ' ') {
            s0++;
        }
        if (sep == '|' && s0 < le && t[s0] == '|') {
            leadingBar = true;
            cs = s0 + 1;
        }
        if (le - ls > 8192) {
            return false;
        }
        boolean rule = true; // |---|---| or ---- under the header: no row, the table goes on
        for (int i = ls; i < le && rule; i++) {
            rule = t[i] == '-' || t[i] == '|' || t[i] == '+' || t[i] == ' ' || t[i] == ':' || t[i] == '=' || t[i] == '\t';
        }
        if (rule) {
            return le > ls;
        }
        for (int i = cs; i <= le; i++) {
            if (i == le || t[i] == sep) {
                long cell = trimmedCell(t, cs, i);
                int a = (int) (cell >>> 32);
                int b = (int) cell;
                if (i == le && leadingBar && a == b) {
                    break;
                }
                if (cells == header.column()) {
                    hs = a;
                    he = b;
                }
                cells++;
                cs = i + 1;
            }
        }
        if (cells != header.cells()) {
            return false;
        }
        if (he - hs >= 6 && he - hs <= MAX_VALUE && indexOf(t, hs, he, ' ') < 0 && !allLower(t, hs, he)
                && !SecretNames.allowsValue(header.name(), new String(t, hs, he - hs))) {
            spans.add(hs, he); // a word of small letters, a placeholder's -, a type (bearer) under token_type: shown
        }
        return true;
    }

    // ---- serialized strings: PHP s:N:"name";s:M:"value"; and pickle protocol 0 S'name' / pN / S'value'

    private static void phpStrings(char[] t, String s, Spans spans) {
        int at = s.indexOf("s:");
        while (at >= 0) {
            int[] str = phpString(t, at);
            if (str == null) {
                at = s.indexOf("s:", at + 2);
                continue;
            }
            int next = str[1] + 2; // past ";
            if (str[1] - str[0] <= MAX_NAME && next + 1 < t.length && t[str[1] + 1] == ';' && t[next] == 's' && t[next + 1] == ':'
                    && SecretNames.suggestsSecret(new String(t, str[0], str[1] - str[0]))) {
                int[] value = phpString(t, next);
                if (value != null && value[1] > value[0]) {
                    spans.add(value[0], value[1]);
                }
            }
            at = s.indexOf("s:", str[1]);
        }
    }

    /** The content of a PHP serialized string {@code s:N:"…"} at {@code at}: its start and end, or null. */
    private static int[] phpString(char[] t, int at) {
        int n = t.length;
        int i = at + 2;
        int len = 0;
        int digits = 0;
        while (i < n && t[i] >= '0' && t[i] <= '9' && digits < 5) {
            len = len * 10 + t[i] - '0';
            i++;
            digits++;
        }
        if (digits == 0 || i + 1 >= n || t[i] != ':' || t[i + 1] != '"') {
            return null;
        }
        int vs = i + 2;
        int ve = vs;
        while (ve < n && t[ve] != '"' && ve - vs <= Math.max(len, MAX_VALUE)) {
            ve++; // the length counts bytes, not characters: the closing quote ends it
        }
        if (ve >= n || t[ve] != '"') {
            return null;
        }
        if (ve + 1 < n && t[ve + 1] != ';' && vs + len < n && t[vs + len] == '"') {
            ve = vs + len; // a quote inside the value: the declared length knows better
        }
        return new int[] {vs, ve};
    }

    private static void pickleStrings(char[] t, Spans spans) {
        int n = t.length;
        boolean secretName = false;
        int ls = 0;
        while (ls < n) {
            int le = NextLineValues.lineEnd(t, ls);
            int[] str = pickleString(t, ls, le);
            if (str != null) {
                if (secretName && str[1] > str[0]) {
                    spans.add(str[0], str[1]);
                    secretName = false;
                } else {
                    secretName = str[1] - str[0] <= MAX_NAME && SecretNames.suggestsSecret(new String(t, str[0], str[1] - str[0]));
                }
            } else if (!(le - ls >= 2 && (t[ls] == 'p' || t[ls] == 'g') && UrlCredentials.digitsOnly(t, ls + 1, le))) {
                secretName = false; // pN / gN memo lines sit between a key and its value; anything else ends the pair
            }
            ls = le + 1;
        }
    }

    /** A pickle protocol 0 string line: S'…', sS'…', (S'…', VX…, sVX…; its content's bounds, or null. */
    private static int[] pickleString(char[] t, int ls, int le) {
        int i = ls;
        while (i < le && i - ls < 3 && (t[i] == 's' || t[i] == '(' || t[i] == 'd' || t[i] == 'l' || t[i] == 'a')) {
            i++;
        }
        if (i + 1 < le && t[i] == 'S' && (t[i + 1] == '\'' || t[i + 1] == '"')) {
            int e = le;
            while (e > i + 2 && t[e - 1] == '\r') {
                e--;
            }
            return e - 1 > i + 1 && t[e - 1] == t[i + 1] ? new int[] {i + 2, e - 1} : null;
        }
        if (i < le && t[i] == 'V' && i + 1 < le) {
            return new int[] {i + 1, le};
        }
        return null;
    }

    // ---- "password": {"S": "x"}: a one-member type wrapper takes its meaning from the name around it

    private static void typedWrappers(char[] t, String s, Spans spans) {
        int at = s.indexOf(":{\"");
        int at2 = s.indexOf(": {\"");
        if (at < 0 && at2 < 0) {
            return;
        }
        int n = t.length;
        for (int i = Math.min(at < 0 ? n : at, at2 < 0 ? n : at2); i < n; i++) {
            if (t[i] != '{') {
                continue;
            }
            int p = i - 1;
            while (p >= 0 && t[p] == ' ') {
                p--;
            }
            if (p < 1 || t[p] != ':') {
                continue;
            }
            int q = p - 1;
            while (q >= 0 && t[q] == ' ') {
                q--;
            }
            if (q < 1 || t[q] != '"') {
                continue;
            }
            int ns = q - 1;
            while (ns >= 0 && q - ns <= MAX_NAME && t[ns] != '"') {
                ns--;
            }
            if (ns < 0 || t[ns] != '"' || !SecretNames.suggestsSecret(new String(t, ns + 1, q - ns - 1))) {
                continue;
            }
            // {"S": "x"}: one member, a short type name, a string value, the brace closed
            int k = skipBlanks(t, i + 1);
            int ts = k + 1;
            if (k >= n || t[k] != '"') {
                continue;
            }
            int te = ts;
            while (te < n && te - ts <= 16 && Character.isLetterOrDigit(t[te])) {
                te++;
            }
            if (te >= n || t[te] != '"' || te == ts) {
                continue;
            }
            k = skipBlanks(t, te + 1);
            if (k >= n || t[k] != ':') {
                continue;
            }
            k = skipBlanks(t, k + 1);
            if (k >= n || t[k] != '"') {
                continue;
            }
            int vs = k + 1;
            int ve = vs;
            while (ve < n && t[ve] != '"' && ve - vs <= MAX_VALUE) {
                if (t[ve] == '\\') {
                    ve++;
                }
                ve++;
            }
            if (ve < n && t[ve] == '"' && ve > vs && skipBlanks(t, ve + 1) < n && t[skipBlanks(t, ve + 1)] == '}') {
                spans.add(vs, ve);
            }
        }
    }

    private static int skipBlanks(char[] t, int i) {
        while (i < t.length && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t' || t[i] == '\r')) {
            i++;
        }
        return i;
    }

    // ---- RFC 6902 {"op":"replace","path":"/…/env/3/value","value":"x"}

    private static void jsonPatch(char[] t, String s, Spans spans) {
        int n = t.length;
        int at = s.indexOf("\"path\"");
        while (at >= 0) {
            int k = skipBlanks(t, at + 6);
            if (k < n && t[k] == ':') {
                k = skipBlanks(t, k + 1);
                if (k < n && t[k] == '"') {
                    int ps = k + 1;
                    int pe = ps;
                    while (pe < n && t[pe] != '"' && pe - ps < 512) {
                        pe++;
                    }
                    if (pe < n && secretPath(t, ps, pe)) {
                        int os = at;
                        while (os > 0 && at - os < 512 && t[os] != '{') {
                            os--;
                        }
                        int oe = pe;
                        while (oe < n && oe - pe < 1024 && t[oe] != '}') {
                            oe++;
                        }
                        int v = indexOf(t, os, oe, "\"value\"");
                        if (v >= 0) {
                            int c = skipBlanks(t, v + 7);
                            if (c < n && t[c] == ':') {
                                int vs = skipBlanks(t, c + 1);
                                if (vs < n && t[vs] == '"') {
                                    int ve = vs + 1;
                                    while (ve < n && t[ve] != '"' && ve - vs <= MAX_VALUE) {
                                        if (t[ve] == '\\') {
                                            ve++;
                                        }
                                        ve++;
                                    }
                                    if (ve < n && ve > vs + 1) {
                                        spans.add(vs + 1, ve);
                                    }
                                }
                            }
                        }
                    }
                    at = s.indexOf("\"path\"", pe);
                    continue;
                }
            }
            at = s.indexOf("\"path\"", at + 6);
        }
    }

    /** A JSON pointer to an environment variable's value (…/env/3/value) or whose last segment names a secret. */
    private static boolean secretPath(char[] t, int ps, int pe) {
        String path = new String(t, ps, pe - ps);
        int last = path.lastIndexOf('/');
        String tail = path.substring(last + 1);
        if (tail.equals("value") && (path.contains("/env/") || path.contains("/Env/"))) {
            return true;
        }
        if (tail.equals("value") && last > 0) {
            String parent = path.substring(path.lastIndexOf('/', last - 1) + 1, last);
            return SecretNames.suggestsSecret(parent.replace("~1", "/"));
        }
        return !tail.isEmpty() && SecretNames.suggestsSecret(tail.replace("~1", "/"));
    }

    // ---- YAML anchors: x-db-secret: &pgpw x, then PASSWORD: *pgpw

    private static void yamlAnchors(char[] t, Spans spans) {
        int n = t.length;
        Map<String, int[]> anchors = new HashMap<>();
        List<String> usedUnderSecret = new ArrayList<>();
        int ls = 0;
        while (ls < n) {
            int le = NextLineValues.lineEnd(t, ls);
            int k = ls;
            while (k < le && (t[k] == ' ' || t[k] == '-' || t[k] == '\t')) {
                k++;
            }
            int ks = k;
            while (k < le && k - ks <= MAX_NAME && t[k] != ':') {
                k++;
            }
            if (k < le && k > ks && t[k] == ':' && k + 2 < le && t[k + 1] == ' ') {
                int ke = k;
                boolean secretKey = SecretNames.suggestsSecret(new String(t, ks, ke - ks).replace("\"", "").trim());
                int v = skipSpaces(t, k + 1, le);
                if (v < le && (t[v] == '&' || t[v] == '*')) {
                    int as = v + 1;
                    int ae = as;
                    while (ae < le && ae - as < MAX_NAME && t[ae] != ' ' && t[ae] != '\t') {
                        ae++;
                    }
                    String anchor = new String(t, as, ae - as);
                    if (t[v] == '&') {
                        int vs = skipSpaces(t, ae, le);
                        int ve = trimEnd(t, vs, le);
                        if (ve > vs) {
                            if (secretKey || SecretNames.suggestsSecret(anchor)) {
                                spans.add(vs, ve);
                            }
                            anchors.put(anchor, new int[] {vs, ve});
                        }
                    } else if (secretKey) {
                        usedUnderSecret.add(anchor);
                    }
                }
            }
            ls = le + 1;
        }
        for (String a : usedUnderSecret) {
            int[] span = anchors.get(a);
            if (span != null) {
                spans.add(span[0], span[1]);
            }
        }
    }

    private static int skipSpaces(char[] t, int i, int le) {
        while (i < le && (t[i] == ' ' || t[i] == '\t')) {
            i++;
        }
        return i;
    }

    // ---- line rules

    /** Key types of keys files (ntp.keys, chrony.keys, bind/tsig): {@code <id> <type> <secret>}. */
    private static final java.util.Set<String> KEY_TYPES = java.util.Set.of("M", "MD5", "SHA", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512",
            "AES128CMAC", "AES256CMAC", "CMAC", "AES", "RMD160", "SHA3", "HMAC", "HMAC-MD5", "HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512", "MD4",
            "SM3", "ASCII", "HEX", "TEXT");

    /** {@code 2 M secret} or {@code 1 SHA1 HEX:…}: a numbered key of a known type, the rest of the row its secret. */
    private static void keyfileRow(char[] t, int s, int le, Spans spans) {
        int i = s;
        while (i < le && t[i] >= '0' && t[i] <= '9' && i - s < 6) {
            i++;
        }
        if (i == s || i >= le || t[i] != ' ' && t[i] != '\t') {
            return;
        }
        int ts = skipSpaces(t, i, le);
        int te = ts;
        while (te < le && te - ts <= 16 && t[te] != ' ' && t[te] != '\t') {
            te++;
        }
        if (te >= le || te == ts || !KEY_TYPES.contains(new String(t, ts, te - ts).toUpperCase(java.util.Locale.ROOT))) {
            return;
        }
        int vs = skipSpaces(t, te, le);
        int ve = vs;
        while (ve < le && t[ve] != ' ' && t[ve] != '\t') {
            ve++; // '#' starts a comment only after a blank: a password may hold one
        }
        if (ve - vs >= 6 && ve - vs <= MAX_VALUE && !(ve - vs < 10 && allLetters(t, vs, ve))) {
            spans.add(vs, ve);
        }
    }

    private static boolean allLower(char[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (t[i] < 'a' || t[i] > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean allLetters(char[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (!Character.isLetter(t[i])) {
                return false;
            }
        }
        return true;
    }

    /** A setting's capitalised words: WPA2-Personal, AES-Enterprise, Open. */
    private static final java.util.regex.Pattern SETTING_WORDS = java.util.regex.Pattern.compile("[A-Z][A-Za-z0-9]{0,15}(?:-[A-Z][a-z]{2,15}){0,3}");

    /** {@code Key Content            : x} (netsh, ipconfig-style listings): words padded to a colon, a secret name, its value. */
    private static void paddedColon(char[] t, int s, int le, Spans spans) {
        int i = s;
        while (i < le && i - s <= MAX_NAME && (Character.isLetterOrDigit(t[i]) || t[i] == ' ' || t[i] == '-' || t[i] == '_')) {
            i++;
        }
        if (i >= le || t[i] != ':' || i - s < 3 || t[i - 1] != ' ' || t[i - 2] != ' ') {
            return; // padded: two blanks before the colon at least
        }
        int vs = skipSpaces(t, i + 1, le);
        int ve = trimEnd(t, vs, le);
        if (ve - vs < 8 || ve - vs > MAX_VALUE || !SecretNames.suggestsSecret(new String(t, s, i - s).trim())) {
            return;
        }
        if (allLetters(t, vs, ve) || SETTING_WORDS.matcher(new String(t, vs, ve - vs)).matches() || indexOf(t, vs, ve, ' ') >= 0 && !PasswordShapes.looksMadeUp(new String(t, vs, ve - vs).replace(" ", ""))) {
            return; // Present, WPA2-Personal with a space: a setting's word, not a key
        }
        spans.add(vs, ve);
    }

    /** Names ending in these (after '_', '-' or a camelCase capital) are secret in a line's assignment: ALARM_CODE, ENROLL_PIN, SYSDBA_PW2. */
    private static final String[] SECRET_TAILS = {"code", "pin", "pw", "pw2", "pin2", "passcode"};
    /** Names ending in _code that hold no secret. */
    private static final java.util.Set<String> PUBLIC_CODES = java.util.Set.of("exit", "status", "http", "error", "err", "return", "response",
            "country", "lang", "language", "locale", "currency", "zip", "postal", "area", "region", "source", "product", "item", "sku", "iso",
            "reason", "result", "ret", "rc", "state", "phone", "dial", "airport", "station", "branch", "bank", "swift", "tax", "vat", "unit",
            "color", "colour", "key", "char", "op", "opcode", "event", "type", "class", "category", "promo", "discount", "sort", "qr", "bar",
            "barcode", "short", "signal", "grpc", "hs", "naics", "icd");

    /** {@code NAME: v}, {@code NAME => v}, {@code NAME = v} at a line's start, NAME ending in _CODE, _PIN or _PW (a pin, an alarm code). */
    private static void codeName(char[] t, int s, int le, Spans spans) {
        int i = s;
        while (i < le && i - s <= MAX_NAME && (Character.isLetterOrDigit(t[i]) || t[i] == '_' || t[i] == '-' || t[i] == '.')) {
            i++;
        }
        if (i - s < 3 || i >= le) {
            return;
        }
        int ne = i;
        i = skipSpaces(t, i, Math.min(le, i + 16));
        if (i < le && t[i] == ':' || i < le && t[i] == '=') {
            i += i + 1 < le && t[i] == '=' && t[i + 1] == '>' ? 2 : 1;
        } else {
            return;
        }
        if (!secretTail(t, s, ne)) {
            return;
        }
        int vs = skipSpaces(t, i, Math.min(le, i + 16));
        while (vs < le && (t[vs] == '"' || t[vs] == '\'')) {
            vs++;
        }
        int ve = vs;
        while (ve < le && ve - vs <= MAX_VALUE && t[ve] != ' ' && t[ve] != '\t' && t[ve] != '"' && t[ve] != '\'' && t[ve] != ',' && t[ve] != ';') {
            ve++;
        }
        if (ve - vs >= 4 && ve - vs <= MAX_VALUE && !(ve - vs <= 5 && allLetters(t, vs, ve))) {
            spans.add(vs, ve);
        }
    }

    private static boolean secretTail(char[] t, int s, int e) {
        String name = new String(t, s, e - s);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String tail : SECRET_TAILS) {
            if (lower.endsWith(tail) && lower.length() > tail.length()) {
                char before = name.charAt(name.length() - tail.length() - 1);
                char first = name.charAt(name.length() - tail.length());
                if (before == '_' || before == '-' || before == '.' || Character.isUpperCase(first) && Character.isLowerCase(before)) {
                    String head = lower.substring(0, lower.length() - tail.length() - (before == '_' || before == '-' || before == '.' ? 1 : 0));
                    int cut = Math.max(head.lastIndexOf('_'), Math.max(head.lastIndexOf('-'), head.lastIndexOf('.')));
                    return !(tail.equals("code") && (PUBLIC_CODES.contains(head) || PUBLIC_CODES.contains(head.substring(cut + 1))));
                }
            }
        }
        return false;
    }

    private static final String[] EXPORTS = {"export ", "setenv ", "declare -x ", "declare -rx ", "typeset -x ", "env ", "ENV ", "set ", "SET "};

    /**
     * {@code setenv NAME v}, {@code export NAME='v'}, {@code declare -x NAME="v"}: the value goes when the name is secret (by
     * {@link SecretNames} or a secret tail), or when the value has the shape of a generated password under any upper-case name.
     */
    private static void shellExport(char[] t, int s, int le, Spans spans) {
        int i = -1;
        for (String e : EXPORTS) {
            if (startsWith(t, s, le, e)) {
                i = s + e.length();
                break;
            }
        }
        if (i < 0) {
            return;
        }
        i = skipSpaces(t, i, le);
        int ns = i;
        while (i < le && i - ns <= MAX_NAME && (Character.isLetterOrDigit(t[i]) || t[i] == '_')) {
            i++;
        }
        int ne = i;
        if (ne == ns || i >= le || t[i] != '=' && t[i] != ' ' && t[i] != '\t') {
            return;
        }
        i = t[i] == '=' ? i + 1 : skipSpaces(t, i, Math.min(le, i + 16));
        int vs = i;
        int ve;
        if (vs < le && (t[vs] == '\'' || t[vs] == '"')) {
            char q = t[vs];
            vs++;
            ve = vs;
            while (ve < le && t[ve] != q && ve - vs <= MAX_VALUE) {
                ve++;
            }
        } else {
            ve = vs;
            while (ve < le && t[ve] != ' ' && t[ve] != '\t' && t[ve] != ';' && ve - vs <= MAX_VALUE) {
                ve++;
            }
        }
        if (ve <= vs || ve - vs > MAX_VALUE) {
            return;
        }
        String name = new String(t, ns, ne - ns);
        boolean secret = SecretNames.suggestsSecret(name) || secretTail(t, ns, ne);
        if (!secret && upperName(name)) {
            String v = new String(t, vs, ve - vs);
            secret = v.length() >= 10 && classes(v) >= 3 && (PasswordShapes.looksMadeUp(v) || RandomTokens.isRandom(t, vs, ve, name));
        }
        if (secret) {
            spans.add(vs, ve);
        }
    }

    private static int classes(String v) {
        int c = 0;
        for (int i = 0; i < v.length(); i++) {
            char x = v.charAt(i);
            c |= x >= 'a' && x <= 'z' ? 1 : x >= 'A' && x <= 'Z' ? 2 : x >= '0' && x <= '9' ? 4 : 8;
        }
        return Integer.bitCount(c);
    }

    private static boolean upperName(String name) {
        boolean letter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return false;
            }
            letter |= c >= 'A' && c <= 'Z';
        }
        return letter;
    }

    private static boolean startsWith(char[] t, int s, int le, String w) {
        if (le - s < w.length()) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (t[s + k] != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
