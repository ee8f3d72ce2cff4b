package dockermcp.security.secrets;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords that a command line passes by position or by a short flag, which no keyword names: {@code podman login
 * -p x}, {@code unzip -P x}, {@code curl --proxy-user u:x}, {@code curl -E cert.pem:x}, {@code mosquitto_passwd -b f
 * u x}, {@code pulumi config set --secret NAME x}, {@code xfreerdp /p:x}, {@code net use \\h\s /user:u x}, a quoted
 * value ({@code -p'x'}, {@code --password="x"}). Each command (between {@code ; & | && ||} or a line break) is judged
 * alone: a short flag means a password only after a login verb or in a program known to take one that way, so
 * {@code ssh -p 22}, {@code mkdir -p /x} and {@code docker run -p 80:80} stay.
 */
final class CommandPasswords {

    /** Words that make -p, -P, -w and -k a password flag anywhere in the same command. */
    private static final Set<String> LOGIN_WORDS = Set.of("login", "auth", "connect", "logon", "signin", "add_user", "source");
    /** Programs whose -p/-P/-w takes a password without a login verb (mysql's attached -pX is a detector rule). */
    private static final Set<String> PASSWORD_FLAG_PROGRAMS = Set.of("cqlsh", "bcp", "sqlcmd", "isql", "osql", "mosquitto_pub",
            "mosquitto_sub", "mosquitto_rr", "rabbitmqadmin", "unzip", "zip", "zipcloak", "7z", "7za", "mysql", "mysqldump", "mysqladmin",
            "mariadb", "mariadb-dump", "mongo", "mongosh", "mongodump", "mongorestore", "mongoexport", "mongoimport", "influx", "ipmitool",
            "sshpass", "ldapsearch", "ldapadd", "ldapmodify", "ldapdelete", "ldapwhoami", "ldappasswd", "rclone", "vsql", "nzsql",
            "clickhouse-client", "cf", "az", "smbclient", "ftp", "lftp", "wget", "cadaver", "pg_dump", "redis-cli", "keytool", "jarsigner");
    /** Short flags that carry a password in a login command or one of the programs above. */
    private static final Set<String> SHORT_FLAGS = Set.of("-p", "-P", "-w", "-k", "-a");
    /** Flags whose value is {@code user:password} ({@code curl -u}, {@code etcdctl --user}, {@code skopeo --creds}). */
    private static final Set<String> USER_FLAGS = Set.of("-u", "--user", "--proxy-user", "-U", "--creds", "--src-creds", "--dest-creds",
            "--username-password", "--basic-auth", "--auth");
    /** Flags whose value is {@code certificate:password} (curl's -E and --cert). */
    private static final Set<String> CERT_FLAGS = Set.of("-E", "--cert", "--proxy-cert");
    /** A group or user part after {@code -u user:} that is not a password: {@code docker run -u app:app}, {@code 1000:1000}. */
    private static final Set<String> GROUPS = Set.of("root", "wheel", "users", "staff", "nogroup", "nobody", "docker", "adm", "daemon");
    /** Windows-style password switches ({@code xfreerdp /p:x}, {@code /password:x}). */
    private static final Pattern SLASH_PASSWORD = Pattern.compile("(?i)/(?:p|pass|password|pwd):");
    /** {@code printf 'user\npassword\n'} into a credential file or a login: the second line is the password. */
    private static final Pattern PRINTF_PAIR = Pattern.compile("printf\\s{1,4}['\"]{1,6}[^'\"\\s\\\\]{1,64}\\\\n([^'\"\\s\\\\]{1,128})(?:\\\\n)?['\"]");
    /** PowerShell: the plain text made a secure string. */
    private static final Pattern SECURE_STRING = Pattern.compile("(?i)ConvertTo-SecureString\\s{1,4}(?:-String\\s{1,4})?['\"]{0,6}([^'\"\\s$][^'\"\\s]{0,127})");
    /** mysql's attached -p, quoted once or through a shell's nested quoting ({@code -p'"'"'x'"'"'}, as ps shows {@code sh -c '…'}). */
    private static final Pattern MYSQL_ATTACHED = Pattern.compile("(?:^|[\\s'\"])-p['\"]{1,6}([^'\"\\s]{1,128})");

    private CommandPasswords() {
    }

    /** Adds the spans of passwords in the command line {@code t}. */
    static void find(String t, Spans spans) {
        if (t.length() > 64 * 1024) {
            return; // commands are short; a longer text is free text, judged by the detector alone
        }
        int from = 0;
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : '\n';
            if (c == ';' || c == '|' || c == '&' || c == '\n' || c == '\r' || c == '#' && i > 0 && t.charAt(i - 1) == ' ') { // … # buildkit: a comment
                if (i > from) {
                    command(t, from, i, spans);
                }
                from = i + 1;
            }
        }
        regex(PRINTF_PAIR, t, 1, spans, t.contains("auth-user-pass") || t.contains("login") || t.contains("passwd") || t.contains("chpasswd"));
        regex(SECURE_STRING, t, 1, spans, true);
        regex(MYSQL_ATTACHED, t, 1, spans, t.contains("mysql") || t.contains("mariadb"));
    }

    private static void regex(Pattern p, String t, int group, Spans spans, boolean when) {
        if (!when) {
            return;
        }
        Matcher m = p.matcher(t);
        while (m.find()) {
            spans.add(m.start(group), m.end(group));
        }
    }

    /** One command: its words, with the spans of their values without quotes. */
    private static void command(String t, int from, int to, Spans spans) {
        command(Words.of(t, from, to, true), t, spans);
        command(Words.of(t, from, to, false), t, spans); // the script of sh -c '…' is one quoted word: read its words too
    }

    private static void command(List<int[]> words, String t, Spans spans) {
        if (words.isEmpty()) {
            return;
        }
        boolean login = false;
        boolean program = false;
        for (int[] w : words) {
            String word = Words.text(t, w);
            login |= LOGIN_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT)); // a verb, not the end of a URL (https://x/login)
            program |= PASSWORD_FLAG_PROGRAMS.contains(word.substring(word.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT));
        }
        for (int k = 0; k < words.size(); k++) {
            int[] w = words.get(k);
            String word = Words.text(t, w);
            int[] next = k + 1 < words.size() ? words.get(k + 1) : null;
            if ((login || program) && SHORT_FLAGS.contains(word) && next != null && !word.equals("-a") | program) {
                secretUnlessHarmless(t, next, spans);
            } else if ((login || program) && word.length() > 2 && SHORT_FLAGS.contains(word.substring(0, 2)) && quoted(word.charAt(2))) {
                spans.add(w[0] + 3, w[1] - 1); // -p'x', -P"x"
            } else if (USER_FLAGS.contains(word) && next != null) {
                userPassword(t, next, spans);
            } else if (CERT_FLAGS.contains(word) && next != null) {
                afterColon(t, next, spans, true);
            } else if (word.startsWith("--pass") && word.indexOf('=') > 0 && word.indexOf('=') + 1 < word.length() && quoted(word.charAt(word.indexOf('=') + 1))) {
                spans.add(w[0] + word.indexOf('=') + 2, w[1] - 1); // --password='x'
            } else if (word.equals("--secret") && k + 2 < words.size() && t.substring(w[0], w[1]).equals("--secret")
                    && !Words.text(t, words.get(k + 2)).startsWith("-")) {
                add(t, words.get(k + 2), spans); // pulumi config set --secret NAME x
            } else {
                Matcher m = SLASH_PASSWORD.matcher(word);
                if (m.lookingAt() && m.end() < word.length()) {
                    spans.add(w[0] + m.end(), w[1]);
                }
            }
        }
        positional(t, words, spans);
    }

    /** Programs that take the password as a positional argument (also after {@code sh -c} or {@code exec}). */
    private static void positional(String t, List<int[]> words, Spans spans) {
        for (int k = 0; k < words.size(); k++) {
            String program = base(t, words.get(k));
            if (program.equals("mosquitto_passwd") && k + 4 < words.size() && Words.text(t, words.get(k + 1)).equals("-b")) {
                add(t, words.get(k + 4), spans);
            } else if (program.equals("wpa_passphrase") && k + 2 < words.size()) {
                add(t, words.get(k + 2), spans);
            }
        }
    }

    private static void add(String t, int[] w, Spans spans) {
        int[] in = Words.inner(t, w);
        spans.add(in[0], in[1]);
    }

    private static String base(String t, int[] w) {
        String word = Words.text(t, w);
        return word.substring(word.lastIndexOf('/') + 1);
    }

    private static boolean quoted(char c) {
        return c == '\'' || c == '"';
    }

    /** The value word, unless it is a number, a port mapping, a path, a URL or another flag. */
    private static void secretUnlessHarmless(String t, int[] w, Spans spans) {
        String v = Words.text(t, w);
        if (v.startsWith("-") || v.startsWith("/") || v.startsWith("$") || v.equals("*") || v.equals("#") || v.equals("\\") || v.contains("://")
                || v.matches("[0-9]{1,6}(?::[0-9]{1,6}){0,2}")) {
            return;
        }
        add(t, w, spans);
    }

    /** {@code user:password}: the password part goes unless it is a number or a group name. */
    private static void userPassword(String t, int[] w, Spans spans) {
        String v = Words.text(t, w);
        int colon = v.indexOf(':');
        if (colon < 0 || colon == v.length() - 1) {
            return;
        }
        String user = v.substring(0, colon);
        String rest = v.substring(colon + 1);
        if (rest.matches("[0-9]{1,10}") || rest.equals(user) || GROUPS.contains(rest)) {
            return;
        }
        afterColon(t, w, spans, false);
    }

    /** The part of a word after its first colon ({@code cert.pem:x}, {@code user:x}). */
    private static void afterColon(String t, int[] w, Spans spans, boolean cert) {
        String v = Words.text(t, w);
        int colon = v.indexOf(':');
        if (colon < 0 || colon == v.length() - 1 || cert && (colon == 1 || v.startsWith("pkcs11:"))) {
            return; // no password, or a Windows drive letter, or a PKCS#11 URI
        }
        int[] in = Words.inner(t, w);
        spans.add(in[0] + colon + 1, in[1]);
    }

    /** The words of a command: runs without blanks; a quoted run keeps its blanks. Positions of the raw word. */
    static final class Words {
        private Words() {
        }

        static List<int[]> of(String t, int from, int to, boolean quotes) {
            List<int[]> out = new java.util.ArrayList<>();
            int i = from;
            while (i < to && out.size() < 512) {
                if (Character.isWhitespace(t.charAt(i))) {
                    i++;
                    continue;
                }
                int s = i;
                char quote = 0;
                while (i < to && (quote != 0 || !Character.isWhitespace(t.charAt(i)))) {
                    char c = t.charAt(i);
                    if (quotes && quote == 0 && (c == '\'' || c == '"')) {
                        quote = c;
                    } else if (c == quote) {
                        quote = 0;
                    }
                    i++;
                }
                out.add(new int[] {s, i});
            }
            return out;
        }

        /** The word without the quotes around it (also a shell's nested '"'"'). */
        static String text(String t, int[] w) {
            int[] in = inner(t, w);
            return t.substring(in[0], in[1]);
        }

        /** The positions of the word without the quotes around it. */
        static int[] inner(String t, int[] w) {
            int s = w[0];
            int e = w[1];
            while (s < e - 1 && s - w[0] < 6 && quoted(t.charAt(s))) {
                s++;
            }
            while (e > s + 1 && w[1] - e < 6 && quoted(t.charAt(e - 1))) {
                e--;
            }
            return new int[] {s, e};
        }
    }
}
