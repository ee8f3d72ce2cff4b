package dockermcp.security.secrets;

/**
 * A credential written into a name: {@code PASSWORD_IS_Xk9aB1234_q}, {@code SECRET_FU5AUXI2P8A9}, {@code SecretIsQx7mP2044}.
 * Names are shown (env, labels, keys in logs), so a name that holds a password word is read on: after the word, the
 * first part (between {@code _ - .}) that looks generated, with letters and digits mixed beyond a version or an
 * algorithm ({@code V2}, {@code SHA256}, {@code 20261130}, {@code K8S} stay), is hidden with the rest of the name.
 */
final class NameTails {

    private static final String[] STEMS = {"pass", "pwd", "secret", "token", "key", "cred", "auth", "pw"};
    private static final int MAX_NAME = 128;

    private NameTails() {
    }

    static void find(char[] t, String lower, Keywords.Found words, Spans spans) {
        for (String stem : STEMS) {
            if (!words.has(stem)) {
                continue;
            }
            int at = lower.indexOf(stem);
            int done = -1;
            while (at >= 0) {
                if (at >= done) {
                    done = name(t, lower, at, stem.length(), spans);
                }
                at = lower.indexOf(stem, at + stem.length());
            }
        }
    }

    /** Judges the name around the keyword at {@code at}; returns where the name ends. */
    private static int name(char[] t, String lower, int at, int len, Spans spans) {
        int s = at;
        while (s > 0 && at - s < MAX_NAME && nameChar(t[s - 1])) {
            s--;
        }
        int e = at + len;
        while (e < t.length && e - at < MAX_NAME && nameChar(t[e])) {
            e++;
        }
        int i = at + len;
        boolean upper = Character.isUpperCase(t[at + 1]);
        while (i < e && Character.isLetter(t[i]) && Character.isUpperCase(t[i]) == upper) {
            i++; // the rest of the word: PASSWORD, Secret, password
        }
        if (i >= e || e - s > MAX_NAME || !SecretNames.suggestsSecret(lower.substring(s, i)) || RandomTokens.publicForm(t, at)) {
            return e;
        }
        boolean podName = kubernetesName(t, s, e);
        int part = i;
        while (part < e) {
            while (part < e && (t[part] == '_' || t[part] == '-' || t[part] == '.')) {
                part++;
            }
            int end = part;
            while (end < e && t[end] != '_' && t[end] != '-' && t[end] != '.') {
                end++;
            }
            if (generated(t, part, end) && !(podName && end - part <= 10)) {
                spans.add(part, e);
                return e;
            }
            part = end;
        }
        return e;
    }

    /** Letters and digits mixed as a generator mixes them: not a version (v2, sha256, x509), not a date or a number. */
    static boolean generated(char[] t, int s, int e) {
        int n = e - s;
        if (n < 5) {
            return false;
        }
        int letters = 0;
        int digits = 0;
        int switches = 0;
        for (int i = s; i < e; i++) {
            char c = t[i];
            boolean digit = c >= '0' && c <= '9';
            letters += Character.isLetter(c) ? 1 : 0;
            digits += digit ? 1 : 0;
            if (i > s) {
                char p = t[i - 1];
                boolean pd = p >= '0' && p <= '9';
                switches += pd != digit ? 1 : 0;
            }
        }
        return letters >= 2 && digits >= 2 && (switches >= 2 || digits >= 4 && letters >= 3)
                || PasswordShapes.looksMadeUp(new String(t, s, n));
    }

    /** A lower-case name with '-' parts, as Kubernetes and Compose name pods and containers (token-refresher-7d9f8b6c5-x2kqz). */
    private static boolean kubernetesName(char[] t, int s, int e) {
        boolean dash = false;
        for (int i = s; i < e; i++) {
            if (Character.isUpperCase(t[i]) || t[i] == '_') {
                return false;
            }
            dash |= t[i] == '-';
        }
        return dash;
    }

    private static boolean nameChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
    }
}
