package dockermcp.security.secrets;

import java.util.Base64;

/**
 * Key material printed without PEM armour: a BIP39 or diceware phrase after its keyword (every word, also when the
 * phrase wraps onto the next line), base32 secrets printed in groups ({@code authenticator key: 5ntu wvuv …}), a
 * Tor onion service key file, minisign and signify secret keys, a keypair as a JSON array of byte values, DER keys
 * and PKCS#12 files as bare base64 ({@code MII…}; certificates and public keys stay) and SSH2 key bodies. Each part
 * starts only where its keyword is found ({@link String#indexOf}) and reads a bounded stretch after it.
 */
final class KeyMaterial {

    private static final int MAX_RUN = 16 * 1024;
    /** Words that make a run of lower-case words prose, not a phrase: none is in the BIP39 list (3 to 8 letters). */
    private static final java.util.Set<String> PROSE = java.util.Set.of("to", "of", "is", "it", "be", "no", "on", "in", "at", "by", "or", "if", "as",
            "an", "we", "the", "and", "are", "was", "were", "not", "has", "have", "been", "this", "that", "with", "from", "for", "your", "will", "its");
    private static final String[] PHRASE_KEYWORDS = {"mnemonic", "phrase", "seed words", "recovery words", "backup words", "secret words"};
    private static final String[] GROUP_KEYWORDS = {"authenticator", "key", "secret", "otp", "seed", "2fa", "mfa"};
    private static final String[] BYTE_KEYWORDS = {"key", "secret", "seed", "private", "wallet", "sk"};
    private static final String[] MINISIGN_RAW = {"RWRTY0Iy", "RWQAAEIy", "RWRCSwAA"};

    private KeyMaterial() {
    }

    /** @param lower the text with ASCII letters in lower case, same length */
    static void find(char[] t, String s, String lower, Keywords.Found words, Spans spans) {
        for (String k : PHRASE_KEYWORDS) {
            for (int at = words.has(k) ? lower.indexOf(k) : -1; at >= 0; at = lower.indexOf(k, at + k.length())) {
                phrase(t, at + k.length(), spans);
            }
        }
        for (String k : GROUP_KEYWORDS) {
            for (int at = words.has(k) ? lower.indexOf(k) : -1; at >= 0; at = lower.indexOf(k, at + k.length())) {
                groups(t, at + k.length(), spans);
            }
        }
        for (int at = words.has("v1-secret: type") ? lower.indexOf("v1-secret: type") : -1; at >= 0; at = lower.indexOf("v1-secret: type", at + 1)) {
            tor(t, at, spans);
        }
        for (int at = words.has("untrusted comment:") ? lower.indexOf("untrusted comment:") : -1; at >= 0; at = lower.indexOf("untrusted comment:", lineEnd(t, at))) {
            int end = lineEnd(t, at);
            if (lower.substring(at, end).contains("secret key")) {
                int next = end + 1 < t.length && t[end] == '\r' ? end + 2 : end + 1;
                if (next < t.length) {
                    spans.add(next, Math.min(lineEnd(t, next), next + MAX_RUN));
                }
            }
        }
        for (String k : MINISIGN_RAW) {
            for (int at = words.has(k.toLowerCase(java.util.Locale.ROOT)) ? s.indexOf(k) : -1; at >= 0; at = s.indexOf(k, Math.max(at + 1, base64End(t, at)))) {
                int end = base64End(t, at);
                if (end - at >= 40) {
                    spans.add(at, end);
                }
            }
        }
        der(t, s, spans);
        byteArrays(t, lower, spans);
        for (int at = words.has("---- begin ssh2") ? s.indexOf("---- BEGIN SSH2") : -1; at >= 0; at = s.indexOf("---- BEGIN SSH2", Math.max(at + 1, ssh2(t, at, spans)))) {
            // each block is read once: the next search starts where it ended
        }
    }

    /** After a phrase keyword: its separator, then lower-case words, all hidden when they are a phrase, not prose. */
    private static void phrase(char[] t, int k, Spans spans) {
        int i = k;
        while (i < t.length && i - k < 24 && (Assignments.nameChar(t[i]) || t[i] == '"' || t[i] == '\'')) {
            i++; // the rest of the name: mnemonic_phrase, recoveryPhrase"
        }
        i = blanks(t, i);
        boolean separated = false;
        if (i < t.length && (t[i] == ':' || t[i] == '=')) {
            separated = true;
            i++;
            while (i < t.length && (t[i] == '=' || t[i] == '>')) {
                i++;
            }
        } else if (startsWord(t, i, "is") || startsWord(t, i, "was")) {
            i += t[i] == 'i' ? 2 : 3;
            if (i < t.length && t[i] == ':') {
                i++;
            }
        }
        i = blanks(t, i);
        if (i < t.length && (t[i] == '"' || t[i] == '\'' || t[i] == '[')) {
            i++;
        }
        int start = i;
        int words = 0;
        int lineEnd = -1;
        int wordsOnLine = 0;
        int end = start;
        while (i < t.length && i - start < 1024) {
            int w = i;
            while (w < t.length && w - i <= 12 && t[w] >= 'a' && t[w] <= 'z') {
                w++;
            }
            if (w == i || w - i > 12 || w < t.length && (t[w] >= 'A' && t[w] <= 'Z' || t[w] >= '0' && t[w] <= '9' || t[w] == '_')
                    || PROSE.contains(new String(t, i, w - i)) && !(w < t.length && t[w] == '\n' || i > 0 && t[i - 1] == '\n')) { // a cut word is no prose
                break;
            }
            words++;
            end = w;
            i = w;
            if (i < t.length && (t[i] == ',' || t[i] == '-')) {
                i++;
            }
            int b = blanks(t, i);
            if (b < t.length && t[b] == '\n' && lineEnd < 0 && words < 24) { // a phrase wrapped onto the next line
                lineEnd = end;
                wordsOnLine = words;
                b = blanks(t, b + 1);
            } else if (b == i && i < t.length && t[i] != '\n') {
                break;
            }
            i = b;
        }
        int need = separated ? 6 : 12;
        if (lineEnd >= 0 && !bip39Count(words) && !bip39Count(words - 1)) {
            end = lineEnd; // the next line is not the rest of the phrase: only this line's words count
            words = wordsOnLine;
        }
        if (words >= need) {
            spans.add(start, end);
        }
    }

    private static boolean bip39Count(int n) {
        return n == 12 || n == 15 || n == 18 || n == 21 || n == 24;
    }

    /**
     * Groups of four base32 characters after a keyword ({@code authenticator key: 5ntu wvuv qbrf …}, {@code secret=JBSW
     * Y3DP …}): four or more groups, one digit 2-7 at least, all hidden.
     */
    private static void groups(char[] t, int k, Spans spans) {
        int i = k;
        while (i < t.length && i - k < 40 && t[i] != '\n') {
            if ((t[i] == ' ' || t[i] == ':' || t[i] == '=' || t[i] == '"' || t[i] == '\'') && i + 1 < t.length && base32(t[i + 1])) {
                int end = groupRun(t, i + 1);
                if (end > 0) {
                    spans.add(i + 1, end);
                    return;
                }
            }
            i++;
        }
    }

    /** The end of a run of base32 groups of four starting at s (also wrapped onto the next line), or -1 when there is none. */
    private static int groupRun(char[] t, int s) {
        int i = s;
        int groups = 0;
        int last = s;
        int beforeBreak = -1;
        int complete = s;
        int completeGroups = 0;
        int groupsBeforeBreak = 0;
        boolean digit = false;
        while (i < t.length && i - s < 512) {
            int g = i;
            while (g < t.length && g - i < 5 && base32(t[g])) {
                g++;
            }
            boolean cut = g < t.length && t[g] == '\n' || i > 0 && t[i - 1] == '\n'; // a group cut by a wrap
            if (g - i != 4 && !(g - i > 0 && g - i < 4 && (groups >= 4 || cut))) {
                break;
            }
            for (int k = i; k < g; k++) {
                digit |= t[k] >= '2' && t[k] <= '7';
            }
            groups++;
            last = g;
            if (g - i == 4) {
                complete = g;
                completeGroups = groups;
            }
            if (g - i < 4 && !cut) {
                break;
            }
            i = g;
            if (i + 1 < t.length && t[i] == ' ' && base32(t[i + 1])) {
                i++;
            } else if (i < t.length && t[i] == '\n' && beforeBreak < 0 && blanks(t, i + 1) < t.length && base32(t[blanks(t, i + 1)])) {
                beforeBreak = last; // the groups may go on on the next line
                groupsBeforeBreak = groups;
                i = blanks(t, i + 1);
            } else {
                break;
            }
        }
        boolean ended = last >= t.length || !Character.isLetterOrDigit(t[last]);
        if (!ended && beforeBreak >= 0) { // the next line did not go on with groups: the run ended with its line
            last = beforeBreak;
            groups = groupsBeforeBreak;
            ended = true;
        } else if (!ended) { // a short piece glued to what follows (2026-…) is not a group: the run ends before it
            last = complete;
            groups = completeGroups;
            ended = true;
        }
        return groups >= 4 && digit && ended ? last : -1;
    }

    private static boolean base32(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '2' && c <= '7';
    }

    /** {@code == ed25519v1-secret: type0 ==}: the key bytes follow on the line, or on the next when the line ends there. */
    private static void tor(char[] t, int at, Spans spans) {
        int close = -1;
        for (int i = at; i < t.length && i - at < 40 && t[i] != '\n'; i++) {
            if (t[i] == '=' && i + 1 < t.length && t[i + 1] == '=' && i > at + 16) {
                close = i + 2;
                break;
            }
        }
        if (close < 0) {
            return;
        }
        int end = lineEnd(t, close);
        if (blanks(t, close) >= end && end + 1 < t.length) {
            close = end + 1;
            end = lineEnd(t, close);
        }
        close = blanks(t, close);
        spans.add(close, Math.min(end, close + MAX_RUN));
    }

    /**
     * Bare base64 of a DER key ({@code MII…}, {@code MIG…}, {@code MH…}, an Ed25519 {@code MC4CAQAw…}), over following
     * lines of base64 too: hidden unless its structure is a certificate, a request or a public key.
     */
    private static void der(char[] t, String s, Spans spans) {
        int[] from = new int[DER_PREFIXES.length]; // each prefix's search goes on from its own last block
        for (int at = 0; at + 1 < t.length; at++) {
            if (t[at] != 'M' || t[at + 1] != 'I' && t[at + 1] != 'H' && t[at + 1] != 'C') {
                continue;
            }
            for (int p = 0; p < DER_PREFIXES.length; p++) {
                String prefix = DER_PREFIXES[p];
                if (at < from[p] || !s.startsWith(prefix, at)) {
                    continue;
                }
                from[p] = at + prefix.length();
                if (at > 0 && base64Char(t[at - 1])) {
                    continue;
                }
                int first = base64End(t, at);
                int total = first - at;
                int end = first;
                while (end - at < 64 * 1024) { // PEM-style bodies: lines of base64 under the first
                    int next = end < t.length && t[end] == '\r' ? end + 1 : end;
                    if (next >= t.length || t[next] != '\n') {
                        break;
                    }
                    int lineEnd = base64End(t, next + 1);
                    if (lineEnd - next - 1 < 16 || lineEnd < t.length && t[lineEnd] != '\n' && t[lineEnd] != '\r') {
                        break;
                    }
                    total += lineEnd - next - 1;
                    end = lineEnd;
                }
                if (total >= (prefix.length() > 2 ? 60 : 100) && secretDer(t, at, first)) {
                    spans.add(at, end);
                }
                from[p] = Math.max(from[p], end);
            }
        }
    }

    /** How DER keys start in base64: a SEQUENCE with a long length (MI, MH), an Ed25519 PKCS#8 key (MC4CAQAw). */
    private static final String[] DER_PREFIXES = {"MI", "MH", "MC4CAQAw"};

    /** False for a certificate, a signing request or a public key; true for private keys, PKCS#12 and anything else. */
    static boolean secretDer(char[] t, int at, int end) {
        int n = Math.min(end - at, 64) & ~3;
        byte[] b;
        try {
            b = Base64.getDecoder().decode(new String(t, at, n));
        } catch (IllegalArgumentException notBase64) {
            return true;
        }
        int h = header(b, 0);
        if (h < 0 || h >= b.length) {
            return true;
        }
        if (b[h] == 0x02) {
            return true; // a version first: PKCS#1, SEC1, PKCS#8 and PKCS#12
        }
        if (b[h] != 0x30) {
            return true;
        }
        int inner = header(b, h);
        if (inner < 0 || inner >= b.length) {
            return true;
        }
        int tag = b[inner] & 0xff;
        if (tag == 0xa0 || tag == 0x02) {
            return false; // a certificate's or a request's signed part
        }
        if (tag == 0x06 && inner + 9 < b.length) { // an algorithm: PBES and PKCS#12 PBE are encrypted keys, others public keys
            return b[inner + 2] == 0x2a && (b[inner + 3] & 0xff) == 0x86 && b[inner + 8] == 0x01 && (b[inner + 9] == 0x05 || b[inner + 9] == 0x0c);
        }
        return true;
    }

    /** The index after the tag and length of the DER element at i, or -1. */
    private static int header(byte[] b, int i) {
        if (i + 1 >= b.length) {
            return -1;
        }
        int len = b[i + 1] & 0xff;
        return len < 0x80 ? i + 2 : len <= 0x84 ? i + 2 + (len & 0x7f) : -1;
    }

    /**
     * A keypair as byte values ({@code [193, 157, …]}, Solana's id.json, a Node Uint8Array): 64 or more values 0-255, or
     * 32 or more after a key word on the line.
     */
    private static void byteArrays(char[] t, String lower, Spans spans) {
        int i = 0;
        while (i < t.length) {
            char c = t[i];
            if (c < '0' || c > '9' || !arrayStart(t, i)) {
                i++;
                continue;
            }
            int s = i;
            int count = 0;
            int end = i;
            while (i < t.length && i - s < MAX_RUN) {
                int d = i;
                int v = 0;
                int digits = 0;
                while (d < t.length && digits < 4 && (t[d] >= '0' && t[d] <= '9' || t[d] == '\n' && digits > 0 && d + 1 < t.length && t[d + 1] >= '0' && t[d + 1] <= '9')) {
                    if (t[d] != '\n') { // a value cut by a wrap reads on across the line break
                        v = v * 10 + t[d] - '0';
                        digits++;
                    }
                    d++;
                }
                if (digits == 0 || digits > 3 || v > 255) {
                    break;
                }
                count++;
                end = d;
                int k = d;
                while (k < t.length && k - d < 16 && (t[k] == ' ' || t[k] == '\n' || t[k] == '\r' || t[k] == '\t')) {
                    k++;
                }
                if (k >= t.length || t[k] != ',') {
                    break;
                }
                k++;
                while (k < t.length && k - d < 32 && (t[k] == ' ' || t[k] == '\n' || t[k] == '\r' || t[k] == '\t')) {
                    k++;
                }
                i = k;
            }
            if (count >= 64 || count >= 32 && keywordBefore(lower, s)) {
                spans.add(s, end);
            }
            i = Math.max(end, s + 1);
        }
    }

    /** A digit after '[' (and blanks) or at the start of a line. */
    private static boolean arrayStart(char[] t, int i) {
        int j = i - 1;
        while (j >= 0 && i - j < 8 && (t[j] == ' ' || t[j] == '\t')) {
            j--;
        }
        return j < 0 || t[j] == '[' || t[j] == '\n';
    }

    private static boolean keywordBefore(String lower, int s) {
        int from = Math.max(0, s - 80);
        String before = lower.substring(from, s);
        for (String k : BYTE_KEYWORDS) {
            if (before.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /** An SSH2 (RFC 4716) private key: its header lines stay, the base64 body goes. Returns where the block ended. */
    private static int ssh2(char[] t, int at, Spans spans) {
        int end = lineEnd(t, at);
        if (!new String(t, at, end - at).contains("PRIVATE KEY")) {
            return end;
        }
        int i = end + 1;
        boolean continued = false;
        while (i < t.length && i - at < 64 * 1024) {
            int e = lineEnd(t, i);
            String line = new String(t, i, e - i).strip();
            if (line.startsWith("---- END")) {
                return e;
            }
            if (continued || line.indexOf(": ") > 0) {
                continued = line.endsWith("\\"); // a header, maybe continued on the next line
            } else if (!line.isEmpty() && base64End(t, i + (e - i - line.length() > 0 ? indent(t, i) : 0)) >= i + line.length()) {
                spans.add(i, e);
            } else {
                return i;
            }
            i = e + 1;
        }
        return i;
    }

    private static int indent(char[] t, int i) {
        int j = i;
        while (j < t.length && (t[j] == ' ' || t[j] == '\t')) {
            j++;
        }
        return j - i;
    }

    static boolean base64Char(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=';
    }

    static int base64End(char[] t, int at) {
        int i = at;
        while (i < t.length && i - at < MAX_RUN * 4 && base64Char(t[i])) {
            i++;
        }
        return i;
    }

    private static boolean startsWord(char[] t, int i, String w) {
        return KeyBlocks.startsWith(t, i, w) && (i + w.length() == t.length || !Character.isLetter(t[i + w.length()]));
    }

    static int blanks(char[] t, int i) {
        int j = i;
        while (j < t.length && j - i < 8 && (t[j] == ' ' || t[j] == '\t')) {
            j++;
        }
        return j;
    }

    static int lineEnd(char[] t, int i) {
        int j = i;
        while (j < t.length && t[j] != '\n' && t[j] != '\r') {
            j++;
        }
        return j;
    }

    /** The text with ASCII letters in lower case and every other character as it is (so indexes stay). */
    /** t[from, to) with ASCII capitals in lower case. */
    static String lowerAscii(char[] t, int from, int to) {
        char[] l = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = t[i];
            l[i - from] = c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
        }
        return new String(l);
    }

    /** True when t holds {@code lowerWord} at {@code at}, ASCII capitals read as small letters. */
    static boolean startsWithLower(char[] t, int at, String lowerWord) {
        if (at < 0 || at + lowerWord.length() > t.length) {
            return false;
        }
        for (int k = 0; k < lowerWord.length(); k++) {
            char c = t[at + k];
            if ((c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c) != lowerWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static String lowerAscii(char[] t) {
        char[] l = new char[t.length];
        for (int i = 0; i < t.length; i++) {
            char c = t[i];
            l[i] = c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
        }
        return new String(l);
    }
}
