package dockermcp.security.secrets;

import java.util.Locale;

/**
 * The generic rules, in one hand-written pass: a secret-suggesting name followed by a value
 * ({@code password=x}, {@code "pwd": "x"}, {@code Password=x;} in connection strings, {@code token:} at the end of
 * a line with the value on the next), secret flags with a spaced value ({@code --db-pwd x}), the flags that take
 * a password in well-known tools ({@code mysql -px}, {@code redis-cli -a x}, {@code curl -u user:pass},
 * {@code sshpass -p x}), and authorization schemes ({@code Bearer x}, also when x is on the next line).
 */
final class Assignments {

    private static final int MAX_NAME = 96;
    private static final int MAX_VALUE = 4096;
    private static final int MAX_GAP = 8;
    private static final String[] SCHEMES = {"bearer", "basic", "token", "digest", "negotiate", "apikey", "api-key", "ssws", "sso-key", "key",
            "otp", "dpop", "mac", "hmac"};
    private static final String[] PLACEHOLDERS = {"null", "none", "nil", "true", "false", "undefined", "required", "optional", "[redacted]",
            "redacted", "<redacted>", "***", "****", "*****", "******", "********", "xxx", "ok", "success", "failed", "missing", "invalid", "expired",
            "valid", "set", "unset", "empty", "enabled", "disabled", "on", "off", "yes", "no"};
    /** Words after which a value follows a blank alone: {@code password Walnut7}, netrc {@code password x}, {@code mysqladmin password x}. */
    private static final String[] PASSWORD_WORDS = {"password", "passwd", "passphrase", "pwd", "passcode"};
    /** Words after which a value follows "is" or "was": {@code the secret is x}, {@code api key was x}. */
    private static final String[] TOLD_WORDS = {"password", "passwd", "passphrase", "pwd", "passcode", "secret", "token", "key", "apikey", "pin"};
    /** The word for password in the languages of {@link SecretNames}, read without accents ("mot de passe": its last word). */
    private static final java.util.Set<String> FOREIGN_TOLD_WORDS = readAs("clave", "contrasena", "senha", "passe", "passwort", "kennwort",
            "wachtwoord", "haslo", "parola", "salasana", "losenord", "losenordet", "adgangskode", "adgangskoden", "passord", "passordet", "jelszo",
            "jelszava", "heslo", "sifre", "sifreniz", "geslo", "lozinka", "пароль", "κωδικος", "密码", "密碼", "口令", "パスワード", "暗証番号", "비밀번호", "암호",
            "mật khẩu", "matkhau", "รหัสผ่าน", "סיסמה", "كلمة");
    /** "is" in those languages, with a colon after it or not. */
    private static final java.util.Set<String> COPULAS = readAs("es", "es:", "est", "est:", "ist", "ist:", "e", "e:", "is", "is:", "era", "to",
            "to:", "on", "on:", "ar", "ar:", "er", "er:", "je", "je:", "jest", "jest:", "это", "είναι");

    private static java.util.Set<String> readAs(String... words) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : words) {
            out.add(readAs(w));
        }
        return java.util.Set.copyOf(out);
    }

    /**
     * A word as it is compared with the lists above: lower case, without accents, and read as the detection view reads
     * it ({@link PlainView}: Cyrillic and Greek letters that look like Latin ones become those), so пароль matches
     * whatever the view made of it.
     */
    private static String readAs(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) >= 0x80) {
                w = java.text.Normalizer.normalize(w.replace('ł', 'l'), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                return PlainView.of(w).text();
            }
        }
        return w;
    }

    /** Ends of camelCase or joined names that say the value told after "is" is a secret: adminPassword, apiToken, clientSecret. */
    private static final String[] TOLD_SUFFIXES = {"password", "passwd", "passphrase", "secret", "token", "apikey"};
    /** Redis replies and log words after AUTH that are not its argument. */
    private static final String[] AUTH_WORDS = {"ok", "failed", "error", "required", "success", "successful", "denied", "invalid", "command", "with",
            "login", "plain", "cram-md5", "digest-md5", "xoauth2", "oauthbearer", "ntlm", "gssapi", "external", "anonymous", "scram-sha-1", "scram-sha-256"}; // SASL mechanisms (Transcripts)

    private Assignments() {
    }

    static void find(char[] t, Spans spans) {
        int n = t.length;
        int i = 0;
        while (i < n) {
            if (!nameChar(t[i])) {
                i++;
                continue;
            }
            int s = i;
            int e = i;
            while (e < n && nameChar(t[e])) {
                e++;
            }
            i = e;
            if (e - s <= MAX_NAME) {
                i = Math.max(e, afterName(t, s, e, spans));
            }
        }
    }

    /** Looks at what follows the name t[s, e]; returns where scanning continues. */
    private static int afterName(char[] t, int s, int e, Spans spans) {
        int n = t.length;
        if (s >= 3 && t[s - 1] == '/' && t[s - 2] == '/' && t[s - 3] == ':') {
            return e; // http://authelia:9091/…: a host and its port, not a name and its value (user info is UrlCredentials')
        }
        if (e - s == 8 && t[s] == 'c' && new String(t, s, 8).equals("chpasswd")) {
            piped(t, s, spans); // echo 'user:PASS' | chpasswd
        }
        int k = afterQuote(t, e); // the closing quote of "pwd": or 'token' =>, also escaped (\"pwd\":) or URL-encoded (%22pwd%22)
        if (k > e && k < n && t[k] == ']' && s >= 2 && t[s - 2] == '[' && (t[s - 1] == '"' || t[s - 1] == '\'')) {
            k++; // a subscript: Lua's ["password"] = "x", Python's db['password'] = 'x', PHP's $cfg['password'] = 'x'
        }
        k = skipBlanks(t, k, n);
        int sep = separator(t, k);
        if (sep > 0) {
            if (!SecretNames.suggestsSecret(t, s, e)) {
                return e; // most names: decided without a copy
            }
            String name = new String(t, s, e - (s));
            boolean cookieHeader = sep == 1 && t[k] == ':' && name.toLowerCase(Locale.ROOT).endsWith("cookie");
            int v = skipBlanks(t, k + sep, n);
            if (RandomTokens.keyFingerprint(t, v) && name.toLowerCase(Locale.ROOT).endsWith("key")) {
                return e; // ssh_host_ed25519_key: SHA256:…: a public key's fingerprint, shown as ssh-keygen prints it
            }
            if (LineShapes.notAValue(name, t, v)) {
                return e; // PASS: test_x, AUTH=PLAIN, conn=1001, passwd: files, x_maps = hash:/etc/postfix/sasl_passwd (LineShapes)
            }
            if (cookieHeader) {
                int end = lineEnd(t, v);
                Cookies.find(t, v, end, spans); // cookie by cookie: theme=dark and Path=/ stay
                return end;
            }
            int block = blockScalar(t, v);
            if (block > v) { // YAML "password: |" or ">-": the value is the next indented line
                int first = nextLineStart(t, block);
                if (first < 0 || first == block) {
                    return e;
                }
                int end = lineEnd(t, first);
                spans.add(first, end);
                return end;
            }
            if (v + 1 < n && t[v] == '#' && t[v + 1] == ' ' && t[k] == ':') {
                int le = lineEnd(t, v); // db_password: # set by ops, then the value alone on the next line
                return le < n ? Math.max(e, valueAloneOnNextLine(t, le, e, spans)) : e;
            }
            if (v < n && (t[v] == '\n' || t[v] == '\r')) {
                v = nextLineStart(t, v);
                if (v < 0 || yamlKeyOrItem(t, v)) {
                    return e; // "secrets:" followed by a list or a key is a heading, not a value
                }
                v = LinePairs.pastSharedPrefix(t, LineShapes.lineStart(t, s), s, v); // 2026-… INFO boot: x: the log prefix both lines carry is no value
            }
            if (t[k] == ':' && v > k + 1 && !endsWithOne(name.toLowerCase(Locale.ROOT), SAID_WORDS) && assignmentAt(t, v)) {
                return v; // connection authorized: user=app: the value is an assignment of its own, judged by its own name
            }
            int words = wordsToLineEnd(t, s, v);
            if (words > v) { // "  - CHAVE_API: russet saffron russet russet01": a passphrase of plain words is the whole rest of its line
                Spans first = new Spans();
                int after = value(t, v, first, true, name, jsonKey(t, s, k, e));
                if (first.covers(v)) { // when its first word is taken for the value (secret_name: db creds is a name's value, and stays)
                    spans.addAll(first);
                    spans.add(v, words);
                    return Math.max(after, words);
                }
                spans.addAll(first);
                return after;
            }
            return value(t, v, spans, true, name, jsonKey(t, s, k, e));
        }
        if (k > e && k < n && (t[k] == '\'' || t[k] == '"') && SecretNames.suggestsSecret(t, s, e) && !secretsName(t, s, e, k)) {
            return value(t, k, spans, false, null); // password 'VALUE', secret "VALUE"
        }
        // apart by a blank only: in ["mosquitto_passwd","-b"] the next element is not the word's value (JSON syntax stays whole)
        if (k > e && k < n && t[k] != '\n' && t[k] != '\r' && e - s <= 24 && Character.isWhitespace(t[k - 1]) && mayBeSpaced(t, s, e)) {
            int spaced = spaced(t, s, e, k, spans);
            if (spaced > 0) {
                return spaced;
            }
        }
        boolean xml = s > 0 && t[s - 1] == '<' && e < n && t[e] == '>';
        boolean bearer = e - s == 6 && (t[s] == 'b' || t[s] == 'B');
        if (!xml && !bearer && t[s] != '-') {
            return e; // the common case: a word followed by no separator
        }
        String name = new String(t, s, e - (s));
        if (xml && SecretNames.suggestsSecret(name)) {
            int end = e + 1; // <password>VALUE</password>, as in Maven settings.xml and many XML configurations
            while (end < n && end - e < MAX_VALUE && t[end] != '<' && t[end] != '\n') {
                end++;
            }
            if (SecretNames.allowsValue(name, new String(t, e + 1, end - e - 1))) {
                return end; // <key>Password</key>: a property list names the value that follows
            }
            spans.add(e + 1, end);
            return end;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("bearer")) {
            int v = skipBlanks(t, e, n);
            if (v < n && (t[v] == '\n' || t[v] == '\r')) {
                v = nextLineStart(t, v);
                if (v >= 0 && v < n && !token68(t[v]) && t[v] != '"' && t[v] != '\'') {
                    return e; // token_type=Bearer, then a line of its own ([2026-11-30 …] …): no token starts with a bracket
                }
            }
            return v < 0 || v == e ? e : valueOfAtLeast(t, v, 8, spans);
        }
        if (name.startsWith("-")) {
            return flag(t, s, e, name, lower, spans);
        }
        return e;
    }

    /**
     * Where a value of two to eight plain words (letters and digits, one blank apart) ends, when its name starts its line (YAML,
     * a config file: only indentation, a list's dash or a quote before it) and nothing else follows on the line but a comment;
     * v otherwise.
     */
    private static int wordsToLineEnd(char[] t, int name, int v) {
        int ls = name;
        while (ls > 0 && t[ls - 1] != '\n') {
            ls--;
        }
        for (int k = ls; k < name; k++) {
            if (t[k] != ' ' && t[k] != '\t' && t[k] != '-' && t[k] != '"' && t[k] != '\'') {
                return v;
            }
        }
        int n = t.length;
        int words = 0;
        int end = v;
        int i = v;
        while (i < n && i - v < 256) {
            int w = i;
            while (i < n && (Character.isLetterOrDigit(t[i]))) {
                i++;
            }
            if (i == w) {
                break;
            }
            words++;
            end = i;
            if (i < n && t[i] == ' ' && i + 1 < n && Character.isLetterOrDigit(t[i + 1])) {
                i++;
                continue;
            }
            break;
        }
        int after = end;
        while (after < n && (t[after] == ' ' || t[after] == '\t' || t[after] == '\r')) {
            after++;
        }
        boolean lineEnds = after >= n || t[after] == '\n' || t[after] == '#' && after > end;
        return words >= 2 && words <= 8 && lineEnds ? end : v;
    }

    /** The next line when it is one word that is not a flag, a comment or a plain word: a value printed after its flag. */
    private static int valueAloneOnNextLine(char[] t, int lineBreak, int e, Spans spans) {
        int v = nextLineStart(t, lineBreak);
        if (v < 0) {
            return e;
        }
        v = skipBlanks(t, v, t.length);
        int w = wordEnd(t, v);
        int after = skipBlanks(t, w, t.length);
        if (w == v || t[v] == '-' || t[v] == '#' || after < t.length && t[after] != '\n' && t[after] != '\r' || placeholder(t, v, w)
                || !notAWord(t, v, w)) {
            return e;
        }
        spans.add(v, w);
        return w;
    }

    /** A character a bearer token can start with (RFC 6750's token68 alphabet). */
    private static boolean token68(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static int flag(char[] t, int s, int e, String name, String lower, Spans spans) {
        int n = t.length;
        if (lower.length() > 2 && (lower.startsWith("-p") || lower.startsWith("-w")) && !lower.startsWith("--")) {
            int end = e; // a glued password runs to the next blank, whatever characters it holds
            while (end < t.length && end - e < MAX_VALUE && !stop(t[end])) {
                end++;
            }
            // mysql -pSECRET by its program; -pNHwkk66#gpdF… on a wrapped line whose program is on the line before, by its shape
            if (lower.startsWith("-p") && lineMentions(t, s, "mysql", "mariadb", "sshpass")
                    || end - s - 2 >= 8 && PasswordShapes.looksMadeUp(new String(t, s + 2, end - s - 2))) {
                spans.add(s + 2, end);
                return end;
            }
        }
        if (lower.equals("--password-stdin")) {
            piped(t, s, spans);
            return e;
        }
        if (!lower.startsWith("--") && lower.indexOf('b') > 0 && wordBefore(t, s, "htpasswd")) {
            return htpasswd(t, e, lower, spans);
        }
        if (lower.equals("--stdin") && lineMentions(t, s, "passwd")) {
            piped(t, s, spans); // echo PASS | passwd --stdin root
            return e;
        }
        int v = skipBlanks(t, e, n);
        if (v < n && (t[v] == '\n' || t[v] == '\r') && lower.startsWith("--") && SecretNames.suggestsSecret(lower)) {
            return valueAloneOnNextLine(t, v, e, spans); // mysqldump --password, then the value alone on the next line
        }
        if (v == e || v >= n || t[v] == '-' || t[v] == '\n' || t[v] == '\r') {
            return e;
        }
        if (name.equals("-U") && lineMentions(t, s, "smbclient") || lower.equals("-u") && lineMentions(t, s, "lftp")) {
            int w = wordEnd(t, v); // smbclient -U user%PASS, lftp -u user,PASS
            int at = indexOf(t, v, w, name.equals("-U") ? '%' : ',');
            if (at > 0 && at + 1 < w) {
                spans.add(at + 1, t[w - 1] == '\'' || t[w - 1] == '"' ? w - 1 : w);
            }
            return Math.max(e, w);
        }
        boolean secret = SecretNames.suggestsSecret(name)
                || lower.equals("-w") && lineMentions(t, s, "ldap") // ldapsearch/ldapadd/ldapmodify -w PASS (-y is a file)
                || (name.equals("-N") || name.equals("-P")) && lineMentions(t, s, "ssh-keygen")
                || lower.equals("-k") && lineMentions(t, s, "openssl")
                || lower.equals("-p") && !portOrPath(t, v)
                || lower.equals("-a") && lineMentions(t, s, "redis", "keydb", "valkey", "memtier", "dragonfly") // redis-cli, redis-benchmark, memtier_benchmark
                || (lower.equals("-u") || lower.equals("--user") || lower.equals("--proxy-user")) && userWithPassword(t, v);
        boolean descriptor = (lower.endsWith("-fd") || lower.endsWith("_fd")) && v < t.length && t[v] >= '0' && t[v] <= '9'
                && (v + 1 >= t.length || Character.isWhitespace(t[v + 1]) || t[v + 1] >= '0' && t[v + 1] <= '9');
        return secret && !descriptor && !reference(t, v) ? value(t, v, spans, false, name) : e; // --passphrase-fd 0: a file descriptor
    }

    /** A key file, a host and port, or a plain URL ({@code -keyout k.pem}, {@code -connect h:443}). */
    private static final java.util.regex.Pattern NOT_A_SECRET = java.util.regex.Pattern.compile(
            "[A-Za-z0-9_./~-]{0,200}\\.(?:pem|jks|p12|pfx|crt|cer|key|csr|der|keystore|truststore|jceks|pub|asc|gpg)|[a-z0-9.-]{1,253}:\\d{1,5}"
                    + "|[a-z][a-z0-9+.-]{0,15}://[^@\\s]{0,2048}");

    /**
     * A flag's value that says where the secret is, not what it is: {@code -passin env:X}, {@code file:/run/x},
     * {@code fd:3}, {@code stdin}, a variable, a line continued ({@code \}), a comment ({@code #}), or a harmless shape.
     */
    private static boolean reference(char[] t, int v) {
        int end = v;
        while (end < t.length && end - v < 2048 && !RandomTokens.whitespace(t[end])) {
            end++;
        }
        String w = new String(t, v, end - v);
        w = w.length() > 1 && (w.charAt(0) == '\'' || w.charAt(0) == '"') && w.charAt(w.length() - 1) == w.charAt(0) ? w.substring(1, w.length() - 1) : w;
        return w.startsWith("env:") || w.startsWith("file:") || w.startsWith("fd:") || w.equals("stdin") || w.startsWith("$") || w.equals("\\")
                || w.equals("#") || NOT_A_SECRET.matcher(w).matches();
    }

    /**
     * A keyword and its value separated only by blanks: {@code password Walnut7} (netrc, mysqladmin), {@code the secret
     * is x}, redis {@code AUTH [user] x}, SQL {@code IDENTIFIED BY 'x'}. A human password has no entropy to give it away,
     * so after a password word any value that is not a plain lower-case word is hidden. Returns 0 when no rule applies.
     */
    /** The last letters of every word {@link #spaced} acts on (in lower case); a word ending otherwise is passed by without a copy. */
    private static final boolean[] SPACED_LAST = new boolean[128];
    /** The last two letters (lower case) of the words {@link #spaced} acts on, or that end the suffixes it looks for. */
    private static final boolean[] SPACED_PAIR = new boolean[128 * 128];

    static {
        java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of("by", "auth", "add_user", "change_password", "user", "set"));
        words.addAll(java.util.List.of(PASSWORD_WORDS));
        words.addAll(java.util.List.of(TOLD_WORDS));
        words.addAll(java.util.List.of(TOLD_SUFFIXES));
        words.addAll(FOREIGN_TOLD_WORDS);
        for (String w : words) {
            char c = w.charAt(w.length() - 1);
            if (c < 128) {
                SPACED_LAST[c] = true;
            }
            char b = w.length() > 1 ? w.charAt(w.length() - 2) : 0;
            for (int before = 0; before < 128 && c < 128 && b < 128; before++) {
                SPACED_PAIR[before * 128 + c] |= w.length() == 1 || before == b; // a word of one letter ends any pair
            }
        }
    }

    /**
     * False when the word t[s, e] cannot be one {@link #spaced} acts on. An ASCII word of two or more letters is judged by
     * its last two (most words end otherwise), without a copy; a word with a letter outside ASCII may fold to one: checked.
     */
    static boolean mayBeSpaced(char[] t, int s, int e) {
        if (e - s < 2) {
            return mayBeSpaced(t[e - 1]);
        }
        for (int i = s; i < e; i++) {
            if (t[i] >= 128) {
                return true;
            }
        }
        return SPACED_PAIR[lowerAscii(t[e - 2]) * 128 + lowerAscii(t[e - 1])];
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
    }

    /** False when a word ending in {@code last} cannot be one {@link #spaced} acts on (a letter outside ASCII may fold to one: checked). */
    private static boolean mayBeSpaced(char last) {
        return last >= 128 || SPACED_LAST[last >= 'A' && last <= 'Z' ? last | 0x20 : last];
    }

    static int spaced(char[] t, int s, int e, int k, Spans spans) {
        String lower = new String(t, s, e - s).toLowerCase(Locale.ROOT);
        if (lower.equals("by") && wordBefore(t, s, "identified")) {
            return value(t, k, spans, false, null);
        }
        if (e - s == 4 && new String(t, s, 4).equals("AUTH")) {
            int end = k;
            for (int words = 0; words < 2; words++) { // AUTH password, AUTH username password (redis 6 ACL)
                int w = wordEnd(t, end);
                if (w == end || t[w - 1] == ':' || oneOf(new String(t, end, w - end).toLowerCase(Locale.ROOT), AUTH_WORDS)) {
                    break;
                }
                spans.add(end, w);
                int next = skipBlanks(t, w, t.length);
                if (next == w || next >= t.length || t[next] == '\n' || t[next] == '|' || t[next] == ';' || t[next] == '&') {
                    return w;
                }
                end = next;
            }
            return end > k ? end : 0;
        }
        int positional = positional(t, s, k, lower);
        if (positional >= 0) {
            return hideWordAfter(t, k, positional, spans);
        }
        int w = wordEnd(t, k);
        boolean told = oneOf(lower, TOLD_WORDS) || endsWithOne(lower, TOLD_SUFFIXES);
        boolean foreign = FOREIGN_TOLD_WORDS.contains(readAs(lower));
        // the next word is copied only after a word that tells a value (most words followed by a blank do not)
        String next = told || foreign ? new String(t, k, w - k).toLowerCase(Locale.ROOT) : "";
        if ((next.equals("is") || next.equals("was") || next.equals("is:") || next.equals("was:"))
                && told) { // the adminPassword is x, your new password is: x
            int v = skipBlanks(t, w, t.length);
            int ve = wordEnd(t, v);
            if (v > w && ve > v && notAWord(t, v, ve)) {
                spans.add(v, ve);
                return v; // the value's own words are still read (a token there is found by its own rule too)
            }
            return 0;
        }
        if (foreign && COPULAS.contains(readAs(next))) { // la clave es x, das Passwort ist x, a senha é x
            int v = skipBlanks(t, w, t.length);
            int ve = wordEnd(t, v);
            if (v > w && ve > v && notAWord(t, v, ve)) {
                spans.add(v, ve);
                return v;
            }
            return 0;
        }
        int wordOnly = w; // a word of the sentence with its punctuation ("Kennwort vergessen?") is still a word
        while (foreign && wordOnly > k + 1 && ".,?!;:".indexOf(t[wordOnly - 1]) >= 0) {
            wordOnly--;
        }
        if ((endsWithOne(lower, PASSWORD_WORDS) || foreign) && w > k && notAWord(t, k, wordOnly)
                && !ConfigLines.userNameArgument(lower, new String(t, k, w - k))) { // password, db_password, mypasswd, Kennwort x, пароль x; not passwd root
            spans.add(k, w);
            return k;
        }
        return 0;
    }

    /**
     * Commands that take a password as a positional argument, and how many words come before it: {@code rabbitmqctl
     * add_user NAME PASS}, {@code rabbitmqctl change_password NAME PASS}, {@code net user NAME PASS /add},
     * {@code mc alias set NAME URL ACCESS SECRET}; -1 for any other word.
     */
    private static int positional(char[] t, int s, int k, String lower) {
        if ((lower.equals("add_user") || lower.equals("change_password")) && lineMentions(t, s, "rabbitmqctl")) {
            return 1;
        }
        if (lower.equals("user") && wordBefore(t, s, "net")) {
            return 1;
        }
        if (lower.equals("set") && wordBefore(t, s, "alias") && lineMentions(t, s, "mc ")) {
            return 3;
        }
        return -1;
    }

    /** Hides the word that comes after {@code skip} words from k (its quotes left out), unless a flag or a line end comes first. */
    private static int hideWordAfter(char[] t, int k, int skip, Spans spans) {
        int at = k;
        for (int words = 0; words <= skip; words++) {
            if (at >= t.length || t[at] == '\n' || t[at] == '\r' || t[at] == '|' || t[at] == ';' || t[at] == '&' || t[at] == '#' || t[at] == '/' && words == skip) {
                return at;
            }
            int w = wordEnd(t, at);
            if (w == at) {
                return at;
            }
            if (words == skip) {
                int from = t[at] == '\'' || t[at] == '"' ? at + 1 : at;
                int to = w > from && (t[w - 1] == '\'' || t[w - 1] == '"') ? w - 1 : w;
                if (to > from && !placeholder(t, from, to)) {
                    spans.add(from, to);
                }
                return w;
            }
            int next = skipBlanks(t, w, t.length);
            if (next == w) {
                return w;
            }
            at = next;
        }
        return at;
    }

    /**
     * A value, not a word of the sentence: anything but a lower-case word (also in parentheses: {@code DB_PASSWORD
     * (values not shown)}), a placeholder, a flag, a heading or a variable.
     */
    private static boolean notAWord(char[] t, int v, int end) {
        if (end - v > 1 && t[v] == '(') {
            v++;
        }
        if (end - v < 3 || t[v] == '-' || t[v] == '[' || t[end - 1] == ':' || placeholder(t, v, end)) {
            return false;
        }
        boolean word = true;
        for (int i = v; i < end; i++) {
            if (t[i] == '=' || t[i] == ':') {
                return false; // an assignment of its own (client_secret=x), judged by its own name
            }
            word &= t[i] >= 'a' && t[i] <= 'z' || t[i] >= 0x80 && Character.isLowerCase(t[i]); // inválida, falsch, неверный
        }
        return !word;
    }

    /** The end of the bare word at v (its trailing punctuation left out). */
    private static int wordEnd(char[] t, int v) {
        int end = v;
        while (end < t.length && end - v < MAX_VALUE && (!stop(t[end]) || insideValue(t, end)) && t[end] != '|') {
            end++;
        }
        while (end > v && ",)]}.".indexOf(t[end - 1]) >= 0) {
            end--;
        }
        return end;
    }

    /** True when the word before position s (on its line, past blanks) is {@code word}, any case. */
    private static boolean wordBefore(char[] t, int s, String word) {
        int i = s;
        while (i > 0 && s - i < MAX_GAP && (t[i - 1] == ' ' || t[i - 1] == '\t')) {
            i--;
        }
        int start = i - word.length();
        return i < s && start >= 0 && new String(t, start, word.length()).equalsIgnoreCase(word) && (start == 0 || !nameChar(t[start - 1]));
    }

    private static boolean endsWithOne(String w, String[] words) {
        for (String x : words) {
            if (w.endsWith(x)) {
                return true;
            }
        }
        return false;
    }

    static boolean oneOf(String w, String[] words) {
        for (String x : words) {
            if (x.equals(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * htpasswd's batch mode takes the password as an argument: {@code htpasswd -b FILE USER PASS},
     * {@code htpasswd -nbB USER PASS}. The last of the positional arguments after the flags is hidden.
     */
    private static int htpasswd(char[] t, int e, String lower, Spans spans) {
        boolean toStdout = lower.indexOf('n') > 0;
        int need = toStdout ? 2 : 3;
        int at = e;
        for (int words = 0; words < 8; words++) {
            int v = skipBlanks(t, at, t.length);
            if (v == at || v >= t.length || t[v] == '\n' || t[v] == '|' || t[v] == ';' || t[v] == '&') {
                return e;
            }
            int w = wordEnd(t, v);
            if (w == v) {
                return e;
            }
            if (t[v] == '-') {
                need = t[v + 1] != '-' && new String(t, v, w - v).indexOf('n') > 0 ? 2 : need;
            } else if (--need == 0) {
                spans.add(t[v] == '\'' || t[v] == '"' ? v + 1 : v, w > v + 1 && (t[w - 1] == '\'' || t[w - 1] == '"') ? w - 1 : w);
                return w;
            }
            at = w;
        }
        return e;
    }

    /**
     * {@code echo PASS | docker login --password-stdin}, {@code printf '%s' PASS | ...}: the password goes in through the
     * pipe, so what echo or printf prints before it is hidden.
     */
    private static void piped(char[] t, int s, Spans spans) {
        int pipe = s - 1;
        while (pipe >= 0 && s - pipe < 512 && t[pipe] != '|' && t[pipe] != '\n') {
            pipe--;
        }
        if (pipe < 0 || t[pipe] != '|') {
            return;
        }
        int from = pipe;
        while (from > 0 && pipe - from < 512 && t[from - 1] != '|' && t[from - 1] != ';' && t[from - 1] != '\n' && t[from - 1] != '&') {
            from--;
        }
        int c = -1; // the echo or printf of this part of the pipeline ("+ echo", "sh -c 'printf")
        for (int i = from; i < pipe; i++) {
            if ((i == from || !nameChar(t[i - 1])) && (startsWith(t, i, pipe, "echo ") || startsWith(t, i, pipe, "printf "))) {
                c = i;
            }
        }
        if (c < 0) {
            return;
        }
        int ce = wordEnd(t, c);
        String command = new String(t, c, ce - c);
        int a = skipBlanks(t, ce, pipe);
        while (a < pipe && t[a] == '-') { // echo -n
            a = skipBlanks(t, wordEnd(t, a), pipe);
        }
        if (command.equals("printf") && a < pipe && indexOf(t, a, Math.min(pipe, wordEnd(t, a + 1) + 1), '%') >= 0) {
            a = skipBlanks(t, Math.min(pipe, quotedEnd(t, a)), pipe); // the format
        }
        int end = pipe;
        while (end > a && (t[end - 1] == ' ' || t[end - 1] == '\t')) {
            end--;
        }
        spans.add(a, end);
    }

    static boolean startsWith(char[] t, int at, int limit, String word) {
        if (at + word.length() > limit) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (t[at + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int quotedEnd(char[] t, int a) {
        char q = t[a];
        if (q != '\'' && q != '"') {
            return wordEnd(t, a);
        }
        int i = a + 1;
        while (i < t.length && i - a < MAX_VALUE && t[i] != q && t[i] != '\n') {
            i++;
        }
        return i + 1;
    }

    private static int indexOf(char[] t, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (t[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Names whose value after a colon is hidden even when it looks like an assignment ({@code password: admin=x}). */
    private static final String[] SAID_WORDS = {"password", "passwd", "passphrase", "pwd", "passcode", "secret", "token", "key", "apikey", "pin", "psk"};

    /** A quoted key ({@code "max_tokens":}, also escaped): its value is a JSON value and ends at {@code , } ]}. */
    private static boolean jsonKey(char[] t, int s, int k, int e) {
        return k > e && t[k - 1] == '"' && s > 0 && t[s - 1] == '"';
    }

    /** A lower-case word and {@code =} and a value at v: {@code user=app}, not {@code Ab=cd}, {@code hunter2=x} or base64 padding. */
    private static boolean assignmentAt(char[] t, int v) {
        int i = v;
        while (i < t.length && i - v <= 32 && (t[i] >= 'a' && t[i] <= 'z' || t[i] == '_')) {
            i++;
        }
        return i - v >= 2 && i + 1 < t.length && t[i] == '=' && t[i + 1] != '=' && !Character.isWhitespace(t[i + 1]);
    }

    private static int value(char[] t, int v, Spans spans, boolean schemeAllowed, String name) {
        return value(t, v, spans, schemeAllowed, name, false);
    }

    /** Hides the value starting at v (quoted or bare) unless it is empty or a placeholder; returns its end. */
    private static int value(char[] t, int v, Spans spans, boolean schemeAllowed, String name, boolean json) {
        int n = t.length;
        if (v >= n) {
            return v;
        }
        int quoted = afterQuote(t, v);
        if (quoted > v + 1 || quoted == v + 1 && t[v] == '%') { // an escaped (\"x\") or URL-encoded (%22x%22) quote
            int end = quoted;
            while (end < n && end - quoted < MAX_VALUE && t[end] != '\\' && t[end] != '"' && t[end] != '%' && t[end] != '\n') {
                end++;
            }
            if (end > quoted && !placeholder(t, quoted, end) && !describes(name, t, quoted, end)) {
                spans.add(quoted, end);
            }
            return Math.max(end, v + 1);
        }
        char q = t[v];
        if (q == '{' && v > 0 && t[v - 1] == '=') {
            int close = braced(t, v);
            if (close > v + 1) { // ODBC and ADO.NET quote a value with ';' in braces: Pwd={a;b}, '}}' for a brace inside
                if (!FORMAT_FIELD.matcher(new String(t, v + 1, close - v - 1)).matches()) {
                    spans.add(v + 1, close);
                }
                return close + 1;
            }
        }
        if (q == '{' || q == '[') {
            return v + 1; // "auth": { ... }: a structure follows, its own keys are judged on their own
        }
        int start;
        int end;
        if (q == '"' || q == '\'' || q == '`') {
            start = v + 1;
            end = start;
            while (end < n && end - start < MAX_VALUE && t[end] != q && t[end] != '\n') {
                end += t[end] == '\\' && end + 1 < n && t[end + 1] != '\n' ? 2 : 1; // password="pa\"ss": an escaped quote is the value's
            }
            end = Math.min(end, n);
            if ((end == n || t[end] != q) && closersOnly(t, start, end)) {
                return end; // "msg":"database password:"}: the quote closed the message, no value opens after it
            }
        } else {
            start = v;
            end = v;
            if (phrase(name)) { // passphrase: correct horse battery staple: words with blanks, to the end of the line or a quote
                while (end < n && end - start < MAX_VALUE && t[end] != '\n' && t[end] != '\r' && t[end] != '"' && t[end] != '\'' && t[end] != '`') {
                    end++;
                }
                while (end > start && Character.isWhitespace(t[end - 1])) {
                    end--;
                }
            }
            while (end < n && end - start < MAX_VALUE && (!stop(t[end]) || insideValue(t, end)) && !(json && (t[end] == ',' || t[end] == '}' || t[end] == ']'))) {
                end++;
            }
            while (end > start && ",)]}.".indexOf(t[end - 1]) >= 0) {
                end--;
            }
            end = json ? end : blankInPassword(t, start, end, name);
        }
        if (end <= start || placeholder(t, start, end) || describes(name, t, start, end)) {
            return Math.max(end, v + 1);
        }
        if (schemeAllowed && scheme(t, start, end)) {
            int next = skipBlanks(t, end, n);
            if (next < n && (t[next] == '\n' || t[next] == '\r')) {
                next = nextLineStart(t, next);
                if (next >= 0 && next < n && !token68(t[next]) && t[next] != '"' && t[next] != '\'') {
                    return end; // auth=Basic, then a line of its own ([2026-11-30 …]): no credential starts with a bracket
                }
            }
            return next < 0 || next == end ? end : valueOfAtLeast(t, next, 1, spans);
        }
        spans.add(start, end);
        return end;
    }

    private static boolean closersOnly(char[] t, int from, int to) {
        for (int i = from; i < to; i++) {
            if ("}]), ;\r\t".indexOf(t[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A format string's or a template's field ({@code password={password}}, {@code {0}}, {@code {db.pass}},
     * {@code session_id={CHECKOUT_SESSION_ID}}): a placeholder, no value.
     */
    private static final java.util.regex.Pattern FORMAT_FIELD = java.util.regex.Pattern.compile("[a-z_][a-z0-9_.]{0,40}|[A-Z_][A-Z0-9_.]{0,40}|[0-9]{1,2}|");

    /** The '}' that closes the brace at v on its line ('}}' is a brace inside), or -1 when a quote, brace or line break comes first. */
    private static int braced(char[] t, int v) {
        for (int i = v + 1; i < t.length && i - v <= MAX_VALUE; i++) {
            char c = t[i];
            if (c == '}') {
                if (i + 1 < t.length && t[i + 1] == '}') {
                    i++;
                    continue;
                }
                return i;
            }
            if (c == '\n' || c == '\r' || c == '"' || c == '{') {
                return -1;
            }
        }
        return -1;
    }

    /** At most this many words after a blank are read as the rest of a password ({@code password=ab cd}). */
    private static final int BLANK_WORDS = 3;

    /**
     * A password with a blank inside ({@code password=axTNkC 8UBSFYHU4o}): after a password name, a word after one blank
     * that holds letters and digits (or upper and lower case past its first letter) and no {@code =} or {@code :} is the
     * rest of the value. Prose goes on as it is: {@code password=x for user bob}, {@code password=x Failed}.
     */
    private static int blankInPassword(char[] t, int start, int end, String name) {
        if (name == null || end <= start) {
            return end;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.contains("pass") && !lower.contains("pwd")) {
            return end;
        }
        for (int words = 0; words < BLANK_WORDS && end + 1 < t.length && t[end] == ' ' && t[end + 1] != ' '; words++) {
            int w = end + 1;
            int wEnd = wordEnd(t, w);
            if (wEnd <= w || !mixedWord(t, w, wEnd)) {
                break;
            }
            end = wEnd;
        }
        return end;
    }

    /** Letters and digits, or upper and lower case past the first letter; no separator of a name and value. */
    private static boolean mixedWord(char[] t, int from, int to) {
        boolean digit = false;
        boolean letter = false;
        boolean upperLater = false;
        boolean lower = false;
        for (int i = from; i < to; i++) {
            char c = t[i];
            if (c == '=' || c == ':' || c == '/' || c == '(' || c == '[') {
                return false;
            }
            digit |= c >= '0' && c <= '9';
            letter |= Character.isLetter(c);
            lower |= Character.isLowerCase(c);
            upperLater |= i > from && Character.isUpperCase(c);
        }
        return letter && digit || upperLater && lower;
    }

    /**
     * {@code secret 'db-creds' mounted at /run/secrets}: after the word secret, a quoted lower-case name with a
     * separator in it is the name of a Docker or Kubernetes secret, not its value.
     */
    private static boolean secretsName(char[] t, int s, int e, int k) {
        String word = new String(t, s, e - s).toLowerCase(Locale.ROOT);
        if (!word.equals("secret") && !word.equals("secrets")) {
            return false;
        }
        int i = k + 1;
        boolean separator = false;
        while (i < t.length && i - k <= 64 && (t[i] >= 'a' && t[i] <= 'z' || t[i] >= '0' && t[i] <= '9' || t[i] == '-' || t[i] == '_' || t[i] == '.')) {
            separator |= t[i] == '-' || t[i] == '_' || t[i] == '.';
            i++;
        }
        return separator && i > k + 2 && i < t.length && t[i] == t[k] && t[k + 1] >= 'a' && t[k + 1] <= 'z';
    }

    /** Past a YAML block scalar indicator at v ({@code |}, {@code >}, {@code |-}, {@code >+2}) that ends its line; v when there is none. */
    private static int blockScalar(char[] t, int v) {
        if (v >= t.length || t[v] != '|' && t[v] != '>') {
            return v;
        }
        int i = v + 1;
        while (i < t.length && i - v < 8 && (t[i] == '-' || t[i] == '+' || t[i] >= '1' && t[i] <= '9' || t[i] == ' ' || t[i] == '\t')) {
            i++;
        }
        return i >= t.length || t[i] == '\n' || t[i] == '\r' ? i : v;
    }

    /** A name whose value may hold blanks: a passphrase, a Wi-Fi or VPN pre-shared key. */
    private static boolean phrase(String name) {
        if (name == null) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith("passphrase") || lower.endsWith("psk") && (lower.length() == 3 || !Character.isLetter(lower.charAt(lower.length() - 4)));
    }

    /**
     * True when the delimiter at i ({@code ; & ' " `}) is part of a bare value, not its end: a value character follows
     * and what follows is not a new {@code name=} or {@code name:} ({@code password=ab;cd} hides {@code ab;cd}, while
     * {@code Password=ab;Server=x} hides only {@code ab}).
     */
    private static boolean insideValue(char[] t, int i) {
        if (";&'\"`".indexOf(t[i]) < 0 || i + 1 >= t.length) {
            return false;
        }
        char c = t[i + 1];
        if (Character.isWhitespace(c) || stop(c) || ",)]}.:=|/\\".indexOf(c) >= 0) {
            return false;
        }
        int j = i + 1;
        while (j < t.length && j - i <= MAX_NAME && nameChar(t[j])) {
            j++;
        }
        if (j + 1 < t.length && t[j] == t[i] && t[j + 1] == ':') {
            return false; // ,"usage": a JSON key follows
        }
        return j >= t.length || t[j] != '=' && t[j] != ':';
    }

    /** {@code max_tokens=4096}, {@code token_ttl=3600}, {@code "auth_method":"oauth"}: a setting about a secret, not one. */
    private static boolean describes(String name, char[] t, int start, int end) {
        return name != null && end - start <= 256 && SecretNames.describesSecret(name, new String(t, start, end - start));
    }

    /**
     * Past a quote at k: {@code "}, {@code '}, the same escaped by backslashes ({@code \"}, {@code \\\"}: JSON in a
     * JSON string) or URL-encoded ({@code %22}, {@code %27}); k itself when there is none.
     */
    private static int afterQuote(char[] t, int k) {
        int n = t.length;
        int j = k;
        while (j < n && j - k < 8 && t[j] == '\\') {
            j++;
        }
        if (j < n && (t[j] == '"' || t[j] == '\'')) {
            return j + 1;
        }
        if (j == k && k + 2 < n && t[k] == '%' && t[k + 1] == '2' && (t[k + 2] == '2' || t[k + 2] == '7')) {
            return k + 3;
        }
        return k;
    }

    private static int valueOfAtLeast(char[] t, int v, int min, Spans spans) {
        int end = v;
        while (end < t.length && end - v < MAX_VALUE && !stop(t[end])) {
            end++;
        }
        if (end - v >= min && !placeholder(t, v, end)) {
            spans.add(v, end);
        }
        return Math.max(end, v + 1);
    }

    /** The length of the separator at k: = : := => (not == or ://), or 0. */
    private static int separator(char[] t, int k) {
        int n = t.length;
        if (k >= n) {
            return 0;
        }
        char c = t[k];
        char next = k + 1 < n ? t[k + 1] : 0;
        if (c == '%' && next == '3' && k + 2 < n) { // URL-encoded: password%3Dx, "pwd"%3A"x"
            char d = (char) (t[k + 2] | 0x20);
            return d == 'd' || d == 'a' && !(k + 5 < n && t[k + 3] == '%' && t[k + 4] == '2' && (t[k + 5] | 0x20) == 'f') ? 3 : 0;
        }
        if (c == '=') {
            return next == '=' ? 0 : next == '>' ? 2 : 1;
        }
        if (c == ':') {
            if (next == '/' && k + 2 < n && t[k + 2] == '/') {
                return 0;
            }
            return next == '=' ? 2 : 1;
        }
        return 0;
    }

    private static boolean scheme(char[] t, int start, int end) {
        String v = new String(t, start, end - (start)).toLowerCase(Locale.ROOT);
        for (String s : SCHEMES) {
            if (v.equals(s)) {
                return true;
            }
        }
        return false;
    }

    /** "not" followed by set, configured, provided or available: a state, not a value. */
    private static boolean notSet(char[] t, int end) {
        String rest = new String(t, end, Math.min(t.length - end, 12)).toLowerCase(Locale.ROOT);
        return rest.startsWith(" set") || rest.startsWith(" configured") || rest.startsWith(" provided") || rest.startsWith(" available");
    }

    private static boolean placeholder(char[] t, int start, int end) {
        if (end - start > 12) {
            char c = t[start];
            return c == '$' && start + 1 < end && t[start + 1] == '{' && t[end - 1] == '}' && end - start < 64 && noSpace(t, start, end)
                    || c == '{' && start + 1 < end && t[start + 1] == '{' && t[end - 1] == '}';
        }
        String raw = new String(t, start, end - (start));
        String v = raw.toLowerCase(Locale.ROOT);
        if (v.equals("not") && notSet(t, end)) {
            return true; // seed phrase: not set
        }
        for (String p : PLACEHOLDERS) {
            if (v.equals(p)) {
                return true;
            }
        }
        // $DB_PASSWORD and ${DB_PASSWORD}: a reference to a variable, not its value
        return raw.length() > 1 && raw.charAt(0) == '$' && raw.chars().skip(1).allMatch(ch -> ch == '_' || ch == '{' || ch == '}' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9')
                && raw.chars().skip(1).anyMatch(ch -> ch >= 'A' && ch <= 'Z');
    }

    private static boolean noSpace(char[] t, int start, int end) {
        for (int i = start; i < end; i++) {
            if (RandomTokens.whitespace(t[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code 1000:1000}: digits, a colon, digits, then the end of the word. */
    private static boolean uidGid(char[] t, int v) {
        int i = v;
        int digits = 0;
        int colons = 0;
        for (; i < t.length && !RandomTokens.whitespace(t[i]) && "`'\"),;".indexOf(t[i]) < 0; i++) {
            if (t[i] == ':') {
                colons++;
            } else if (Character.isDigit(t[i])) {
                digits++;
            } else {
                return false;
            }
        }
        return colons == 1 && digits >= 2 && t[v] != ':' && t[i - 1] != ':';
    }

    /** -p 8080:80, -p 127.0.0.1:53:53/udp and mkdir -p /var/lib are not passwords. */
    private static boolean portOrPath(char[] t, int v) {
        char c = t[v];
        if (c == '/' || c == '.' || c == '~' || c == '$') {
            return true;
        }
        int w = v; // a line continued (\), a comment (#), a short plain word (netstat -p tcp, cp -p a b): no password
        while (w < t.length && w - v < 6 && t[w] >= 'a' && t[w] <= 'z') {
            w++;
        }
        int after = w > v ? w : v + 1;
        if ((c == '\\' || c == '#' || w > v && w - v <= 5) && (after >= t.length || Character.isWhitespace(t[after]))) {
            return true;
        }
        int i = v;
        while (i < t.length && !RandomTokens.whitespace(t[i]) && "`'\"),;".indexOf(t[i]) < 0) { // quoting or punctuation ends it
            char d = t[i];
            if (d == '/') {
                String rest = new String(t, i, Math.min(t.length, i + 5) - (i));
                return rest.startsWith("/tcp") || rest.startsWith("/udp") || rest.startsWith("/sctp");
            }
            if (!(Character.isDigit(d) || d == '.' || d == ':' || d == '-' || d == '[' || d == ']')) {
                return false;
            }
            i++;
        }
        return true;
    }

    private static boolean userWithPassword(char[] t, int v) {
        if (uidGid(t, v)) {
            return false; // --user 1000:1000 is a uid and a gid
        }
        for (int i = v; i < t.length && i - v < 512 && !stop(t[i]); i++) {
            if (t[i] == ':') {
                return !(i + 2 < t.length && t[i + 1] == '/' && t[i + 2] == '/');
            }
        }
        return false;
    }

    /** True when the line holding position s mentions one of the words before s (bounded look-back). */
    private static boolean lineMentions(char[] t, int s, String... words) {
        int from = s;
        while (from > 0 && s - from < 512 && t[from - 1] != '\n') {
            from--;
        }
        String before = new String(t, from, s - (from)).toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (before.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean yamlKeyOrItem(char[] t, int v) {
        if (v >= t.length || t[v] == '-' || t[v] == '#') {
            return true;
        }
        int e = v;
        while (e < t.length && !stop(t[e])) {
            e++;
        }
        return e > v && t[e - 1] == ':';
    }

    static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
                || c >= 0x80 && Character.isLetter(c); // contraseña, пароль, パスワード
    }

    private static boolean stop(char c) {
        return RandomTokens.whitespace(c) || c == '"' || c == '\'' || c == '`' || c == ';' || c == '&' || c == '<' || c == '>';
    }

    private static int skipBlanks(char[] t, int k, int n) {
        int i = k;
        while (i < n && i - k < MAX_GAP && (t[i] == ' ' || t[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int lineEnd(char[] t, int v) {
        int i = v;
        while (i < t.length && t[i] != '\n' && t[i] != '\r') {
            i++;
        }
        return i;
    }

    /** The first non-blank character of the next non-empty line (at most two line breaks on), or -1. */
    private static int nextLineStart(char[] t, int v) {
        int i = v;
        int breaks = 0;
        while (i < t.length && (t[i] == '\n' || t[i] == '\r' || t[i] == ' ' || t[i] == '\t')) {
            if (t[i] == '\n' && ++breaks > 2) {
                return -1;
            }
            i++;
        }
        return i < t.length ? i : -1;
    }
}
