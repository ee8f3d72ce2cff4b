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
    /** The first letters of the keywords, to skip most characters at once. */
    private static final String FIRSTS = "pstkacbhdocw";
    private static final String[] DECODED_KEYWORDS = {"auth", "pass", "token", "secret", "key"};

    private NearbyTokens() {
    }

    /** @param loneTokens also tokens alone on their line (free text; a configuration value is judged by its name instead) */
    static void find(char[] t, Spans spans, boolean loneTokens) {
        walk(t, spans, loneTokens, false);
    }

    /** {@link #find}, and the provider token families ({@link VendorTokens}) judged in the same walk over the tokens. */
    static void findWithVendorTokens(char[] t, Spans spans, boolean loneTokens) {
        walk(t, spans, loneTokens, true);
    }

    private static void walk(char[] t, Spans spans, boolean loneTokens, boolean vendorTokens) {
        int n = t.length;
        int i = 0;
        while (i < n) {
            if (!RandomTokens.tokenChar(t[i])) {
                i++;
                continue;
            }
            int end = RandomTokens.tokenEnd(t, i);
            if (end - i >= RandomTokens.MIN_LENGTH && secretToken(t, i, end, loneTokens)) {
                spans.add(i, end);
            }
            if (loneTokens && hexPair(t, i, end)) {
                spans.add(i, RandomTokens.tokenEnd(t, end + 1)); // key:secret or id.secret in hexadecimal (Mailjet, Zoho)
            }
            if (vendorTokens) {
                VendorTokens.at(t, i, end, spans); // npg_…, <uuid>:fx, <32hex>-<8hex>-<8hex>: provider token families alone
            }
            i = end;
        }
        RandomTokens.splitKeys(t, spans); // a key cut into pieces by '/' or ':' (an AWS secret access key), wherever it stands
        if (loneTokens) {
            EncodedRuns.find(t, spans); // free text only; what it decodes is read with loneTokens false, so no deeper
        }
    }

    private static boolean secretToken(char[] t, int s, int e, boolean loneTokens) {
        if (e - s >= 20 && t[s] == 'e' && (t[s + 1] == 'y' || t[s + 1] == 'w') && decodedHoldsCredentials(t, s, e)) {
            return true;
        }
        if (e - s >= 2 * HEX_MIN_BYTES && hexHoldsSecret(t, s, e)) {
            return true; // a dump of "aws_secret_access_key=…" in hexadecimal
        }
        if (e - s >= 32 && hexOnly(t, s, e) && keyWordBefore(t, s)) {
            return true; // unwrapped DEK: <hex>, hmac <hex>, CLIENT_TRAFFIC_SECRET_0 <random> <secret>: a key in hexadecimal after its word
        }
        if (e - s == 36 && uuidShape(t, s) && credentialWordJustBefore(t, s, true)) {
            return true; // npm and other tokens are UUIDs: one right after a credential word goes, a request or job id stays
        }
        if (loneTokens && (prefixedToken(t, s, e) || unmistakable(t, s, e) && !RandomTokens.publicForm(t, s) && !VendorTokens.publicObject(t, s, e) || oddHexKey(t, s, e))) {
            return true; // napi_…, tgp_v1_…, csk-…: a provider's word and a generated body, wherever it stands in free text
        }
        if (loneTokens && e - s >= 16 && s > 3 && t[s - 1] == ':' && afterMailbox(t, s - 1) && RandomTokens.isRandom(t, s, e, null)) {
            return true; // ops@acme.io:ATCTT3x…: an account and its API token, a basic-auth pair written out
        }
        // where it stands is cheaper to check than what it is: most tokens stand in neither place
        boolean keyword = keywordBefore(t, s) && !RandomTokens.publicForm(t, s) && !PublicKeyParts.longKeyId(t, s, e)
                && !(e - s <= 64 && LineShapes.sshKeyType(new String(t, s, e - s))) // host key: ecdsa-sha2-nistp256: an algorithm's name
                && !VendorTokens.publicObject(t, s, e); // "checkout session cs_test_…": a Stripe object's id, not the session's secret // sha512-…kzKey8…/e1O7…: random base64 spells words
        return (keyword ? RandomTokens.randomParts(t, s, e, null) // after a keyword: ssh -o PreferredAuthentications=… StrictHostKeyChecking=accept-new
                : loneTokens && aloneOnLine(t, s, e) && !EncodedRuns.harmlessText(t, s, e) && RandomTokens.isRandom(t, s, e, null))
                && (keyword || !RandomTokens.publicForm(t, s)); // ssh-ed25519 AAAAC3… alone on its line
    }

    /**
     * A provider's token by its structure, whatever the provider: a short lower-case word (and a version, {@code v1}),
     * one {@code _} or {@code -}, then a body of 30 characters or more that is random, holds letters and digits and is
     * not hexadecimal alone (request and trace ids written {@code req-<hex>} stay).
     */
    static boolean prefixedToken(char[] t, int s, int e) {
        for (int i = s; i < e && i - s < 32; i++) {
            if (t[i] == '=' && i + 1 < e && t[i + 1] != '=') {
                s = i + 1; // cfg=napi_…: the value after a name
                break;
            }
        }
        boolean capitals = t[s] >= 'A' && t[s] <= 'Z'; // CFPAT-…: a prefix in capitals, as some providers write it
        if (e - s < 27 || !capitals && (t[s] < 'a' || t[s] > 'z') || s > 0 && (t[s - 1] == '/' || t[s - 1] == '.' || t[s - 1] == '@')) {
            return false; // a path's or a host's part is not a token's start
        }
        int p = s + 1;
        while (p < e && p - s <= 10 && (capitals ? t[p] >= 'A' && t[p] <= 'Z' : t[p] >= 'a' && t[p] <= 'z' || t[p] >= '0' && t[p] <= '9')) {
            p++;
        }
        if (p >= e || p - s < 2 || p - s > 10 || t[p] != '_' && t[p] != '-'
                || RandomTokens.DIGEST_NAMES.contains(new String(t, s, p - s).toLowerCase(java.util.Locale.ROOT)) || VendorTokens.publicObjectId(t, s, p)) {
            return false; // 'sha256-<base64>' in a Content-Security-Policy is a digest, public by design
        }
        int b = p + 1;
        if (b + 2 < e && t[b] == 'v' && t[b + 1] >= '0' && t[b + 1] <= '9' && (t[b + 2] == '_' || t[b + 2] == '-')) {
            b += 3; // tgp_v1_…
        }
        if (e - b < 24) {
            return false;
        }
        boolean letter = false;
        int upper = 0;
        int lower = 0;
        int digits = 0;
        boolean nonHex = false;
        for (int i = b; i < e; i++) {
            char c = t[i];
            if (c == '=' && i + 2 < e && t[i + 1] != '=') {
                return false; // trace_id=4bf9…: a name and its value, judged as such
            }
            letter |= Character.isLetter(c);
            upper += c >= 'A' && c <= 'Z' ? 1 : 0;
            lower += c >= 'a' && c <= 'z' ? 1 : 0;
            digits += c >= '0' && c <= '9' ? 1 : 0;
            nonHex |= Character.isLetter(c) && !(c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
        }
        // a body of 24 to 29 characters only with every class three times (vercel_r8nZymFOctx59LGExODMS6Gz)
        boolean strong = e - b >= 30 || upper >= 3 && lower >= 3 && digits >= 3;
        return strong && letter && digits > 0 && nonHex && RandomTokens.isRandom(t, b, e, null);
    }

    /**
     * A generated key no harmless form takes, wherever it stands in free text: 32 or more letters and digits (at most three
     * '-' or '_', base64 padding) and nothing else, capitals, small letters and digits four times each at least ({@code loaded: 8IRFPfF2ern1…}); or 40 or more
     * small letters and digits that are not hexadecimal (a base32 key). Ids in logs are hexadecimal, UUIDs, ULIDs (26
     * capitals) or words: none of them is taken.
     */
    static boolean unmistakable(char[] t, int s, int e) {
        int len = e - s;
        if (len < 32 || s > 0 && t[s - 1] == '/' || e < t.length && t[e] == '/') {
            return false; // a piece of a base64 blob cut by its '/' (a public key, gzip data): decoded and judged elsewhere
        }
        int upper = 0;
        int lower = 0;
        int digits = 0;
        int joins = 0;
        boolean nonHex = false;
        int end = e;
        while (end > s && t[end - 1] == '=' && e - end < 2) {
            end--; // base64 padding
        }
        for (int i = s; i < end; i++) {
            char c = t[i];
            if (c >= 'A' && c <= 'Z') {
                upper++;
            } else if (c >= 'a' && c <= 'z') {
                lower++;
                nonHex |= c > 'f';
            } else if (c >= '0' && c <= '9') {
                digits++;
            } else if ((c == '-' || c == '_') && ++joins <= 3) {
                continue; // base64url, or a key in two parts (ngrok's <27>_<21>)
            } else {
                return false;
            }
        }
        boolean mixed = upper >= 4 && lower >= 4 && digits >= 4;
        boolean base32 = upper == 0 && joins == 0 && len >= 40 && nonHex && digits >= 6 && lower >= 20
                || lower == 0 && joins == 0 && len >= 40 && digits >= 4 && upper >= 20 && !base32OfText(t, s, end); // an NKey seed, not base32 of words
        return (mixed || base32) && RandomTokens.isRandom(t, s, e, null) && !EncodedRuns.harmlessText(t, s, e); // base64 of a zlib'd log stays
    }

    /** True when the run decodes from base32 (RFC 4648, capitals) to printable text: encoded words, read by EncodedForms. */
    private static boolean base32OfText(char[] t, int s, int e) {
        int bits = 0;
        int value = 0;
        int bytes = 0;
        for (int i = s; i < e; i++) {
            char c = t[i];
            int d = c >= 'A' && c <= 'Z' ? c - 'A' : c >= '2' && c <= '7' ? c - '2' + 26 : -1;
            if (d < 0) {
                return false;
            }
            value = (value << 5 | d) & 0xfff;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                int b = value >> bits & 0xff;
                if (b < 0x20 && b != '\n' && b != '\t' || b > 0x7e) {
                    return false;
                }
                bytes++;
            }
        }
        return bytes >= 8;
    }

    /**
     * Two runs of hexadecimal digits joined by one ':' or '.', 32 or more each, or an id of 24 and a secret of 64 (a Ghost
     * Admin API key): a key and its secret, not a digest (one run) nor a range (..).
     */
    private static boolean hexPair(char[] t, int s, int e) {
        if (e - s < 24 || e + 33 > t.length || t[e] != ':' && t[e] != '.' || !hexRun(t, s, e)) {
            return false;
        }
        int e2 = RandomTokens.tokenEnd(t, e + 1);
        int second = e2 - (e + 1);
        return (e - s >= 32 ? second >= 32 : e - s == 24 && second == 64) && hexRun(t, e + 1, e2);
    }

    /** 37 small hexadecimal digits with letters and digits both: a Cloudflare global API key (digests and ids have even lengths). */
    private static boolean oddHexKey(char[] t, int s, int e) {
        return e - s == 37 && hexOfBothKinds(t, s, e, 'a');
    }

    /** Hexadecimal digits only, letters in one case (from {@code a}: 'a' or 'A'), with letters and digits both. */
    static boolean hexOfBothKinds(char[] t, int s, int e, char a) {
        boolean letter = false;
        boolean digit = false;
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (c >= a && c <= a + 5) {
                letter = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                return false;
            }
        }
        return letter && digit;
    }

    private static boolean hexRun(char[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = t[i];
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** Runs of hexadecimal digits this many bytes long or longer are decoded and read for a secret assignment. */
    private static final int HEX_MIN_BYTES = 16;
    private static final int HEX_MAX_BYTES = 4096;

    /**
     * True when the run is hexadecimal of printable text (not a digest: those decode to random bytes) that holds a
     * secret assignment or a keyword with a token: {@code 6177735f…} for {@code aws_secret_access_key=…}.
     */
    private static boolean hexHoldsSecret(char[] t, int s, int e) {
        int len = e - s;
        if ((len & 1) != 0 || len > 2 * HEX_MAX_BYTES) {
            return false;
        }
        char[] decoded = new char[len / 2];
        for (int i = 0; i < decoded.length; i++) {
            int hi = Character.digit(t[s + 2 * i], 16);
            int lo = Character.digit(t[s + 2 * i + 1], 16);
            if (hi < 0 || lo < 0) {
                return false;
            }
            int b = hi << 4 | lo;
            if ((b < 0x20 || b > 0x7e) && b != '\t' && b != '\n') {
                return false;
            }
            decoded[i] = (char) b;
        }
        Spans found = new Spans();
        Assignments.find(decoded, found);
        if (found.isEmpty()) {
            find(decoded, found, false);
        }
        return !found.isEmpty();
    }

    /** Words that name a credential when a UUID follows them at once ({@code using credential 3f…}, {@code api key 3f…}). */
    private static final java.util.Set<String> CREDENTIAL_WORDS = java.util.Set.of("credential", "credentials", "cred", "creds", "token",
            "apikey", "api-key", "api_key", "key", "secret", "password", "passwd", "pwd", "pat", "bearer", "npm_token", "auth_token");

    /** 8-4-4-4-12 hexadecimal digits. */
    private static boolean uuidShape(char[] t, int s) {
        for (int k = 0; k < 36; k++) {
            char c = t[s + k];
            boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The word right before the token (after blanks and an optional {@code :}, {@code is} or {@code are}) is a credential word. */
    private static boolean credentialWordJustBefore(char[] t, int s, boolean throughIs) {
        int i = s;
        while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == ':' || t[i - 1] == '"' || t[i - 1] == '\'')) {
            i--;
        }
        int end = i;
        while (i > 0 && end - i < 16 && (Character.isLetter(t[i - 1]) || t[i - 1] == '-' || t[i - 1] == '_')) {
            i--;
        }
        String word = new String(t, i, end - i).toLowerCase(Locale.ROOT);
        if (throughIs && (word.equals("is") || word.equals("are")) && i > 0) {
            return credentialWordJustBefore(t, i, false);
        }
        return CREDENTIAL_WORDS.contains(word);
    }

    /** Words that announce a key in hexadecimal, as a whole word or a name's last part ({@code DEK}, {@code hmac}, {@code master_key}). */
    /** Words between a key's label and its bytes: {@code MK dump:}, {@code key bytes:}, {@code secret value}. */
    private static final java.util.Set<String> LABEL_WORDS = java.util.Set.of("dump", "bytes", "value", "material", "hex", "data");
    private static final java.util.Set<String> HEX_KEY_WORDS = java.util.Set.of("key", "secret", "hmac", "dek", "kek", "cipher", "seed", "psk",
            "mk", "masterkey", "master_key", "privkey", "private_key", "secret_key", "traffic_secret", "exporter_secret");

    /**
     * The word before (or the word before a hexadecimal word before: a TLS key log's label, its client random, then the
     * secret) announces a key: one of {@link #HEX_KEY_WORDS}, or a name ending in one ({@code CLIENT_TRAFFIC_SECRET_0}).
     */
    static boolean keyWordBefore(char[] t, int s) {
        int at = s;
        for (int words = 0; words < 2; words++) {
            int i = at;
            while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == ':')) {
                i--;
            }
            int end = i;
            while (i > 0 && end - i < 160 && (Character.isLetterOrDigit(t[i - 1]) || t[i - 1] == '_' || t[i - 1] == '-')) {
                i--;
            }
            if (end == i || end == at) {
                return false;
            }
            int stem = end; // CLIENT_TRAFFIC_SECRET_0: the name without its number
            while (stem > i && t[stem - 1] >= '0' && t[stem - 1] <= '9') {
                stem--;
            }
            stem = stem < end && stem > i && t[stem - 1] == '_' ? stem - 1 : end;
            String last = new String(t, i, stem - i).toLowerCase(Locale.ROOT);
            for (String k : HEX_KEY_WORDS) {
                if ((last.equals(k) || last.endsWith("_" + k) || last.endsWith("-" + k)) && !last.contains("public") && !last.contains("host")
                        && !(last.equals("key") && (wordBefore(t, i, "public") || wordBefore(t, i, "host")))) {
                    return true; // a public or host key is public by design
                }
            }
            if (!LABEL_WORDS.contains(last) && (!hexOnly(t, i, end) || end - i < 32)) {
                return false; // only a hexadecimal word (or dump, bytes: MK dump: <bytes>) may stand between the label and the key
            }
            at = i;
        }
        return false;
    }

    /** True when the word before position {@code at} (past blanks) is {@code w}, in any case. */
    private static boolean wordBefore(char[] t, int at, String w) {
        int i = at;
        while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t')) {
            i--;
        }
        int end = i;
        while (i > 0 && end - i <= w.length() && Character.isLetter(t[i - 1])) {
            i--;
        }
        return end - i == w.length() && matchesLower(t, i, w);
    }

    private static boolean hexOnly(char[] t, int s, int e) {
        for (int i = s; i < e; i++) {
            if (Character.digit(t[i], 16) < 0 && t[i] != '-') {
                return false;
            }
        }
        return true;
    }

    /** Alone on its line, or alone in a tab-separated cell (a CLI's {@code -o tsv} row: {@code id<TAB>token<TAB>tenant}). */
    private static boolean aloneOnLine(char[] t, int s, int e) {
        if ((s == 0 || t[s - 1] == '\t' || t[s - 1] == '\n') && (e == t.length || t[e] == '\t' || t[e] == '\n' || t[e] == '\r')
                && (s > 0 && t[s - 1] == '\t' || e < t.length && t[e] == '\t') && e - s >= 24 && !hexOnly(t, s, e)) {
            return true; // not a hex id or trace id in its column
        }
        int i = s - 1;
        while (i >= 0 && (t[i] == ' ' || t[i] == '\t' || t[i] == '"' || t[i] == '\'')) {
            i--;
        }
        if (i >= 0 && t[i] != '\n') {
            return false;
        }
        int j = e;
        while (j < t.length && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r' || t[j] == '"' || t[j] == '\'')) {
            j++;
        }
        return j >= t.length || t[j] == '\n';
    }

    /**
     * True when one of the (up to three) words just before the token holds a keyword: {@code the api key is X},
     * {@code partner token X}. A word with '=' or a JSON key ({@code "request_id":}) is an assignment of its own ({@code auth=ok request_id=X})
     * and ends the look.
     */
    /** True when a mail address ends at {@code colon} ({@code ops@acme.io:}): a local part, '@', a domain with a dot. */
    private static boolean afterMailbox(char[] t, int colon) {
        int i = colon;
        boolean dot = false;
        while (i > 0 && colon - i < 64 && (Character.isLetterOrDigit(t[i - 1]) || t[i - 1] == '.' || t[i - 1] == '-')) {
            dot |= t[i - 1] == '.';
            i--;
        }
        if (!dot || i == colon || i < 2 || t[i - 1] != '@') {
            return false;
        }
        char local = t[i - 2];
        return Character.isLetterOrDigit(local) || local == '.' || local == '_' || local == '-' || local == '+';
    }

    static boolean keywordBefore(char[] t, int s) {
        int from = s;
        int words = 0;
        while (from > 0 && s - from < LOOK_BACK && t[from - 1] != '\n') {
            char c = t[from - 1];
            if (c == '=' || c == ':' && from > 1 && t[from - 2] == '"') {
                break; // "request_id":"X" after "total_tokens":1045: a JSON key's value is judged by that key
            }
            if ((c == ' ' || c == '\t') && from < s && t[from] != ' ' && t[from] != '\t' && ++words == 3) {
                break;
            }
            from--;
        }
        for (int i = from; i < s; i++) {
            char c = (char) (t[i] | 0x20);
            if (c < 'a' || c > 'z' || FIRSTS.indexOf(c) < 0) {
                continue;
            }
            for (String k : KEYWORDS) {
                if (k.charAt(0) == c && i + k.length() <= s && matchesLower(t, i, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesLower(char[] t, int at, String k) {
        for (int j = 0; j < k.length(); j++) {
            if ((char) (t[at + j] | 0x20) != k.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean decodedHoldsCredentials(char[] t, int s, int e) {
        int len = Math.min(e - s, 4096) & ~3;
        try {
            String decoded = new String(Base64.getMimeDecoder().decode(new String(t, s, s + len - (s))), StandardCharsets.ISO_8859_1)
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
