package dockermcp.security.secrets;

import java.util.Locale;

/**
 * Secrets in what a running program prints about itself: an argv list as JSON, JavaScript or Python writes it
 * ({@code ["-db-pass", "X"]}: a quoted secret flag, then the quoted element after it); phpinfo's text form
 * ({@code DB_PASSWORD => X => X}, both values); an XML element named by an attribute ({@code <Data Name="Password">X</Data>},
 * {@code <entry key="secret">X</entry>}); the private parts of a .NET RSA or DSA key in XML ({@code <P>}, {@code <Q>},
 * {@code <DP>}, {@code <DQ>}, {@code <InverseQ>}, {@code <D>}, {@code <X>}; the modulus and exponent are public); a CI
 * mask command ({@code ::add-mask::X}, Azure's {@code issecret=true]X}); and a password written as 8-bit binary
 * groups after a secret word. Each part starts at a character or word found in one pass or by {@link String#indexOf}.
 */
final class RuntimeDumps {

    private static final int MAX_VALUE = 512;
    private static final int MAX_NAME = 64;
    private static final String[] KEY_PARTS = {"p", "q", "dp", "dq", "inverseq", "d"};
    private static final String[] SECRET_WORDS = {"pass", "pwd", "secret", "token", "key", "cred", "auth", "pin"};

    private RuntimeDumps() {
    }

    static void find(char[] t, String lower, Keywords.Found late, Spans spans) {
        if (late.has("\"-") || late.has("'-")) {
            argvLists(t, spans);
        }
        for (int at = late.has(" => ") ? lower.indexOf(" => ") : -1; at >= 0; at = lower.indexOf(" => ", at + 4)) {
            at = phpinfo(t, lower, at, spans);
        }
        for (String attr : new String[] {"name=", "key="}) {
            for (int at = late.has(attr) ? lower.indexOf(attr) : -1; at >= 0; at = lower.indexOf(attr, at + attr.length())) {
                namedElement(t, lower, at, attr.length(), spans);
            }
        }
        if (late.has("keyvalue>") || late.has("<inverseq>")) {
            for (String part : KEY_PARTS) {
                element(t, lower, part, spans);
            }
            if (lower.contains("<dsakeyvalue>")) {
                element(t, lower, "x", spans);
            }
        }
        for (int at = late.has("::add-mask::") ? lower.indexOf("::add-mask::") : -1; at >= 0; at = lower.indexOf("::add-mask::", at + 12)) {
            restOfLine(t, at + 12, spans);
        }
        for (int at = late.has("issecret=true") ? lower.indexOf("issecret=true") : -1; at >= 0; at = lower.indexOf("issecret=true", at + 13)) {
            int close = at;
            while (close < t.length && close - at < MAX_NAME && t[close] != ']') {
                close++;
            }
            if (close < t.length && t[close] == ']' && before(lower, "##vso[", at, 2 * MAX_NAME) >= 0) {
                restOfLine(t, close + 1, spans);
            }
        }
        if (late.has("0100") || late.has("0110")) {
            bitGroups(t, lower, spans);
        }
    }

    /** A quoted element that is a secret flag, a comma, and the quoted element after it: that element. */
    private static void argvLists(char[] t, Spans spans) {
        for (int i = 0; i + 2 < t.length; i++) {
            char q = t[i];
            if (q != '"' && q != '\'' || t[i + 1] != '-') {
                continue;
            }
            int close = i + 1;
            while (close < t.length && close - i <= MAX_NAME && t[close] != q && t[close] != '=' && !Character.isWhitespace(t[close])) {
                close++;
            }
            if (close >= t.length || t[close] != q) {
                continue;
            }
            int ns = i + 1;
            while (ns < close && t[ns] == '-') {
                ns++;
            }
            if (ns == close || !SecretNames.suggestsSecret(t, ns, close) && !passwordFlag(t, ns, close)) {
                i = close - 1;
                continue;
            }
            int j = close + 1;
            while (j < t.length && j - close < 8 && (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r')) {
                j++;
            }
            if (j >= t.length || t[j] != ',') {
                i = close - 1;
                continue;
            }
            j++;
            boolean newLine = false;
            while (j < t.length && j - close < 16 && (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r')) {
                newLine |= t[j] == '\n';
                j++;
            }
            for (int p = j; newLine && p < t.length && p - j < MAX_NAME && t[p] != '\n'; p++) {
                if (t[p] == '"' || t[p] == '\'') {
                    j = p; // the list goes on after a logger's prefix on the next line
                    break;
                }
            }
            if (j >= t.length || t[j] != '"' && t[j] != '\'') {
                i = close - 1;
                continue;
            }
            char vq = t[j];
            int vs = j + 1;
            int ve = vs;
            while (ve < t.length && ve - vs < MAX_VALUE && t[ve] != vq && t[ve] != '\n') {
                ve++;
            }
            if (ve < t.length && t[ve] == vq && ve > vs && !ProgramArguments.harmless(new String(t, vs, ve - vs))) {
                spans.add(vs, ve);
            }
            i = close - 1;
        }
    }

    /** -p, -pw, -pwd, -pass: short password flags a name test would not call secret alone. */
    private static boolean passwordFlag(char[] t, int s, int e) {
        String f = new String(t, s, e - s).toLowerCase(Locale.ROOT);
        return f.equals("p") || f.equals("pw") || f.equals("pwd") || f.equals("pass") || f.equals("passwd") || f.equals("k");
    }

    /** {@code NAME => local => master}: every value of a secret name, up to the line's end. Returns where to go on. */
    private static int phpinfo(char[] t, String lower, int at, Spans spans) {
        int ns = at;
        while (ns > 0 && at - ns < MAX_NAME && (Character.isLetterOrDigit(t[ns - 1]) || t[ns - 1] == '_' || t[ns - 1] == '.' || t[ns - 1] == '-')) {
            ns--;
        }
        if (ns == at || !SecretNames.suggestsSecret(t, ns, at)) {
            return at;
        }
        int le = at;
        while (le < t.length && le - at < 4 * MAX_VALUE && t[le] != '\n') {
            le++;
        }
        int s = at + 4;
        while (s < le) {
            int e = lower.indexOf(" => ", s);
            e = e < 0 || e > le ? le : e;
            int ve = e;
            while (ve > s && Character.isWhitespace(t[ve - 1])) {
                ve--;
            }
            String v = new String(t, s, ve - s);
            if (ve > s && !v.equalsIgnoreCase("no value") && !LineShapes.harmless(v)) {
                spans.add(s, ve);
            }
            s = e + 4;
        }
        return le;
    }

    /** {@code <Data Name="Password">X</Data>}, {@code <entry key="secret">X</entry>}: the element's text when the name is a secret's. */
    private static void namedElement(char[] t, String lower, int at, int len, Spans spans) {
        int qs = at + len;
        if (qs >= t.length || t[qs] != '"' && t[qs] != '\'' || at == 0 || t[at - 1] != ' ') {
            return;
        }
        int qe = qs + 1;
        while (qe < t.length && qe - qs <= MAX_NAME && t[qe] != t[qs]) {
            qe++;
        }
        if (qe >= t.length || t[qe] != t[qs] || qe == qs + 1 || !SecretNames.suggestsSecret(t, qs + 1, qe)) {
            return;
        }
        int lt = before(lower, "<", at, 2 * MAX_NAME);
        if (lt < 0 || before(lower, ">", at, at - lt) >= 0) {
            return; // not inside a tag
        }
        int gt = qe + 1;
        while (gt < t.length && gt - qe < 2 * MAX_VALUE && t[gt] != '>') {
            gt++;
        }
        if (gt >= t.length || t[gt] != '>' || t[gt - 1] == '/') {
            return; // <add key="x" value="y"/>: the value attribute is read as an assignment
        }
        int vs = gt + 1;
        int ve = vs;
        while (ve < t.length && ve - vs < MAX_VALUE && t[ve] != '<') {
            ve++;
        }
        while (vs < ve && Character.isWhitespace(t[vs])) {
            vs++;
        }
        while (ve > vs && Character.isWhitespace(t[ve - 1])) {
            ve--;
        }
        if (ve > vs && !LineShapes.harmless(new String(t, vs, ve - vs))) {
            spans.add(vs, ve);
        }
    }

    /** Every {@code <part>…</part>} of the text, in any case. */
    private static void element(char[] t, String lower, String part, Spans spans) {
        String open = "<" + part + ">";
        String end = "</" + part + ">";
        for (int at = lower.indexOf(open); at >= 0; at = lower.indexOf(open, at + open.length())) {
            int vs = at + open.length();
            int ve = vs;
            while (ve < t.length && ve - vs < 4 * MAX_VALUE && t[ve] != '<') {
                ve++;
            }
            if (ve > vs && lower.startsWith(end, ve)) {
                spans.add(vs, ve);
            }
        }
    }

    private static void restOfLine(char[] t, int from, Spans spans) {
        int e = from;
        while (e < t.length && t[e] != '\n' && t[e] != '\r' && e - from < MAX_VALUE) {
            e++;
        }
        int s = from;
        while (s < e && (t[s] == ' ' || t[s] == '"' || t[s] == '\'')) {
            s++;
        }
        while (e > s && (t[e - 1] == ' ' || t[e - 1] == '"' || t[e - 1] == '\'')) {
            e--;
        }
        if (e > s && !ProgramArguments.harmless(new String(t, s, e - s)) && !Placeholders.isPlaceholder(t, s, e)) {
            spans.add(s, e);
        }
    }

    /** Runs of four or more 8-bit binary groups of printable characters, after a secret word on their line. */
    private static void bitGroups(char[] t, String lower, Spans spans) {
        int i = 0;
        while (i + 8 <= t.length) {
            if (!octet(t, i) || i > 0 && !Character.isWhitespace(t[i - 1]) && t[i - 1] != ':' && t[i - 1] != '[' && t[i - 1] != '"') {
                i++;
                continue;
            }
            int s = i;
            int groups = 0;
            int e = i;
            while (i + 8 <= t.length && octet(t, i) && (i + 8 == t.length || !Character.isLetterOrDigit(t[i + 8]))) {
                int b = Integer.parseInt(new String(t, i, 8), 2);
                if (b < 32 || b > 126) {
                    break;
                }
                groups++;
                e = i + 8;
                i += 8;
                while (i < t.length && (t[i] == ' ' || t[i] == ',')) {
                    i++;
                }
            }
            if (groups >= 4 && secretWordBefore(lower, s)) {
                spans.add(s, e);
            }
            i = Math.max(i, s + 1);
        }
    }

    private static boolean octet(char[] t, int i) {
        for (int k = i; k < i + 8; k++) {
            if (t[k] != '0' && t[k] != '1') {
                return false;
            }
        }
        return true;
    }

    private static boolean secretWordBefore(String lower, int at) {
        int nl = before(lower, "\n", at, 2 * MAX_NAME);
        int ls = nl >= 0 ? nl + 1 : Math.max(0, at - 2 * MAX_NAME);
        for (String w : SECRET_WORDS) {
            if (before(lower, w, at, at - ls) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Where {@code w} last starts before {@code at}, looking back at most {@code reach} characters; -1 when it does not. */
    static int before(String s, String w, int at, int reach) {
        for (int i = at - w.length(); i >= 0 && i >= at - reach; i--) {
            if (s.startsWith(w, i)) {
                return i;
            }
        }
        return -1;
    }
}
