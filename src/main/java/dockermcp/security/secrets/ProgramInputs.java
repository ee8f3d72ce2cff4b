package dockermcp.security.secrets;

import java.util.List;

/**
 * What a program named in {@link ProgramArguments} is fed rather than given as an argument: standard input from
 * {@code echo X |}, {@code printf … X |} or {@code <<< X} (to {@code sudo -S}, {@code passwd}, {@code kinit} …), what
 * an {@code expect} script sends after a prompt for a secret, and the value a {@code sed}/{@code perl} substitution
 * writes under a secret name into a configuration file.
 */
final class ProgramInputs {

    private ProgramInputs() {
    }

    /** What {@code echo}/{@code printf} pipe into the program, and a here-string after it. */
    static void stdin(char[] t, String lower, int start, List<int[]> words, Spans spans) {
        for (int k = 0; k < words.size(); k++) {
            String word = ProgramArguments.text(t, words.get(k));
            if (word.equals("<<<") && k + 1 < words.size()) {
                ProgramArguments.value(t, words.get(k + 1), null, spans);
            } else if (word.startsWith("<<<") && word.length() > 3) {
                ProgramArguments.value(t, new int[] {words.get(k)[0] + 3, words.get(k)[1]}, null, spans);
            }
        }
        int p = start - 1;
        while (p >= 0 && (t[p] == ' ' || t[p] == '\t')) {
            p--;
        }
        if (p < 0 || t[p] != '|' || p > 0 && t[p - 1] == '|') {
            return;
        }
        int end = p;
        int from = end;
        int depth = 0;
        while (from > 0 && end - from < 512) {
            if (from > 1 && t[from - 1] == '\n' && t[from - 2] == '\\') {
                from -= 2; // a line continued by a backslash
                continue;
            } // back to the start of the command that feeds the pipe; a ( … ) group whole
            char c = t[from - 1];
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (c == ';' || c == '&' || c == '|' || c == '\n' || c == '`')) {
                break;
            }
            from--;
        }
        for (int i = from; i < end; i++) {
            if ((lower.startsWith("echo ", i) || lower.startsWith("printf ", i)) && (i == 0 || !ProgramArguments.nameChar(lower.charAt(i - 1)))) {
                echoed(t, i + (t[i] == 'p' || t[i] == 'P' ? 7 : 5), end, t[i] == 'p' || t[i] == 'P', spans);
            }
        }
    }

    /** The arguments of one echo or printf, up to the end of its command (a printf format with % left out). */
    private static void echoed(char[] t, int from, int end, boolean printf, Spans spans) {
        List<int[]> args = ProgramArguments.words(t, from);
        boolean format = printf;
        for (int[] a : args) {
            if (a[0] >= end) {
                break;
            }
            String word = ProgramArguments.text(t, a);
            if (word.startsWith("-") && word.length() <= 3) {
                continue; // echo -n, echo -e
            }
            if (format) {
                format = false;
                if (word.contains("%")) {
                    continue;
                }
            }
            int[] in = ProgramArguments.inner(t, new int[] {a[0], Math.min(a[1], end)});
            int e = in[1];
            while (e > in[0] && (t[e - 1] == ')' || t[e - 1] == '\'' || t[e - 1] == '"')) {
                e--;
            }
            if (e > in[0] && !ProgramArguments.harmless(new String(t, in[0], e - in[0]))) {
                spans.add(in[0], e);
            }
        }
    }

    /** {@code expect "password:"; send "X\r"}: what is sent after a prompt that asks for a secret. */
    static void expect(char[] t, String lower, int from, int to, Spans spans) {
        int limit = Math.min(t.length, Math.max(to, from + ProgramArguments.MAX_COMMAND));
        for (int i = lower.indexOf("expect", from); i >= 0 && i < limit; i = lower.indexOf("expect", i + 6)) {
            int prompt = i + 6;
            int send = lower.indexOf("send", prompt);
            if (send < 0 || send > limit || send - prompt > 160) {
                continue;
            }
            String asked = lower.substring(prompt, send);
            if (!(asked.contains("ass") || asked.contains("phrase") || asked.contains("pin") || asked.contains("token") || asked.contains("secret"))) {
                continue;
            }
            int v = send + 4;
            while (v < limit && (t[v] == ' ' || t[v] == '-' || t[v] == '\t')) {
                v++;
            }
            char open = v < limit ? t[v] : 0;
            char close = open == '"' ? '"' : open == '{' ? '}' : open == '\'' ? '\'' : 0;
            int s = close == 0 ? v : v + 1;
            int e = s;
            while (e < limit && (close != 0 ? t[e] != close : t[e] != ' ' && t[e] != ';' && t[e] != '\n' && t[e] != '\'' && t[e] != '"' && t[e] != '}')) {
                e++;
            }
            while (e - 2 >= s && t[e - 2] == '\\' && (t[e - 1] == 'r' || t[e - 1] == 'n')) {
                e -= 2; // the \r that ends the line typed
            }
            if (e > s && t[s] != '$') { // send "$env(PW)\r": a variable, no value
                spans.add(s, e);
            }
        }
    }

    /**
     * {@code sed -i 's/^requirepass .*\/requirepass X/' f}: a substitution writes a configuration line; when its name
     * suggests a secret, the value it writes is one (a setting word, a number or a variable stays).
     */
    static void substitution(char[] t, int[] w, Spans spans) {
        int[] in = ProgramArguments.inner(t, w);
        int s = in[0];
        if (in[1] - s < 4 || t[s] != 's' || Character.isLetterOrDigit(t[s + 1]) || Character.isWhitespace(t[s + 1])) {
            return;
        }
        char d = t[s + 1];
        int mid = next(t, s + 2, in[1], d);
        int end = mid < 0 ? -1 : next(t, mid + 1, in[1], d);
        if (end < 0) {
            return;
        }
        int k = mid + 1;
        while (k < end && (t[k] == '#' || t[k] == ';' || t[k] == ' ' || t[k] == '^')) {
            k++;
        }
        int name = k;
        while (k < end && (Character.isLetterOrDigit(t[k]) || t[k] == '_' || t[k] == '.' || t[k] == '-')) {
            k++;
        }
        if (k == name || !SecretNames.suggestsSecret(new String(t, name, k - name))) {
            return;
        }
        while (k < end && (t[k] == ' ' || t[k] == '=' || t[k] == ':' || t[k] == '\t')) {
            k++;
        }
        String v = new String(t, k, end - k).trim();
        if (k < end && !ProgramArguments.harmless(v) && !SETTING.matcher(v).matches()) {
            spans.add(k, end);
        }
    }

    /** A value that is a setting, not a secret: a switch, a number, a back-reference, an algorithm. */
    private static final java.util.regex.Pattern SETTING = java.util.regex.Pattern.compile(
            "(?i)yes|no|true|false|on|off|none|required|optional|\\d{1,9}|\\\\\\d|&|md5|scram-sha-256|plain|trust|peer");

    private static int next(char[] t, int from, int to, char d) {
        for (int i = from; i < to; i++) {
            if (t[i] == '\\') {
                i++;
            } else if (t[i] == d) {
                return i;
            }
        }
        return -1;
    }
}
