package dockermcp.security.secrets;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Logins in protocol transcripts that {@link Transcripts} does not read: a SASL PLAIN response written out with its
 * separators ({@code response=\x00user\x00pass} in AMQP {@code Connection.StartOk}, {@code \0}, {@code \u0000},
 * {@code ^@}) or in base64 after the word {@code PLAIN}; Redis {@code AUTH user pass} inside {@code HELLO} and
 * {@code AUTH2 user pass} inside {@code MIGRATE}, bare or in the quoted form of {@code MONITOR}; and the PostgreSQL
 * {@code PasswordMessage} of a protocol trace. Each starts at a word found by {@link String#indexOf}.
 */
final class WireLogins {

    static final String[] NUL_FORMS = {"\\x00", "\\u0000", "\\000", "\\0", "^@", "\u0000"};
    private static final int MAX_PART = 256;

    private WireLogins() {
    }

    static void find(char[] t, String lower, Keywords.Found late, Spans spans) {
        for (String nul : NUL_FORMS) {
            for (int at = late.has(nul) ? lower.indexOf(nul) : -1; at >= 0; at = lower.indexOf(nul, at + nul.length())) {
                at = plainResponse(t, lower, at, nul, spans);
            }
        }
        for (int at = late.has("plain") ? lower.indexOf("plain") : -1; at >= 0; at = lower.indexOf("plain", at + 5)) {
            plainBase64(t, at + 5, spans);
        }
        for (int at = late.has("auth") ? lower.indexOf("auth") : -1; at >= 0; at = lower.indexOf("auth", at + 4)) {
            redisAuth(t, lower, at, spans);
        }
        for (int at = late.has("passwordmessage") ? lower.indexOf("passwordmessage") : -1; at >= 0; at = lower.indexOf("passwordmessage", at + 15)) {
            passwordMessage(t, at + 15, spans);
        }
    }

    /** {@code [authzid]NUL user NUL pass}: the part after the second separator, to the next blank or quote. Returns where to go on. */
    private static int plainResponse(char[] t, String lower, int at, String nul, Spans spans) {
        int user = at + nul.length();
        int second = lower.indexOf(nul, user);
        if (second < 0 || second - user > MAX_PART || second == user && !nul.equals("\\0")) {
            return at;
        }
        for (int i = user; i < second; i++) {
            if (Character.isWhitespace(t[i])) {
                return at;
            }
        }
        int s = second + nul.length();
        int e = s;
        while (e < t.length && e - s < MAX_PART && !Character.isWhitespace(t[e]) && t[e] != '\'' && t[e] != '"' && t[e] != ',' && t[e] != '>'
                && !lower.startsWith(nul, e)) {
            e++;
        }
        if (e > s) {
            spans.add(s, e);
        }
        return second;
    }

    /** {@code PLAIN <base64>}: hidden when the base64 decodes to a response with a NUL separator. */
    private static void plainBase64(char[] t, int from, Spans spans) {
        int s = from;
        while (s < t.length && s - from < 4 && (t[s] == ' ' || t[s] == '=' || t[s] == ':' || t[s] == '"' || t[s] == '\'' || t[s] == '>'
                || t[s] == '\t')) {
            s++;
        }
        int e = s;
        while (e < t.length && e - s < 1024 && (Character.isLetterOrDigit(t[e]) && t[e] < 128 || t[e] == '+' || t[e] == '/' || t[e] == '=')) {
            e++;
        }
        if (e - s < 8) {
            return;
        }
        try {
            byte[] b = Base64.getDecoder().decode(new String(t, s, e - s));
            int nuls = 0;
            int last = -1;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 0) {
                    nuls++;
                    last = i;
                } else if (b[i] > 0 && b[i] < 32) {
                    return; // a response is text between its separators
                }
            }
            if ((nuls == 1 || nuls == 2) && last > 0 && last < b.length - 1) {
                spans.add(s, e); // [authzid] NUL user NUL password
            }
        } catch (IllegalArgumentException notBase64) {
            // a word after PLAIN, no response
        }
    }

    /** {@code HELLO 3 AUTH u p}, {@code MIGRATE … AUTH2 u p} (bare or quoted): the second argument. */
    private static void redisAuth(char[] t, String lower, int at, Spans spans) {
        int s = at > 0 && t[at - 1] == '"' ? at - 1 : at;
        boolean auth2 = lower.startsWith("auth2", at);
        int end = at + (auth2 ? 5 : 4);
        boolean quoted = s < at;
        if (quoted && (end >= t.length || t[end] != '"')) {
            return;
        }
        int after = quoted ? end + 1 : end;
        if (s > 0 && t[s - 1] != ' ' && t[s - 1] != '\t' || after < t.length && t[after] != ' ' && t[after] != '\t') {
            return;
        }
        if (!auth2 && !lineHas(lower, at, "hello")) {
            return; // a lone AUTH u p is Transcripts' (ACL login); only HELLO carries one with a protocol version before it
        }
        List<int[]> words = ProgramArguments.words(t, after);
        if (words.size() < 2) {
            return;
        }
        String pass = ProgramArguments.text(t, words.get(1));
        if (!pass.isEmpty() && !ProgramArguments.harmless(pass)) {
            int[] in = ProgramArguments.inner(t, words.get(1));
            spans.add(in[0], in[1]);
        }
    }

    private static boolean lineHas(String lower, int at, String word) {
        int nl = RuntimeDumps.before(lower, "\n", at, MAX_PART);
        return RuntimeDumps.before(lower, word, at, nl >= 0 ? at - nl : MAX_PART) >= 0;
    }

    /** {@code F 18 PasswordMessage "x"}, {@code PasswordMessage (p) x}: the first word after it that is not a length or a type letter. */
    private static void passwordMessage(char[] t, int from, Spans spans) {
        int i = from;
        for (int k = 0; k < 4; k++) {
            while (i < t.length && (t[i] == ' ' || t[i] == '\t')) {
                i++;
            }
            int s = i;
            while (i < t.length && !Character.isWhitespace(t[i]) && i - s < MAX_PART) {
                i++;
            }
            String v = new String(t, s, i - s).toLowerCase(Locale.ROOT);
            if (v.isEmpty()) {
                return;
            }
            if (v.matches("\\(?[a-z]?\\)?|[0-9]{1,6}|:|=|-+>?|<-+")) {
                continue; // a length, a message type letter, an arrow
            }
            int at = v.startsWith("password=") || v.startsWith("password:") ? s + 9 : s;
            int[] in = ProgramArguments.inner(t, new int[] {at, i});
            if (in[0] < in[1] && !ProgramArguments.harmless(new String(t, in[0], in[1] - in[0]))) {
                spans.add(in[0], in[1]);
            }
            return;
        }
    }
}
