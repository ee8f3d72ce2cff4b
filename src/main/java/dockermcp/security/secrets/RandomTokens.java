package dockermcp.security.secrets;

import java.util.Locale;

/**
 * Finds runs of at least 16 characters that look like random keys (the character mix and entropy of generated
 * credentials), leaving known harmless forms alone: hex digests and 64-hex ids, UUIDs, versions, dates, and
 * 40-hex git revisions or fingerprints under a name that says so. One pass, no regular expressions.
 */
public final class RandomTokens {

    public static final int MIN_LENGTH = 16;

    private RandomTokens() {
    }

    /** Characters a token is made of; everything else (space, '/', '.', ':', '@', quotes) separates tokens. */
    static boolean tokenChar(char c) {
        return c < 128 && TOKEN_CHARS[c];
    }

    /** Letters, digits and {@code + = _ - ~}: one array read per character instead of up to nine comparisons. */
    private static final boolean[] TOKEN_CHARS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            TOKEN_CHARS[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "+=_-~".indexOf(c) >= 0;
        }
    }

    /** {@link Character#isWhitespace}, answered without a table look-up for the printable ASCII the scans mostly read. */
    static boolean whitespace(char c) {
        return c == ' ' || (c < ' ' || c >= 128) && Character.isWhitespace(c);
    }

    /** The end of the token starting at {@code start}. */
    static int tokenEnd(char[] s, int start) {
        int i = start;
        while (i < s.length && tokenChar(s[i])) {
            i++;
        }
        return i;
    }

    /** True when the text holds a random-looking token that is not a harmless form; {@code name} gives context. */
    public static boolean any(char[] s, String name) {
        int n = s.length;
        int i = 0;
        while (i < n) {
            if (!tokenChar(s[i])) {
                i++;
                continue;
            }
            int sri = integrityEnd(s, i);
            if (sri > i) {
                i = sri; // sha512-<base64>, its '/' included
                continue;
            }
            int end = tokenEnd(s, i);
            if (end - i >= MIN_LENGTH && randomParts(s, i, end, name)) {
                return true;
            }
            i = end;
        }
        return false;
    }

    /**
     * {@link #isRandom} of a token, or of its two parts when it is an option's name (letters only, a word or CamelCase),
     * '=' and a value ({@code StrictHostKeyChecking=accept-new}): each judged alone, so a long name does not make it random.
     */
    static boolean randomParts(char[] s, int i, int end, String name) {
        int eq = optionName(s, i, end);
        if (eq < 0) {
            return isRandom(s, i, end, name);
        }
        return isRandom(s, i, eq, name) || end - eq - 1 >= MIN_LENGTH && isRandom(s, eq + 1, end, name);
    }

    /** Where the '=' after an option's name (letters only, a word or CamelCase) stands in s[i, end), or -1. */
    private static int optionName(char[] s, int i, int end) {
        int k = i;
        while (k < end && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z')) {
            k++;
        }
        return k - i >= 2 && k + 1 < end && s[k] == '=' && s[k + 1] != '=' ? k : -1;
    }

    /** True when s[start, end] looks like a generated key and is not a harmless form. */
    public static boolean isRandom(char[] s, int start, int end, String name) {
        int len = end - start;
        if (len < MIN_LENGTH || keyFingerprint(s, start) || subresourceIntegrity(s, start, end)) {
            return false;
        }
        int lower = 0;
        int upper = 0;
        int digits = 0;
        int hexLetters = 0;
        int symbols = 0;
        int caseSwitches = 0;
        int[] seen = new int[128];
        int distinct = 0;
        int kind = 0;
        int dashes = 0;
        int runStart = start;
        boolean mixedRun = false;
        for (int i = start; i < end; i++) {
            char c = s[i];
            int k;
            if (c >= 'a' && c <= 'z') {
                lower++;
                k = 1;
                hexLetters += c <= 'f' ? 1 : 0;
            } else if (c >= 'A' && c <= 'Z') {
                upper++;
                k = 2;
                hexLetters += c <= 'F' ? 1 : 0;
            } else if (c >= '0' && c <= '9') {
                digits++;
                k = 3;
            } else {
                symbols++;
                k = 0;
                dashes += c == '-' || c == '_' ? 1 : 0;
            }
            if (k == 0 && (c == '-' || c == '_' || c == '=')) {
                mixedRun |= runMixes(s, runStart, i);
                runStart = i + 1;
            }
            if (k != 0 && kind != 0 && k != kind && k != 3 && kind != 3) {
                caseSwitches++;
            }
            if (k != 0) {
                kind = k;
            }
            if (seen[c & 127]++ == 0) {
                distinct++;
            }
        }
        mixedRun |= runMixes(s, runStart, end);
        boolean hex = lower + upper == hexLetters && symbols == dashes;
        if (hex && harmlessHex(s, start, end, name, dashes) || resourceId(s, start, end) || podName(s, start, end, name) || ulid(s, start, end) || generatedPodName(s, start, end)) {
            return false;
        }
        if (distinct < 8 || harmlessVersionOrDate(s, start, end)) {
            return false;
        }
        if (hex && symbols == 0) {
            return digits >= 2 && hexLetters >= 2 && digits < len; // a hex key; an all-digit number is not one
        }
        boolean base64ish = (s[end - 1] == '=' || indexOf(s, start, end, '+') >= 0) && len >= 20 && lower > 0 && upper > 0;
        if (digits == 0 && camelWords(s, start, end)) {
            return false; // +HeapDumpOnOutOfMemoryError, +UseContainerSupport: words, however many case switches, and a flag's +
        }
        return base64ish || mixedRun && entropyBits(seen, len) >= 3.0 || caseSwitches >= 6 && digits + upper + lower >= len - 2;
    }

    /** The end of a {@code sha512-<base64>} integrity digest at {@code start} (its '/' included), or -1. */
    private static int integrityEnd(char[] s, int start) {
        if (start > 0 && tokenChar(s[start - 1]) || start + 51 > s.length || s[start] != 's') {
            return -1;
        }
        int end = start + 7;
        while (end < s.length && (tokenChar(s[end]) || s[end] == '/') && s[end] != '-' && s[end] != '_' && s[end] != '~') {
            end++;
        }
        return subresourceIntegrity(s, start, end) ? end : -1;
    }

    /**
     * True when position {@code at} lies in a public form of random base64: a key fingerprint ({@code SHA256:…}), an
     * integrity value ({@code sha384-…}, also after {@code name=}) or an OpenSSH public key. A keyword that random base64
     * spells by chance there ({@code …kzKey8…}, {@code …gkeYff…}) names nothing.
     */
    static boolean publicForm(char[] s, int at) {
        if (keyFingerprint(s, at) || openSshKey(s, at)) {
            return true;
        }
        int from = at;
        while (from > 0 && at - from < 100 && (tokenChar(s[from - 1]) && s[from - 1] != '=' || s[from - 1] == '/')) {
            from--;
        }
        int end = from + 7;
        while (end < s.length && end - from < 100 && (tokenChar(s[end]) || s[end] == '/') && s[end] != '-' && s[end] != '_' && s[end] != '~') {
            end++;
        }
        return end > at && subresourceIntegrity(s, from, end);
    }

    /** {@code sha512-<base64 of 64 bytes>}: a package's or a script's integrity digest (npm, SRI), public by design. */
    private static boolean subresourceIntegrity(char[] s, int start, int end) {
        if (end - start < 51 || s[start] != 's' || s[start + 1] != 'h' || s[start + 2] != 'a' || s[start + 6] != '-') {
            return false;
        }
        String alg = new String(s, start, 6);
        int body = end - start - 7;
        return alg.equals("sha256") && body == 44 || alg.equals("sha384") && body == 64 || alg.equals("sha512") && body == 88;
    }

    /** CamelCase words, acronyms of up to four capitals before a word allowed (UnlockExperimentalVMOptions), after one + or -. */
    private static final java.util.regex.Pattern CAMEL_WORDS = java.util.regex.Pattern.compile("[+-]?(?:[A-Z]{1,4}(?=[A-Z][a-z])|[A-Z][a-z]{1,24})+");
    private static final java.util.regex.Pattern CAMEL_WORD = java.util.regex.Pattern.compile("[A-Z][a-z]+");
    /** A lower-case setting after a CamelCase option's name ({@code IdentitiesOnly=yes}): the name is still judged as words. */
    private static final java.util.regex.Pattern OPTION_VALUE = java.util.regex.Pattern.compile("=[a-z]{0,16}$");

    /**
     * Words in CamelCase: every word of small letters has a vowel, and the small letters are twice the capitals or
     * more, which random letters of both cases (aBcDeFgH, XkqPmZ, QBOHLnmzKD) almost never are.
     */
    private static boolean camelWords(char[] s, int start, int end) {
        if (end - start > 128) {
            return false;
        }
        String w = OPTION_VALUE.matcher(new String(s, start, end - start)).replaceFirst(""); // ssh -o StrictHostKeyChecking=no
        if (!CAMEL_WORDS.matcher(w).matches()) {
            return false;
        }
        int upper = 0;
        int lower = 0;
        for (int i = 0; i < w.length(); i++) {
            upper += Character.isUpperCase(w.charAt(i)) ? 1 : 0;
            lower += Character.isLowerCase(w.charAt(i)) ? 1 : 0;
        }
        java.util.regex.Matcher m = CAMEL_WORD.matcher(w);
        while (m.find()) {
            if (!m.group().toLowerCase(Locale.ROOT).matches(".*[aeiouy].*")) {
                return false;
            }
        }
        return lower >= 2 * upper;
    }

    /**
     * A ULID: 26 characters of Crockford's base32 in capitals, a 48-bit time first (so the first is 0-7). An id, public
     * as a UUID is, ordered by time; its first ten characters barely change between ids of the same day.
     */
    static boolean ulid(char[] s, int start, int end) {
        if (end - start != 26 || s[start] < '0' || s[start] > '7') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = s[i];
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' && c != 'I' && c != 'L' && c != 'O' && c != 'U')) {
                return false;
            }
        }
        return true;
    }

    /** {@code i-0abc123def4567890}, {@code vol-0f3e…}, {@code sg-…}: a lower-case kind, one dash, lower-case hex (cloud resource ids). */
    private static boolean resourceId(char[] s, int start, int end) {
        int i = start;
        while (i < end && i - start <= 12 && s[i] >= 'a' && s[i] <= 'z') {
            i++;
        }
        if (i == start || i >= end || s[i] != '-' || end - i - 1 < 8) {
            return false;
        }
        for (int k = i + 1; k < end; k++) {
            if (!(s[k] >= '0' && s[k] <= '9' || s[k] >= 'a' && s[k] <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Characters that split a value into pieces ({@code / : , ; @ .}): a key cut up by them is judged whole. */
    static boolean pieceSeparator(char c) {
        return c == '/' || c == ':' || c == ',' || c == ';' || c == '@' || c == '.';
    }

    /**
     * True when the word s[start, end] (no blanks in it) is a random key cut into pieces by separators: an AWS secret
     * access key with '/' in it, {@code Xk9fQ2mP:7vL4nR8t@W3yB6cD1z}. The pieces are joined and judged strictly
     * (mixed case switching as often as in random text, digits, no long lower-case runs, high entropy), so paths,
     * host names, URLs, versions, Java options and CamelCase words stay visible.
     */
    public static boolean splitKey(char[] s, int start, int end) {
        int len = end - start;
        if (len < 20 || len > 1024 || s[start] == '~' || s[start] == '.' || s[start] == '-' || !onlyPieces(s, start, end)
                || keyFingerprint(s, start) || subresourceIntegrity(s, start, end)) {
            return false; // a relative path, a flag; a URL has "://" (checked below)
        }
        int[] seen = new int[128];
        int joined = 0;
        int upper = 0;
        int lower = 0;
        int digits = 0;
        int separators = 0;
        int letters = 0;
        int switches = 0;
        int run = 0;
        int longestRun = 0;
        int lastCase = 0;
        int upperPairs = 0;
        int lowerRuns = 0;
        for (int i = start; i < end; i++) {
            char c = s[i];
            if (pieceSeparator(c)) {
                separators++;
                if (c == ':' && i + 2 < end && s[i + 1] == '/' && s[i + 2] == '/') {
                    return false;
                }
                continue;
            }
            if (!tokenChar(c)) {
                return false;
            }
            joined++;
            seen[c]++;
            int kase = c >= 'a' && c <= 'z' ? 1 : c >= 'A' && c <= 'Z' ? 2 : 0;
            lower += kase == 1 ? 1 : 0;
            upper += kase == 2 ? 1 : 0;
            digits += c >= '0' && c <= '9' ? 1 : 0;
            if (kase == 0) {
                run = 0; // a digit or a symbol ends a word
            } else {
                letters++;
                upperPairs += kase == 2 && lastCase == 2 && run > 0 ? 1 : 0;
                lowerRuns += kase == 1 && (run == 0 || lastCase != 1) ? 1 : 0;
                switches += lastCase != 0 && kase != lastCase ? 1 : 0;
                run = kase == lastCase ? run + 1 : 1;
                longestRun = Math.max(longestRun, kase == 1 ? run : run - 3); // words have long lower-case runs; keys both cases
                lastCase = kase;
            }
        }
        // CamelCase words switch case often too, but start each word with one capital and go on in lower case: random
        // keys have two capitals in a row, or short lower-case runs (2.5 letters on average at most)
        return separators > 0 && joined >= 20 && upper >= 2 && lower >= 2 && digits >= 2 && letters > 1 && switches * 10 >= (letters - 1) * 2
                && (upperPairs >= 1 || lower * 2 <= lowerRuns * 5) && longestRun <= 7 && entropyBits(seen, joined) >= 3.8;
    }

    /** OpenSSH key types: the base64 after one of them (and a blank) is a public key ({@code ssh-ed25519 AAAAC3…}). */
    private static final String[] SSH_KEY_TYPES = {"ssh-", "ecdsa-sha2-", "sk-ssh-", "sk-ecdsa-"};

    /**
     * True when position s lies in a word {@code AAAA…} right after an OpenSSH key type word: a public key
     * ({@code ssh-ed25519 AAAAC3…/…}), public by design, whatever keyword stands before it.
     */
    static boolean openSshKey(char[] t, int s) {
        int a = s;
        while (a > 0 && s - a < 1024 && !whitespace(t[a - 1])) {
            a--;
        }
        if (a + 4 > t.length || t[a] != 'A' || t[a + 1] != 'A' || t[a + 2] != 'A' || t[a + 3] != 'A' || a < 2 || t[a - 1] != ' ') {
            return false;
        }
        int w = a - 1;
        while (w > 0 && a - w < 48 && !whitespace(t[w - 1])) {
            w--;
        }
        for (String type : SSH_KEY_TYPES) {
            if (KeyBlocks.startsWith(t, w, type)) {
                return true;
            }
        }
        return false;
    }

    /** True when s[start, end) is {@code name=} and the name is a digest's ({@code SHA-512=}, {@code digest=}, {@code sha512=}). */
    private static boolean digestName(char[] s, int start, int end) {
        if (end - start < 2 || end - start > 16) {
            return false;
        }
        return DIGEST_NAMES.contains(new String(s, start, end - start - 1).replace("-", "").toLowerCase(Locale.ROOT));
    }

    /**
     * True when the word is standard base64 of 64 to 128 random bytes (an Azure storage or Service Bus key, a 512-bit HMAC
     * key): whole groups of four, padding only at the end, and a quarter of the bytes or more outside printable text, as
     * random bytes are (a digest of 64 bytes alone is hidden too: base64 alone cannot tell them apart).
     */
    static boolean base64Key(char[] s, int start, int end) {
        int len = end - start;
        if (len < 88 || len > 172 || (len & 3) != 0) {
            return false;
        }
        int upper = 0;
        int lower = 0;
        int digits = 0;
        for (int i = start; i < end; i++) {
            char c = s[i];
            upper += c >= 'A' && c <= 'Z' ? 1 : 0;
            lower += c >= 'a' && c <= 'z' ? 1 : 0;
            digits += c >= '0' && c <= '9' ? 1 : 0;
            boolean pad = c == '=' && i >= end - 2;
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || pad)
                    || pad && i == end - 2 && s[end - 1] != '=') {
                return false;
            }
        }
        if (upper < 8 || lower < 8 || digits < 4) {
            return false; // a run of one letter (AAAA…) decodes to zero bytes: a ruler, no key
        }
        byte[] raw;
        try {
            raw = java.util.Base64.getDecoder().decode(new String(s, start, len));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int inner = (raw[1] & 0xff) < 0x80 ? 2 : 2 + (raw[1] & 0x7f);
        if (raw[0] == 0x30 && inner < raw.length && raw[inner] == 0x30) {
            return false; // DER: a SEQUENCE opening with a SEQUENCE, a public key (SPKI) or a certificate line, public by design
        }
        int binary = 0;
        for (byte b : raw) {
            binary += b < 0x20 || b >= 0x7f ? 1 : 0; // a signed byte: >= 0x80 is negative
        }
        return raw.length >= 64 && binary * 4 >= raw.length;
    }

    /**
     * The cheap half of {@link #splitKey}, without allocation: only token characters and separators, at least one
     * separator, no "://". Most words fail here (a UUID, a JSON fragment), before the counts and the entropy.
     */
    private static boolean onlyPieces(char[] s, int start, int end) {
        boolean separated = false;
        for (int i = start; i < end; i++) {
            char c = s[i];
            if (pieceSeparator(c)) {
                separated = true;
                if (c == ':' && i + 2 < end && s[i + 1] == '/' && s[i + 2] == '/') {
                    return false;
                }
            } else if (!tokenChar(c)) {
                return false;
            }
        }
        return separated;
    }

    /** True when a whitespace-separated word of the text is a key cut into pieces ({@link #splitKey}). */
    public static boolean anySplitKey(char[] s) {
        Spans found = new Spans();
        splitKeys(s, found);
        return !found.isEmpty();
    }

    /**
     * Adds every whitespace-separated word of the text that is a key cut into pieces ({@link #splitKey}), without the
     * quotes and brackets around it; of a {@code NAME=value} or {@code --flag=value} word, the value.
     */
    static void splitKeys(char[] s, Spans spans) {
        int i = 0;
        while (i < s.length) {
            if (whitespace(s[i])) {
                i++;
                continue;
            }
            int end = wordEnd(s, i);
            if (end - i >= 20) {
                int[] w = trimmed(s, i, end);
                int from = w[0];
                int keyFrom = w[0]; // the same, but base64 padding (…GMGw==) ends a key, it starts no value
                for (int k = w[0]; k < w[1]; k++) {
                    if (s[k] == '=') {
                        from = k + 1;
                        keyFrom = k + 1 < w[1] && s[k + 1] != '=' ? k + 1 : keyFrom;
                    }
                }
                if (splitKey(s, from, w[1]) && !EncodedRuns.harmlessText(s, from, w[1]) && !openSshKey(s, from)) { // base64 of harmless text is no key
                    spans.add(from, w[1]);
                } else if (base64Key(s, keyFrom, w[1]) && !digestName(s, w[0], keyFrom) && !EncodedRuns.harmlessText(s, keyFrom, w[1])) {
                    spans.add(keyFrom, w[1]);
                }
            }
            i = end;
        }
    }

    /** The end of the word (no blanks) at start. */
    static int wordEnd(char[] s, int start) {
        int i = start;
        while (i < s.length && !whitespace(s[i])) {
            i++;
        }
        return i;
    }

    /** The word s[start, end] without the quotes, brackets and commas around it, as {start, end}. */
    static int[] trimmed(char[] s, int start, int end) {
        int a = start;
        int b = end;
        while (a < b && "\"'`([{<".indexOf(s[a]) >= 0) {
            a++;
        }
        while (b > a && "\"'`)]}>,;.".indexOf(s[b - 1]) >= 0) {
            b--;
        }
        return new int[] {a, b};
    }

    /** A part between separators of 8 or more characters mixing letters and at least two digits, as keys do and words do not. */
    private static boolean runMixes(char[] s, int from, int to) {
        if (to - from < 8) {
            return false;
        }
        int letters = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (Character.isDigit(c)) {
                digits++;
            } else if (Character.isLetter(c)) {
                letters++;
            }
        }
        return digits >= 2 && letters >= 3;
    }

    private static boolean harmlessHex(char[] s, int start, int end, String name, int dashes) {
        int len = end - start;
        if (dashes == 4 && len == 36 && s[start + 8] == '-' && s[start + 13] == '-' && s[start + 18] == '-'
                && s[start + 23] == '-') {
            return true; // a UUID
        }
        if (dashes == 0 && (len == 64 || len == 96 || len == 128)) {
            // sha256/384/512 digests and image or container ids; but glued to a word by a dot (mlsn.<64 hex>) it is a
            // provider's token, unless the word names the digest (sha256.<hex>)
            return !afterPrefixWord(s, start);
        }
        if (dashes == 0 && (len == 16 || len == 32) && name != null && traceId(name)) {
            return true; // W3C trace and span ids under TRACE_ID, SPAN_ID, PARENT_ID
        }
        if (dashes == 0 && len == 40 && name != null) {
            String n = name.toLowerCase(Locale.ROOT);
            return n.contains("revision") || n.contains("commit") || n.contains("sha") || n.contains("vcs-ref") || n.contains("vcs_ref")
                    || n.contains("git_ref") || n.contains("fingerprint") || n.contains("gpg") || n.contains("etag"); // an ETag: a content hash
        }
        return false;
    }

    static final java.util.Set<String> DIGEST_NAMES = java.util.Set.of("sha1", "sha224", "sha256", "sha384", "sha512", "sha3", "md5",
            "blake2b", "blake2s", "blake3", "xxh64", "xxh3", "digest", "hash", "checksum");

    /** True when the token at {@code start} follows {@code word.}, a word of 2 to 12 letters or digits that is not a digest's name. */
    private static boolean afterPrefixWord(char[] s, int start) {
        if (start < 3 || s[start - 1] != '.') {
            return false;
        }
        int w = start - 1;
        while (w > 0 && start - 1 - w < 13 && Character.isLetterOrDigit(s[w - 1])) {
            w--;
        }
        int len = start - 1 - w;
        if (len < 2 || len > 12 || w > 0 && (Character.isLetterOrDigit(s[w - 1]) || s[w - 1] == '.' || s[w - 1] == '/')) {
            return false; // a path or a dotted name (image.tar.<hex>, /cache/x.<hex>) is another matter
        }
        return !DIGEST_NAMES.contains(new String(s, w, len).toLowerCase(Locale.ROOT));
    }

    /**
     * True when the word holding position at is a public key's fingerprint as OpenSSH and GnuPG print it:
     * {@code SHA256:} (or SHA1, SHA384, SHA512) and unpadded base64 of the digest's length.
     */
    static boolean keyFingerprint(char[] s, int at) {
        int from = at;
        while (from > 0 && at - from < 100 && !whitespace(s[from - 1]) && s[from - 1] != '"' && s[from - 1] != '\'') {
            from--;
        }
        int colon = from;
        while (colon < s.length && colon - from < 7 && s[colon] != ':') {
            colon++;
        }
        if (colon >= s.length || s[colon] != ':') {
            return false;
        }
        String algorithm = new String(s, from, colon - from).toUpperCase(Locale.ROOT);
        int want = switch (algorithm) {
            case "SHA1" -> 27;
            case "SHA256" -> 43;
            case "SHA384" -> 64;
            case "SHA512" -> 86;
            default -> -1;
        };
        int end = colon + 1;
        while (end < s.length && end - colon <= want + 1 && (tokenChar(s[end]) && s[end] != '=' && s[end] != '_' && s[end] != '-' && s[end] != '~'
                || s[end] == '/')) {
            end++;
        }
        return want > 0 && end - colon - 1 == want && (end == s.length || !tokenChar(s[end]) && s[end] != '/');
    }

    /** True when the whole word is a public key's fingerprint ({@code SHA256:} and base64 of the digest's length). */
    public static boolean isKeyFingerprint(String word) {
        return keyFingerprint(word.toCharArray(), 0);
    }

    /** An identifier's name ({@code TRACE_ID}, {@code spanId}) that says nothing of a secret ({@code SECRET_ID} does). */
    private static boolean traceId(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return (n.endsWith("_id") || n.endsWith("-id") || n.endsWith(".id") || n.endsWith("id") && n.length() > 2
                && Character.isUpperCase(name.charAt(name.length() - 2))) && !SecretNames.suggestsSecret(name);
    }

    /** A Kubernetes pod name (api-6b7f9c8d5-q2w8e, web-7d4b9c-xk2lp): lower-case words, a template hash, a 5-character suffix. */
    private static final java.util.regex.Pattern POD_NAME = java.util.regex.Pattern.compile(
            "[a-z][a-z0-9]{0,40}(?:-[a-z][a-z0-9]{0,40}){0,5}(?:-[a-z0-9]{6,10})?-[a-z0-9]{5}");

    /**
     * A pod name Kubernetes generated (inventory-api-6d4f9b7c8-x2kqp), wherever it stands: words, then a template hash and a
     * suffix drawn from the alphabet Kubernetes draws them from (no vowels, no 0, 1, 3), which a key's body does not keep to.
     */
    private static final java.util.regex.Pattern GENERATED_POD_NAME = java.util.regex.Pattern.compile(
            "[a-z][a-z0-9]{0,40}(?:-[a-z][a-z0-9]{0,40}){0,5}-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}");

    private static boolean generatedPodName(char[] s, int start, int end) {
        return end - start <= 253 && s[end - 6] == '-' && GENERATED_POD_NAME.matcher(java.nio.CharBuffer.wrap(s, start, end - start)).matches();
    }

    /** True when the name says pod or host name and the token has a pod name's shape. */
    private static boolean podName(char[] s, int start, int end, String name) {
        if (name == null || end - start > 253) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return (n.contains("pod") || n.contains("name") || n.contains("host") || n.contains("replica"))
                && POD_NAME.matcher(java.nio.CharBuffer.wrap(s, start, end - start)).matches();
    }

    /** 1.27.3-alpine3.20 and 2024-06-01T12-00-00 are not keys: digits in groups between separators, few letters. */
    private static boolean harmlessVersionOrDate(char[] s, int start, int end) {
        int letters = 0;
        int longestLetterlessRun = 0;
        int run = 0;
        for (int i = start; i < end; i++) {
            char c = s[i];
            if (Character.isLetter(c)) {
                letters++;
            }
            if (c == '-' || c == '_' || c == '+' || c == '~') {
                run = 0;
            } else {
                run++;
                longestLetterlessRun = Math.max(longestLetterlessRun, run);
            }
        }
        return letters <= 2 && longestLetterlessRun <= 8;
    }

    private static int indexOf(char[] s, int start, int end, char c) {
        for (int i = start; i < end; i++) {
            if (s[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static double entropyBits(int[] seen, int len) {
        double h = 0;
        for (int count : seen) {
            if (count > 0) {
                double p = (double) count / len;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }
}
