package dockermcp.security.secrets;

/**
 * Whole configuration files and debug dumps printed into a log or held by one env or label value, where the secret's
 * name and its value are apart: XML ({@code <name>x.secret.key</name>} then {@code <value>}, {@code <add key="DbPassword"
 * value="…"/>}, {@code <entry key="jdbc.password">…</entry>}, CDATA in a secret element), Kubernetes env lists
 * ({@code - name: DB_PASSWORD} then {@code value:}), PHP {@code var_dump}/{@code print_r} and JSON argument arrays
 * ({@code ["--db-password", "…"]}). Tables and SQL are in {@link TableColumns}, banners and shell traces in
 * {@link Banners}. Every scan starts at a fixed keyword found by one indexOf pass and reads a bounded stretch after it.
 */
final class ConfigDumps {

    /** The longest value read after a name; a longer one is hidden up to here (the rest is no secret of this rule). */
    static final int MAX_VALUE = 4096;
    private static final int MAX_NAME = 200;

    private ConfigDumps() {
    }

    /** @param words the keywords the text holds: each form is looked for only where its marker is there */
    static void find(char[] t, Keywords.Found words, Spans spans) {
        if (words.has("<name>")) {
            xmlNameThenValue(t, spans);
        }
        if (words.has("key=")) {
            xmlKeyAttribute(t, "key=", spans);
        }
        if (words.has("name=")) {
            xmlKeyAttribute(t, "name=", spans);
        }
        if (words.has("<![cdata[")) {
            cdata(t, spans);
        }
        if (words.has("name:")) {
            yamlEnvList(t, spans);
        }
        if (words.has("]=>") || words.has("] => ")) {
            phpDumps(t, spans);
        }
        if (words.has("\"-")) {
            jsonArguments(t, spans);
        }
        TableColumns.find(t, words, spans);
        Banners.find(t, words, spans);
        CredentialFiles.find(t, spans); // CouchDB [admins], Jetty realm.properties: the line names a user, the value is its password
    }

    /** Hadoop, Maven and Tomcat style: {@code <name>fs.s3a.secret.key</name>}, then {@code <value>x</value>}. */
    private static void xmlNameThenValue(char[] t, Spans spans) {
        for (int i = indexOf(t, "<name>", 0, t.length); i >= 0; i = indexOf(t, "<name>", i + 1, t.length)) {
            int ns = i + 6;
            int ne = indexOf(t, "</name>", ns, Math.min(t.length, ns + MAX_NAME));
            if (ne < 0 || !SecretNames.suggestsSecret(new String(t, ns, ne - ns).trim())) {
                continue;
            }
            int v = skipSpace(t, ne + 7, Math.min(t.length, ne + 7 + MAX_NAME), true);
            if (KeyBlocks.startsWith(t, v, "<value>")) {
                int ve = indexOf(t, "</value>", v + 7, Math.min(t.length, v + 7 + MAX_VALUE));
                hide(t, v + 7, ve < 0 ? lineEnd(t, v + 7) : ve, spans);
            }
        }
    }

    /**
     * {@code <add key="ClearTextPassword" value="x"/>}, {@code <property name="password" value="x"/>} and
     * {@code <entry key="jdbc.password">x</entry>}: the attribute names the secret, the value attribute or the
     * element's text holds it.
     */
    private static void xmlKeyAttribute(char[] t, String attribute, Spans spans) {
        int n = attribute.length();
        for (int i = indexOf(t, attribute, 0, t.length); i >= 0; i = indexOf(t, attribute, i + 1, t.length)) {
            if (i == 0 || !Character.isWhitespace(t[i - 1]) || i + n >= t.length || t[i + n] != '"' && t[i + n] != '\'') {
                continue;
            }
            int ns = i + n + 1;
            int ne = indexOf(t, t[i + n], ns, Math.min(t.length, ns + MAX_NAME));
            if (ne < 0 || !SecretNames.suggestsSecret(new String(t, ns, ne - ns))) {
                continue;
            }
            int tagEnd = -1;
            for (int k = ne + 1; k < Math.min(t.length, ne + 1 + MAX_NAME * 4) && tagEnd < 0; k++) {
                if (t[k] == '<' || t[k] == '\n') {
                    break;
                }
                if (t[k] == '>') {
                    tagEnd = k;
                } else if (KeyBlocks.startsWith(t, k, "value=") && k + 6 < t.length && (t[k + 6] == '"' || t[k + 6] == '\'') && Character.isWhitespace(t[k - 1])) {
                    int ve = indexOf(t, t[k + 6], k + 7, Math.min(t.length, k + 7 + MAX_VALUE));
                    hide(t, k + 7, ve < 0 ? lineEnd(t, k + 7) : ve, spans);
                    break;
                }
            }
            if (tagEnd > 0 && t[tagEnd - 1] != '/') {
                int te = indexOf(t, '<', tagEnd + 1, Math.min(t.length, tagEnd + 1 + MAX_VALUE));
                hide(t, tagEnd + 1, te < 0 ? lineEnd(t, tagEnd + 1) : te, spans);
            }
        }
    }

    /** {@code <Password><![CDATA[x]]></Password>}: the element that holds the CDATA section names the secret. */
    private static void cdata(char[] t, Spans spans) {
        for (int i = indexOf(t, "<![CDATA[", 0, t.length); i >= 0; i = indexOf(t, "<![CDATA[", i + 1, t.length)) {
            int gt = i - 1;
            while (gt >= 0 && i - gt < MAX_NAME && (t[gt] == ' ' || t[gt] == '\t')) {
                gt--;
            }
            int lt = gt < 0 || t[gt] != '>' ? -1 : lastIndexOf(t, '<', gt, Math.max(0, gt - MAX_NAME));
            if (lt < 0) {
                continue;
            }
            int nameEnd = lt + 1;
            while (nameEnd < gt && !Character.isWhitespace(t[nameEnd]) && t[nameEnd] != '/') {
                nameEnd++;
            }
            String element = new String(t, lt + 1, nameEnd - lt - 1);
            if (SecretNames.suggestsSecret(element) || SecretNames.suggestsSecret(new String(t, lt + 1, gt - lt - 1))) {
                int end = indexOf(t, "]]>", i + 9, Math.min(t.length, i + 9 + MAX_VALUE));
                hide(t, i + 9, end < 0 ? lineEnd(t, i + 9) : end, spans);
            }
        }
    }

    /** A Kubernetes or compose env list: {@code - name: DB_PASSWORD} then {@code value: "x"} ({@code valueFrom} is no value). */
    private static void yamlEnvList(char[] t, Spans spans) {
        for (int i = indexOf(t, "name:", 0, t.length); i >= 0; i = indexOf(t, "name:", i + 1, t.length)) {
            if (!startsLine(t, i)) {
                continue; // "name:" is not the line's key
            }
            int le = lineEnd(t, i);
            String name = unquote(new String(t, i + 5, le - i - 5).trim());
            if (name.isEmpty() || name.length() > MAX_NAME || !SecretNames.suggestsSecret(name)) {
                continue;
            }
            int next = le + 1;
            int v = skipSpace(t, Math.min(next, t.length), Math.min(t.length, next + MAX_NAME), false);
            String value = next < t.length ? unquote(new String(t, Math.min(v + 6, t.length), Math.max(0, lineEnd(t, Math.min(v + 6, t.length)) - v - 6)).trim()) : "";
            if (next < t.length && KeyBlocks.startsWith(t, v, "value:") && !SecretNames.allowsValue(name, value) && !NamedValues.plainValue(value)) {
                hide(t, v + 6, lineEnd(t, v + 6), spans); // API_KEY_FILE: /run/secrets/x only names a file
            }
        }
    }

    /** PHP: {@code ["password"]=>} then {@code string(18) "x"} ({@code var_dump}); {@code [password] => x} ({@code print_r}). */
    private static void phpDumps(char[] t, Spans spans) {
        for (int i = indexOf(t, "]=>", 0, t.length); i >= 0; i = indexOf(t, "]=>", i + 1, t.length)) {
            if (i < 2 || t[i - 1] != '"') {
                continue;
            }
            int open = lastIndexOf(t, '"', i - 2, Math.max(0, i - 2 - MAX_NAME));
            if (open < 1 || t[open - 1] != '[' || !SecretNames.suggestsSecret(new String(t, open + 1, i - 2 - open))) {
                continue;
            }
            int v = skipSpace(t, i + 3, Math.min(t.length, i + 3 + MAX_NAME), true);
            if (KeyBlocks.startsWith(t, v, "string(")) {
                int q = indexOf(t, '"', v, Math.min(t.length, v + 20));
                int end = q < 0 ? -1 : lastIndexOf(t, '"', lineEnd(t, q) - 1, q + 1);
                hide(t, q + 1, end <= q ? lineEnd(t, q + 1) : end, spans);
            }
        }
        for (int i = indexOf(t, "] => ", 0, t.length); i >= 0; i = indexOf(t, "] => ", i + 1, t.length)) {
            int open = lastIndexOf(t, '[', i - 1, Math.max(0, i - MAX_NAME));
            if (open >= 0 && SecretNames.suggestsSecret(new String(t, open + 1, i - open - 1)) && !KeyBlocks.startsWith(t, i + 5, "Array")) {
                hide(t, i + 5, lineEnd(t, i + 5), spans);
            }
        }
    }

    /** A JSON array of arguments: {@code ["--db-password", "x"]}, {@code ["-p", "x"]} (not a port mapping). */
    private static void jsonArguments(char[] t, Spans spans) {
        for (int i = indexOf(t, "\"-", 0, t.length); i >= 0; i = indexOf(t, "\"-", i + 1, t.length)) {
            int ne = indexOf(t, '"', i + 1, Math.min(t.length, i + 1 + MAX_NAME));
            if (ne < 0) {
                continue;
            }
            String flag = new String(t, i + 1, ne - i - 1);
            int c = skipSpace(t, ne + 1, Math.min(t.length, ne + 8), false);
            if (c >= t.length || t[c] != ',' || flag.indexOf('=') >= 0) {
                continue;
            }
            int q = skipSpace(t, c + 1, Math.min(t.length, c + 8), false);
            if (q >= t.length || t[q] != '"') {
                continue;
            }
            int ve = indexOf(t, '"', q + 1, Math.min(t.length, q + 1 + MAX_VALUE));
            String value = ve < 0 ? "" : new String(t, q + 1, ve - q - 1);
            boolean secret = flag.equals("-p") ? !value.matches("[0-9:./a-z-]{1,64}") : flag.startsWith("--") && !SecretNames.allowsValue(flag.substring(2), value);
            if (secret && ve > 0) {
                hide(t, q + 1, ve, spans);
            }
        }
    }

    // --- shared by the dump scanners

    /** Hides a value, its blanks and quotes trimmed, unless it is a reference to a variable or a placeholder. */
    static void hide(char[] t, int s, int e, Spans spans) {
        while (s < e && (Character.isWhitespace(t[s]) || t[s] == '"' || t[s] == '\'')) {
            s++;
        }
        while (e > s && (Character.isWhitespace(t[e - 1]) || t[e - 1] == '"' || t[e - 1] == '\'')) {
            e--;
        }
        if (e > s && !Placeholders.isPlaceholder(t, s, e)) {
            spans.add(s, e);
        }
    }

    static int indexOf(char[] t, String s, int from, int to) {
        char first = s.charAt(0);
        for (int i = from, last = to - s.length(); i <= last; i++) {
            if (t[i] == first && KeyBlocks.startsWith(t, i, s)) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(char[] t, char c, int from, int to) {
        for (int i = Math.max(0, from); i < to; i++) {
            if (t[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The last {@code c} at or before {@code from}, not before {@code limit}. */
    static int lastIndexOf(char[] t, char c, int from, int limit) {
        for (int i = Math.min(from, t.length - 1); i >= limit; i--) {
            if (t[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The position after the last non-blank before {@code i} (blanks on the same line only). */
    static int skipBack(char[] t, int i) {
        while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t')) {
            i--;
        }
        return i;
    }

    static int skipSpace(char[] t, int i, int to, boolean lineBreaks) {
        while (i < to && (t[i] == ' ' || t[i] == '\t' || lineBreaks && (t[i] == '\n' || t[i] == '\r'))) {
            i++;
        }
        return i;
    }

    /** The end of the line, or {@link #MAX_VALUE} characters on: no scan reads an unbounded line twice. */
    static int lineEnd(char[] t, int i) {
        int limit = Math.min(t.length, i + MAX_VALUE);
        while (i < limit && t[i] != '\n' && t[i] != '\r') {
            i++;
        }
        return i;
    }

    /** True when only blanks and list dashes stand between the line's start and {@code i}. */
    static boolean startsLine(char[] t, int i) {
        int k = i;
        while (k > 0 && i - k < MAX_NAME && (t[k - 1] == ' ' || t[k - 1] == '\t' || t[k - 1] == '-')) {
            k--;
        }
        return k == 0 || t[k - 1] == '\n' || t[k - 1] == '\r';
    }

    static String unquote(String s) {
        return s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0) ? s.substring(1, s.length() - 1) : s;
    }
}
