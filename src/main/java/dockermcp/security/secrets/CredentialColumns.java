package dockermcp.security.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Credential files printed whole, where the columns and not a keyword say which word is the password: a line of two
 * to four columns that starts with a place (an address, a network, a host name, a URL, a mount point) and ends with a
 * password of made-up shape (racoon {@code psk.txt}, davfs2 {@code secrets}, {@code <host> <user> <pass>} lists);
 * net-snmp's {@code createUser U SHA "auth" AES "priv"} (the word after each protocol) and its {@code usmUser} keys;
 * and Nagios/Icinga {@code $USERn$=value} macros, whose value is a password unless it is a path or a number. Each line
 * is read once, at most {@link #MAX_LINE} characters of it.
 */
final class CredentialColumns {

    private static final int MAX_LINE = 1024;
    private static final Set<String> SNMP_PROTOCOLS = Set.of("md5", "sha", "sha1", "sha-1", "sha224", "sha-224", "sha256", "sha-256", "sha384",
            "sha-384", "sha512", "sha-512", "des", "aes", "aes128", "aes-128", "aes192", "aes-192", "aes256", "aes-256", "aes192c", "aes256c", "3des");

    private CredentialColumns() {
    }

    static void find(char[] t, String lower, Spans spans) {
        int n = t.length;
        for (int ls = 0; ls < n;) {
            int le = ls;
            while (le < n && t[le] != '\n') {
                le++;
            }
            if (le - ls <= MAX_LINE && worthReading(t, ls, le)) {
                line(t, lower, ls, le, spans);
            }
            ls = le + 1;
        }
    }

    /**
     * Without a copy: a line of two to four words, a {@code $USERn$=} macro, or one that starts with an snmpd directive
     * ({@code createUser}, {@code usmUser}, possibly after a {@code file:} prefix); the other lines of a log cost one look.
     */
    private static boolean worthReading(char[] t, int ls, int le) {
        int words = 0;
        int first = -1;
        int firstEnd = -1;
        boolean inWord = false;
        for (int i = ls; i < le; i++) {
            boolean blank = t[i] == ' ' || t[i] == '\t' || t[i] == '\r';
            if (blank && inWord && firstEnd < 0) {
                firstEnd = i;
            }
            if (!blank && !inWord) {
                words++;
                if (first < 0) {
                    first = i;
                }
                if (words > 4) {
                    break;
                }
            }
            inWord = !blank;
        }
        if (first < 0) {
            return false;
        }
        char c = t[first];
        boolean placeFirst = Character.isLetterOrDigit(c) || c == '/' || c == '[' || c == '*'; // not a JSON record, a tag, a comment
        return words >= 2 && words <= 4 && placeFirst || words == 1 && c == '$'
                || (c == 'c' || c == 'C') && startsIgnoringCase(t, first, le, "createuser") || (c == 'u' || c == 'U') && startsIgnoringCase(t, first, le, "usmuser")
                || firstEnd > 0 && t[firstEnd - 1] == ':' && words <= 12;
    }

    private static boolean startsIgnoringCase(char[] t, int at, int le, String lowerWord) {
        if (le - at < lowerWord.length()) {
            return false;
        }
        for (int i = 0; i < lowerWord.length(); i++) {
            if (Character.toLowerCase(t[at + i]) != lowerWord.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static void line(char[] t, String lower, int ls, int le, Spans spans) {
        List<int[]> cols = columns(t, ls, le);
        if (cols.size() < 2) {
            macro(t, cols, spans);
            return;
        }
        String first = lower.substring(cols.get(0)[0], cols.get(0)[1]);
        if (first.equals("createuser") || cols.size() > 2 && lower.startsWith("createuser", cols.get(1)[0]) && first.endsWith(":")) {
            snmpUser(t, lower, cols, spans);
            return;
        }
        if (first.equals("usmuser")) {
            for (int i = 1; i < cols.size(); i++) {
                int[] c = cols.get(i);
                if (lower.startsWith("0x", c[0]) && lower.startsWith(".1.3.6.1.6.3.10.1.", cols.get(i - 1)[0])) {
                    spans.add(c[0], c[1]); // the localized auth and priv keys after their protocol's OID: the password's digest
                }
            }
            return;
        }
        if (cols.size() <= 4 && place(first) && accounts(t, cols)) {
            int[] last = cols.get(cols.size() - 1);
            String v = LineShapes.unquote(new String(t, last[0], last[1] - last[0]));
            if (PasswordShapes.looksMadeUp(v) || madeOfClasses(v) || quoted(t, last) && cols.size() > 2 && !LineShapes.harmless(v) && !LineShapes.wordLike(v)) {
                int[] in = ProgramArguments.inner(t, last);
                spans.add(in[0], in[1]);
            }
        }
    }

    /** The columns between the place and the password name an account (alice, ops@acme.io, "DOMAIN\\bob"), never a flag. */
    private static boolean accounts(char[] t, List<int[]> cols) {
        for (int i = 1; i < cols.size() - 1; i++) {
            int[] c = cols.get(i);
            for (int k = c[0]; k < c[1]; k++) {
                char ch = t[k];
                if (!(Character.isLetterOrDigit(ch) || ch == '.' || ch == '_' || ch == '@' || ch == '\\' || ch == '"' || ch == '*' || ch == '-' && k > c[0])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Eight or more characters of letters in both cases and digits, no path, address or image reference: a key, not a name. */
    private static boolean madeOfClasses(String v) {
        if (v.length() < 8 || v.length() > 128 || v.indexOf(':') >= 0 || v.indexOf('/') >= 0 || LineShapes.harmless(v) || place(v)) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
        }
        return upper && lower && digit;
    }

    private static boolean quoted(char[] t, int[] c) {
        return c[1] - c[0] >= 2 && (t[c[0]] == '"' || t[c[0]] == '\'') && t[c[1] - 1] == t[c[0]];
    }

    /** An address, a network, a host name with a dot, a URL or an absolute path: where the credential is for. */
    private static boolean place(String w) {
        if (w.contains("://") || w.startsWith("/") && w.length() > 1) {
            return true;
        }
        if (w.isEmpty() || w.length() > 255) {
            return false;
        }
        boolean dot = false;
        boolean colon = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            dot |= c == '.';
            colon |= c == ':';
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == ':' || c == '/' || c == '@' || c == '_'
                    || c == '*' || c == '[' || c == ']' || c == '%')) {
                return false;
            }
        }
        return dot || colon && w.indexOf(':') != w.lastIndexOf(':'); // 10.0.0.1, vpn.acme.io, user@acme.io, fe80::1
    }

    /** {@code createUser [-e ENGINE] USER SHA "auth" [AES ["priv"]]}: the word after each protocol. */
    private static void snmpUser(char[] t, String lower, List<int[]> cols, Spans spans) {
        for (int i = 1; i + 1 < cols.size(); i++) {
            int[] c = cols.get(i);
            if (SNMP_PROTOCOLS.contains(lower.substring(c[0], c[1]))) {
                int[] v = cols.get(i + 1);
                String value = new String(t, v[0], v[1] - v[0]);
                if (!SNMP_PROTOCOLS.contains(value.toLowerCase(Locale.ROOT)) && !value.equals("-l") && !value.equals("-m")) {
                    int[] in = ProgramArguments.inner(t, v);
                    spans.add(in[0], in[1]);
                }
                i++;
            }
        }
    }

    /** {@code $USER3$=value} (resource.cfg): a password unless a path, a number or a placeholder. */
    private static void macro(char[] t, List<int[]> cols, Spans spans) {
        if (cols.size() != 1) {
            return;
        }
        int[] c = cols.get(0);
        int s = c[0];
        if (c[1] - s < 8 || t[s] != '$' || !(t[s + 1] == 'U' || t[s + 1] == 'u')) {
            return;
        }
        int i = s + 1;
        while (i < c[1] && i - s < 16 && Character.isLetterOrDigit(t[i])) {
            i++;
        }
        if (i + 1 >= c[1] || t[i] != '$' || t[i + 1] != '=' || !new String(t, s + 1, i - s - 1).toLowerCase(Locale.ROOT).matches("user[0-9]{1,3}")) {
            return;
        }
        String v = new String(t, i + 2, c[1] - i - 2);
        if (!ProgramArguments.harmless(v) && !LineShapes.harmless(v) && !LineShapes.wordLike(v)) {
            spans.add(i + 2, c[1]);
        }
    }

    /** The line's words: runs without blanks, a quoted run as one word; more than eight words, or a line with none: no columns. */
    private static List<int[]> columns(char[] t, int ls, int le) {
        List<int[]> out = new ArrayList<>();
        int i = ls;
        while (i < le) {
            char c = t[i];
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            int s = i;
            if (c == '"' || c == '\'') {
                int close = i + 1;
                while (close < le && t[close] != c) {
                    close++;
                }
                i = close < le ? close + 1 : le;
            } else {
                while (i < le && t[i] != ' ' && t[i] != '\t' && t[i] != '\r') {
                    i++;
                }
            }
            out.add(new int[] {s, i});
            if (out.size() > 12) {
                return List.of();
            }
        }
        return out;
    }
}
