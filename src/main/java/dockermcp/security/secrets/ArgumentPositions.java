package dockermcp.security.secrets;

/**
 * Secrets that no keyword points at, judged by where they stand and what the line is about: an argument of a call, a
 * constructor or a record whose name says credentials ({@code DbSettings(pg01,5432,app,X,true)},
 * {@code {"method":"personal_unlockAccount","params":["0x…","X",300]}}, {@code createUser('u','X')}), an argv list printed
 * with commas ({@code [--db-password, X, --port=8080]}), a terminal recording's input after a password prompt, a
 * {@code DOMAIN/user:X@host} target, a program's short flag ({@code openfortivpn -p 'X'}); the last cell of a table row or
 * a lone value line read without its name line (a tail window, one stream: {@code svc459      X}, {@code : X},
 * {@code string(17) "X"}); a sentence naming a secret key then {@code with value X}; a folded iCalendar line continuing a
 * password; a HomeKit setup URI.
 *
 * <p>One pass over the text cuts it into cells at blanks, quotes, brackets, commas, colons and {@code @}; only a cell
 * with capitals, small letters and digits that has the shape of a made-up password ({@link PasswordShapes}) is judged,
 * and the line's words are read at most once per line, so the cost stays linear whatever the text holds.
 */
final class ArgumentPositions {

    private static final int MIN = 12;
    private static final int MAX = 64;
    /** Words that make a password-shaped argument on their line a credential: anywhere in a word ({@code openfortivpn}, {@code db_password}). */
    private static final String[] CONTEXT = {"pass", "pwd", "secret", "vpn", "login", "logon", "auth", "unlock", "cred", "signin", "sign_in"};
    /** The same at a word's start or a capital ({@code createUser}, {@code DbSettings}, {@code usermod}), not inside one ({@code feedback}). */
    private static final String[] CONTEXT_AT_START = {"user", "db", "database", "account", "connect", "identified", "sudo", "token", "principal",
        "member", "bind", "keystore", "vault"};
    /** Words of a prompt whose answer is the next line (a terminal recording's input event after {@code [sudo] password for u:}). */
    private static final String[] PROMPT = {"pass", "pwd", "pin", "token", "secret", "otp", "code"};
    /** Words after which a random run is an identifier (request_id: AbC…, trace AbC…), not a secret. */
    private static final String[] ID_WORDS = {"id", "ids", "trace", "span", "request", "req", "correlation", "nonce", "etag", "digest",
        "revision", "rev", "commit", "sha", "hash", "checksum", "build", "version", "tag", "image", "uuid", "ulid", "object", "key_id", "kid", "sha1",
        "sha256", "sha384", "sha512", "md5", "fingerprint", "ksuid"};
    /** Bit 1: a cell's character; bit 2: a capital; bit 4: a small letter; bit 8: a digit. */
    private static final byte[] KIND = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            KIND[c] = 1; // control characters too: the output drops them, and a second reading must find the same cells
        }
        for (char c : " \t\r\n\"'`,()[]{}<>;:@\\|".toCharArray()) {
            KIND[c] = 0;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            KIND[c] |= 2;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            KIND[c] |= 4;
        }
        for (char c = '0'; c <= '9'; c++) {
            KIND[c] |= 8;
        }
    }

    private ArgumentPositions() {
    }

    static void find(char[] t, String lower, Spans spans) {
        int n = t.length;
        int ls = 0;
        int le = -1; // the line's end, found when a cell needs it
        int prevStart = -1;
        int prevEnd = -1;
        byte context = 0; // 0 not read, 1 no, 2 yes
        byte prevPrompt = 0;
        int i = 0;
        while (i < n) { // one walk: cells and line ends together
            char c = t[i];
            if (c == '\n') {
                prevStart = ls;
                prevEnd = i;
                ls = i + 1;
                le = -1;
                context = 0;
                prevPrompt = 0;
                if (ls < n && t[ls] == ' ') {
                    le = lineEnd(t, ls);
                    folded(t, lower, ls, le, prevStart, prevEnd, spans);
                }
                i++;
                continue;
            }
            if (c >= 128 || KIND[c] == 0) {
                i++;
                continue;
            }
            int s = i;
            int kinds = 0;
            while (i < n && (c = t[i]) < 128 && KIND[c] != 0) {
                kinds |= KIND[c];
                i++;
            }
            if (kinds != 15 || i - s < MIN || i - s > MAX) {
                if (i - s == 4 && (t[s] == 'X' || t[s] == 'x') && lower.startsWith("-hm://", s + 1)) {
                    setupCode(t, s + 7, n, spans); // X-HM://<payload>: a HomeKit setup code
                }
                continue; // the common case: no capital, small letter and digit together
            }
            int e = i;
            if (!madeUp(t, s, e) || idBefore(lower, ls, s)) {
                continue;
            }
            if (le < 0) {
                le = lineEnd(t, e);
            }
            if (context == 0) {
                context = mentions(t, lower, ls, le, false) ? (byte) 2 : 1;
            }
            if (context == 1 && prevStart >= 0 && prevPrompt == 0) {
                prevPrompt = mentions(t, lower, prevStart, prevEnd, true) ? (byte) 2 : 1;
            }
            if (context == 2 || prevPrompt == 2 || userAtHost(t, s, e, le) || secretFlagBefore(t, lower, ls, s)
                    || lastCell(t, e, le) && (tableGap(t, ls, s) || valueMark(t, ls, s)) && mixedCase(shown(t, s, e)) && !base64OfText(t, s, e)) {
                spans.add(s, e);
            }
        }
    }

    private static int lineEnd(char[] t, int i) {
        while (i < t.length && t[i] != '\n') {
            i++;
        }
        return i;
    }

    /** The cell's characters as the output shows them: without control characters, which are dropped there. */
    private static char[] shown(char[] t, int s, int e) {
        char[] c = new char[e - s];
        int n = 0;
        for (int i = s; i < e; i++) {
            if (t[i] >= ' ' && t[i] != 0x7f) {
                c[n++] = t[i];
            }
        }
        return n == c.length ? c : java.util.Arrays.copyOf(c, n);
    }

    /** A random password's shape, judged on the characters the output shows, so that a second reading judges alike. */
    private static boolean madeUp(char[] t, int s, int e) {
        char[] c = shown(t, s, e);
        int n = c.length;
        int kinds = 0;
        for (char x : c) {
            kinds |= KIND[x];
        }
        return kinds == 15 && n >= MIN && n <= MAX && random(c, 0, n) && !objectId(c, 0, n) && PasswordShapes.looksMadeUp(new String(c));
    }

    /**
     * True when the line [s, e) holds a word that says credentials (a prompt: such a word, then a colon), outside the cells
     * that are themselves random (a key's letters spell anything).
     */
    private static boolean mentions(char[] t, String lower, int s, int e, boolean prompt) {
        int i = s;
        while (i < e) {
            if (t[i] >= 128 || KIND[t[i]] == 0) {
                i++;
                continue;
            }
            int cs = i;
            int kinds = 0;
            while (i < e && t[i] < 128 && KIND[t[i]] != 0) {
                kinds |= KIND[t[i]];
                i++;
            }
            int ce = i;
            if (kinds == 15 && i - cs >= MIN) {
                ce = cs; // a random cell spells anything; only its name before '=' counts (--password=X)
                while (ce < i && t[ce] != '=') {
                    ce++;
                }
                if (ce == i) {
                    continue;
                }
            }
            for (int k = cs; k < ce; k++) {
                if (prompt ? said(lower, k, ce, PROMPT) && colonAfter(t, k, e) : said(lower, k, ce, CONTEXT)
                        || (k == cs || !Character.isLetter(t[k - 1]) || Character.isUpperCase(t[k])) && said(lower, k, ce, CONTEXT_AT_START)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean said(String lower, int k, int end, String[] words) {
        char c = lower.charAt(k);
        for (String w : words) {
            if (w.charAt(0) == c && k + w.length() <= end && lower.startsWith(w, k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean colonAfter(char[] t, int k, int e) {
        for (int i = k; i < e; i++) {
            if (t[i] == ':' || t[i] == '?') {
                return true;
            }
        }
        return false;
    }

    /** {@code [--db-password, X]}, {@code -p, X}: an argv list printed with commas, a password flag the cell before. */
    private static boolean secretFlagBefore(char[] t, String lower, int ls, int s) {
        int e = s;
        int commas = 0;
        while (e > ls && (t[e - 1] == ' ' || t[e - 1] == ',' || t[e - 1] == '"' || t[e - 1] == '\'')) {
            commas += t[e - 1] == ',' ? 1 : 0;
            e--;
        }
        if (commas != 1) {
            return false; // a blank apart is a command line (ProgramArguments); two commas apart are different elements
        }
        int b = e;
        while (b > ls && e - b <= 40 && " ,[\"'".indexOf(t[b - 1]) < 0) {
            b--;
        }
        int name = b;
        while (name < e && t[name] == '-') {
            name++;
        }
        if (name == b || name >= e) {
            return false;
        }
        return e - name == 1 && "pPkwa".indexOf(t[name]) >= 0 || said(lower, name, e, CONTEXT) || lower.startsWith("key", e - 3) || lower.startsWith("token", e - 5);
    }

    /** Not mostly words: letters in runs of five or more small letters are less than half the cell (AuthenticationMD5Password, jdk_x64_linux). */
    private static boolean random(char[] t, int s, int e) {
        int inWords = 0;
        int run = 0;
        for (int i = s; i <= e; i++) {
            if (i < e && t[i] >= 'a' && t[i] <= 'z') {
                run++;
                continue;
            }
            if (run >= 5 && vowels(t, i - run, i) * 5 >= run) {
                inWords += run; // a word has vowels; a random run of small letters (bofldslbrqxg) seldom does
            }
            run = 0;
        }
        return inWords * 2 < e - s;
    }

    /** Base64 that decodes to printable text ({@code VXNlcm5hbWU6}, an SMTP AUTH LOGIN prompt): words encoded, not a key. */
    private static boolean base64OfText(char[] t, int s, int e) {
        if ((e - s) % 4 != 0) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(new String(t, s, e - s));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Case changes as random keys have them: two humps, or one and a password symbol (OpenJDK17U-jdk_x64 has one and none). */
    private static boolean mixedCase(char[] t) {
        int s = 0;
        int e = t.length;
        int humps = humps(t, s, e);
        if (humps >= 2) {
            return true;
        }
        for (int i = s; i < e && humps == 1; i++) {
            if ("!#$%^&*?~+".indexOf(t[i]) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int vowels(char[] t, int s, int e) {
        int n = 0;
        for (int i = s; i < e; i++) {
            n += "aeiouy".indexOf(t[i]) >= 0 ? 1 : 0;
        }
        return n;
    }

    /** Small letters followed by a capital: random mixed case has several, names in camel case one or two. */
    private static int humps(char[] t, int s, int e) {
        int n = 0;
        for (int i = s + 1; i < e; i++) {
            if (t[i] >= 'A' && t[i] <= 'Z' && t[i - 1] >= 'a' && t[i - 1] <= 'z') {
                n++;
            }
        }
        return n;
    }

    /** {@code price_7SVL…}, {@code cus_Enk7…}: a short lower-case kind, an underscore, then letters and digits only: an object's id. */
    private static boolean objectId(char[] t, int s, int e) {
        int i = s;
        while (i < e && t[i] >= 'a' && t[i] <= 'z') {
            i++;
        }
        if (i - s < 2 || i - s > 8 || i >= e || t[i] != '_') {
            return false;
        }
        for (i++; i < e; i++) {
            if (!(Character.isLetterOrDigit(t[i]) && t[i] < 128)) {
                return false;
            }
        }
        return true;
    }

    /** The word just before the cell at s names an identifier: request_id: x, trace x, etag "x". */
    private static boolean idBefore(String lower, int ls, int s) {
        int e = s;
        while (e > ls && " \t:=\"'".indexOf(lower.charAt(e - 1)) >= 0) {
            e--;
        }
        int b = e;
        while (b > ls && (Character.isLetterOrDigit(lower.charAt(b - 1)) || lower.charAt(b - 1) == '_' || lower.charAt(b - 1) == '-') && e - b < 40) {
            b--;
        }
        if (b == e) {
            return false;
        }
        for (String w : ID_WORDS) {
            if (lower.startsWith(w, e - w.length()) && e - w.length() >= b) {
                return true;
            }
        }
        return false;
    }

    /** Nothing but blanks, quotes and closing marks after the cell: it is the line's last. */
    private static boolean lastCell(char[] t, int e, int le) {
        for (int i = e; i < le; i++) {
            if (" \t\r\"'`,;)]}>".indexOf(t[i]) < 0 && !(t[i] == '\\' && i + 1 < le && (t[i + 1] == 'r' || t[i + 1] == 'n'))) {
                return false;
            }
            if (t[i] == '\\') {
                i++;
            }
        }
        return true;
    }

    /** Two blanks or a tab right before the cell (after its quote): a column of a table. */
    private static boolean tableGap(char[] t, int ls, int s) {
        int b = s;
        if (b > ls && (t[b - 1] == '"' || t[b - 1] == '\'')) {
            b--;
        }
        if (!(b - 1 > ls && (t[b - 1] == '\t' || t[b - 1] == ' ' && t[b - 2] == ' '))) {
            return false;
        }
        for (int i = ls; i < b; i++) {
            if (!LineShapes.blank(t[i])) {
                return true; // a cell before the gap: a row, not an indented line
            }
        }
        return false;
    }

    /**
     * A mark and at most six letters before the cell on its line ({@code : x}, {@code - x}, {@code string(17) "x"}, {@code 4) "x"}):
     * a value alone whose name line is elsewhere. A cell with nothing before it is a configuration value or a word of its own.
     */
    private static boolean valueMark(char[] t, int ls, int s) {
        int letters = 0;
        boolean mark = false;
        for (int i = ls; i < s; i++) {
            if (Character.isLetter(t[i]) && ++letters > 6) {
                return false;
            }
            mark |= ":-=>)".indexOf(t[i]) >= 0;
        }
        return mark;
    }

    /** {@code DOMAIN/user:X@host}: the cell between a colon and an at sign, a user name before it. */
    private static boolean userAtHost(char[] t, int s, int e, int le) {
        return s > 1 && t[s - 1] == ':' && e < le && t[e] == '@' && (Character.isLetterOrDigit(t[s - 2]) || t[s - 2] == '_');
    }

    /** A HomeKit setup code after {@code X-HM://}: the run of capitals and digits. */
    private static void setupCode(char[] t, int s, int le, Spans spans) {
        int e = s;
        while (e < le && (t[e] >= 'A' && t[e] <= 'Z' || t[e] >= '0' && t[e] <= '9')) {
            e++;
        }
        if (e - s >= 8) {
            spans.add(s, e);
        }
    }

    private static final String[] FOLDED_WORDS = {"password", "passcode", "passwort", "pin", "secret", "token", "access code", "kennwort"};

    /**
     * iCalendar and mail headers fold a long line: the next line starts with one blank and goes on where it stopped. When the
     * line before ends in a password value ({@code DESCRIPTION:Meeting password: ABCD}), the first word of the fold is its rest.
     */
    private static void folded(char[] t, String lower, int ls, int le, int ps, int pe, Spans spans) {
        if (ps < 0 || le - ls < 2 || t[ls] != ' ' || t[ls + 1] == ' ' || t[ls + 1] == '\t' || t[ls + 1] == '\r') {
            return;
        }
        int end = pe > ps && t[pe - 1] == '\r' ? pe - 1 : pe;
        if (end <= ps || LineShapes.blank(t[end - 1])) {
            return; // the line before ends in a blank: no word goes on
        }
        int lastWord = end;
        while (lastWord > ps && !LineShapes.blank(t[lastWord - 1])) {
            lastWord--;
        }
        int colon = lastWord - 1;
        while (colon > ps && LineShapes.blank(t[colon])) {
            colon--;
        }
        if (colon <= ps || t[colon] != ':' && t[colon] != '=') {
            return;
        }
        boolean said = false;
        for (String w : FOLDED_WORDS) {
            int at = colon - w.length();
            said |= at >= ps && lower.startsWith(w, at);
        }
        if (!said) {
            return;
        }
        int e = ls + 1;
        while (e < le && !LineShapes.blank(t[e]) && t[e] != '\r') {
            e++;
        }
        spans.add(ls + 1, e);
    }
}
