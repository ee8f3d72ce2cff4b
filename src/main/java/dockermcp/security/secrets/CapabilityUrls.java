package dockermcp.security.secrets;

import java.util.Locale;
import java.util.Set;

/**
 * Capability URLs: addresses whose secret is a path segment or a short query value, so that knowing the URL is the
 * permission (a webhook, a heartbeat or push check-in, a stream key, a script's deployment id, a session id in a query).
 * A URL is a capability when its scheme streams ({@code rtmp://}, {@code srt://}), when a host label says so ({@code hooks.},
 * {@code push.}, {@code webhook.}…) or the host's whole purpose is such URLs, or from a path word on ({@code /hooks/},
 * {@code /push/}, {@code /heartbeat/}, {@code /integrations/}, {@code /alert/}, {@code /macros/}, {@code /rest/<n>/}…);
 * there, every segment with the shape of a key (a UUID, hexadecimal, letters mixed with digits, a random run) is hidden.
 * Elsewhere ids in REST paths stay ({@code /api/orders/<uuid>}, {@code /commits/<40 hex>}). A query parameter with a short
 * or key-like name and a random value is hidden wherever the URL points.
 */
final class CapabilityUrls {

    /** Path words after which the rest of the path addresses one capability. */
    private static final Set<String> WORDS = Set.of("hook", "hooks", "webhook", "webhooks", "push", "heartbeat", "heartbeats",
            "integration", "integrations", "alert", "alerts", "trigger", "triggers", "ping", "pings", "macros", "cron", "crons",
            "checkin", "checkins", "check-in", "notify", "inbound", "beat", "snitch", "live2", "incoming", "genericwebhook");
    /** Host labels and hosts whose URLs are capabilities as a whole. */
    private static final Set<String> HOST_LABELS = Set.of("hook", "hooks", "webhook", "webhooks", "push", "ping", "hc-ping",
            "heartbeat", "notify", "smee", "ntfy", "nosnch", "cronitor", "pushcut", "squadcast", "signl4", "victorops", "nabu",
            "pipedream", "zapier", "ifttt", "statuscake", "betteruptime", "betterstack", "uptimerobot", "healthchecks", "deadmanssnitch",
            "opsgenie", "pagerduty", "splunkoncall", "oncall", "pushover", "gotify", "ingest", "events", "alert", "alerts", "inbound");
    /** Query parameter names that carry a key in capability URLs (a short name of one to four letters is read as one too). */
    private static final Set<String> QUERY_NAMES = Set.of("key", "apikey", "api_key", "token", "sid", "_sid", "sig", "auth", "secret",
            "pk", "k", "code", "hash", "access_token", "accesstoken", "passkey", "pass", "pwd", "session", "sessionid", "ticket");

    /** An API version or a dated segment: v1, v2beta1, 2024-01-01. */
    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("v[0-9]{1,3}(?:(?:alpha|beta|rc)[0-9]{0,3})?|[0-9]{1,4}(?:[-.][0-9]{1,4}){0,3}");

    private CapabilityUrls() {
    }

    static void find(char[] t, Spans spans) {
        int n = t.length;
        for (int i = 1; i + 3 < n; i++) {
            if (t[i] == ':' && t[i + 1] == '/' && t[i + 2] == '/') {
                i = url(t, i, spans);
            }
        }
    }

    /** Reads the URL whose "://" is at {@code colon}; returns where it ends. */
    private static int url(char[] t, int colon, Spans spans) {
        int s = colon;
        while (s > 0 && colon - s < 12 && (Character.isLetterOrDigit(t[s - 1]) || t[s - 1] == '+' || t[s - 1] == '.' || t[s - 1] == '-')) {
            s--;
        }
        String scheme = new String(t, s, colon - s).toLowerCase(Locale.ROOT);
        boolean capability = scheme.startsWith("rtmp") || scheme.equals("srt") || scheme.equals("rtsp");
        int h = colon + 3;
        int p = h;
        while (p < t.length && p - h < 300 && urlChar(t[p]) && t[p] != '/' && t[p] != '?' && t[p] != '#') {
            p++;
        }
        int at = lastIndexOf(t, h, p, '@');
        capability |= capabilityHost(t, at >= 0 ? at + 1 : h, p);
        int end = p;
        int seg = p;
        while (end < t.length && end - p < 4096 && urlChar(t[end]) && t[end] != '?' && t[end] != '#') {
            if (t[end] == '/') {
                capability = segment(t, seg + 1, end, capability, spans);
                seg = end;
            }
            end++;
        }
        if (seg < end) {
            segment(t, seg + 1, end, capability, spans);
        }
        if (end < t.length && t[end] == '?') {
            end = query(t, end + 1, spans);
        }
        return end;
    }

    /** Judges one path segment; returns whether the capability part has begun after it. */
    private static boolean segment(char[] t, int s, int e, boolean capability, Spans spans) {
        if (e <= s) {
            return capability;
        }
        if (capability && keyShaped(t, s, e)) {
            spans.add(s, e);
            return true;
        }
        String word = new String(t, s, Math.min(e - s, 20)).toLowerCase(Locale.ROOT);
        if (e - s <= 20 && WORDS.contains(word)) {
            return true;
        }
        if (word.equals("rest") && e + 2 < t.length && t[e] == '/' && t[e + 1] >= '0' && t[e + 1] <= '9') {
            return true; // Bitrix24 /rest/<user>/<token>/: the user's number stays (digits), the token after it goes
        }
        return capability;
    }

    /** A segment with the shape of a key: a UUID, hexadecimal with letters and digits, letters mixed with digits, or a random run. */
    private static boolean keyShaped(char[] t, int s, int e) {
        int len = e - s;
        if (len < 8) {
            return false;
        }
        int[] n = VendorTokens.classes(t, s, e, "-_~.");
        if (n == null) {
            return false;
        }
        int letters = n[0] + n[1];
        int digits = n[2];
        if (letters == 0) {
            return false; // a number: a user's, a project's, a date
        }
        if (digits == 0) { // letters alone: a key when its capitals fall outside words (TNelNKDtgk), not words (alertmanager, genericWebhook)
            return capitalsTogether(t, s, e) || !words(t, s, e);
        }
        if (len < RandomTokens.MIN_LENGTH) {
            return !VERSION.matcher(java.nio.CharBuffer.wrap(t, s, len)).matches(); // qI74TljyvV, 7e7b998585, 9aydfinzbk; not v2beta1
        }
        return true; // 16 or more with letters and digits under a capability: a key whatever its mix
    }

    /** Two capitals side by side or one at the end, between small letters (qqyWmboBHR, TNelNKDtgk): not camelCase words. */
    private static boolean capitalsTogether(char[] t, int s, int e) {
        boolean lower = false;
        for (int i = s; i < e; i++) {
            lower |= t[i] >= 'a' && t[i] <= 'z';
        }
        for (int i = s; i < e && lower; i++) {
            if (t[i] >= 'A' && t[i] <= 'Z' && (i + 1 == e ? i > s : t[i + 1] >= 'A' && t[i + 1] <= 'Z')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words: pieces split at '-', '_', '.' and capitals (nightly-backup, genericWebhook, Deploy, HTTPServer), each of two
     * letters or more with a vowel (or one of three or four small letters: sync) and no run of five consonants, or a run of capitals (an acronym);
     * random letters (TNelNKDtgk, EjnJnMdzUn) break the rule.
     */
    private static boolean words(char[] t, int s, int e) {
        int i = s;
        int vowelless = 0;
        while (i < e) {
            if (t[i] == '-' || t[i] == '_' || t[i] == '.' || t[i] == '~') {
                i++;
                continue;
            }
            int w = i;
            while (i < e && t[i] >= 'A' && t[i] <= 'Z') {
                i++;
            }
            int capitals = i - w;
            if (capitals > 1 && (i == e || !(t[i] >= 'a' && t[i] <= 'z'))) {
                if (capitals > 6) {
                    return false;
                }
                continue; // an acronym: API, HTTP
            }
            if (capitals > 1) {
                i--; // HTTPServer: the last capital begins the next word
                w = i;
            }
            boolean vowel = false;
            int consonants = 0;
            int longest = 0;
            while (i < e && (t[i] >= 'a' && t[i] <= 'z' || i == w && t[i] >= 'A' && t[i] <= 'Z')) {
                boolean v = "aeiouAEIOU".indexOf(t[i]) >= 0;
                vowel |= v;
                consonants = v ? 0 : consonants + 1;
                longest = Math.max(longest, consonants);
                i++;
            }
            if (i - w < 2 || !vowel && (i - w < 3 || i - w > 4 || t[w] < 'a' || ++vowelless > 1) || longest > 4) {
                return false; // ctx, sync: a short word, once; Mjmypz, mnQEfrBqesHjb: letters drawn at random
            }
        }
        return true;
    }

    /** Hides the value of a query parameter with a key's name (or a name of one to four letters) and a random value. */
    private static int query(char[] t, int q, Spans spans) {
        int i = q;
        while (i < t.length && i - q < 4096 && urlChar(t[i]) && t[i] != '#') {
            int nameEnd = i;
            while (nameEnd < t.length && urlChar(t[nameEnd]) && t[nameEnd] != '=' && t[nameEnd] != '&' && t[nameEnd] != '#') {
                nameEnd++;
            }
            int v = nameEnd < t.length && t[nameEnd] == '=' ? nameEnd + 1 : nameEnd;
            int ve = v;
            while (ve < t.length && urlChar(t[ve]) && t[ve] != '&' && t[ve] != '#') {
                ve++;
            }
            String name = new String(t, i, Math.min(nameEnd - i, 24)).toLowerCase(Locale.ROOT);
            if (v > nameEnd && (QUERY_NAMES.contains(name) || shortName(name)) && randomValue(t, v, ve)) {
                spans.add(v, ve);
            }
            i = ve < t.length && t[ve] == '&' ? ve + 1 : ve;
            if (ve >= t.length || t[ve] != '&') {
                break;
            }
        }
        return i;
    }

    private static boolean shortName(String name) {
        if (name.isEmpty() || name.length() > 4) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '_')) {
                return false;
            }
        }
        return !name.equals("id") && !name.equals("v") && !name.equals("ver") && !name.equals("sha") && !name.equals("ref") && !name.equals("rev")
                && !name.equals("tag") && !name.equals("hash") && !name.equals("etag");
    }

    /** 12 or more characters, letters mixed with digits and capitals with small letters, or a random run; not hexadecimal or a UUID alone. */
    private static boolean randomValue(char[] t, int s, int e) {
        int len = e - s;
        if (len < 12 || len > 2048) {
            return false;
        }
        int[] n = VendorTokens.classes(t, s, e, "-_.~%");
        return n != null && (n[0] >= 2 && n[1] >= 2 && n[2] >= 1 || RandomTokens.isRandom(t, s, e, null));
    }

    private static boolean capabilityHost(char[] t, int s, int e) {
        int label = s;
        for (int i = s; i <= e; i++) {
            if (i == e || t[i] == '.' || t[i] == ':') {
                if (i > label && HOST_LABELS.contains(new String(t, label, i - label).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                if (i < e && t[i] == ':') {
                    return false; // the port
                }
                label = i + 1;
            }
        }
        return false;
    }

    private static boolean urlChar(char c) {
        return c > ' ' && c < 127 && c != '"' && c != '\'' && c != '<' && c != '>' && c != '`' && c != '\\' && c != '|' && c != ')' && c != ']'
                && c != '}' && c != ',';
    }

    private static int lastIndexOf(char[] t, int s, int e, char c) {
        for (int i = e - 1; i >= s; i--) {
            if (t[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
