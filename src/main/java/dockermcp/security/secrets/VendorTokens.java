package dockermcp.security.secrets;

import java.util.Locale;
import java.util.Set;

/**
 * Provider tokens by the families their formats fall in, whatever the provider and wherever they stand (a log line, a
 * value under a neutral name): a short vendor word and a generated body ({@code npg_…}, {@code AVNS_…},
 * {@code sk-helicone-…}, {@code rootly_<hex>}, {@code da2-…}, {@code dapi<hex>}); an id of a known form with a key after
 * a ':' ({@code <uuid>:fx}, {@code <uuid>:<hex>}); hexadecimal key tuples ({@code <32hex>-<8hex>-<8hex>}) and a
 * count and a 40-hex key ({@code 1/<hex>}); grouped keys ({@code gkz2-u16u-gz4e-bju7}); long base64url tokens of every
 * character class ({@code IGQV…}, {@code BQ…}); and base64 keys carrying a vendor's signature ({@code …+ARm…=}). One pass
 * over the tokens, shared with {@link NearbyTokens}; every test reads its token once.
 */
final class VendorTokens {

    /** Words a request, trace, build or content id is written after: {@code trace_<hex>} is an id, not a key. */
    private static final Set<String> ID_WORDS = Set.of("trace", "span", "req", "request", "correlation", "corr", "run", "build", "job",
            "commit", "rev", "revision", "sha", "sha1", "sha256", "sha512", "md5", "digest", "hash", "checksum", "etag", "blob", "layer",
            "image", "container", "node", "task", "object", "obj", "file", "cache", "id", "uuid", "msg", "message", "event", "evt",
            "txn", "tx", "tid", "sid", "pid", "ref", "git", "oid", "chunk", "block", "part", "key", "item", "record", "row",
            "order", "user", "account", "session", "device", "host", "instance", "vm", "pod", "volume", "network", "net", "snap",
            "snapshot", "backup", "release", "version", "tag", "ver", "price", "prod", "cus", "sub", "pi", "in", "ch", "pm", "seti",
            "acct", "po", "re", "src", "card", "ba", "cs", "plink", "si", "ii", "test", "live", "nix", "store", "bafy",
            // AWS resource ids (subnet-0bb1…, vpc-…, ami-…), model API object ids (chatcmpl-…, toolu_…, thread_…)
            "subnet", "vpc", "sg", "ami", "vol", "eni", "igw", "rtb", "acl", "nat", "eipalloc", "tgw", "vpce", "lt", "fs", "fsap",
            "chatcmpl", "cmpl", "resp", "thread", "asst", "batch", "ft", "call", "toolu", "srvtoolu", "compl");
    /** Markers Azure writes into its identifiable keys (Storage, Service Bus, Event Hubs, Relay, Functions, Search, ACR, API Management, IoT, Cosmos DB). */
    private static final String[] AZURE_SIGNATURES = {"+ASt", "+ASb", "+AEh", "+ARm", "AzFu", "AzSe", "+ACR", "APIM", "AIoT", "ACDb"};

    /** Stripe's object ids, shown in dashboards and URLs ({@code pi_…}, {@code cs_test_…}, {@code price_…}); its keys are sk_, rk_, whsec_. */
    private static final Set<String> PUBLIC_OBJECTS = Set.of("pi", "cs", "price", "prod", "cus", "sub", "ch", "in", "evt", "pm", "seti", "acct",
            "txn", "po", "re", "src", "card", "ba", "plink", "si", "ii", "prctbl", "promo", "cpn", "py", "pyr", "tr", "trr", "ipi", "il", "cbtxn");

    private VendorTokens() {
    }

    /** True when t[s, p) is the word of a public object id (Stripe's pi_, cs_test_, price_). */
    static boolean publicObjectId(char[] t, int s, int p) {
        return p - s <= 6 && PUBLIC_OBJECTS.contains(new String(t, s, p - s));
    }

    /** Judges the token t[i, end) that {@link NearbyTokens}' walk over the text found (one walk for both). */
    static void at(char[] t, int i, int end, Spans spans) {
        int n = t.length;
        int s = i;
        for (int k = i; k < end && k - i < 48; k++) {
            if (t[k] == '=' && k + 1 < end && t[k + 1] != '=') {
                s = k + 1; // ARG=npg_…: the value after a name
                break;
            }
        }
        int len = end - s;
        int scope;
        int body = len >= 8 && len <= 4096 && (i == 0 || startBoundary(t[i - 1])) ? prefixed(t, s, end) : -1;
        if (body >= 0) {
            spans.add(body, end); // the body: a name's own word before it stays (TOKEN_ghp_… keeps TOKEN_)
        } else if (len >= 8 && len <= 4096 && (i == 0 || startBoundary(t[i - 1])) && token(t, s, end)) {
            spans.add(s, end);
        } else if (len >= 8 && (i == 0 || startBoundary(t[i - 1])) && idAfterVendor(t, s, end)) {
            spans.add(s, end); // waka_<uuid>, ms-<uuid>, chpt_<hex>: a vendor word makes the id after it a key
        } else if (len >= 32 && i >= 4 && t[i - 1] == '.' && (scope = scopedKey(t, i, end)) >= 0) {
            spans.add(scope, end); // Unleash *:*.<64 hex>, default:production.<hex>: a scope, a '.' and a key
        } else if (len >= 32 && i >= 6 && t[i - 1] == ' ' && schemeWord(t, i - 1) && NearbyTokens.hexOfBothKinds(t, i, end, 'a')) {
            spans.add(i, end); // KakaoAK <32 hex>: a vendor's authorization scheme, a word ending in capitals, then the key
        } else if (len >= 8 && uuidWithKey(t, s, end)) {
            spans.add(s, RandomTokens.tokenEnd(t, end + 1));
        } else if (len >= 1 && len <= 3 && UrlCredentials.digitsOnly(t, s, end) && end + 41 <= n && t[end] == '/' && (i == 0 || startBoundary(t[i - 1]))
                && RandomTokens.tokenEnd(t, end + 1) == end + 41 && NearbyTokens.hexOfBothKinds(t, end + 1, end + 41, 'a')) {
            spans.add(s, end + 41); // Transifex 1/<40 hex>: a count, a '/' and a key, not a path's part (…/commits/<40 hex>)
        }
    }

    /** A token starts after a blank, a quote, a bracket or a separator of words, not inside a path, a host or a URL. */
    private static boolean startBoundary(char c) {
        return c != '/' && c != '.' && c != '@' && c != ':' && c != '\\' && c != '%' && c != '&' && c != '?' && c != '#';
    }

    private static boolean token(char[] t, int s, int e) {
        return glued(t, s, e) || hexTuple(t, s, e) || grouped(t, s, e) || longBase64url(t, s, e) || azureKey(t, s, e) || hexContainer(t, s, e);
    }

    /**
     * The first bytes, in hexadecimal, of containers that only hold secrets: a macaroon (v2: version 2, then its location
     * field; LND's {@code 0201036c6e64…}), a DER private key (a sequence, then version 0 or 1: PKCS#1, PKCS#8, SEC1), a PEM
     * private key's header, an OpenSSH private key, an age secret key.
     */
    private static final String[] SECRET_CONTAINERS = {"0201", "3082", "3081", "3077020101", "3074020101",
            "2d2d2d2d2d424547494e", "6f70656e7373682d6b65792d7631", "4147452d5345435245542d4b45592d"};

    /**
     * A run of 48 or more hexadecimal digits whose bytes open a secret container ({@link #SECRET_CONTAINERS}): a macaroon or a
     * key written out in hexadecimal, with no name near it. A DER sequence must go on with version 0 or 1 (a private key's),
     * not with a public key's algorithm sequence.
     */
    private static boolean hexContainer(char[] t, int s, int e) {
        if (e - s < 48 || t[s] != '0' && t[s] != '2' && t[s] != '3' && t[s] != '4' && t[s] != '6') {
            return false;
        }
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        for (String prefix : SECRET_CONTAINERS) {
            if (!startsWithIgnoringCase(t, s, e, prefix)) {
                continue;
            }
            if (prefix.equals("0201")) {
                return macaroonLocation(t, s + 4, e);
            }
            if (prefix.startsWith("3082") || prefix.startsWith("3081")) {
                int v = s + (prefix.startsWith("3082") ? 8 : 6); // 30 82 LL LL or 30 81 LL, then INTEGER 0 or 1
                return startsWithIgnoringCase(t, v, e, "020100") || startsWithIgnoringCase(t, v, e, "020101");
            }
            return true;
        }
        return false;
    }

    /** After a macaroon's {@code 02 01}: a location of 1 to 127 bytes, all printable. */
    private static boolean macaroonLocation(char[] t, int s, int e) {
        int len = Character.digit(t[s], 16) * 16 + Character.digit(t[s + 1], 16);
        if (len < 1 || len > 127 || s + 2 + 2 * len > e) {
            return false;
        }
        for (int i = s + 2; i < s + 2 + 2 * len; i += 2) {
            int b = Character.digit(t[i], 16) * 16 + Character.digit(t[i + 1], 16);
            if (b < 0x21 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoringCase(char[] t, int s, int e, String prefix) {
        if (e - s < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(t[s + i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A vendor word or two (letters, a digit after them: {@code da2}) joined by {@code _} or {@code -}, then a generated body:
     * every class mixed when short ({@code npg_AEeA4MdyKeLc}), small letters and digits interleaved ({@code da2-0styj…}), or
     * hexadecimal of 32 or more after a word that does not name an id ({@code rootly_<64 hex>}, {@code zpka_<hex>_<hex>}).
     */
    private static int prefixed(char[] t, int s, int e) {
        int p = s;
        int words = 0;
        int b = -1;
        while (words < 3 && p < e) {
            int w = p;
            while (p < e && p - w <= 12 && (t[p] >= 'a' && t[p] <= 'z' || t[p] >= 'A' && t[p] <= 'Z' || p > w && t[p] >= '0' && t[p] <= '9')) {
                p++;
            }
            if (p - w < 2 || p - w > 12 || e - p < 13 || t[p] != '_' && t[p] != '-' || !oneCase(t, w, p)) {
                break; // no word, or no room for a body of 12 after it: most tokens of a log line end here, before any copy
            }
            String word = new String(t, w, p - w).toLowerCase(Locale.ROOT);
            if (words == 0 && (ID_WORDS.contains(word) || RandomTokens.DIGEST_NAMES.contains(word))) {
                return -1; // trace_<hex>, price_…, cs_test_…: an id of a known form, public (a vendor's bb_live_, tr_prod_ go on)
            }
            words++;
            p++;
            b = p;
            if (words >= 2 && ENVIRONMENTS.contains(word) && (randomBody(t, b, e) || mixedLetters(t, b, e))) {
                return b;
            }
            if (words == 1 && t[b - 1] == '_' && PUBLIC_OBJECTS.contains(word) && (e - b <= 32 && !oneCase(t, b, e) || !randomBody(t, b, e))) {
                continue; // tr_1PqX…: a Stripe object id (up to 32, both cases); tr_prod_… (a vendor and its environment) is read on
            }
            if (randomBody(t, b, e)) {
                return b;
            }
        }
        return -1;
    }

    /** A key's environment after its vendor word: {@code tr_prod_…}, {@code bb_live_…}, {@code sk_test_…}. */
    private static final Set<String> ENVIRONMENTS = Set.of("live", "test", "prod", "dev", "sandbox", "staging", "stg");

    /** After a vendor and an environment: 16 or more letters (digits allowed) in both cases, switching often: generated. */
    private static boolean mixedLetters(char[] t, int b, int e) {
        int[] n = classes(t, b, e, "");
        int switches = 0;
        for (int i = b + 1; i < e; i++) {
            switches += Character.isUpperCase(t[i]) != Character.isUpperCase(t[i - 1]) ? 1 : 0;
        }
        return n != null && e - b >= 16 && n[0] >= 4 && n[1] >= 4 && switches >= 6;
    }

    private static boolean oneCase(char[] t, int s, int e) {
        boolean upper = false;
        boolean lower = false;
        for (int i = s; i < e; i++) {
            upper |= t[i] >= 'A' && t[i] <= 'Z';
            lower |= t[i] >= 'a' && t[i] <= 'z';
        }
        return !(upper && lower);
    }

    private static boolean randomBody(char[] t, int b, int e) {
        int len = e - b;
        if (len < 12) {
            return false;
        }
        int upper = 0;
        int lower = 0;
        int digits = 0;
        int joins = 0;
        int switches = 0;
        int kind = 0;
        boolean nonHex = false;
        for (int i = b; i < e; i++) {
            char c = t[i];
            int k;
            if (c >= 'A' && c <= 'Z') {
                upper++;
                k = 1;
                nonHex |= c > 'F';
            } else if (c >= 'a' && c <= 'z') {
                lower++;
                k = 2;
                nonHex |= c > 'f';
            } else if (c >= '0' && c <= '9') {
                digits++;
                k = 3;
            } else if (c == '-' || c == '_') {
                joins++;
                continue;
            } else {
                return false; // '=' or '+' or '~': a name and a value, or base64 judged elsewhere
            }
            if (kind != 0 && k != kind) {
                switches++;
            }
            kind = k;
        }
        if (!nonHex) { // hexadecimal: a key when long, in one case, with letters and digits both, in one piece or two (not a UUID: pvc-<uuid>)
            return digits > 0 && upper + lower > 0 && (upper == 0 || lower == 0) && joins <= 1 && len - joins >= 32;
        }
        if (upper >= 2 && lower >= 2 && digits >= 1 && switches >= 6) {
            return joins <= 2 && (len < RandomTokens.MIN_LENGTH ? switches * 2 >= len : RandomTokens.isRandom(t, b, e, null));
        }
        // small letters and digits (or capitals and digits) interleaved: a body of 20 or more with digits spread through it, in one
        // piece or in pieces that each mix them (sk-helicone-kmtz665-4jecc37-…; a pod's name, payment-api-7d9f8c6b5-x2k4z, has words)
        return len - joins >= 20 && (upper == 0 || lower == 0) && digits >= 3
                && (joins == 0 ? switches >= 6 && switches * 4 >= len : piecesMixed(t, b, e));
    }

    /**
     * Every piece between '-' and '_' is five characters or more and holds a letter and a digit, but one after the first
     * (a generated piece may draw no digit: …-yv4utx8-gtuydxi-npq8b30); a pod's name starts with words (frontend-deployment-5d8f…).
     */
    private static boolean piecesMixed(char[] t, int b, int e) {
        int p = b;
        int lettersOnly = 0;
        while (p < e) {
            int q = p;
            boolean letter = false;
            boolean digit = false;
            while (q < e && t[q] != '-' && t[q] != '_') {
                letter |= Character.isLetter(t[q]);
                digit |= t[q] >= '0' && t[q] <= '9';
                q++;
            }
            if (q - p < 5 || !letter || !digit && (p == b || ++lettersOnly > 1)) {
                return false;
            }
            p = q + 1;
        }
        return true;
    }

    /** True when the token starts with a public object id's word and '_' (cs_test_…, pi_…), judged as an id, not a key. */
    static boolean publicObject(char[] t, int s, int e) {
        for (int p = s + 2; p < e && p - s <= 6; p++) {
            if (t[p] == '_') {
                return publicObjectId(t, s, p);
            }
        }
        return false;
    }

    /** A vendor word glued to a hexadecimal key: {@code dapi<32 hex>}, {@code dose<32 hex>} (the word has a letter past 'f'). */
    private static boolean glued(char[] t, int s, int e) {
        int p = s;
        int word = s; // the word ends after its last letter past 'f'; hexadecimal letters after it begin the key (isqry|ab2d…)
        while (p < e && p - s < 8 && t[p] >= 'a' && t[p] <= 'z') {
            p++;
            word = t[p - 1] > 'f' ? p : word;
        }
        p = word;
        if (p - s < 3 || p - s > 7 || e - p < 32 || e - p > 64 || !NearbyTokens.hexOfBothKinds(t, p, e, 'a')) {
            return false;
        }
        String w = new String(t, s, p - s);
        return !ID_WORDS.contains(w) && !RandomTokens.DIGEST_NAMES.contains(w) && !w.startsWith("sha") && !w.startsWith("md");
    }

    /**
     * Hexadecimal pieces joined by '-': a long first piece and two or more after it ({@code <32>-<8>-<8>}, Mailgun's). A UUID
     * (8-4-4-4-12), a W3C trace parent ({@code 00-<32>-<16>-01}) and an X-Ray id ({@code 1-<8>-<24>}) start with short pieces.
     */
    private static boolean hexTuple(char[] t, int s, int e) {
        int pieces = 0;
        int first = -1;
        int p = s;
        while (p < e) {
            int q = p;
            while (q < e && (t[q] >= '0' && t[q] <= '9' || t[q] >= 'a' && t[q] <= 'f' || t[q] >= 'A' && t[q] <= 'F')) {
                q++;
            }
            if (q - p < 6 || q < e && t[q] != '-') {
                return false;
            }
            if (first < 0) {
                first = q - p;
            }
            pieces++;
            p = q + 1;
        }
        return pieces >= 3 && first >= 24 && NearbyTokens.hexOfBothKinds(t, s, s + first, t[s] >= 'A' && t[s] <= 'F' ? 'A' : 'a');
    }

    /**
     * Four or five groups of four letters and digits joined by '-', in one case, letters and digits mixed in two groups or
     * more: an app password (Bluesky, Apple as their users paste them) or a stream or licence key.
     */
    private static boolean grouped(char[] t, int s, int e) {
        int len = e - s;
        int w = 4;
        while (w <= 6 && (s + w >= e || t[s + w] != '-')) {
            w++; // the groups' width: 4 (app passwords), 5 (Nextcloud app passwords, product keys), 6
        }
        int groups = (len + 1) / (w + 1);
        if (w > 6 || groups < 4 || groups > 6 || groups * (w + 1) - 1 != len) {
            return false;
        }
        int mixedGroups = 0;
        int bothCases = 0;
        for (int g = s; g < e; g += w + 1) {
            boolean letter = false;
            boolean digit = false;
            for (int i = g; i < g + w; i++) {
                char c = t[i];
                letter |= c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
                digit |= c >= '0' && c <= '9';
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                    return false;
                }
            }
            if (g + w < e && t[g + w] != '-') {
                return false;
            }
            mixedGroups += letter && digit ? 1 : 0;
            bothCases += oneCase(t, g, g + w) ? 0 : 1;
        }
        return mixedGroups >= 2 && (oneCase(t, s, e) || w >= 5) // Y5QdU-Pv58X-1gjQ7-…, dpjfX-xHmWo-…-rDgO8-9vwjf: both cases, random
                || w == 5 && groups == 5 && bothCases >= 4 && !CapabilityUrls.words(t, s, e); // iSkrm-MCvAS-oXEik-…: letters alone, drawn
    }

    /**
     * A token of 100 or more base64url characters with capitals, small letters and digits, many of each, and case switching
     * throughout: an OAuth access or refresh token (Instagram's IGQV…, Spotify's BQ…), which no harmless form takes.
     */
    private static boolean longBase64url(char[] t, int s, int e) {
        int len = e - s;
        if (len < 100 || s > 0 && t[s - 1] == '/' || e < t.length && t[e] == '/') {
            return false; // a piece of a base64 blob cut by its '/' (a public key's DER): judged elsewhere
        }
        int[] n = classes(t, s, e, "-_");
        return n != null && n[0] >= 12 && n[1] >= 12 && n[2] >= 6 && RandomTokens.isRandom(t, s, e, null) && !EncodedRuns.harmlessText(t, s, e);
    }

    /** How many capitals, small letters and digits t[s, e) holds, or null when it holds a character neither of them nor in {@code others}. */
    static int[] classes(char[] t, int s, int e, String others) {
        int[] n = new int[3];
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (c >= 'A' && c <= 'Z') {
                n[0]++;
            } else if (c >= 'a' && c <= 'z') {
                n[1]++;
            } else if (c >= '0' && c <= '9') {
                n[2]++;
            } else if (others.indexOf(c) < 0) {
                return null;
            }
        }
        return n;
    }

    /** A base64 key of 40 to 100 characters carrying the signature Azure writes into its identifiable keys. */
    private static boolean azureKey(char[] t, int s, int e) {
        int len = e - s;
        if (len < 40 || len > 100) {
            return false;
        }
        String token = new String(t, s, len);
        for (String sig : AZURE_SIGNATURES) {
            int at = token.indexOf(sig);
            if (at >= 0 && at >= len - 16) {
                return RandomTokens.isRandom(t, s, e, null);
            }
        }
        return false;
    }

    /**
     * A vendor word and an id's form as the body: a UUID or hexadecimal of 12 or more after a word and '_'
     * ({@code waka_<uuid>}, {@code chpt_<14 hex>}), a UUID after a word of two letters and '-' ({@code ms-<uuid>});
     * not after a word that names an id ({@code trace_<hex>}, {@code pvc-<uuid>}, {@code vm-<uuid>}).
     */
    private static boolean idAfterVendor(char[] t, int s, int e) {
        int p = s;
        while (p < e && p - s <= 8 && (t[p] >= 'a' && t[p] <= 'z' || t[p] >= 'A' && t[p] <= 'Z')) {
            p++;
        }
        if (p - s < 2 || p - s > 8 || p >= e || t[p] != '_' && t[p] != '-' || !oneCase(t, s, p)) {
            return false;
        }
        String word = new String(t, s, p - s).toLowerCase(Locale.ROOT);
        if (ID_WORDS.contains(word) || PUBLIC_OBJECTS.contains(word) || RandomTokens.DIGEST_NAMES.contains(word) || ENVIRONMENTS.contains(word)) {
            return false;
        }
        int b = p + 1;
        boolean uuid = e - b == 36 && uuid(t, b);
        if (t[p] == '-') {
            return uuid && p - s == 2;
        }
        return uuid || e - b >= 12 && e - b <= 64 && hexMix(t, b, e);
    }

    /** Hexadecimal in one case with three letters and three digits at least. */
    private static boolean hexMix(char[] t, int s, int e) {
        char a = t[s] >= 'A' && t[s] <= 'F' ? 'A' : 'a';
        int letters = 0;
        for (int i = s; i < e; i++) {
            letters += t[i] >= a && t[i] <= a + 5 ? 1 : 0;
        }
        return NearbyTokens.hexOfBothKinds(t, s, e, a) && letters >= 3 && e - s - letters >= 3;
    }

    /**
     * Where a scoped key {@code <project>:<environment>.<hex>} starts ({@code *:*.<64 hex>}, Unleash's), given its hexadecimal
     * part t[h, e) after the '.'; -1 when the text before it is not two scope words joined by ':' after a boundary.
     */
    private static int scopedKey(char[] t, int h, int e) {
        if (!NearbyTokens.hexOfBothKinds(t, h, e, 'a') || e - h > 128) {
            return -1;
        }
        int p = h - 1;
        int w = p;
        while (w > 0 && p - w < 40 && scopeChar(t[w - 1])) {
            w--;
        }
        if (w == p || w < 2 || t[w - 1] != ':') {
            return -1;
        }
        int q = w - 1;
        int v = q;
        while (v > 0 && q - v < 40 && scopeChar(t[v - 1])) {
            v--;
        }
        String scope = new String(t, v, q - v).toLowerCase(Locale.ROOT);
        if (v == q || v > 0 && (scopeChar(t[v - 1]) || t[v - 1] == '/' || t[v - 1] == '.' || t[v - 1] == ':') || scope.startsWith("sha")
                || RandomTokens.DIGEST_NAMES.contains(scope)) {
            return -1;
        }
        return v;
    }

    /**
     * The word before t[blank]: a vendor's scheme name, a capital, small letters and two or three capitals to end
     * ({@code KakaoAK}); an id's name ({@code ContainerID}) is none.
     */
    private static boolean schemeWord(char[] t, int blank) {
        int w = blank;
        while (w > 0 && blank - w < 16 && (t[w - 1] >= 'a' && t[w - 1] <= 'z' || t[w - 1] >= 'A' && t[w - 1] <= 'Z')) {
            w--;
        }
        if (blank - w < 4 || blank - w > 15 || w > 0 && t[w - 1] > ' ' || !(t[w] >= 'A' && t[w] <= 'Z')) {
            return false;
        }
        int capitals = 0;
        while (capitals < blank - w && t[blank - 1 - capitals] >= 'A' && t[blank - 1 - capitals] <= 'Z') {
            capitals++;
        }
        boolean small = t[w + 1] >= 'a' && t[w + 1] <= 'z';
        return small && capitals >= 2 && capitals <= 3 && !(t[blank - 2] == 'I' && t[blank - 1] == 'D');
    }

    private static boolean scopeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '*' || c == '-' || c == '_';
    }

    /** A UUID, a ':' and a key: DeepL's {@code <uuid>:fx}, fal.ai's {@code <uuid>:<32 hex>}. */
    private static boolean uuidWithKey(char[] t, int s, int e) {
        if (e - s != 36 || e + 3 > t.length || t[e] != ':' || !uuid(t, s)) {
            return false;
        }
        int e2 = RandomTokens.tokenEnd(t, e + 1);
        int len = e2 - (e + 1);
        if (len == 2 && t[e + 1] == 'f' && t[e + 2] == 'x') {
            return true;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = e + 1; i < e2; i++) {
            letter |= Character.isLetter(t[i]);
            digit |= t[i] >= '0' && t[i] <= '9';
        }
        return len >= 16 && letter && digit;
    }

    private static boolean uuid(char[] t, int s) {
        for (int i = 0; i < 36; i++) {
            char c = t[s + i];
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
