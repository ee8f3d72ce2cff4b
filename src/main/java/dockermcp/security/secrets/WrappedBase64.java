package dockermcp.security.secrets;

import java.util.Base64;

/**
 * Base64 wrapped over lines (MIME bodies, a header folded onto indented lines, a blob printed 64 characters a line):
 * two or more lines in a row that each hold one base64 chunk and nothing else are joined, decoded and read by the
 * whole detector; when the text holds a secret, every chunk goes, not only the one a keyword stood next to.
 * A line that is not one chunk is passed over at its first blank or punctuation.
 */
final class WrappedBase64 {

    private static final int MIN_CHUNK = 16;
    private static final int MAX_CHUNK = 120;
    private static final int MAX_JOINED = 16384;
    private static final int MAX_CHUNKS = MAX_JOINED / MIN_CHUNK + 1;

    private WrappedBase64() {
    }

    static void find(char[] t, Spans spans) {
        int n = t.length;
        int ls = 0;
        int[] chunks = null; // made at the first chunk: most texts hold none
        while (ls < n) {
            int count = 0;
            int length = 0;
            int line = ls;
            while (line < n && count < MAX_CHUNKS && length < MAX_JOINED) {
                int s = line;
                while (s < n && (t[s] == ' ' || t[s] == '\t')) {
                    s++;
                }
                int e = chunkEnd(t, s);
                int le = e;
                while (le < n && (t[le] == '\r' || t[le] == ' ')) {
                    le++;
                }
                boolean tail = count >= 1 && e > s && e - s < MIN_CHUNK; // the last, shorter chunk of a wrapped blob
                if (e - s < MIN_CHUNK && !tail || e - s > MAX_CHUNK || le < n && t[le] != '\n') {
                    break;
                }
                if (chunks == null) {
                    chunks = new int[2 * MAX_CHUNKS];
                }
                chunks[2 * count] = s;
                chunks[2 * count + 1] = e;
                count++;
                length += e - s;
                line = le + 1;
                if (tail) {
                    break;
                }
            }
            if (count >= 2 && holdsSecret(t, chunks, count, length)) {
                for (int k = 0; k < count; k++) {
                    spans.add(chunks[2 * k], chunks[2 * k + 1]);
                }
            }
            if (count > 0) {
                ls = line; // the lines read as chunks are not read again
                continue;
            }
            while (ls < n && t[ls] != '\n') {
                ls++;
            }
            ls++;
        }
    }

    /** The end of the base64 characters from s ('=' only as the padding at the end). */
    private static int chunkEnd(char[] t, int s) {
        int i = s;
        while (i < t.length && i - s <= MAX_CHUNK && base64(t[i])) {
            i++;
        }
        while (i < t.length && t[i] == '=' && i - s <= MAX_CHUNK) {
            i++;
        }
        return i;
    }

    private static boolean base64(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }

    private static boolean holdsSecret(char[] t, int[] chunks, int count, int length) {
        StringBuilder joined = new StringBuilder(length);
        for (int k = 0; k < count; k++) {
            joined.append(t, chunks[2 * k], chunks[2 * k + 1] - chunks[2 * k]);
        }
        while (joined.length() % 4 != 0) {
            joined.append('=');
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(joined.toString());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        char[] text = ByteText.of(raw, raw.length);
        if (text == null) {
            return false;
        }
        return text == ByteText.TOO_LARGE || !SecretDetector.RULES_ONLY.find(new String(text)).isEmpty();
    }
}
