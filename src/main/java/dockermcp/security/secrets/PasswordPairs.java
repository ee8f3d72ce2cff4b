package dockermcp.security.secrets;

import java.util.Set;

/**
 * User and password pairs written without a keyword: a {@code .pgpass} line ({@code host:port:db:user:password}),
 * a ZooKeeper digest ({@code digest:user:x}, {@code addauth digest user:x}) and an administrator's account with a
 * generated-looking password ({@code root:x}, as etcd's {@code --user} takes it). Starts at each ':' (one
 * {@link String#indexOf} scan) and reads the word around it once.
 */
final class PasswordPairs {

    private static final Set<String> ADMINS = Set.of("root", "admin", "administrator", "postgres", "elastic", "sa", "superuser", "etcd", "rabbitmq",
            "guest", "kibana_system", "mongoadmin");
    private static final int MAX_WORD = 128;

    private PasswordPairs() {
    }

    static void find(char[] t, String s, String lower, Spans spans) {
        int at = s.indexOf(':');
        while (at >= 0) {
            int start = at;
            while (start > 0 && at - start < MAX_WORD && !stop(t[start - 1])) {
                start--;
            }
            int end = at;
            while (end < t.length && end - at < MAX_WORD && !stop(t[end])) {
                end++;
            }
            word(t, lower, start, end, spans);
            at = end < t.length ? s.indexOf(':', end) : -1;
        }
    }

    private static void word(char[] t, String lower, int start, int end, Spans spans) {
        int[] colons = new int[5];
        int count = 0;
        for (int i = start; i < end && count < 5; i++) {
            if (t[i] == ':') {
                colons[count++] = i;
            }
        }
        if (count == 0 || end - colons[count - 1] < 2) {
            return;
        }
        String first = lower.substring(start, colons[0]);
        if (first.equals("digest") && count >= 2 && !lower.startsWith("sha", colons[0] + 1)) { // ZooKeeper: digest:user:password (or its hash)
            spans.add(colons[1] + 1, end);
            return;
        }
        if (count == 1 && wordBefore(lower, start, "digest")) { // addauth digest user:password
            spans.add(colons[0] + 1, end);
            return;
        }
        if (count >= 4 && host(t, start, colons[0]) && port(t, colons[0] + 1, colons[1]) && colons[2] - colons[1] > 1 && colons[3] - colons[2] > 1) {
            spans.add(colons[3] + 1, end); // .pgpass: host:port:database:user:password (the password may hold more colons)
            return;
        }
        if (count == 1 && ADMINS.contains(first) && generated(t, colons[0] + 1, end)) {
            spans.add(colons[0] + 1, end);
        }
    }

    /** A password as generators and people make them: 8+ characters, a letter, a digit and a capital or a symbol; not a version or a path. */
    private static boolean generated(char[] t, int s, int e) {
        if (e - s < 8 || t[s] == '/' || t[s] >= '0' && t[s] <= '9') {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        boolean upperOrSymbol = false;
        for (int i = s; i < e; i++) {
            char c = t[i];
            letter |= Character.isLetter(c);
            digit |= c >= '0' && c <= '9';
            upperOrSymbol |= c >= 'A' && c <= 'Z' || "!#$%^*&+?@~".indexOf(c) >= 0;
        }
        return letter && digit && upperOrSymbol;
    }

    private static boolean host(char[] t, int s, int e) {
        if (e == s) {
            return false;
        }
        boolean name = false;
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '*')) {
                return false;
            }
            name |= Character.isLetter(c) || c == '.' || c == '*';
        }
        return name;
    }

    private static boolean port(char[] t, int s, int e) {
        if (e - s == 1 && t[s] == '*') {
            return true;
        }
        if (e - s < 1 || e - s > 5) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (t[i] < '0' || t[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean wordBefore(String lower, int start, String w) {
        int e = start;
        while (e > 0 && start - e < 8 && (lower.charAt(e - 1) == ' ' || lower.charAt(e - 1) == '\t')) {
            e--;
        }
        return e < start && e >= w.length() && lower.startsWith(w, e - w.length()) && (e == w.length() || !Character.isLetter(lower.charAt(e - w.length() - 1)));
    }

    private static boolean stop(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';' || c == '(' || c == ')' || c == '[' || c == ']'
                || c == '<' || c == '>' || c == '{' || c == '}';
    }
}
