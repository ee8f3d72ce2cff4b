package dockermcp.security.secrets;

import java.util.List;
import java.util.Set;

/**
 * Passwords that admin tools take as plain positional arguments, found by the verb rather than the program, so a tool
 * no table names is read too: {@code ejabberdctl register USER HOST PASS}, {@code emqx ctl admins passwd USER PASS},
 * {@code mc admin user add ALIAS USER PASS}, {@code foo-admin set-password USER PASS}: after a password verb, two to
 * four positional arguments, the last is the password. Also two argument shapes that carry a password in any program:
 * a Percona DSN ({@code h=db,u=app,p=X}: a {@code p=} among one-letter keys) and a CVS-style root
 * ({@code :pserver:user:X@host:/root}). Each verb is found by {@link String#indexOf} on the lowered text, and reads
 * at most a command's bounded words.
 */
final class AdminCommands {

    /** Verbs after which the last of the positional arguments is a password. */
    static final List<String> VERBS = List.of("register", "passwd", "password", "add_user", "add-user", "adduser", "change_password",
            "change-password", "changepassword", "set_password", "set-password", "setpassword", "create-user", "create_user", "createuser",
            "user-create", "reset-password", "reset_password", "resetpassword", "update-password", "update_password", "set-initial-password",
            "setpass", "chpass", "passwd-user", "user-password", "add");
    /** Programs whose own name is a verb above and whose positional arguments are not passwords (adduser USER GROUP). */
    private static final Set<String> NOT_AFTER = Set.of("adduser", "useradd", "sudo", "git", "helm", "npm", "yarn", "pnpm", "apt", "apt-get",
            "apk", "pip", "poetry", "cargo", "go", "docker", "kubectl", "ssh-add", "bzr", "hg", "svn", "dnf", "yum", "brew", "gem", "conda",
            "repo", "remote", "config", "group", "groups", "role", "roles", "member", "members", "acl", "host", "hosts", "node", "nodes",
            "route", "rule", "label", "labels", "tag", "tags", "key", "keys", "service", "services", "vhost", "permissions", "plugin", "plugins");
    /** Before {@code add}: only an account list makes {@code add} a password verb ({@code user add U P}, {@code admins add U P}). */
    private static final Set<String> ACCOUNTS = Set.of("user", "users", "admin", "admins", "account", "accounts", "login", "logins",
            "principal", "principals", "operator", "operators", "credential", "credentials");
    private static final int MAX_LINE_BACK = 512;
    private static final int MAX_DSN = 256;

    private AdminCommands() {
    }

    static void find(char[] t, String lower, Keywords.Found late, Spans spans) {
        for (String verb : VERBS) {
            for (int at = late.has(verb) ? lower.indexOf(verb) : -1; at >= 0; at = lower.indexOf(verb, at + verb.length())) {
                if (word(t, at, at + verb.length())) {
                    verb(t, at, verb, spans);
                }
            }
        }
        for (int at = late.has("p=") ? lower.indexOf("p=") : -1; at >= 0; at = lower.indexOf("p=", at + 2)) {
            percona(t, at, spans);
        }
        for (int at = lower.indexOf(':'); at >= 0; at = lower.indexOf(':', at + 1)) {
            if (at == 0 || boundary(t[at - 1])) {
                at = methodRoot(t, at, spans);
            }
        }
    }

    private static boolean boundary(char c) {
        return c == ' ' || c == '\t' || c == '\'' || c == '"' || c == '=' || c == '\n' || c == ',' || c == '[';
    }

    private static boolean word(char[] t, int s, int e) {
        return (s == 0 || boundary(t[s - 1])) && (e == t.length || boundary(t[e]) && t[e] != '=' && t[e] != ',');
    }

    /** The word before {@code at} on its line, lowered, its path left off; "" when the verb starts the line. */
    private static String previousWord(char[] t, int at) {
        int e = at - 1;
        while (e >= 0 && (t[e] == ' ' || t[e] == '\t' || t[e] == '\'' || t[e] == '"' || t[e] == ',')) {
            e--;
        }
        int s = e;
        while (s >= 0 && at - s < MAX_LINE_BACK && !boundary(t[s]) && t[s] != '/') {
            s--;
        }
        return e < 0 || t[e] == '\n' ? "" : new String(t, s + 1, e - s).toLowerCase(java.util.Locale.ROOT).replace("\\", "");
    }

    private static void verb(char[] t, int at, String verb, Spans spans) {
        String before = previousWord(t, at);
        if (before.isEmpty() || before.equals("[") || NOT_AFTER.contains(before) || verb.equals("add") && !ACCOUNTS.contains(before)) {
            return; // the verb is a program of its own (passwd alice, adduser bob staff) or another list's add
        }
        List<int[]> words = ProgramArguments.words(t, at + verb.length());
        int[] last = null;
        int positional = 0;
        for (int[] w : words) {
            String v = ProgramArguments.text(t, w);
            if (v.startsWith("-")) {
                if (v.indexOf('=') < 0 && positional > 0) {
                    break; // flags after the arguments (register U H P --force) end them; a flag's value would count otherwise
                }
                continue;
            }
            positional++;
            last = w;
            if (positional > 4) {
                return; // a list of names, not an account and its password
            }
        }
        if (positional < 2) {
            return;
        }
        String v = ProgramArguments.text(t, last);
        if (ProgramArguments.harmless(v) || LineShapes.harmless(v) || LineShapes.wordLike(v) || email(v) || v.length() < 4
                || v.matches("[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){1,8}:?[0-9]{0,5}")) {
            return; // a name, a host, a mail address, a path: the arguments are not an account and its password
        }
        int[] in = ProgramArguments.inner(t, last);
        spans.add(in[0], in[1]);
    }

    private static boolean email(String v) {
        int a = v.indexOf('@');
        return a > 0 && v.indexOf('.', a) > a && v.matches("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,128}");
    }

    /** {@code h=db01,u=app,p=X}: a {@code p=} in a comma list of one-letter keys, as the Percona toolkit and DBD DSNs write it. */
    private static void percona(char[] t, int at, Spans spans) {
        if (at > 0 && t[at - 1] != ',' && !boundary(t[at - 1])) {
            return;
        }
        int s = at;
        while (s > 0 && at - s < MAX_DSN && !Character.isWhitespace(t[s - 1]) && t[s - 1] != '\'' && t[s - 1] != '"') {
            s--;
        }
        int e = at + 2;
        while (e < t.length && e - at < MAX_DSN && t[e] != ',' && !Character.isWhitespace(t[e]) && t[e] != '\'' && t[e] != '"') {
            e++;
        }
        boolean otherKey = false;
        for (int i = s; i + 1 < t.length && i - s < 2 * MAX_DSN && !Character.isWhitespace(t[i]) && t[i] != '\'' && t[i] != '"'; i++) {
            boolean keyStart = i == s || t[i - 1] == ',';
            if (keyStart && i != at && Character.isLetter(t[i]) && t[i + 1] == '=') {
                otherKey = true;
                break;
            }
        }
        if (otherKey && e > at + 2 && !ProgramArguments.harmless(new String(t, at + 2, e - at - 2))) {
            spans.add(at + 2, e);
        }
    }

    /** {@code :pserver:user:X@host:/root} (any {@code :method:}): the password between the user and the {@code @}. Returns where to go on. */
    private static int methodRoot(char[] t, int at, Spans spans) {
        int i = at + 1;
        while (i < t.length && i - at < 16 && Character.isLetter(t[i])) {
            i++;
        }
        if (i == at + 1 || i >= t.length || t[i] != ':') {
            return at;
        }
        int user = i + 1;
        int j = user;
        while (j < t.length && j - user < 128 && t[j] != ':' && t[j] != '@' && !Character.isWhitespace(t[j]) && t[j] != '\'' && t[j] != '"') {
            j++;
        }
        if (j >= t.length || t[j] != ':' || j == user) {
            return i - 1;
        }
        int pass = j + 1;
        int end = -1;
        for (int k = pass; k < t.length && k - pass < 256 && !Character.isWhitespace(t[k]); k++) {
            if (t[k] == '@') {
                end = k; // the last @ before the host: a password may hold one
            }
        }
        if (end > pass) {
            spans.add(pass, end);
        }
        return i - 1;
    }
}
