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

    /** Query names under which even a UUID or hexadecimal is a key (a UUID elsewhere in a query is an id). */
    private static final Set<String> UUID_QUERY_NAMES = Set.of("t", "k", "s", "key", "apikey", "api_key", "token", "secret", "access_token",
            "accesstoken", "auth", "passkey", "sig", "pwd", "pass");

    /** An API version or a dated segment: v1, v2beta1, 2024-01-01. */
    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("v[0-9]{1,3}(?:(?:alpha|beta|rc)[0-9]{0,3})?|[0-9]{1,4}(?:[-.][0-9]{1,4}){0,3}");

    private CapabilityUrls() {
    }

    static void find(char[] t, Spans spans) {
        int n = t.length;
        for (int i = 1; i + 3 < n; i++) {
            if (t[i] == ':' && t[i + 1] == '/' && t[i + 2] == '/') {
                i = url(t, i, spans);
            } else if (t[i] == ':' && i >= 3 && (t[i - 1] == 'p' || t[i - 1] == 's' || t[i - 1] == 'P' || t[i - 1] == 'S')) {
                i = sipUri(t, i, spans);
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
        int hostStart = at >= 0 ? at + 1 : h;
        capability |= capabilityHost(t, hostStart, p);
        int link = p - hostStart >= 16 ? keyLabel(t, hostStart, p, spans) : -1; // https://<uuid>.trayapp.io, prowl://<40 hex>, vmess://<base64>
        if (link > 0) {
            return link; // an encoded link, hidden to its end
        }
        // where a key stands: right after the host (not an address or a code host's), after an API version or a
        // network's name, after a share word; the first of these only for the next segment, a share word for the rest
        boolean keyHost = !addressHost(t, hostStart, p) && !CODE_HOSTS.contains(new String(t, hostStart, p - hostStart).toLowerCase(Locale.ROOT));
        int position = keyHost ? NEXT : NONE;
        boolean shared = scheme.equals("webcal");
        int end = p;
        int seg = p;
        boolean gist = p - hostStart > 5 && startsWithWord(t, hostStart, p, "gist.");
        while (end < t.length && end - p < 4096 && urlChar(t[end]) && t[end] != '?' && t[end] != '#' && !encodedHash(t, end)) {
            if (t[end] == '/') {
                anywhere(t, seg + 1, end, keyHost, gist && seg > p, spans);
                position = keyPosition(t, seg + 1, end, position, shared, spans);
                shared |= position == SHARED;
                capability = segment(t, seg + 1, end, capability, spans);
                seg = end;
            }
            end++;
        }
        if (seg < end) {
            anywhere(t, seg + 1, end, keyHost, gist && seg > p, spans);
            keyPosition(t, seg + 1, end, position, shared, spans);
            segment(t, seg + 1, end, capability, spans);
        }
        if (encodedHash(t, end)) {
            return fragment(t, end + 3, spans); // …/d/<uuid>%23<key>: a fragment written escaped is a fragment
        }
        if (end < t.length && t[end] == '?') {
            end = query(t, end + 1, spans);
        }
        if (end < t.length && t[end] == '#') {
            end = fragment(t, end + 1, spans);
        }
        return end;
    }

    /**
     * What makes a segment a key wherever it stands: a random run of 20 or more with capitals, small letters and digits (no
     * id, name or digest has that mix) on any host but a code host's; on a gist host, an id of 32 hexadecimal (a secret gist).
     */
    private static void anywhere(char[] t, int s, int e, boolean keyHost, boolean gistId, Spans spans) {
        int body = e;
        while (body > s && t[body - 1] == '=') {
            body--; // base64url with its padding (a Sumo Logic receiver's key ends in ==)
        }
        if (body - s >= 20 && keyHost) {
            int[] n = VendorTokens.classes(t, s, body, "-_~");
            if (n != null && n[0] >= 2 && n[1] >= 2 && n[2] >= 2 && RandomTokens.isRandom(t, s, body, null)) {
                spans.add(s, e);
            }
        } else if (gistId && (e = withoutExtension(t, s, e)) - s >= 32 && hexOrUuid(t, s, e)) {
            spans.add(s, e); // a gist's id: a secret gist is shared by its address alone
        }
    }

    /** {@code %23}: a '#' written escaped, where a fragment begins ({@code app.filen.io/#/d/<id>%23<key>}). */
    private static boolean encodedHash(char[] t, int i) {
        return i + 2 < t.length && t[i] == '%' && t[i + 1] == '2' && t[i + 2] == '3';
    }

    /**
     * The host's first label, or the whole host part of a scheme that has no host (Apprise's {@code prowl://<key>}, a proxy's
     * {@code vmess://<base64>}): a UUID, hexadecimal of 16 or more, or one random run with no '-' is a key
     * ({@code https://<uuid>.trayapp.io}); words, pod names and regions stay. A host part of 32 or more base64 characters
     * with no '.' is an encoded link and goes to the end of its run, which is returned (else -1).
     */
    private static int keyLabel(char[] t, int s, int e, Spans spans) {
        int dot = s;
        while (dot < e && t[dot] != '.' && t[dot] != ':') {
            dot++;
        }
        if (dot == e && e - s >= 32) {
            int[] n = VendorTokens.classes(t, s, e, "+=_-");
            if (n != null && n[0] >= 4 && n[1] >= 4 && n[2] >= 2) {
                int end = e;
                while (end < t.length && end - s < 8192 && (Character.isLetterOrDigit(t[end]) || t[end] == '/' || t[end] == '+' || t[end] == '='
                        || t[end] == '_' || t[end] == '-' || t[end] == '?')) {
                    end++; // ssr://<base64>/?<base64>: the rest of the link is the same encoding
                }
                spans.add(s, end);
                return end;
            }
        }
        if (dot - s >= 16 && dot - s <= 128
                && (hexOrUuid(t, s, dot) && !UrlCredentials.digitsOnly(t, s, dot) || lastIndexOf(t, s, dot, '-') < 0 && keyLike(t, s, dot))) {
            spans.add(s, dot);
        }
        return -1;
    }

    /**
     * A SIP URI with a password ({@code sip:user:PASSWORD@host}, {@code sips:…}), whose ':' after the scheme is at
     * {@code colon}: the password goes. Returns where the scan goes on.
     */
    private static int sipUri(char[] t, int colon, Spans spans) {
        int s = (t[colon - 1] | 0x20) == 's' ? colon - 4 : colon - 3; // sips: or sip:
        if (s < 0 || !startsWithWord(t, s, colon + 1, "sip") || s > 0 && Character.isLetterOrDigit(t[s - 1])) {
            return colon;
        }
        int user = colon + 1;
        int i = user;
        while (i < t.length && i - user < 128 && t[i] != ':' && t[i] != '@' && urlChar(t[i]) && t[i] != ';') {
            i++;
        }
        if (i == user || i >= t.length || t[i] != ':') {
            return colon;
        }
        int pw = i + 1;
        int at = pw;
        while (at < t.length && at - pw < 256 && t[at] != '@' && t[at] > ' ' && t[at] != ';' && t[at] != '"' && t[at] != '\'') {
            at++;
        }
        if (at < t.length && t[at] == '@' && at > pw && !UrlCredentials.digitsOnly(t, pw, at)) {
            spans.add(pw, at);
            return at;
        }
        return colon;
    }

    /** No position says key; the next segment only; every later segment (a share word came). */
    private static final int NONE = 0;
    private static final int NEXT = 1;
    private static final int SHARED = 2;
    /** After an ingest word ({@code events/<key>}): the next segment, when it is a random key and no id (a UUID, hexadecimal). */
    private static final int INGEST = 3;
    /** Path words after which an id of a known form is a resource's, but a random run is an ingest key ({@code api/v1/events/<key>}). */
    private static final Set<String> INGEST_WORDS = Set.of("events", "event", "ingest", "intake", "collect", "collector", "logs", "log",
            "metrics", "traces", "bulk", "input", "sink", "sinks", "source", "sources", "stream", "streams");

    /** Code and package hosts, whose first path segment is a user's or a project's name, however it looks. */
    private static final Set<String> CODE_HOSTS = Set.of("github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "gist.github.com",
            "raw.githubusercontent.com", "objects.githubusercontent.com", "hub.docker.com", "registry-1.docker.io", "docker.io", "ghcr.io",
            "quay.io", "sourceforge.net", "git.sr.ht", "pypi.org", "files.pythonhosted.org", "registry.npmjs.org", "www.npmjs.com",
            "crates.io", "proxy.golang.org", "pkg.go.dev", "repo.maven.apache.org", "repo1.maven.org", "huggingface.co");
    /** Path words after which the rest of the path is a shared link, a feed or a published page: its random segments are its key. */
    private static final Set<String> SHARE_WORDS = Set.of("s", "d", "f", "u", "t", "feed", "feeds", "published", "public", "share",
            "shared", "sharing", "send", "private", "secret", "public-dashboards", "calendar", "ical", "invite", "embed", "sharedlink",
            // ingest and receiver words (an HTTP source's key), published reports, snapshots and permalinks, one-time secrets
            "p", "inputs", "receiver", "receivers", "reporting", "snapshot", "snapshots", "permalink", "permalinks", "publish",
            "web_requests", "web-requests", "paste", "pastes",
            // one-time account links a mailer sends: whoever holds the link sets the password or takes the seat
            "setup-password", "set-password", "reset-password", "password-reset", "reset_password", "password_reset", "invitation",
            "invitations", "accept-invitation", "activate", "activation", "magic-link", "magic_link", "reschedulings", "cancellations");
    /** A blockchain network's name in an RPC URL ({@code rpc.ankr.com/eth/<key>}): the segment after it is the key. */
    private static final Set<String> NETWORKS = Set.of("eth", "ethereum", "mainnet", "polygon", "matic", "bsc", "arbitrum", "optimism",
            "base", "avalanche", "avax", "solana", "sol", "fantom", "ftm", "gnosis", "xdai", "sepolia", "goerli", "holesky", "btc", "bitcoin",
            "near", "tron", "celo", "zksync", "linea", "scroll", "mantle", "blast", "aptos", "sui", "starknet", "cosmos", "polkadot", "testnet");

    /**
     * Judges a segment by where it stands: a key's shape ({@link #keyLike}) where the position says key is hidden (the part
     * before an '@', after {@code s!}, after {@code private-}); returns the position of the next segment.
     */
    private static int keyPosition(char[] t, int s, int e, int position, boolean shared, Spans spans) {
        if (e <= s) {
            return shared ? SHARED : position; // the '/' after the host
        }
        int at = lastIndexOf(t, s, e, '@');
        int ke = at > s ? at : e; // owa/calendar/<key>@acme.io/…: the mailbox's key before its address
        ke = withoutExtension(t, s, ke); // <key>.rss, <key>.ics: a feed's key before its file type
        int ks = s;
        if (ke - s > 2 && (t[s + 1] == '!' || t[s + 1] == '-') && Character.isLetter(t[s]) && (position != NONE || shared)) {
            ks = s + 2; // OneDrive's s!<key>, WeTransfer's t-<key>: a letter saying what is shared, then its key
        }
        boolean prefixed = startsWithWord(t, s, ke, "private-") || startsWithWord(t, s, ke, "secret-");
        if (prefixed) {
            ks = s + (t[s] == 'p' || t[s] == 'P' ? 8 : 7);
        }
        if ((position != NONE || shared || prefixed) && (keyLike(t, ks, ke) || position != INGEST && shortKey(t, ks, ke))
                && (position != INGEST || !hexOrUuid(t, ks, ke))) {
            spans.add(ks, ke);
        }
        if (e - s > 20) {
            return shared ? SHARED : NONE;
        }
        String word = new String(t, s, e - s).toLowerCase(Locale.ROOT);
        int dash = word.indexOf('-');
        if (SHARE_WORDS.contains(word) || dash > 0 && SHARE_WORDS.contains(word.substring(0, dash))) {
            return SHARED; // share, public-calendars, shared-links
        }
        if (shared) {
            return SHARED;
        }
        if (INGEST_WORDS.contains(word)) {
            return INGEST;
        }
        boolean version = word.length() == 2 && word.charAt(0) == 'v' && word.charAt(1) >= '1' && word.charAt(1) <= '3';
        return version || NETWORKS.contains(word) ? NEXT : NONE;
    }

    /** Where a file type ({@code .rss}, {@code .ics}, {@code .json}: a '.' and two to four letters) ends a segment, else its end. */
    private static int withoutExtension(char[] t, int s, int e) {
        for (int i = e - 1; i >= s && i >= e - 5; i--) {
            if (t[i] == '.') {
                return e - i - 1 >= 2 && i > s ? i : e;
            }
            if (!(t[i] >= 'a' && t[i] <= 'z')) {
                return e;
            }
        }
        return e;
    }

    /**
     * A short key where a share word put one (Yandex's {@code d/<14>}, Superset's {@code p/<11>}, WeTransfer's {@code t-<10>}):
     * ten characters or more of letters and digits in both cases, no words ({@code MyDashboard}), or lower-case letters and digits
     * of 16 or more that are no words and numbers ({@code wdgrv--g3uwadvafdleodq}).
     */
    private static boolean shortKey(char[] t, int s, int e) {
        int len = e - s;
        if (len < 10 || len > 64) {
            return false;
        }
        int[] n = VendorTokens.classes(t, s, e, "-_");
        if (n == null || n[1] == 0) {
            return false; // n: capitals, small letters, digits
        }
        if (n[0] > 0) {
            return n[2] > 0 && !wordsAndNumbers(t, s, e) || capitalsTogether(t, s, e) || !words(t, s, e);
        }
        return len >= 16 && n[2] > 0 && !wordsAndNumbers(t, s, e) && !hexOrUuid(t, s, e);
    }

    private static boolean startsWithWord(char[] t, int s, int e, String word) {
        if (e - s <= word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(t[s + i]) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A key's shape, strict enough for a position that only suggests one: 16 characters or more of letters, digits and
     * {@code - _ ~ !}, hexadecimal with letters and digits (a UUID too), letters and digits of a random run, or random
     * letters that are no words; a name with words and numbers ({@code release-2024-05-01}, {@code app.3f2a.js}) is none.
     */
    static boolean keyLike(char[] t, int s, int e) {
        int len = e - s;
        if (len < 16 || len > 512) {
            return false;
        }
        int[] n = VendorTokens.classes(t, s, e, "-_~!");
        if (n == null) {
            return false;
        }
        int letters = n[0] + n[1];
        if (letters == 0) {
            return false; // a number
        }
        if (n[2] == 0) {
            return capitalsTogether(t, s, e) || !words(t, s, e); // random letters (a file host's id), not words
        }
        if (hexOrUuid(t, s, e)) {
            return true;
        }
        return RandomTokens.isRandom(t, s, e, null) || interleaved(t, s, e);
    }

    /** Hexadecimal in one case, joined by '-' at most into pieces (a UUID), with letters and digits both. */
    private static boolean hexOrUuid(char[] t, int s, int e) {
        boolean lower = false;
        boolean upper = false;
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (c >= 'a' && c <= 'f') {
                lower = true;
            } else if (c >= 'A' && c <= 'F') {
                upper = true;
            } else if (!(c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return !(lower && upper);
    }

    /** Letters and digits switching six times or more and on every fourth character at least: drawn, not written. */
    private static boolean interleaved(char[] t, int s, int e) {
        int switches = 0;
        for (int i = s + 1; i < e; i++) {
            switches += Character.isDigit(t[i]) != Character.isDigit(t[i - 1]) ? 1 : 0;
        }
        return switches >= 6 && switches * 4 >= e - s && !wordsAndNumbers(t, s, e);
    }

    /** Pieces between '-', '_' and '~' that are each a word or a number (build-2024-05-01, node-18-alpine). */
    private static boolean wordsAndNumbers(char[] t, int s, int e) {
        return GluedTails.eachPiece(t, s, e, (x, p, q) -> UrlCredentials.digitsOnly(x, p, q) || words(x, p, q));
    }

    /**
     * A {@code #fragment} that is a key (Mega's, PrivateBin's, Bitwarden Send's: the page decrypts with it and the server
     * never sees it), read piece by piece between '/': one key-shaped piece hides the whole fragment; an anchor is words.
     */
    private static int fragment(char[] t, int f, Spans spans) {
        int end = f;
        boolean key = false;
        int piece = f;
        while (end <= t.length && end - f < 4096) {
            boolean hash = encodedHash(t, end);
            if (end == t.length || !urlChar(t[end]) || t[end] == '/' || t[end] == '#' || hash) {
                int[] n = VendorTokens.classes(t, piece, end, "-_~!");
                key |= keyLike(t, piece, end) && (n[2] > 0 || n[0] > 0 && n[1] > 0) // an anchor of small letters is words
                        || shortKey(t, piece, end); // drive.proton.me/urls/<id>#<12>: both cases and digits, no words
                piece = end + (hash ? 3 : 1);
                if (end == t.length || t[end] != '/' && t[end] != '#' && !hash) {
                    break;
                }
                end = piece - 1;
            }
            end++;
        }
        if (key) {
            spans.add(f, end);
        }
        return end;
    }

    /** A host that is an address (an IP, link-local metadata endpoints): its paths are no one's key. */
    private static boolean addressHost(char[] t, int s, int e) {
        if (s < e && t[s] == '[') {
            return true;
        }
        for (int i = s; i < e && t[i] != ':'; i++) {
            if (!(t[i] >= '0' && t[i] <= '9' || t[i] == '.')) {
                return false;
            }
        }
        return true;
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
    static boolean words(char[] t, int s, int e) {
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
            if (v > nameEnd && ((QUERY_NAMES.contains(name) || shortName(name)) && randomValue(t, v, ve)
                    || ve - v >= 32 && UUID_QUERY_NAMES.contains(name) && hexOrUuid(t, v, ve) && !UrlCredentials.digitsOnly(t, v, ve))) {
                spans.add(v, ve); // ical.html?t=<uuid>, ?token=<hex>: a key of an id's form under a key's name
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
        while (e - s > 12 && t[e - 1] == '=') {
            e--; // view?r=<base64>=: a base64 value's padding
        }
        int[] n = VendorTokens.classes(t, s, e, "-_.~%+/");
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
