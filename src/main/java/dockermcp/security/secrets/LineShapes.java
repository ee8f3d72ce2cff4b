package dockermcp.security.secrets;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Secrets carried by the layout of a line rather than by a {@code key=value}: daemon configuration lines and user
 * lists ({@link ConfigLines}), protocol transcripts ({@link Transcripts}), a password word with an odd separator or
 * phrasing, or in another language ({@link OddSeparators}), and a credential written into a name ({@link NameTails}).
 * Every rule starts at a keyword found by {@link String#indexOf} (or, for user lists, at a line of two to five
 * words), and only for the keywords the detector's one pass ({@link Keywords}) found in the text.
 */
final class LineShapes {

    private LineShapes() {
    }

    static void find(char[] t, String s, String lower, Keywords.Found words, Spans spans) {
        ConfigLines.find(t, lower, words, spans);
        Transcripts.find(t, lower, words, spans);
        OddSeparators.find(t, s, lower, words, spans);
        NameTails.find(t, lower, words, spans);
        AdminCommands.find(t, lower, words, spans); // ejabberdctl register u h X, h=db,u=app,p=X, :pserver:u:X@host
        CredentialColumns.find(t, lower, spans); // psk.txt, davfs2 secrets, snmpd createUser, nagios $USER3$=x
        WireLogins.find(t, lower, words, spans); // response=\x00u\x00X, SASL PLAIN base64, HELLO 3 AUTH u X, MIGRATE … AUTH2 u X, PasswordMessage
        RuntimeDumps.find(t, lower, words, spans); // ["-db-pass", "X"], NAME => X => X, <Data Name="Password">X, <InverseQ>, ::add-mask::X
        ArgumentPositions.find(t, lower, spans); // DbSettings(h,5432,u,X), "method":"auth.login","params":["X"], [--db-password, X], a table's last cell
    }

    private static final Set<String> HARMLESS_WORDS = Set.of("", "yes", "no", "on", "off", "true", "false", "none", "null", "nil", "undefined",
            "enabled", "disabled", "enable", "disable", "required", "optional", "empty", "unset", "set", "hidden", "masked", "redacted", "filtered",
            "ok", "fail", "failed", "skip", "skipped", "pass", "passed", "error", "refresh", "vault", "expire", "expired", "secret", "password",
            "login", "plain", "cram-md5", "digest-md5", "xoauth2", "oauthbearer", "gssapi", "ntlm", "external", "anonymous", "scram-sha-1",
            "scram-sha-256", "md5", "sha1", "sha256", "sha512", "bcrypt", "scrypt", "argon2", "argon2id", "argon2i", "pbkdf2", "crypt",
            // words that follow a password word in ordinary logs (a migration, a state change, a column type)
            "hash", "hashed", "reset", "changed", "updated", "stored", "saved", "sent", "verified", "valid", "invalid", "accepted", "rejected",
            "missing", "present", "done", "pending", "rotated", "encrypted", "string", "str", "bytes", "varchar", "text", "int", "bool", "boolean",
            "object", "any", "incorrect", "expires", "needed", "ignored", "generated", "cleared", "removed", "deleted", "created", "loaded");
    private static final Pattern HARMLESS_FORM = Pattern.compile("[0-9]{1,12}(?:[.:/][0-9]{1,12}){0,4}[A-Za-z%]{0,3}" // numbers, ratios, versions, units
            + "|(?:/|\\./|\\.\\./|~/)[^\\s]{0,512}|[A-Za-z0-9._-]{1,64}(?:/[A-Za-z0-9._-]{1,64}){1,16}/?" // paths
            + "|[a-zA-Z]{2,8}:/[^\\s]{0,512}|@/[^\\s]{0,512}" // hash:/etc/x, file:/x, @/path
            + "|[A-Za-z0-9_-]{1,64}\\.(?:key|pem|crt|cer|txt|conf|cfg|json|ya?ml|keytab|p12|pfx|jks|der|pub|asc|gpg|env|ini|db|js|ts|tsx|jsx|py|rb|go|java)"
            + "|\\$\\{[^}]{1,128}\\}|\\$[A-Za-z_][A-Za-z0-9_]{0,127}|%[A-Za-z_][A-Za-z0-9_]{0,127}%|\\{\\{.{0,128}\\}\\}|<%.{0,128}%>"
            + "|<[^<>]{1,64}>|\\[[^\\[\\]]{1,64}\\]|\\([^()]{0,64}\\)|[*xX•.?#-]{1,64}"
            + "|(?:env|fd|file):[A-Za-z0-9_./-]{1,128}|stdin" // where a program reads it: openssl -passin env:VAR, file:/x, fd:3, stdin
            + "|[A-Za-z][A-Za-z -]{0,31}:"); // a heading: "Password reset:", "Password requirements:"

    /** True for a value that is no secret: a setting word, a number, a path, a file, a placeholder, a mask. */
    static boolean harmless(String v) {
        String u = unquote(v);
        if (u.isEmpty() || u.length() > 512) {
            return u.isEmpty();
        }
        boolean alnum = false;
        for (int i = 0; i < u.length() && !alnum; i++) {
            alnum = Character.isLetterOrDigit(u.charAt(i));
        }
        return !alnum || HARMLESS_WORDS.contains(u.toLowerCase(Locale.ROOT)) || HARMLESS_FORM.matcher(u).matches();
    }

    /** A plain word of one script and one case shape (required, Restricted, ENABLED, задан): read as text, not a secret. */
    static boolean wordLike(String v) {
        String u = unquote(v);
        if (u.isEmpty() || u.length() > 24) {
            return u.isEmpty();
        }
        boolean lower = false;
        boolean upperAfterFirst = false;
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (!Character.isLetter(c)) {
                return false;
            }
            lower |= Character.isLowerCase(c);
            upperAfterFirst |= i > 0 && Character.isUpperCase(c);
        }
        return !(lower && upperAfterFirst); // mixed case inside a word (qXvTr) is made, not written
    }

    /** A word of a language other than English (geändert, задан): text, not a password. */
    static boolean foreignWord(String v) {
        String u = unquote(v);
        return wordLike(u) && u.chars().anyMatch(c -> c >= 0x80);
    }

    static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    static int lineStart(char[] t, int i) {
        while (i > 0 && t[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    static int lineEnd(char[] t, int i) {
        while (i < t.length && t[i] != '\n') {
            i++;
        }
        return i > 0 && i <= t.length && i > 0 && t[i - 1] == '\r' ? i - 1 : i;
    }

    static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * The words of a line [s, e) split at blanks, a quoted word taken whole; at most {@code max} words, or null when
     * the line holds more.
     */
    static int[] words(char[] t, int s, int e, int max) {
        int[] out = new int[max * 2];
        int n = 0;
        int i = s;
        while (i < e) {
            while (i < e && blank(t[i])) {
                i++;
            }
            if (i >= e) {
                break;
            }
            if (n == max * 2) {
                return null;
            }
            int start = i;
            if (t[i] == '"' || t[i] == '\'') {
                int close = i + 1;
                while (close < e && t[close] != t[i]) {
                    close++;
                }
                if (close < e) {
                    i = close + 1;
                }
            }
            while (i < e && !blank(t[i])) {
                i++;
            }
            out[n++] = start;
            out[n++] = i;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Hides a word [s, e), the inside of its quotes when quoted. */
    static void hide(char[] t, int s, int e, Spans spans) {
        if (e - s >= 2 && (t[s] == '"' || t[s] == '\'') && t[e - 1] == t[s]) {
            spans.add(s + 1, e - 1);
        } else {
            spans.add(s, e);
        }
    }

    private static final Set<String> PROTOCOLS = Set.of("ftp", "ftps", "sftp", "pop", "pop3", "imap", "imap4", "smtp", "nntp", "authinfo", "irc",
            "client", "cmd", "command", "sent", "send", "recv", "c", "s", "tx", "rx");

    /** A word that only introduces a transcript line: {@code C:}, {@code >>>}, {@code -->}, a time, {@code [ftp]}. */
    static boolean prefixWord(char[] t, int s, int e) {
        if (e - s <= 8 && PROTOCOLS.contains(new String(t, s, e - s).toLowerCase(Locale.ROOT))) {
            return true; // ftp PASS x, AUTHINFO PASS x
        }
        if (t[e - 1] == ':' && e - s <= 12 || t[s] == '[' && t[e - 1] == ']' || t[s] >= '0' && t[s] <= '9' && e - s <= 40) { // a time: 2026-11-30T10:00:01Z
            return true;
        }
        for (int i = s; i < e; i++) {
            if (Character.isLetter(t[i])) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> NSS_SOURCES = Set.of("files", "systemd", "compat", "db", "nis", "nisplus", "ldap", "sss", "winbind", "extrausers",
            "altfiles", "cache", "hesiod", "[notfound=return]", "[success=merge]");
    private static final Pattern LOOKUP_TABLE = Pattern.compile("(?:hash|btree|lmdb|cdb|dbm|sdbm|texthash|regexp|pcre|proxy:[a-z]{2,8}|unix):/[^\\s]{1,512}");

    /**
     * A name and what follows it that read like a secret assignment but are not one: a test report ({@code PASS: test_x}),
     * a SASL capability ({@code AUTH=PLAIN}), an OpenLDAP connection number ({@code conn=1001}), an nsswitch source
     * ({@code passwd: files systemd}), a prepared statement's {@code ?}, a word in brackets ({@code (leer)}), a postfix lookup table ({@code smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd}).
     */
    static boolean notAValue(String name, char[] t, int v) {
        int end = v;
        while (end < t.length && end - v < 512 && !Character.isWhitespace(t[end]) && ",;]>\"'".indexOf(t[end]) < 0) {
            end++;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (end == v) {
            return quotedNameAfterError(lower, t, v);
        }
        String value = new String(t, v, end - v);
        return name.equals("PASS") && Transcripts.testName(value) || (lower.equals("auth") || lower.endsWith("-auth")) && Transcripts.mechanism(value)
                || value.equals("?") || value.length() <= 26 && value.matches("\\(\\p{L}{1,24}\\)") // password := ?, Passwort: (leer)
                || lower.equals("conn") && value.chars().allMatch(c -> c >= '0' && c <= '9') && end - v <= 12
                || (lower.equals("passwd") || lower.equals("shadow") || lower.equals("gshadow")) && NSS_SOURCES.contains(value)
                || LOOKUP_TABLE.matcher(value).matches()
                || value.equalsIgnoreCase(lastWord(lower) + "s") // *v1.Secret: secrets is forbidden: the kind named again, no value
                || lower.endsWith("s") && value.matches("[a-z]{2,12}") && end + 1 < t.length && t[end] == ' ' && t[end + 1] >= 'a' && t[end + 1] <= 'z' // signing keys: next rotation at …
                || (lower.equals("key") || lower.equals("auth")) && countThenWord(t, v, end) // auth: 3 failed login attempts
                || lower.equals("key") && CACHE_KEY.matcher(value).matches() // cache hit key=product:98123:v4
                || lower.endsWith("s") && value.length() <= 9 && value.chars().allMatch(c -> c >= '0' && c <= '9') // tokens=100: a count
                || sshKeyType(value) // Server host key: ssh-ed25519 SHA256:…: a public key's algorithm
                || lower.contains("public") && value.startsWith("/") && value.matches("[A-Za-z0-9_./-]{2,256}"); // --jwt-public-key=/etc/x/jwt.pub
    }

    /** True when the word names a public key's algorithm as OpenSSH writes it (ssh-ed25519, ecdsa-sha2-nistp256): no secret. */
    static boolean sshKeyType(String word) {
        return word.length() <= 64 && SSH_KEY_TYPE.matcher(word).matches();
    }

    /** The name of a public key's algorithm as OpenSSH writes it. */
    private static final java.util.regex.Pattern SSH_KEY_TYPE = java.util.regex.Pattern.compile(
            "(?:ssh-(?:rsa|ed25519|ed448|dss)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\\.com)(?:-cert-v01@openssh\\.com)?");

    /**
     * {@code KeyError: 'password'}, {@code missing key: "api_token"}, {@code unknown field 'secret'}: a quoted secret name alone after
     * an error or a lookup word names what was looked for; it is no value.
     */
    private static boolean quotedNameAfterError(String lower, char[] t, int v) {
        if (v >= t.length || t[v] != '\'' && t[v] != '"' || !(lower.endsWith("error") || lower.endsWith("exception") || lower.equals("key")
                || lower.equals("field") || lower.equals("attribute") || lower.equals("property"))) {
            return false;
        }
        int e = v + 1;
        while (e < t.length && e - v <= 48 && (Character.isLetterOrDigit(t[e]) || t[e] == '_' || t[e] == '-' || t[e] == '.')) {
            e++;
        }
        if (e >= t.length || t[e] != t[v] || e == v + 1) {
            return false;
        }
        int after = e + 1;
        while (after < t.length && blank(t[after])) {
            after++;
        }
        String word = new String(t, v + 1, e - v - 1);
        boolean alone = after >= t.length || t[after] == '\n' || t[after] == '\r' || ",;)]}".indexOf(t[after]) >= 0;
        return alone && (lower.endsWith("error") || lower.endsWith("exception")) ? SecretNames.suggestsSecret(word) && !PasswordShapes.looksMadeUp(word)
                : alone && SecretNames.suggestsSecret(word) && !PasswordShapes.looksMadeUp(word) && word.equals(word.toLowerCase(Locale.ROOT));
    }

    /** A namespaced cache or lookup key: a word, then parts after ':' of which none is long enough to be a token. */
    private static final java.util.regex.Pattern CACHE_KEY = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]{0,30}(?::[A-Za-z0-9_.-]{1,15}){1,6}");

    /** The name's last run of letters (v1.secret: secret). */
    private static String lastWord(String lower) {
        int e = lower.length();
        int b = e;
        while (b > 0 && Character.isLetter(lower.charAt(b - 1))) {
            b--;
        }
        return lower.substring(b, e);
    }

    /** A small number followed by a word: a count in a sentence, not a value. */
    private static boolean countThenWord(char[] t, int v, int end) {
        if (end - v > 4 || end + 1 >= t.length || t[end] != ' ' || !Character.isLetter(t[end + 1])) {
            return false;
        }
        for (int i = v; i < end; i++) {
            if (t[i] < '0' || t[i] > '9') {
                return false;
            }
        }
        return true;
    }
}
