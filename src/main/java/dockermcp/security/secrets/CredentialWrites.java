package dockermcp.security.secrets;

import java.util.Locale;

/**
 * What {@code echo} or {@code printf} writes into a credential store needs no keyword to be a secret: redirected to a
 * credential file ({@code > ~/.pgpass}, {@code >> /etc/nginx/.htpasswd}, {@code | tee /run/secrets/db}) or piped
 * into a program that reads a password ({@code | chpasswd}, {@code | passwd root}). Its arguments are hidden; the
 * command and the file stay. Likewise one word fed on standard input ({@code echo X |}, {@code printf '%s' X |},
 * {@code yes X |}, {@code cat <<< X |}, {@code <<< X}) to any command whose words are about a secret ({@code vault login -},
 * {@code htpasswd -i}, {@code gcloud secrets versions add … --data-file=-}, {@code vncpasswd -f}, {@code sudo -S}), unless
 * that command is a text filter ({@code grep}, {@code tee}, {@code logger} …). One pass over the text; each redirect,
 * pipe or here-string looks at most one command back and one forward.
 */
final class CredentialWrites {

    private static final int REACH = 512;
    /** File names that hold credentials and that the secret-name test does not already know. */
    private static final String[] FILES = {"pgpass", "netrc", "my.cnf", "pypirc", "passwd-s3fs", "shadow", "credentials", "secrets/"};
    /** Programs that read a password on standard input. */
    private static final String[] READERS = {"chpasswd", "chgpasswd", "passwd"};
    /** Words (parts of words, any case) that make a command one that reads a secret on its standard input. */
    private static final String[] ASKS = {"passw", "passphrase", "secret", "token", "login", "credential", "auth", "apikey", "api-key", "-stdin",
            "kinit", "unlock", "keystore", "storepass", "keypass", "signin", "sign-in", "luks", "unseal"};
    /** Programs that only pass text on or search it: a word of theirs ("grep token") is about the text, not a secret they read. */
    private static final String[] FILTERS = {"tee", "logger", "grep", "egrep", "fgrep", "rg", "sed", "awk", "cat", "wc", "sort", "uniq", "head", "tail",
            "tr", "cut", "less", "more", "column", "jq", "yq", "base64", "xxd", "od", "hexdump", "gzip", "rev", "fold", "nl", "fmt", "printf", "echo"};
    private static final int COMMAND = 256;

    private CredentialWrites() {
    }

    static void find(char[] t, Spans spans) {
        for (int i = 0; i < t.length; i++) {
            if (t[i] == '>' && (i == 0 || t[i - 1] != '2' && t[i - 1] != '&') && (i + 1 >= t.length || t[i + 1] != '&')) {
                int target = skipBlanks(t, i + 1 < t.length && t[i + 1] == '>' ? i + 2 : i + 1);
                if (credentialFile(t, target)) {
                    echoed(t, i, spans);
                }
            } else if (t[i] == '|' && (i + 1 >= t.length || t[i + 1] != '|') && (i == 0 || t[i - 1] != '|')) {
                int w = skipBlanks(t, i + 1);
                String program = word(t, w);
                if (Assignments.oneOf(program, READERS) || program.equals("tee") && credentialFile(t, skipFlags(t, w + 3))) {
                    echoed(t, i, spans);
                } else if (asksSecret(t, w, w)) {
                    fedWord(t, i, spans);
                }
            } else if (t[i] == '<' && i + 2 < t.length && t[i + 1] == '<' && t[i + 2] == '<' && (i == 0 || t[i - 1] != '<')) {
                int start = programAt(t, commandStart(t, i), i);
                if (asksSecret(t, start, i)) {
                    hereString(t, i, spans);
                }
                i += 2;
            }
        }
    }

    /**
     * True when the command at {@code w} (its words up to its end, the part from {@code skip} on left out: a here-string's
     * value) names a secret, and its program is not a text filter.
     */
    private static boolean asksSecret(char[] t, int w, int skip) {
        String program = word(t, w).toLowerCase(Locale.ROOT);
        if (program.isEmpty() || Assignments.oneOf(program, FILTERS)) {
            return false;
        }
        int e = w;
        while (e < t.length && e - w < COMMAND && t[e] != ';' && t[e] != '|' && t[e] != '&' && t[e] != '\n' && t[e] != '`') {
            e++;
        }
        String command = (skip > w && skip < e ? new String(t, w, skip - w) + new String(t, hereEnd(t, skip), Math.max(0, e - hereEnd(t, skip)))
                : new String(t, w, e - w)).toLowerCase(Locale.ROOT);
        for (String a : ASKS) {
            if (command.contains(a)) {
                return true;
            }
        }
        // by the program, which a log prefix may stand before: sudo -S, vncpasswd, age -p (a passphrase)
        return program.equals("sudo") && (command.contains(" -s") || command.contains(" --stdin")) || program.endsWith("passwd")
                || command.contains("passwd ") || command.contains("sudo -s") || command.contains("age -p");
    }

    /** The start of the command that holds position {@code at}: after the last separator before it on its line. */
    private static int commandStart(char[] t, int at) {
        int from = at;
        while (from > 0 && at - from < COMMAND && t[from - 1] != '|' && t[from - 1] != ';' && t[from - 1] != '&' && t[from - 1] != '\n'
                && t[from - 1] != '(' && t[from - 1] != '`') {
            from--;
        }
        return from;
    }

    /** The first word from {@code from} that can name a program: a log line's time stamp, level and {@code label:} are passed over. */
    private static int programAt(char[] t, int from, int to) {
        int w = skipBlanks(t, from);
        while (w < to) {
            int e = w;
            while (e < to && t[e] != ' ' && t[e] != '\t') {
                e++;
            }
            char first = t[w];
            char last = t[e - 1];
            if (!(Character.isDigit(first) || first == '[' || first == '+' || first == '$' || first == '>' || last == ':' || last == ']')) {
                return w;
            }
            w = skipBlanks(t, e);
        }
        return w;
    }

    /** The value of the here-string at {@code at} ({@code <<<}): a quoted run, or a word. */
    private static int[] hereValue(char[] t, int at) {
        int s = skipBlanks(t, at + 3);
        if (s < t.length && (t[s] == '\'' || t[s] == '"')) {
            int e = s + 1;
            while (e < t.length && e - s < COMMAND && t[e] != t[s] && t[e] != '\n') {
                e++;
            }
            return new int[] {s + 1, e};
        }
        int e = s;
        while (e < t.length && e - s < COMMAND && !Character.isWhitespace(t[e]) && t[e] != ';' && t[e] != '|' && t[e] != '&' && t[e] != ')') {
            e++;
        }
        return new int[] {s, e};
    }

    private static int hereEnd(char[] t, int at) {
        int e = hereValue(t, at)[1];
        return e < t.length && (t[e] == '\'' || t[e] == '"') ? e + 1 : e;
    }

    private static void hereString(char[] t, int at, Spans spans) {
        int[] v = hereValue(t, at);
        addValue(t, v[0], v[1], spans);
    }

    /** A value fed on standard input is hidden unless it is a variable, a path, a flag, a number or a placeholder. */
    private static void addValue(char[] t, int s, int e, Spans spans) {
        if (e - s >= 4 && !ProgramArguments.harmless(new String(t, s, e - s))) {
            spans.add(s, e);
        }
    }

    /**
     * The one word that the command ending at the pipe {@code end} writes: {@code echo [-n] X}, {@code printf '%s' X},
     * {@code yes X}, {@code cat <<< X}. Several words (a sentence, a list) are text, not a secret, and stay.
     */
    private static void fedWord(char[] t, int end, Spans spans) {
        int c = producer(t, commandStart(t, end), end, " \t'\"(", true);
        if (c < 0) {
            return;
        }
        if (t[c] == 'c') {
            hereString(t, c + 4, spans); // cat <<< X | …
            return;
        }
        int a = arguments(t, c, end);
        int e = trimEnd(t, a, end);
        if (e - a >= 2 && (t[a] == '\'' || t[a] == '"') && t[e - 1] == t[a]) {
            a++;
            e--;
        }
        for (int k = a; k < e; k++) {
            if (t[k] == ' ' || t[k] == '\t') {
                return; // words: a message, not a secret
            }
        }
        addValue(t, a, e, spans);
    }

    /** The arguments of the echo, printf or yes of the command that ends at {@code end} (a '>' or '|'). */
    private static void echoed(char[] t, int end, Spans spans) {
        int from = end;
        while (from > 0 && end - from < REACH && t[from - 1] != '|' && t[from - 1] != ';' && t[from - 1] != '&' && t[from - 1] != '\n') {
            from--;
        }
        int c = producer(t, from, end, null, false);
        if (c >= 0) {
            int a = arguments(t, c, end);
            spans.add(a, trimEnd(t, a, end));
        }
    }

    /**
     * The start of the last {@code echo}, {@code printf}, {@code yes} (or {@code cat <<<}) in [from, end) at a word's start:
     * after one of {@code before} (null: any character but a letter or digit); -1 when there is none.
     */
    private static int producer(char[] t, int from, int end, String before, boolean cat) {
        int c = -1;
        for (int k = from; k < end; k++) {
            if ((k == from || (before == null ? !Character.isLetterOrDigit(t[k - 1]) : before.indexOf(t[k - 1]) >= 0))
                    && (Assignments.startsWith(t, k, end, "echo ") || Assignments.startsWith(t, k, end, "yes ") || Assignments.startsWith(t, k, end, "printf ")
                    || cat && Assignments.startsWith(t, k, end, "cat <<<"))) {
                c = k;
            }
        }
        return c;
    }

    /** Where the producer at {@code c} starts its arguments: past echo's and yes's flags, past printf's format ({@code printf '%s\n' X}). */
    private static int arguments(char[] t, int c, int end) {
        boolean printf = t[c] == 'p';
        int a = skipFlags(t, c + (printf ? 7 : t[c] == 'y' ? 4 : 5));
        if (printf && a < end && (t[a] == '\'' || t[a] == '"') && indexOf(t, a + 1, end, '%')) {
            int q = a + 1;
            while (q < end && t[q] != t[a]) {
                q++;
            }
            a = skipBlanks(t, q + 1);
        }
        return a;
    }

    private static int trimEnd(char[] t, int a, int end) {
        int e = end;
        while (e > a && (t[e - 1] == ' ' || t[e - 1] == '\t')) {
            e--;
        }
        return e;
    }

    private static boolean credentialFile(char[] t, int at) {
        int e = at;
        while (e < t.length && e - at < 256 && !Character.isWhitespace(t[e]) && t[e] != ';' && t[e] != '|' && t[e] != '&' && t[e] != ')') {
            e++;
        }
        if (e == at) {
            return false;
        }
        String path = new String(t, at, e - at).replace("\"", "").replace("'", "");
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.equals("/etc/passwd") || lower.equals("/etc/group")) {
            return false; // account lists without passwords (x)
        }
        for (String f : FILES) {
            if (lower.contains(f)) {
                return true;
            }
        }
        int slash = path.lastIndexOf('/');
        return SecretNames.suggestsSecret(path.substring(slash + 1)) || lower.contains("/secret");
    }

    private static int skipFlags(char[] t, int at) {
        int a = skipBlanks(t, at);
        while (a < t.length && t[a] == '-') { // echo -n, echo -e, tee -a
            while (a < t.length && !Character.isWhitespace(t[a])) {
                a++;
            }
            a = skipBlanks(t, a);
        }
        return a;
    }

    private static int skipBlanks(char[] t, int at) {
        int a = at;
        while (a < t.length && (t[a] == ' ' || t[a] == '\t')) {
            a++;
        }
        return a;
    }

    private static String word(char[] t, int at) {
        int e = at;
        while (e < t.length && e - at < 32 && (Character.isLetterOrDigit(t[e]) || t[e] == '-' || t[e] == '_' || t[e] == '/')) {
            e++;
        }
        String w = new String(t, at, e - at);
        return w.substring(w.lastIndexOf('/') + 1); // /usr/sbin/chpasswd
    }

    private static boolean indexOf(char[] t, int from, int to, char c) {
        for (int i = from; i < to && i < t.length; i++) {
            if (t[i] == c) {
                return true;
            }
        }
        return false;
    }
}
