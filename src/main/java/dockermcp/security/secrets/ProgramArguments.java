package dockermcp.security.secrets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Secrets that programs take on their command line, found by the program and the way it takes one, with no keyword
 * needed: a glued short flag ({@code 7z x -pX}), a spaced one ({@code snmpwalk -A X}), {@code /p:X} or {@code -p:X},
 * a positional argument after a subcommand ({@code openssl passwd -6 X}, {@code composer config http-basic.h u X}),
 * the part after a separator ({@code lftp -u u,X}, {@code sqlplus u/X@db}), standard input fed by {@code echo X |} or
 * {@code <<< X} to a program that reads a password there ({@code sudo -S}), an {@code expect}/{@code send} pair, and
 * the value a {@code sed} substitution writes under a secret name. The same table serves argv arrays, shell strings
 * and log lines. A program name is a word found in one pass (its path and {@code .exe} left off); only its own
 * command, up to a shell separator, a line break or an unmatched quote, is read, at most {@link #MAX_WORDS} words.
 */
final class ProgramArguments {

    private static final int MAX_WORDS = 48;
    static final int MAX_COMMAND = 2048;
    private static final int MAX_NAME = 24;

    /**
     * The table: program names, then how each takes a secret. {@code spaced F}: the word after F (or F=X);
     * {@code glued F}: the rest of the word (-pX); {@code colon F}: after F: (Windows /p:X, -p:X); {@code user F S}: F's
     * value after its first S; {@code verb W N}: the N-th argument after the word W (W* a prefix); {@code value F}: flags
     * whose value is not counted as an argument; {@code slash}: the first argument {@code user/X@db}; {@code stdin W}: the
     * program reads a password on standard input when W is a word of its command (* always); {@code win}: switches
     * start with / and compare in any case.
     */
    private static final String[] TABLE = {
        "7z 7za 7zz 7zr rar unrar | glued -p -hp",
        "zip unzip zipcloak | spaced -P --password",
        "openssl | spaced -k -passin -passout -pass -password | verb passwd 1 | value -salt -in -out -inkey | stdin stdin",
        "keytool jarsigner | spaced -storepass -keypass -srcstorepass -deststorepass -srckeypass -destkeypass -new",
        "gpg gpg2 | spaced --passphrase | stdin --passphrase-fd",
        "mkpasswd | verb ^ 1 | value -m --method -S --salt -R --rounds -P --password-fd",
        "drush | verb user:password 2 | verb upwd 2 | verb user-password 2",
        "caddy | spaced --plaintext",
        "ssh-keygen | spaced -N -P",
        "snmpwalk snmpget snmpbulkwalk snmpbulkget snmpset snmptrap snmpgetnext snmptable snmpinform snmpdelta snmpstatus snmpdf | spaced -A -X -c",
        "ipmitool | spaced -P",
        "ldapsearch ldapadd ldapmodify ldapdelete ldapwhoami ldapcompare ldapmodrdn ldapexop | spaced -w",
        "ldappasswd | spaced -w -s",
        "sshpass | spaced -p | glued -p",
        "mysqladmin mariadb-admin | glued -p | spaced --password | verb password 1",
        "mysql mysqldump mysqlimport mysqlshow mysqlcheck mariadb mariadb-dump | glued -p | spaced --password",
        "sqlcmd bcp osql | spaced -P",
        "isql | verb ^ 3",
        "sqlplus expdp impdp exp imp rman sqlldr | slash",
        "mongo mongosh mongodump mongorestore mongoexport mongoimport mongostat mongotop | spaced -p --password",
        "redis-cli keydb-cli valkey-cli | spaced -a --pass --askpass | verb auth 1 | verb requirepass 1 | verb masterauth 1",
        "cqlsh | spaced -p --password",
        "clickhouse-client clickhouse | spaced --password",
        "influx | spaced -password --password -t --token",
        "rabbitmqctl | verb add_user 2 | verb change_password 2 | verb authenticate_user 2",
        "rabbitmqadmin | spaced -p --password",
        "mosquitto_pub mosquitto_sub mosquitto_rr | spaced -P --pw",
        "nats | spaced --password --token",
        "curl | user -u : | user --user : | user --proxy-user : | user -U : | spaced --oauth2-bearer",
        "wget | spaced --password --http-password --ftp-password --proxy-password",
        "aria2c | spaced --http-passwd --ftp-passwd",
        "lftp | user -u ,",
        "ncftp ncftpput ncftpget ncftpls | spaced -p",
        "smbclient smbget rpcclient | user -U % | user --user % | spaced --password",
        "xfreerdp wlfreerdp sdl-freerdp | win | colon /p /password /gp",
        "rdesktop | spaced -p",
        "svn | spaced --password",
        "docker podman buildah nerdctl oras crane regctl | when login | spaced -p --password | user --creds : | stdin --password-stdin",
        "helm | when login add | spaced -p --password | stdin --password-stdin",
        "skopeo | user --creds : | user --src-creds : | user --dest-creds : | spaced --password",
        "kubectl oc | spaced --token --password | literal",
        "vault consul nomad | spaced -token --token | verb login 1",
        "az | spaced -p --password --secret --client-secret --value",
        "aws | verb aws_secret_access_key 1 | verb aws_session_token 1 | spaced --secret-string --value",
        "gcloud | spaced --password",
        "mc mcli | verb set 4 | verb add 4",
        "npm pnpm | verb *_authtoken 1 | verb _auth 1 | verb _password 1",
        "yarn | verb npmauthtoken 1 | verb npmauthident 1",
        "composer | verb http-basic.* 2 | verb github-oauth.* 1 | verb gitlab-token.* 1 | verb gitlab-oauth.* 1 | verb bearer.* 1 | verb bitbucket-oauth.* 2",
        "poetry | verb http-basic.* 2 | verb pypi-token.* 1",
        "bundle bundler | verb config 0 : | value --global --local",
        "cargo | verb login 1 | value --registry",
        "nuget | win | verb setapikey 1 | spaced -password -apikey",
        "dotnet | when nuget | spaced -p --password -k --api-key",
        "twine | spaced -p --password",
        "gh | stdin --with-token",
        "sudo | stdin -S",
        "passwd | stdin *",
        "chpasswd chgpasswd kinit cryptsetup | stdin *",
        "smbpasswd | stdin -s",
        "nmcli | verb password 1 | verb wifi-sec.psk 1",
        "wpa_passphrase | verb ^ 2",
        "htpasswd | verb -*b* 3",
        "mosquitto_passwd | verb -b 3",
        "net | win | verb user 2 | verb use 1",
        "cmdkey | win | colon /pass",
        "psexec psexec64 paexec | win | spaced -p",
        "schtasks | win | spaced /rp /p",
        "sc | win | spaced password= password",
        "wmic | win | colon /password",
        "winrs | win | colon -p -password /p /password",
        "convertto-securestring | win | spaced -string | verb ^ 1 | value -key -securekey",
        "invoke-sqlcmd new-localuser set-localuser | win | spaced -password",
        "expect | expect",
        "sed perl | substitute",
    };

    private static final Map<String, Program> PROGRAMS = new HashMap<>();
    /** The first two letters of every name: the pre-filter that lets almost every word of a log pass without a lookup. */
    private static final boolean[] PREFIXES = new boolean[128 * 128];

    static {
        for (String row : TABLE) {
            String[] parts = row.split(" \\| ");
            Program p = new Program();
            for (int i = 1; i < parts.length; i++) {
                String[] d = parts[i].split(" ");
                switch (d[0]) {
                    case "spaced" -> p.spaced.addAll(List.of(d).subList(1, d.length));
                    case "glued" -> p.glued.addAll(List.of(d).subList(1, d.length));
                    case "colon" -> p.colon.addAll(List.of(d).subList(1, d.length));
                    case "user" -> p.user.put(d[1], d[2].charAt(0));
                    case "verb" -> {
                        p.verbs.put(d[1], Integer.parseInt(d[2]));
                        p.verbSeparator = d.length > 3 ? d[3].charAt(0) : null;
                    }
                    case "when" -> p.when.addAll(List.of(d).subList(1, d.length));
                    case "value" -> p.valueFlags.addAll(List.of(d).subList(1, d.length));
                    case "stdin" -> p.stdin.addAll(List.of(d).subList(1, d.length));
                    case "slash" -> p.slash = true;
                    case "win" -> p.win = true;
                    case "expect" -> p.expect = true;
                    case "substitute" -> p.substitute = true;
                    case "literal" -> p.literal = true;
                    default -> throw new IllegalStateException(row);
                }
            }
            for (String name : parts[0].split(" ")) {
                PROGRAMS.put(name, p);
                PREFIXES[name.charAt(0) * 128 + name.charAt(1)] = true;
            }
        }
    }

    /** How one program takes a secret (see {@link #TABLE}). */
    private static final class Program {
        final Set<String> spaced = new java.util.HashSet<>();
        final Set<String> glued = new java.util.HashSet<>();
        final Set<String> colon = new java.util.HashSet<>();
        final Map<String, Character> user = new HashMap<>();
        final Map<String, Integer> verbs = new HashMap<>();
        final Set<String> valueFlags = new java.util.HashSet<>();
        final Set<String> stdin = new java.util.HashSet<>();
        final Set<String> when = new java.util.HashSet<>();
        Character verbSeparator;
        boolean slash;
        boolean win;
        boolean expect;
        boolean substitute;
        boolean literal;
    }

    private ProgramArguments() {
    }

    /** Adds the spans of the secrets programs named in {@code t} take ({@code lower}: t in lower case, ASCII). */
    static void find(char[] t, String lower, Spans spans) {
        int n = t.length;
        for (int i = 0; i < n; i++) { // reads t, lowered per character: far cheaper than String.charAt on every character
            if (!nameChar(lowerAscii(t[i]))) {
                continue; // a name starts here: the scan never stops inside one (it resumes at the name's end)
            }
            int e = i + 1;
            while (e < n && nameChar(lowerAscii(t[e]))) {
                e++;
            }
            if (e - i >= 2 && e - i <= MAX_NAME + 4 && PREFIXES[lowerAscii(t[i]) * 128 + lowerAscii(t[i + 1])] && (e == n || !nameEnd(t[e]))) {
                String name = lower.substring(i, e);
                Program p = PROGRAMS.get(name.endsWith(".exe") ? name.substring(0, name.length() - 4) : name);
                if (p != null) {
                    command(t, lower, i, e, p, spans);
                }
            }
            i = e - 1;
        }
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
    }

    static boolean nameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
    }

    /** After a program's name: a blank, a quote or a line end; not {@code =} or {@code :} (a setting named like a program). */
    private static boolean nameEnd(char c) {
        return c == '=' || c == ':' || c == '/' || c == '\\' || c == '@' || c == '(';
    }

    /** One program's command: its words, then each way the program takes a secret. */
    private static void command(char[] t, String lower, int start, int nameEnd, Program p, Spans spans) {
        List<int[]> words = words(t, nameEnd);
        if (p.expect) {
            ProgramInputs.expect(t, lower, start, words.isEmpty() ? nameEnd : words.get(words.size() - 1)[1], spans); // from the name: a script's own expect line is a prompt too
            return;
        }
        if (!p.when.isEmpty() && words.stream().noneMatch(w -> p.when.contains(text(t, w).toLowerCase(Locale.ROOT)))) {
            return; // docker's -p is a port, but docker login's is a password
        }
        for (int k = 0; k < words.size(); k++) {
            int[] w = words.get(k);
            String word = text(t, w);
            String key = p.win ? word.toLowerCase(Locale.ROOT) : word;
            int[] next = k + 1 < words.size() ? words.get(k + 1) : null;
            if (p.substitute) {
                ProgramInputs.substitution(t, w, spans);
                continue;
            }
            if (p.spaced.contains(key) || p.user.containsKey(key)) {
                if (next != null) {
                    value(t, next, p.user.get(key), spans);
                }
                continue;
            }
            int eq = key.indexOf('=');
            if (p.literal && key.startsWith("--from-literal=") && key.indexOf('=', 15) > 0 && words.stream().anyMatch(x -> text(t, x).equals("secret"))) {
                value(t, new int[] {inner(t, w)[0] + 15, inner(t, w)[1]}, '=', spans); // kubectl create secret … --from-literal=NAME=X
                continue;
            }
            if (eq > 0 && eq + 1 < key.length() && (p.spaced.contains(key.substring(0, eq)) || p.user.containsKey(key.substring(0, eq)))) {
                value(t, new int[] {inner(t, w)[0] + eq + 1, inner(t, w)[1]}, p.user.get(key.substring(0, eq)), spans); // --password=X
                continue;
            }
            int colon = key.indexOf(':');
            if (colon > 0 && colon + 1 < key.length() && p.colon.contains(key.substring(0, colon))) {
                value(t, new int[] {inner(t, w)[0] + colon + 1, inner(t, w)[1]}, null, spans); // /p:X, -p:X
                continue;
            }
            for (String g : p.glued) {
                if (key.length() > g.length() && key.startsWith(g) && w[0] + g.length() < w[1]) {
                    value(t, new int[] {w[0] + g.length(), w[1]}, null, spans); // -pX, -p'X'
                }
            }
        }
        positional(t, words, p, spans);
        if (p.slash) {
            slash(t, words, spans);
        }
        if (!p.stdin.isEmpty() && readsStdin(t, words, p)) {
            ProgramInputs.stdin(t, lower, start, words, spans);
        }
    }

    /**
     * The N-th argument after a verb (^: the program itself; -*b*: a flag cluster holding b, htpasswd's batch mode, one
     * argument fewer with n); flags, their values and NAME=VALUE words are not counted, nor Windows switches. N = 0:
     * every argument that holds the verb's separator, from it on ({@code bundle config host user:X}).
     */
    private static void positional(char[] t, List<int[]> words, Program p, Spans spans) {
        if (p.verbs.isEmpty()) {
            return;
        }
        int at = -2;
        int position = 0;
        boolean needsShare = false;
        for (int k = 0; k < words.size() && at < -1; k++) {
            String word = text(t, words.get(k)).toLowerCase(Locale.ROOT);
            for (Map.Entry<String, Integer> v : p.verbs.entrySet()) {
                String verb = v.getKey();
                String stem = verb.replace("*", "");
                boolean match = verb.equals("^") || verb.equals("-*b*") ? word.startsWith("-") && !word.startsWith("--") && word.indexOf('b') > 0
                        : verb.endsWith("*") ? word.startsWith(stem) && word.length() > stem.length() : verb.startsWith("*") ? word.endsWith(stem) : word.equals(stem);
                if (verb.equals("^")) {
                    at = -1;
                    position = v.getValue();
                } else if (match) {
                    at = k;
                    needsShare = verb.equals("use");
                    position = verb.equals("-*b*") && word.indexOf('n') > 0 ? v.getValue() - 1 : v.getValue();
                }
            }
        }
        if (at < -1) {
            return;
        }
        boolean share = false; // net use [X:] \\host\share PASSWORD: counted from the share
        for (int k = at + 1, counted = 0; k < words.size(); k++) {
            String word = text(t, words.get(k));
            if (word.startsWith("-") && word.length() > 1 || p.win && word.startsWith("/") || word.indexOf('=') > 0) {
                if (p.valueFlags.contains(word)) {
                    k++;
                }
                continue;
            }
            if (p.win && (word.matches("[A-Za-z]:") || word.startsWith("\\\\") && (share = true))) {
                counted = 0;
                continue;
            }
            if (position == 0) {
                int sep = word.indexOf(p.verbSeparator);
                if (sep > 0 && !word.contains("//")) {
                    value(t, words.get(k), p.verbSeparator, spans);
                }
            } else if (++counted == position) {
                if (share || !needsShare) {
                    value(t, words.get(k), null, spans);
                }
                return;
            }
        }
    }

    /** {@code sqlplus user/X@db}: the first argument that is a user, a slash and a password. */
    private static void slash(char[] t, List<int[]> words, Spans spans) {
        for (int[] w : words) {
            int[] in = inner(t, w);
            String word = new String(t, in[0], in[1] - in[0]);
            if (word.startsWith("-") || word.startsWith("@")) {
                continue;
            }
            int s = word.indexOf('/');
            if (s > 0 && !word.contains("://") && !word.contains("=") && s + 1 < word.length() && word.charAt(s + 1) != '@' && word.charAt(s + 1) != '/') {
                int at = word.indexOf('@', s);
                spans.add(in[0] + s + 1, at > 0 ? in[0] + at : in[1]);
            }
            return;
        }
    }

    private static boolean readsStdin(char[] t, List<int[]> words, Program p) {
        if (p.stdin.contains("*")) {
            return true;
        }
        for (int[] w : words) {
            String word = text(t, w);
            if (p.stdin.contains(word) || p.stdin.contains("-S") && word.matches("-[a-zA-Z]{0,6}S[a-zA-Z]{0,6}")) {
                return true;
            }
        }
        return false;
    }

    /** The value word (or, with a separator, its part after the first one), unless it is not a secret. */
    static void value(char[] t, int[] w, Character separator, Spans spans) {
        int[] in = inner(t, w);
        int s = in[0];
        if (separator != null) {
            while (s < in[1] && t[s] != separator) {
                s++;
            }
            if (++s >= in[1]) {
                return; // a user alone: the password is asked for
            }
        }
        String v = new String(t, s, in[1] - s);
        if (v.startsWith("pass:")) {
            s += 5; // openssl -passin pass:X
        } else if (harmless(v)) {
            return;
        }
        if (s < in[1]) {
            spans.add(s, in[1]);
        }
    }

    /** A value that is no secret: another flag, a variable, a prompt, a reference to where the secret is, a port, a path. */
    static boolean harmless(String v) {
        return v.isEmpty() || v.startsWith("-") || v.startsWith("$") || v.startsWith("%") && v.endsWith("%") || v.equals("*") || v.startsWith("/")
                || v.startsWith("env:") || v.startsWith("file:") || v.startsWith("fd:") || v.equals("stdin") || v.equals("\\") || v.startsWith("#")
                || v.startsWith("<") || v.startsWith("(") || v.equals("public") || v.matches("['\"]*") || v.matches("[0-9]{1,6}(?::[0-9]{1,6}){0,2}");
    }

    /**
     * The words of the command that starts at {@code from}: runs without blanks, a quoted run keeping its blanks; the
     * command ends at {@code ; | & )}, a backtick, a comment, a line break (unless after a backslash) or a quote that does not
     * close on its line (the end of an {@code sh -c '…'} around it).
     */
    static List<int[]> words(char[] t, int from) {
        List<int[]> out = new ArrayList<>();
        int n = Math.min(t.length, from + MAX_COMMAND);
        int i = from;
        while (i < n && out.size() < MAX_WORDS) {
            char c = t[i];
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '\\' && i + 1 < n && (t[i + 1] == '\n' || t[i + 1] == '\r')) {
                i += t[i + 1] == '\r' && i + 2 < n && t[i + 2] == '\n' ? 3 : 2; // a continued line
                continue;
            }
            if (c == ';' || c == '|' || c == '&' || c == ')' || c == '`' || c == '\n' || c == '\r' || c == '#') {
                break; // a separator, or a comment (RUN … # buildkit)
            }
            int s = i;
            while (i < n) {
                c = t[i];
                if (c == '\'' || c == '"') {
                    int close = close(t, i + 1, n, c);
                    if (close < 0) {
                        break; // an unmatched quote ends the command
                    }
                    i = close + 1;
                    continue;
                }
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '|' || c == '&' || c == ')' || c == '`') {
                    break;
                }
                i++;
            }
            if (i == s) {
                break;
            }
            out.add(new int[] {s, i});
        }
        return out;
    }

    private static int close(char[] t, int from, int n, char quote) {
        for (int i = from; i < n; i++) {
            if (t[i] == quote) {
                return i;
            }
            if (t[i] == '\n') {
                return -1;
            }
        }
        return -1;
    }

    static String text(char[] t, int[] w) {
        int[] in = inner(t, w);
        return new String(t, in[0], in[1] - in[0]);
    }

    /** The word without the quotes around it. */
    static int[] inner(char[] t, int[] w) {
        int s = w[0];
        int e = w[1];
        while (s < e - 1 && s - w[0] < 6 && (t[s] == '\'' || t[s] == '"')) {
            s++;
        }
        while (e > s + 1 && w[1] - e < 6 && (t[e - 1] == '\'' || t[e - 1] == '"')) {
            e--;
        }
        return new int[] {s, e};
    }
}
