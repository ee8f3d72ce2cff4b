package dockermcp.security.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Random-looking tokens (see {@link RandomTokens}) that a keyword stands next to ({@code api key is X},
 * {@code token X}), that stand alone on their line (a value printed under its heading), or that are base64
 * JSON holding credentials (a Docker {@code config.json} with {@code auths}).
 */
final class NearbyTokens {

    private static final int LOOK_BACK = 40;
    private static final String[] KEYWORDS = {"pass", "pwd", "secret", "token", "key", "auth", "cred", "bearer", "sig", "private",
            "session", "cookie", "otp", "salt", "dsn", "conn", "webhook", "apikey"};
    private static final String[] DECODED_KEYWORDS = {"auth", "pass", "token", "secret", "key"};

    private NearbyTokens() {
    }

    /** @param loneTokens also tokens alone on their line (free text; a configuration value is judged by its name instead) */
    static void find(CharSequence t, Spans spans, boolean loneTokens) {
        int n = t.length();
        int i = 0;
        while (i < n) {
            if (!RandomTokens.tokenChar(t.charAt(i))) {
                i++;
                continue;
            }
            int end = RandomTokens.tokenEnd(t, i);
            if (end - i >= RandomTokens.MIN_LENGTH && secretToken(t, i, end, loneTokens)) {
                spans.add(i, end);
            }
            i = end;
        }
    }

    private static boolean secretToken(CharSequence t, int s, int e, boolean loneTokens) {
        if (e - s >= 20 && t.charAt(s) == 'e' && (t.charAt(s + 1) == 'y' || t.charAt(s + 1) == 'w') && decodedHoldsCredentials(t, s, e)) {
            return true;
        }
        if (!RandomTokens.isRandom(t, s, e, null)) {
            return false;
        }
        return loneTokens && aloneOnLine(t, s, e) || keywordBefore(t, s);
    }

    private static boolean aloneOnLine(CharSequence t, int s, int e) {
        int i = s - 1;
        while (i >= 0 && (t.charAt(i) == ' ' || t.charAt(i) == '\t' || t.charAt(i) == '"' || t.charAt(i) == '\'')) {
            i--;
        }
        if (i >= 0 && t.charAt(i) != '\n') {
            return false;
        }
        int j = e;
        while (j < t.length() && (t.charAt(j) == ' ' || t.charAt(j) == '\t' || t.charAt(j) == '\r' || t.charAt(j) == '"' || t.charAt(j) == '\'')) {
            j++;
        }
        return j >= t.length() || t.charAt(j) == '\n';
    }

    private static boolean keywordBefore(CharSequence t, int s) {
        int from = s;
        while (from > 0 && s - from < LOOK_BACK && t.charAt(from - 1) != '\n') {
            from--;
        }
        String before = t.subSequence(from, s).toString().toLowerCase(Locale.ROOT);
        for (String k : KEYWORDS) {
            if (before.contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean decodedHoldsCredentials(CharSequence t, int s, int e) {
        int len = Math.min(e - s, 4096) & ~3;
        try {
            String decoded = new String(Base64.getMimeDecoder().decode(t.subSequence(s, s + len).toString()), StandardCharsets.ISO_8859_1)
                    .toLowerCase(Locale.ROOT);
            if (!decoded.stripLeading().startsWith("{")) {
                return false;
            }
            for (String k : DECODED_KEYWORDS) {
                if (decoded.contains("\"" + k) || decoded.contains(k + "\"")) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
