package dockermcp.security.secrets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The private members of a JSON Web Key in free text: in a JSON object that has a {@code "kty"} member, the values of
 * {@code "d"}, {@code "p"}, {@code "q"}, {@code "dp"}, {@code "dq"}, {@code "qi"}, {@code "oth"} (RSA, EC, OKP private
 * parts) and {@code "k"} (a symmetric key) are hidden; the public ones ({@code "n"}, {@code "e"}, {@code "x"},
 * {@code "y"}) stay. Also when the JSON is escaped inside a JSON string ({@code \"d\":\"...\"}). Each object is read
 * once, within a bounded window around its {@code "kty"} that never reaches back past the previous one.
 */
final class JwkMembers {

    private static final int WINDOW = 8192;
    private static final Pattern PRIVATE = Pattern.compile(
            "\\\\{0,3}\"(?:d|p|q|dp|dq|qi|k|oth)\\\\{0,3}\"\\s{0,4}:\\s{0,4}\\\\{0,3}\"([^\"\\\\]{1,8192})");

    private JwkMembers() {
    }

    static void find(char[] t, CharSequence text, Spans spans) {
        int from = 0;
        while (true) {
            int at = indexOf(t, "kty", from);
            if (at < 0) {
                return;
            }
            int start = at;
            while (start > from && at - start < WINDOW && t[start] != '{' && t[start] != '}') {
                start--;
            }
            int end = at;
            while (end < t.length && end - at < WINDOW && t[end] != '}' && t[end] != '{') {
                end++;
            }
            if (t[start] == '{') {
                Matcher m = PRIVATE.matcher(text).region(start, end);
                while (m.find()) {
                    spans.add(m.start(1), m.end(1));
                }
            }
            from = Math.max(end, at + 3);
        }
    }

    private static int indexOf(char[] t, String word, int from) {
        outer:
        for (int i = from; i + word.length() <= t.length; i++) {
            for (int k = 0; k < word.length(); k++) {
                if (t[i + k] != word.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
