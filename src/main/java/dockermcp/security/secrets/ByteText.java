package dockermcp.security.secrets;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decoded bytes read as the text they hold: plain printable ASCII, UTF-16 in either byte order (a zero byte every other
 * byte: PowerShell's {@code -EncodedCommand}, Windows strings in a hex dump), or gzip and zlib streams inflated first. The
 * inflated size is capped (64 KiB, and 32 times the stream: a decompression bomb costs at most that); a stream that reaches the cap is reported as
 * {@link #TOO_LARGE}, so the caller hides what it cannot read to the end. One level of compression only.
 */
final class ByteText {

    /** A stream that inflated past the cap: not read, hidden whole. */
    static final char[] TOO_LARGE = new char[0];
    private static final int MAX_INFLATED = 64 * 1024;
    /** Inflated text may be at most this many times the stream's size (text compresses 3-10 times; a bomb 1000). */
    private static final int RATIO = 32;

    private ByteText() {
    }

    /** The text the bytes hold, {@link #TOO_LARGE}, or null when they are not text. */
    static char[] of(byte[] raw, int length) {
        if (length >= 18 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b && raw[2] == 8) {
            return inflated(raw, length, true);
        }
        if (length >= 6 && (raw[0] & 0xff) == 0x78 && ((raw[0] & 0xff) << 8 | raw[1] & 0xff) % 31 == 0) {
            return inflated(raw, length, false);
        }
        return plain(raw, length);
    }

    /** Printable ASCII (with tabs and line breaks), or UTF-16 of it; null otherwise. */
    static char[] plain(byte[] raw, int length) {
        int from = 0;
        if (length >= 2 && ((raw[0] & 0xff) == 0xff && (raw[1] & 0xff) == 0xfe || (raw[0] & 0xff) == 0xfe && (raw[1] & 0xff) == 0xff)) {
            from = 2; // a byte order mark
        }
        if (length - from >= 4 && (raw[from] == 0 || raw[from + 1] == 0)) { // a last odd byte (a cut run) is left out
            int high = raw[from] == 0 ? 0 : 1; // UTF-16BE: the zero byte first; LE: second
            char[] out = new char[(length - from) / 2];
            for (int i = 0; i < out.length; i++) {
                if (raw[from + 2 * i + high] != 0 || !printable(raw[from + 2 * i + 1 - high])) {
                    return null;
                }
                out[i] = (char) raw[from + 2 * i + 1 - high];
            }
            return out;
        }
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            if (!printable(raw[i])) {
                return null;
            }
            out[i] = (char) raw[i];
        }
        return out;
    }

    private static boolean printable(byte b) {
        return b >= 0x20 && b <= 0x7e || b == '\t' || b == '\n' || b == '\r';
    }

    private static char[] inflated(byte[] raw, int length, boolean gzip) {
        int from = 0;
        if (gzip) { // RFC 1952: a 10-byte header, then optional fields named by the flags
            int flags = raw[3] & 0xff;
            from = 10;
            if ((flags & 4) != 0 && from + 2 <= length) {
                from += 2 + ((raw[from] & 0xff) | (raw[from + 1] & 0xff) << 8);
            }
            for (int f : new int[] {8, 16}) { // a file name, a comment: zero-terminated
                if ((flags & f) != 0) {
                    while (from < length && raw[from] != 0) {
                        from++;
                    }
                    from++;
                }
            }
            if ((flags & 2) != 0) {
                from += 2;
            }
            if (from >= length) {
                return null;
            }
        }
        Inflater inflater = new Inflater(gzip);
        try {
            inflater.setInput(raw, from, length - from);
            int cap = Math.min(MAX_INFLATED, RATIO * length + 256); // many small bombs cost at most RATIO times the text
            byte[] out = new byte[Math.min(cap, Math.max(256, 8 * length))];
            int n = 0;
            while (!inflater.finished() && !inflater.needsInput()) {
                if (n == out.length) {
                    if (out.length == cap) {
                        return TOO_LARGE;
                    }
                    out = java.util.Arrays.copyOf(out, Math.min(cap, out.length * 2));
                }
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.needsDictionary() || inflater.needsInput())) {
                    break;
                }
                n += got;
            }
            return n == 0 ? null : plain(out, n);
        } catch (DataFormatException notDeflate) {
            return null;
        } finally {
            inflater.end();
        }
    }
}
