package dockermcp.security.secrets;

import java.util.Locale;

/**
 * What {@code echo} or {@code printf} writes into a credential store needs no keyword to be a secret: redirected to a
 * credential file ({@code > ~/.pgpass}, {@code >> /etc/nginx/.htpasswd}, {@code | tee /run/secrets/db}) or piped
 * into a program that reads a password ({@code | chpasswd}, {@code | passwd root}). Its arguments are hidden; the
 * command and the file stay. One pass over the text; each redirect or pipe looks back at most one command.
 */
final class CredentialWrites {

    private static final int REACH = 512;
    /** File names that hold credentials and that the secret-name test does not already know. */
    private static final String[] FILES = {"pgpass", "netrc", "my.cnf", "pypirc", "passwd-s3fs", "shadow", "credentials", "secrets/"};
    /** Programs that read a password on standard input. */
    private static final String[] READERS = {"chpasswd", "chgpasswd", "passwd"};

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
                }
            }
        }
    }

    /** The arguments of the echo or printf of the command that ends at {@code end} (a '>' or '|'). */
    private static void echoed(char[] t, int end, Spans spans) {
        int from = end;
        while (from > 0 && end - from < REACH && t[from - 1] != '|' && t[from - 1] != ';' && t[from - 1] != '&' && t[from - 1] != '\n') {
            from--;
        }
        int c = -1;
        for (int i = from; i < end; i++) {
            if ((i == from || !Character.isLetterOrDigit(t[i - 1])) && (Assignments.startsWith(t, i, end, "echo ") || Assignments.startsWith(t, i, end, "printf "))) {
                c = i;
            }
        }
        if (c < 0) {
            return;
        }
        boolean printf = t[c] == 'p';
        int a = skipFlags(t, c + (printf ? 7 : 5));
        if (printf && a < end && (t[a] == '\'' || t[a] == '"') && indexOf(t, a + 1, end, '%')) {
            int q = a + 1; // the format: printf '%s\n' PASS
            while (q < end && t[q] != t[a]) {
                q++;
            }
            a = skipBlanks(t, q + 1);
        }
        int e = end;
        while (e > a && (t[e - 1] == ' ' || t[e - 1] == '\t')) {
            e--;
        }
        spans.add(a, e);
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
