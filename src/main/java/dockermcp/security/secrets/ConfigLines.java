package dockermcp.security.secrets;

import java.util.Locale;

/**
 * Daemon configuration written as {@code key value}, user lists and Erlang terms:
 * <ul>
 * <li>a line ending in {@code <name with a password word> <one value> [;] [# comment]} (redis.conf {@code requirepass},
 * keepalived {@code auth_pass}, ssh_config {@code Password}, slapd {@code rootpw}, nginx, squid, haproxy, msmtp, fetchmail):
 * alone on its line the value is hidden unless it is a harmless form (a setting word, a number, a path, a file, a
 * placeholder); after other words it is hidden unless it is also a plain word;</li>
 * <li>user lists without any keyword: postfix {@code sasl_passwd} ({@code [host]:port user:password}), ppp
 * {@code chap-secrets} ({@code user server password ip}), pgbouncer {@code userlist.txt} ({@code "user" "password"});</li>
 * <li>an Erlang or Elixir tuple {@code {password, "x"}}, {@code {pass,<<"x">>}}: a password word, a comma, a string.</li>
 * </ul>
 */
final class ConfigLines {

    /** Password words of a configuration name; {@code key}, {@code auth} and {@code pw} only at its end (shared_key, masterauth, rootpw). */
    private static final String[] STEMS = {"pass", "pwd", "secret", "token", "cred", "psk", "phrase", "key", "auth", "pw"};
    private static final int MAX_NAME = 64;
    /** A name ending in a key as a word ({@code shared_key}, {@code api-key}, {@code secretkey}); not a {@code hotkey}, not a table's {@code KEY VALUE} heading. */
    private static final java.util.regex.Pattern KEY_NAME = java.util.regex.Pattern.compile(".*[_.-]key|.*(?:api|secret|access|shared|private|master|license|signing|encryption)key");
    /** A value made of variables only ({@code $scheme$host$request_uri}): a template, not a secret. */
    private static final java.util.regex.Pattern VARIABLES = java.util.regex.Pattern.compile("(?:\\$\\{?[A-Za-z_][A-Za-z0-9_]{0,63}\\}?)+;?");
    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}(?:/[0-9]{1,2})?");
    private static final java.util.regex.Pattern DESTINATION = java.util.regex.Pattern.compile(
            "\\[[a-z0-9.-]{1,253}\\](?::[a-z0-9]{1,16})?|@[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){1,8}|[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){1,8}(?::[0-9]{1,5})?");

    private ConfigLines() {
    }

    static void find(char[] t, String lower, Keywords.Found words, Spans spans) {
        for (String stem : STEMS) {
            if (!words.has(stem)) {
                continue;
            }
            int done = -1; // the end of the line judged last: a long line with many keywords is read once
            int at = lower.indexOf(stem);
            while (at >= 0) {
                if (at >= done) {
                    done = LineShapes.lineEnd(t, at);
                    keyValue(t, lower, LineShapes.lineStart(t, at), done, spans);
                }
                erlang(t, lower, at, stem.length(), spans);
                at = lower.indexOf(stem, at + stem.length());
            }
        }
        userLists(t, spans);
    }

    /** {@code [#|;] [set] ... name value [;] [# comment]}. */
    private static void keyValue(char[] t, String lower, int ls, int le, Spans spans) {
        int[] w = LineShapes.words(t, ls, le, 16);
        if (w == null || w.length < 4) {
            return;
        }
        int n = w.length / 2;
        int first = 0;
        while (first < n && (isComment(t, w[2 * first], w[2 * first + 1]) || first == 0 && lower.startsWith("set", w[0]) && w[1] - w[0] == 3)) {
            first++;
        }
        int last = n - 1;
        for (int k = first + 2; k < n; k++) {
            if (t[w[2 * k]] == '#') {
                last = k - 1; // a trailing comment
                break;
            }
        }
        if (last < 1 || last - 1 < first) {
            return;
        }
        int ks = w[2 * (last - 1)];
        int ke = w[2 * (last - 1) + 1];
        if (ks < ls + 0 || (ke - ks) > MAX_NAME) {
            return;
        }
        while (ks < ke && (t[ks] == '#' || t[ks] == ';')) {
            ks++; // #requirepass x
        }
        int vs = w[2 * last];
        int ve = w[2 * last + 1];
        if (ve > vs && t[ve - 1] == ';') {
            ve--;
        }
        if (ve <= vs || t[vs] == '-' || t[ks] == '-' || !name(t, lower, ks, ke)) {
            // htpasswd -bc, --password-stdin registry.io: a command and its flags, judged as a command (ProgramArguments)
            return;
        }
        String key = new String(t, ks, ke - ks);
        String value = new String(t, vs, ve - vs);
        if (userNameArgument(key, value)) {
            return; // passwd root, gpasswd -a u g: the command names a user, whose password it asks for on the terminal
        }
        if (key.equals("PASS") || VARIABLES.matcher(value).matches() || LineShapes.harmless(value) || LineShapes.foreignWord(value) || SecretNames.describesSecret(key, LineShapes.unquote(value))) {
            return; // PASS x is a transcript or a test report (Transcripts)
        }
        if (last - 1 == first || !LineShapes.wordLike(value)) {
            LineShapes.hide(t, vs, ve, spans);
        }
    }

    private static final java.util.regex.Pattern USER_NAME = java.util.regex.Pattern.compile("[a-z_][a-z_.-]{0,31}[0-9]{0,6}");

    /** {@code passwd USER}: a program that changes a password, then a user name (small letters, digits only at its end). */
    static boolean userNameArgument(String key, String value) {
        return (key.equals("passwd") || key.endsWith("passwd") && key.length() <= 9) && USER_NAME.matcher(value).matches();
    }

    private static boolean isComment(char[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (t[i] != '#' && t[i] != ';' && t[i] != '/' && t[i] != '-') {
                return false;
            }
        }
        return true;
    }

    /** An identifier holding a password word (auth and pw only at its end) that names a secret. */
    private static boolean name(char[] t, String lower, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        String n = lower.substring(s, e);
        boolean word = n.endsWith("auth") || n.endsWith("pw") || n.endsWith("authtok") || KEY_NAME.matcher(n).matches(); // fluentd shared_key x
        for (int k = 0; k < STEMS.length - 2 && !word; k++) {
            word = !STEMS[k].equals("key") && n.contains(STEMS[k]);
        }
        return word && SecretNames.suggestsSecret(n);
    }

    /** {@code {password, "x"}}, {@code {pass,<<"x">>}}, {@code {:password, 'x'}}: the string after a password atom. */
    private static void erlang(char[] t, String lower, int at, int len, Spans spans) {
        int s = at;
        while (s > 0 && at - s < MAX_NAME && (Character.isLetterOrDigit(t[s - 1]) || t[s - 1] == '_')) {
            s--;
        }
        int b = s > 0 && t[s - 1] == ':' ? s - 1 : s;
        while (b > 0 && LineShapes.blank(t[b - 1])) {
            b--;
        }
        if (b == 0 || t[b - 1] != '{') {
            return;
        }
        int e = at + len;
        while (e < t.length && e - s < MAX_NAME && (Character.isLetterOrDigit(t[e]) || t[e] == '_')) {
            e++;
        }
        if (!SecretNames.suggestsSecret(lower.substring(s, e))) {
            return;
        }
        int i = e;
        while (i < t.length && LineShapes.blank(t[i])) {
            i++;
        }
        if (i >= t.length || t[i] != ',') {
            return;
        }
        i++;
        while (i < t.length && LineShapes.blank(t[i])) {
            i++;
        }
        if (i + 2 < t.length && t[i] == '<' && t[i + 1] == '<') {
            i += 2;
        }
        if (i >= t.length || t[i] != '"' && t[i] != '\'') {
            return;
        }
        int close = i + 1;
        while (close < t.length && close - i < 1024 && t[close] != t[i] && t[close] != '\n') {
            close++;
        }
        if (close < t.length && t[close] == t[i] && close > i + 1 && !LineShapes.harmless(new String(t, i + 1, close - i - 1))) {
            spans.add(i + 1, close);
        }
    }

    /** Lines of two to five words with the layout of a user list; one pass over the text. */
    private static void userLists(char[] t, Spans spans) {
        int ls = 0;
        while (ls < t.length) {
            int le = ls;
            while (le < t.length && t[le] != '\n') {
                le++;
            }
            int e = le > ls && t[le - 1] == '\r' ? le - 1 : le;
            int first = ls;
            while (first < e && LineShapes.blank(t[first])) {
                first++;
            }
            if (first < e && t[first] != '#' && e - first <= 512) {
                int[] w = LineShapes.words(t, first, e, 5);
                if (w != null && w.length >= 4) {
                    userList(t, w, spans);
                }
            }
            ls = le + 1;
        }
    }

    private static void userList(char[] t, int[] w, Spans spans) {
        int n = w.length / 2;
        if (!mayBeUserList(t, w, n)) {
            return; // most lines of a log: decided on the characters, no word copied
        }
        String[] words = new String[n];
        for (int k = 0; k < n; k++) {
            words[k] = new String(t, w[2 * k], w[2 * k + 1] - w[2 * k]);
        }
        if (n == 2 && quoted(words[0], '"') && quoted(words[1], '"') && words[0].length() > 2) { // pgbouncer "user" "password"
            if (!LineShapes.harmless(words[1])) {
                LineShapes.hide(t, w[2], w[3], spans);
            }
            return;
        }
        if (n == 2 && destination(words[0])) { // postfix sasl_passwd: [host]:port user:password
            int colon = words[1].indexOf(':');
            String pass = colon > 0 ? words[1].substring(colon + 1) : "";
            boolean user = Character.isLetterOrDigit(words[1].charAt(0)) || words[1].charAt(0) == '_'; // not a JSON object after a [thread] prefix
            if (colon > 0 && user && words[1].indexOf('/') < 0 && !pass.isEmpty() && !LineShapes.harmless(pass) && !pass.equals("latest")) {
                spans.add(w[2] + colon + 1, w[3]);
            }
            return;
        }
        if (n < 3 || number(words[0]) || words[0].startsWith("#") || !word(LineShapes.unquote(words[0]))) {
            return;
        }
        String server = words[1];
        String secret = words[2];
        boolean layout = n == 3 ? server.equals("*")
                : server.equals("*") && address(words[3]) || (PPP_SERVERS.contains(server) || words[3].equals("*")) && address(words[3]);
        if (layout && !secret.equals("*") && !number(LineShapes.unquote(secret)) && !LineShapes.harmless(secret)) {
            LineShapes.hide(t, w[4], w[5], spans); // chap-secrets, pap-secrets: client server secret [addresses]
        }
    }

    /**
     * What {@link #userList} needs before it reads the words: two words, the first quoted (pgbouncer) or starting as a
     * postfix destination does ({@code [}, {@code @}, {@code -}, a letter or digit); or three and more with {@code *} or a ppp
     * server's name second, or {@code *} fourth.
     */
    private static boolean mayBeUserList(char[] t, int[] w, int n) {
        if (n == 2) {
            char c = t[w[0]];
            return c == '"' || c == '[' || c == '@' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c >= 128; // a letter that lower-cases to ASCII (the Kelvin sign)
        }
        return star(t, w[2], w[3]) || n >= 4 && star(t, w[6], w[7]) || w[3] - w[2] >= 4 && w[3] - w[2] <= 9;
    }

    private static boolean star(char[] t, int s, int e) {
        return e - s == 1 && t[s] == '*';
    }

    private static final java.util.Set<String> PPP_SERVERS = java.util.Set.of("pptpd", "pptp", "l2tpd", "xl2tpd", "pppd", "pppoe", "openl2tp", "accel-ppp");

    private static boolean quoted(String w, char q) {
        return w.length() >= 2 && w.charAt(0) == q && w.charAt(w.length() - 1) == q;
    }

    private static boolean number(String w) {
        return !w.isEmpty() && w.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.');
    }

    private static boolean word(String w) {
        return !w.isEmpty() && w.length() <= 64 && w.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '@');
    }

    /** {@code *}, an IPv4 address or network, {@code -}. */
    private static boolean address(String w) {
        return w.equals("*") || w.equals("-") || IPV4.matcher(w).matches();
    }

    /** A relay of postfix: {@code [host]}, {@code [host]:port}, {@code @domain}, or a host name with a dot. */
    private static boolean destination(String w) {
        return w.length() <= 260 && DESTINATION.matcher(w.toLowerCase(Locale.ROOT)).matches();
    }
}
