package dockermcp.security.secrets;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value of a {@code Cookie:} or {@code Set-Cookie:} header, cookie by cookie: a cookie whose name suggests a
 * session or a secret ({@code session}, {@code sid}, {@code JSESSIONID}, {@code token}, {@code auth}, {@code csrf}…)
 * or whose value is not a plain word or number loses its value; attributes ({@code Path}, {@code Expires},
 * {@code SameSite}, {@code Domain}…) and {@code theme=dark} stay.
 */
final class Cookies {

    private static final Set<String> ATTRIBUTES = Set.of("path", "expires", "samesite", "domain", "max-age", "secure", "httponly", "priority",
            "partitioned", "version", "comment");
    private static final Pattern SESSION_NAME = Pattern.compile("(?i).{0,64}(?:sess|sid|token|auth|csrf|xsrf|remember|login|sso|jwt|user|id|key|secret|pass|cred|sig).{0,64}");
    /** A value that cannot be a session: a lower-case word, a number, a language tag. */
    private static final Pattern PLAIN = Pattern.compile("[a-z]{1,16}(?:[-_][a-z]{1,16}){0,2}|[0-9]{1,10}|[a-z]{2}-[A-Z]{2}");

    private Cookies() {
    }

    /** Adds the spans of secret cookie values in t[from, to). */
    static void find(char[] t, int from, int to, Spans spans) {
        int i = from;
        while (i < to) {
            int end = i;
            while (end < to && t[end] != ';') {
                end++;
            }
            int eq = i;
            while (eq < end && t[eq] != '=') {
                eq++;
            }
            String name = new String(t, i, eq - i).trim();
            if (eq < end && !ATTRIBUTES.contains(name.toLowerCase(Locale.ROOT))) {
                String value = new String(t, eq + 1, end - eq - 1).trim();
                if (!value.isEmpty() && (SESSION_NAME.matcher(name).matches() || !PLAIN.matcher(value).matches())) {
                    spans.add(eq + 1, end);
                }
            } else if (eq == end && !ATTRIBUTES.contains(name.toLowerCase(Locale.ROOT)) && !name.isEmpty()) {
                spans.add(i, end); // a bare token without a name
            }
            i = end + 1;
        }
    }
}
