package dockermcp.security.secrets;

import java.util.List;

/**
 * A secret told in a sentence: a word that names one (password, passphrase, token, secret, credentials, PIN, a community
 * string, a recovery or backup code), then, a few words on in the same sentence, a made-up value
 * ({@code Initial password for user admin is Wr4!nBq8Lm2x}, {@code Generated admin token mLN9PG*599OfiQ5M (shown once)},
 * {@code the passphrase you chose, Mv8#qT2pLx9k, was saved}, {@code Your one-time recovery code is lwXVK_hVaW2A…}). Only a
 * word with the shape of a generated key or a human password ({@link PasswordShapes}), or a random one, goes: user names,
 * hosts, ids, numbers and plain words in the same sentence stay. Free text only.
 */
final class SentenceValues {

    /** Words that name a secret, as the keyword pass reads them. */
    static final List<String> WORDS = List.of("pass", "pwd", "secret", "token", "cred", "pin", "code", "community", "otp", " with value ", " set to ",
            "setting ", "set ");
    /** What tells a named setting's value in prose: {@code Loaded config key NAME with value x}, {@code NAME set to x}. */
    private static final List<String> TELLS = List.of("with value ", "set to ");
    /**
     * How many words after the secret's name are read (counted in words, not characters: a word hidden by another rule
     * reads the same the second time), and the longest word read (a longer one ends the sentence: linear time).
     */
    private static final int MAX_WORDS = 8;
    private static final int MAX_WORD = 1024;
    /** Words before "code" that make it a secret code. */
    private static final List<String> CODE_KINDS = List.of("recovery", "backup", "one-time", "onetime", "verification", "setup", "pairing", "access",
            "security", "unlock", "2fa", "mfa", "auth", "authentication", "login", "activation", "enrollment", "enrolment");

    private SentenceValues() {
    }

    static void find(char[] t, Keywords.Found words, Spans spans) {
        if (!words.hasAny(WORDS)) {
            return;
        }
        int n = t.length;
        int previous = -1; // where the word before starts (for "recovery code")
        int previousEnd = -1;
        int i = 0;
        while (i < n) {
            if (!letter(t[i])) {
                i++;
                continue;
            }
            int e = i;
            while (e < n && (letter(t[e]) || t[e] >= '0' && t[e] <= '9' || t[e] == '-' || t[e] == '_')) {
                e++;
            }
            int after = e;
            while (after < n && (t[after] == '"' || t[after] == '\'' || t[after] == ' ' && after - e < 2)) {
                after++;
            }
            if (after < n && (t[after] == '=' || t[after] == ':')) {
                previous = -1; // password=x, "pwd": "x", Token: x: a name and its value, the other rules' to judge
            } else if (after > e && previous >= 0 && settingTo(t, previous, previousEnd, after) && SecretNames.suggestsSecret(t, i, e)) {
                clause(t, i, e, after + 3, spans); // Setting IPMI_PW to x
            } else if (after > e && told(t, after) > 0 && SecretNames.suggestsSecret(t, i, e)) {
                clause(t, i, e, after + told(t, after), spans); // Loaded config key SCHLUESSEL with value x, DB_AMHO set to four plain words
            } else if (namesSecret(t, i, e, previous, previousEnd)) {
                sentence(t, e, spans);
            }
            previous = i;
            previousEnd = e;
            i = e;
        }
    }

    private static boolean letter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The word t[s, e) names a secret: password, passphrase, passwd, pwd, secret, token(s), credential(s), pin, otp, community, a recovery code. */
    private static boolean namesSecret(char[] t, int s, int e, int previous, int previousEnd) {
        if (e - s < 3) {
            return false;
        }
        e = Math.min(e, s + 40); // a name is read by its first 40 characters
        for (int k = s; k + 6 <= e; k++) { // password, passwd, passphrase, passcode, passwort inside a name (db_password, adminPasswd)
            if ((t[k] | 0x20) == 'p' && (startsAt(t, k, e, "passw") || startsAt(t, k, e, "passphrase") || startsAt(t, k, e, "passcode"))) {
                return !startsAt(t, k, e, "passwordless") && !contains(t, s, e, "reset");
            }
        }
        if (whole(t, s, e, "pwd") || whole(t, s, e, "secret") || whole(t, s, e, "secrets") || whole(t, s, e, "token") || whole(t, s, e, "tokens")
                || whole(t, s, e, "credential") || whole(t, s, e, "credentials") || whole(t, s, e, "pin") || whole(t, s, e, "otp")
                || whole(t, s, e, "community")) {
            return true;
        }
        if ((whole(t, s, e, "code") || whole(t, s, e, "codes")) && previous >= 0) {
            for (String kind : CODE_KINDS) {
                if (whole(t, previous, previousEnd, kind)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** t[s, e) is the word, in any ASCII case. */
    private static boolean whole(char[] t, int s, int e, String lowerWord) {
        return e - s == lowerWord.length() && KeyMaterial.startsWithLower(t, s, lowerWord);
    }

    private static boolean startsAt(char[] t, int k, int e, String lowerWord) {
        return e - k >= lowerWord.length() && KeyMaterial.startsWithLower(t, k, lowerWord);
    }

    private static boolean contains(char[] t, int s, int e, String lowerWord) {
        for (int k = s; k < e; k++) {
            if (startsAt(t, k, e, lowerWord)) {
                return true;
            }
        }
        return false;
    }

    /** "Setting NAME to …", "set NAME to …": the word before the name says set, and "to " follows it. */
    private static boolean settingTo(char[] t, int word, int wordEnd, int after) {
        int len = wordEnd - word;
        return (len == 7 && KeyMaterial.startsWithLower(t, word, "setting") || len == 3 && KeyMaterial.startsWithLower(t, word, "set"))
                && KeyMaterial.startsWithLower(t, after, "to ");
    }

    /** The length of the words that tell a value at {@code at} ({@link #TELLS}), or 0. */
    private static int told(char[] t, int at) {
        for (String w : TELLS) {
            if (KeyMaterial.startsWithLower(t, at, w)) {
                return w.length();
            }
        }
        return 0;
    }

    /**
     * The value a setting's name was told with: the rest of its clause (a passphrase of plain words too), to the line's or the
     * sentence's end, unless the name allows it as the configuration rule does (a length, a duration, a count).
     */
    private static void clause(char[] t, int name, int nameEnd, int from, Spans spans) {
        int n = t.length;
        int e = from;
        while (e < n && e - from < 200 && t[e] != '\n' && t[e] != '\r' && !(t[e] == ' ' && e > from && (t[e - 1] == '.' || t[e - 1] == ',')
                && e + 1 < n && (t[e + 1] < 'a' || t[e + 1] > 'z'))) {
            e++;
        }
        while (e > from && (t[e - 1] == ' ' || t[e - 1] == '.' || t[e - 1] == ',' || t[e - 1] == '"' || t[e - 1] == '\'')) {
            e--;
        }
        int s = from;
        while (s < e && (t[s] == '"' || t[s] == '\'')) {
            s++;
        }
        if (e > s && !SecretNames.allowsValue(new String(t, name, nameEnd - name), new String(t, s, e - s))) {
            spans.add(s, e); // what the name allows stays: PASSWORD_MIN_LENGTH set to 12, TOKEN_TTL with value 3600s
        }
    }

    /** The words after a secret's name, up to the sentence's end: each made-up one goes. */
    private static void sentence(char[] t, int from, Spans spans) {
        int n = t.length;
        int i = from;
        for (int read = 0; read < MAX_WORDS && i < n; read++) {
            while (i < n && between(t[i])) {
                if (t[i] == '}' || t[i] == ']') {
                    return; // a structure ends: {"msg":"password changed"}, …
                }
                i++;
            }
            if (i >= n || t[i] == '\n' || t[i] == '\r') {
                return;
            }
            int s = i;
            while (i < n && !between(t[i]) && t[i] != '\n' && t[i] != '\r') {
                if (i - s > MAX_WORD) {
                    return;
                }
                i++;
            }
            int q = i;
            while (q < n && (t[q] == '"' || t[q] == '\'')) {
                q++;
            }
            if (q < n && (t[q] == ':' || t[q] == '=') && q > i) {
                return; // "user": the next field's name: the sentence was a string that has ended
            }
            int we = i;
            boolean ends = false;
            while (we > s && (t[we - 1] == '.' || t[we - 1] == ':')) {
                ends |= t[we - 1] == '.';
                we--;
            }
            if (we - s >= 8 && madeUp(t, s, we)) {
                spans.add(s, we);
            }
            if (ends && i + 1 < n && t[i] == ' ' && t[i + 1] >= 'A' && t[i + 1] <= 'Z') {
                return; // ". Store it somewhere safe": the next sentence
            }
        }
    }

    /** What stands between the words of a sentence: blanks, quotes, commas, brackets. */
    private static boolean between(char c) {
        return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';' || c == '(' || c == ')' || c == '[' || c == ']'
                || c == '{' || c == '}' || c == '<' || c == '>';
    }

    private static boolean madeUp(char[] t, int s, int e) {
        for (int k = s; k < e; k++) {
            if (t[k] == '=' || t[k] == '@' || t[k] == '/') {
                return false; // a setting, a mail address or a path: judged by their own rules
            }
        }
        // a sentence also names algorithms and classes (PBKDF2WithHmacSHA512, NextCloud_Web01): all three classes and a symbol, or
        // switching often, or a password's shape with a symbol, or random
        boolean symbol = symbol(t, s, e);
        int switches = PasswordShapes.switches(t, s, e);
        return PasswordShapes.allThreeClasses(t, s, e) && (symbol || switches >= 6)
                || (symbol || switches >= 6) && (PasswordShapes.looksMadeUp(new String(t, s, e - s)) || e - s >= 16 && RandomTokens.isRandom(t, s, e, null));
    }

    private static boolean symbol(char[] t, int s, int e) {
        for (int k = s; k < e; k++) {
            if ("!#$%^&*?~+".indexOf(t[k]) >= 0) {
                return true;
            }
        }
        return false;
    }
}
