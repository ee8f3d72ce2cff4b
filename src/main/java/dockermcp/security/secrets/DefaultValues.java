package dockermcp.security.secrets;

import java.util.List;

/**
 * A secret written as the default of a lookup: the name says secret, and its value is an expression that reads the
 * environment or a setting and falls back to a literal written in place ({@code os.getenv("DB_PASSWORD", "x")},
 * {@code ${DB_PASS:-x}}, Spring's {@code ${DB_PASSWORD:x}}, {@code process.env.X || "x"}, {@code ?? "x"},
 * {@code | default "x"}, {@code env('DB_PASSWORD', 'x')}, {@code getOrDefault(…, "x")}, {@code <%= ENV["X"] || "x" %>}), or
 * a YAML tag before the value ({@code !secret x}, {@code !!binary x}). The other rules take the expression's first word
 * for the value; the literal after it is the secret. In such an expression, under a secret name, every word that has the
 * shape of a made-up value ({@link PasswordShapes}) or is random goes; names, code paths, numbers and plain words stay.
 */
final class DefaultValues {

    /** Words of an expression that looks a value up or falls back (read in the detector's keyword pass). */
    static final List<String> WORDS = List.of("${", "{{", "<%", "||", "??", "getenv", "environ", "env(", "env[", "env.", "getordefault", "default",
            "fetch(", "lookup(", ".get(", "getproperty(", " !");
    /** How far an expression is read after its name. */
    private static final int MAX_EXPRESSION = 400;

    private DefaultValues() {
    }

    static void find(char[] t, Keywords.Found words, Spans spans) {
        if (!words.hasAny(WORDS)) {
            return;
        }
        int n = t.length;
        for (int p = 0; p < n; p++) {
            char c = t[p];
            if (c != '=' && c != ':' || !separator(t, p)) {
                continue;
            }
            int nameEnd = p;
            while (nameEnd > 0 && (t[nameEnd - 1] == ' ' || t[nameEnd - 1] == '"' || t[nameEnd - 1] == '\'' || t[nameEnd - 1] == ']')) {
                nameEnd--;
            }
            int nameStart = nameEnd;
            while (nameStart > 0 && nameEnd - nameStart < 64 && nameChar(t[nameStart - 1])) {
                nameStart--;
            }
            if (nameEnd - nameStart < 2 || !SecretNames.suggestsSecret(t, nameStart, nameEnd)) {
                continue;
            }
            int from = p + 1;
            if (from < n && (t[from] == '>' || t[from] == '=')) {
                from++; // =>, :=
            }
            p = Math.max(p, expression(t, from, spans) - 1);
        }
    }

    /** A name's '=' or ':' (not ==, !=, <=, >=, ://, ::). */
    private static boolean separator(char[] t, int p) {
        char prev = p > 0 ? t[p - 1] : ' ';
        char next = p + 1 < t.length ? t[p + 1] : ' ';
        if (t[p] == '=') {
            return prev != '=' && prev != '!' && prev != '<' && prev != '>' && next != '=';
        }
        return prev != ':' && next != ':' && next != '/';
    }

    private static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == '$';
    }

    /**
     * Reads the expression from {@code from} to its end (the line's end, or a ',' or ';' outside its brackets, or a bracket
     * it did not open); when it looks something up or falls back, its made-up words go. Returns where it ends.
     */
    private static int expression(char[] t, int from, Spans spans) {
        int n = t.length;
        int s = from;
        while (s < n && (t[s] == ' ' || t[s] == '\t')) {
            s++;
        }
        int depth = 0;
        int e = s;
        char quote = 0;
        for (; e < n && e - s < MAX_EXPRESSION && t[e] != '\n' && t[e] != '\r'; e++) {
            char c = t[e];
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && --depth < 0) {
                break;
            } else if (depth == 0 && (c == ',' || c == ';')) {
                break;
            }
        }
        if (lookup(t, s, e)) {
            words(t, s, e, spans);
        }
        return e;
    }

    /** The expression looks a value up or falls back: a call, ${…}, {{…}}, <%…%>, ||, ??, or, a subscript, a leading tag. */
    private static boolean lookup(char[] t, int s, int e) {
        if (s + 1 < e && t[s] == '!' && (t[s + 1] == '!' || Character.isLetter(t[s + 1]))) {
            return true; // !secret x, !!binary x
        }
        for (int k = s; k + 1 < e; k++) {
            char c = t[k];
            char d = t[k + 1];
            if ((c == '(' || c == '[') && k > s && called(t[k - 1]) || (c == '$' || c == '{') && d == '{' || c == '<' && d == '%' || (c == '|' || c == '?') && d == c
                    || c == ' ' && d == 'o' && k + 3 < e && t[k + 2] == 'r' && t[k + 3] == ' ') {
                return true;
            }
        }
        return false;
    }

    /** A call's or a subscript's bracket follows a name: getenv(, ENV[, environ.get( (a '[' after a blank opens no lookup). */
    private static boolean called(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
    }

    /** The expression's words (apart by blanks, quotes and brackets); each that is made up goes, or its default after a ':'. */
    private static void words(char[] t, int s, int e, Spans spans) {
        int i = s;
        while (i < e) {
            if (delimiter(t[i])) {
                i++;
                continue;
            }
            int w = i;
            while (i < e && !delimiter(t[i])) {
                i++;
            }
            int from = w;
            for (int k = i - 1; k > w; k--) {
                if (t[k] == ':') { // DB_PASS:-x, DB_PASSWORD:x, env:DB_PASS:x: the default after the last ':'
                    from = k + 1;
                    while (from < i && (t[from] == '-' || t[from] == '=' || t[from] == '?')) {
                        from++;
                    }
                    break;
                }
            }
            if (i - from >= 6 && !codePath(t, from, i) && madeUp(t, from, i)) {
                spans.add(from, i);
            }
        }
    }

    private static boolean delimiter(char c) {
        return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '`' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}'
                || c == ',' || c == '|' || c == ';' || c == '<' || c == '>';
    }

    /** A tag ({@code !secret}), or an identifier path of code ({@code process.env.API_KEY}, {@code .Values.pw}, {@code os.getenv}): no digit mixed into a word. */
    private static boolean codePath(char[] t, int s, int e) {
        if (t[s] == '!' || t[s] == '&' || t[s] == '*' || t[s] == '$' || t[s] == '%' || t[s] == '=') {
            boolean letters = true;
            for (int k = s + 1; k < e; k++) {
                letters &= Character.isLetter(t[k]) || t[k] == '!' || t[k] == '_' || t[k] == '.';
            }
            if (letters) {
                return true;
            }
        }
        for (int k = s; k < e; k++) {
            char c = t[k];
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true; // letters, '_' and '.' only: a name or a path of names (a made-up value has a digit or a symbol)
    }

    /**
     * A made-up value: the shape of a generated key or a human password ({@link PasswordShapes}), random, or, as a secret
     * name's fallback, 8 characters or more with capitals, small letters and digits (a host, a region, a version, an
     * algorithm, a duration or a path has not all three).
     */
    private static boolean madeUp(char[] t, int s, int e) {
        if (t[s] == '/' || e - s > 128) {
            return false;
        }
        return e - s >= 8 && PasswordShapes.allThreeClasses(t, s, e) || PasswordShapes.looksMadeUp(new String(t, s, e - s))
                || e - s >= 16 && RandomTokens.isRandom(t, s, e, null);
    }
}
