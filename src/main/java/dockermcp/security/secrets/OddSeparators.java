package dockermcp.security.secrets;

import java.util.List;
import java.util.Set;

/**
 * A password word and its value joined by what is not {@code =} or {@code :}: an arrow or operator
 * ({@code password -> x}, {@code <-}, {@code :=}, {@code =>}, {@code ~}, {@code |}), words ({@code password was set to x},
 * {@code is now x}, {@code for admin is x}), a call ({@code setPassword("x")}, {@code .withPassword('x')}: the last string
 * argument); and the word for password in other languages, several words long or in other scripts
 * ({@code parola d'ordine: x}, {@code mot de passe : x}, {@code 密码：x}). After an operator any value but a harmless form
 * or a common word is hidden; after words or a one-character operator, only a value that is not a plain word.
 */
final class OddSeparators {

    private static final String[] STEMS = {"pass", "pwd", "secret", "token", "cred"};
    private static final List<String> OPERATORS = List.of("->", "<-", ":=", "=>", "~>", "~=", "==", "::", ">>", "|>", "<=", "=:", "\u2192", "\u21d2",
            "\u27f6", "|", "~");
    private static final Set<String> LINKS = Set.of("is", "was", "has", "have", "been", "set", "reset", "changed", "updated", "now", "to", "becomes",
            "became", "for", "remains");
    private static final Set<String> LAST_LINKS = Set.of("is", "to", "now", "becomes", "became", "remains");
    /** Phrases for password in other languages that the single-word rules do not read (lower case, as written). */
    private static final List<String> FOREIGN = List.of("parola d'ordine", "parola d\u2019ordine", "parola chiave", "chiave segreta", "codice segreto",
            "clave de acceso", "clave secreta", "contrasenya", "palavra-passe", "palavra passe", "kata sandi", "kata laluan", "kata kunci", "parool",
            "lykilor\u00f0", "pasahitza", "slapta\u017eodis", "m\u1eadt kh\u1ea9u", "\u043f\u0430\u0440\u043e\u043b\u0430", "\u043b\u043e\u0437\u0438\u043d\u043a\u0430",
            "\u0433\u0430\u0441\u043b\u043e", "\u05e1\u05d9\u05e1\u05de\u05d4", "\u05e1\u05d9\u05e1\u05de\u05d0", "\u0643\u0644\u0645\u0629 \u0627\u0644\u0645\u0631\u0648\u0631",
            "\u0643\u0644\u0645\u0629 \u0627\u0644\u0633\u0631", "\u0631\u0645\u0632 \u0639\u0628\u0648\u0631", "\u092a\u093e\u0938\u0935\u0930\u094d\u0921",
            "\u0e23\u0e2b\u0e31\u0e2a\u0e1c\u0e48\u0e32\u0e19", "\u53e3\u4ee4", "\u5bc6\u7801", "\u5bc6\u78bc", "\u30d1\u30b9\u30ef\u30fc\u30c9", "\ube44\ubc00\ubc88\ud638",
            "\uc554\ud638", "\u043f\u0430\u0440\u043e\u043b\u044c", "\u03ba\u03c9\u03b4\u03b9\u03ba\u03cc\u03c2", "\u015fifre", "jelsz\u00f3", "has\u0142o",
            "l\u00f6senord", "contrase\u00f1a", "paroll\u00eb", "parol\u0103").stream()
            .flatMap(p -> java.util.stream.Stream.of(p, PlainView.of(p).text().toLowerCase(java.util.Locale.ROOT))).distinct().toList(); // as the detector reads them
    /** The last letters of the phrases: a separator after another letter needs no comparison. */
    private static final String FOREIGN_ENDS = FOREIGN.stream().map(p -> String.valueOf(p.charAt(p.length() - 1))).distinct().reduce("", String::concat);
    private static final int MAX_VALUE = 256;
    private static final String[] CALL_VERBS = {"bind", "login", "logon", "connect"};

    private OddSeparators() {
    }

    static void find(char[] t, String s, String lower, Keywords.Found words, Spans spans) {
        for (String stem : STEMS) {
            if (!words.has(stem)) {
                continue;
            }
            int at = lower.indexOf(stem);
            while (at >= 0) {
                at = afterWord(t, lower, at, stem.length(), spans);
                at = lower.indexOf(stem, at);
            }
        }
        for (String verb : CALL_VERBS) { // ldap_simple_bind_s(ld, "cn=admin", "x"), login("u", "x"): the last of two or more strings
            if (!words.has(verb)) {
                continue;
            }
            int at = lower.indexOf(verb);
            while (at >= 0) {
                int e = at + verb.length();
                while (e < t.length && e - at < 64 && (Character.isLetterOrDigit(t[e]) || t[e] == '_')) {
                    e++;
                }
                if (e < t.length && t[e] == '(') {
                    call(t, e, 2, spans);
                }
                at = lower.indexOf(verb, e);
            }
        }
        String folded = nonAscii(t) ? fold(t) : lower;
        int at = indexOfSeparator(t, 0);
        while (at >= 0) { // a foreign phrase ends before a separator: one pass, each separator after a letter compared with the phrases
            int b = at;
            while (b > 0 && LineShapes.blank(t[b - 1])) {
                b--;
            }
            if (b > 0 && Character.isLetter(t[b - 1]) && FOREIGN_ENDS.indexOf(Character.toLowerCase(t[b - 1])) >= 0) {
                for (String phrase : FOREIGN) {
                    int s0 = b - phrase.length();
                    if (s0 >= 0 && folded.startsWith(phrase, s0) && (s0 == 0 || !Character.isLetter(t[s0 - 1]))) {
                        value(t, skipBlanks(t, at + 1), false, spans);
                        break;
                    }
                }
            }
            at = indexOfSeparator(t, at + 1);
        }
    }

    private static int indexOfSeparator(char[] t, int from) {
        for (int i = from; i < t.length; i++) {
            if (t[i] == ':' || t[i] == '=' || t[i] == '\uff1a') {
                return i;
            }
        }
        return -1;
    }

    /** The word holding the keyword, then a call, an operator or linking words, then the value. Returns where to search on. */
    private static int afterWord(char[] t, String lower, int at, int len, Spans spans) {
        int s = at;
        while (s > 0 && at - s < 64 && (Character.isLetterOrDigit(t[s - 1]) || t[s - 1] == '_')) {
            s--;
        }
        int e = at + len;
        while (e < t.length && e - at < 64 && (Character.isLetterOrDigit(t[e]) || t[e] == '_' || t[e] == '-' && e + 1 < t.length && Character.isLetter(t[e + 1]))) {
            e++;
        }
        if (!SecretNames.suggestsSecret(lower.substring(s, e))) {
            return e;
        }
        if (e < t.length && t[e] == '(') {
            call(t, e, 1, spans);
            return e;
        }
        int i = skipBlanks(t, e);
        for (String op : OPERATORS) {
            if (startsWith(t, i, op) && !(op.equals("|") && i + 1 < t.length && t[i + 1] == '|')) {
                int v = skipBlanks(t, i + op.length());
                value(t, v, op.length() == 1 || op.equals("::"), spans);
                return v;
            }
        }
        int links = 0;
        String last = null;
        while (links < 5 && i < t.length) {
            int w = i;
            while (w < t.length && Character.isLetter(t[w])) {
                w++;
            }
            String word = lower.substring(i, w);
            if (w == i || w == t.length || !LineShapes.blank(t[w]) || !(LINKS.contains(word) || "for".equals(last))) {
                break;
            }
            last = word;
            links++;
            i = skipBlanks(t, w);
        }
        if (last != null && LAST_LINKS.contains(last)) {
            value(t, i, true, spans);
        }
        return Math.max(e, i);
    }

    /** The value after a separator: a quoted string, or a run to a blank or a closing mark. */
    private static void value(char[] t, int v, boolean strict, Spans spans) {
        if (v >= t.length || t[v] == '\n') {
            return;
        }
        int end = v;
        if (t[v] == '[' || t[v] == '<' || t[v] == '(' || t[v] == '{') {
            return; // a mask, a placeholder or a structure: [FILTERED], <redacted>, {...}
        }
        if (t[v] == '"' || t[v] == '\'') {
            end = v + 1;
            while (end < t.length && end - v < MAX_VALUE && t[end] != t[v] && t[end] != '\n') {
                end++;
            }
            if (end >= t.length || t[end] != t[v]) {
                return;
            }
            end++;
        } else {
            while (end < t.length && end - v < MAX_VALUE && !Character.isWhitespace(t[end]) && ",;()]}|\"'".indexOf(t[end]) < 0) {
                end++;
            }
        }
        String value = new String(t, v, end - v);
        if (end > v && end < t.length && t[end] == '(') {
            return; // a type or a call: varchar(255), hash(x)
        }
        if (end > v && !LineShapes.harmless(value) && !(strict && LineShapes.wordLike(value))) {
            LineShapes.hide(t, v, end, spans);
        }
    }

    /** {@code setPassword("x")}, {@code updatePassword("u", "p")}: the last string argument. */
    private static void call(char[] t, int open, int min, Spans spans) {
        int strings = 0;
        int lastS = -1;
        int lastE = -1;
        int i = open + 1;
        while (i < t.length && i - open < 512 && t[i] != ')' && t[i] != '\n') {
            if (t[i] == '"' || t[i] == '\'') {
                int close = i + 1;
                while (close < t.length && close - i < MAX_VALUE && t[close] != t[i] && t[close] != '\n') {
                    close += t[close] == '\\' ? 2 : 1;
                }
                if (close >= t.length || t[close] != t[i]) {
                    return;
                }
                lastS = i;
                lastE = close + 1;
                strings++;
                i = close + 1;
            } else {
                i++;
            }
        }
        if (strings >= min && lastE - lastS > 2 && !LineShapes.harmless(new String(t, lastS, lastE - lastS))) {
            spans.add(lastS + 1, lastE - 1);
        }
    }

    private static boolean nonAscii(char[] t) {
        for (char c : t) {
            if (c >= 0x80) {
                return true;
            }
        }
        return false;
    }

    /** Lower case of every letter, one character for one, so that positions stay. */
    private static String fold(char[] t) {
        char[] out = new char[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = Character.toLowerCase(t[i]);
        }
        return new String(out);
    }

    private static int skipBlanks(char[] t, int i) {
        while (i < t.length && LineShapes.blank(t[i])) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(char[] t, int at, String w) {
        if (at + w.length() > t.length) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (t[at + k] != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
