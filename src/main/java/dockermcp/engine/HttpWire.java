package dockermcp.engine;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The HTTP/1.1 we speak with an engine, and nothing more: one GET or HEAD written, one answer read (status line,
 * headers, then a body framed by Content-Length, chunked, or the end of the connection). Bounded everywhere: a head
 * larger than {@link #MAX_HEAD} bytes, a line longer than {@link #MAX_LINE} or a malformed frame is an IOException.
 */
public final class HttpWire {

    static final int MAX_LINE = 8 * 1024;
    static final int MAX_HEAD = 64 * 1024;

    private HttpWire() {
    }

    /** The status and framing of one answer; {@code body} reads exactly its body and then reports end of stream. */
    public record Head(int status, String contentType, boolean keepAlive, InputStream body) {
    }

    public static void writeRequest(OutputStream out, String method, String target, String host, String userAgent) throws IOException {
        String request = method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: " + userAgent + "\r\nAccept: */*\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads the head of an answer from {@code in} (which must not be read past the answer's body by anyone else). */
    public static Head readHead(InputStream in, boolean head) throws IOException {
        int[] budget = {MAX_HEAD};
        String statusLine = line(in, budget);
        if (statusLine == null) {
            throw new EOFException("connection closed before an answer");
        }
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new IOException("not an HTTP/1.x answer");
        }
        int status = parseStatus(statusLine.substring(9, 12));
        boolean http10 = statusLine.charAt(7) == '0';
        long length = -1;
        boolean chunked = false;
        boolean close = http10;
        String contentType = "";
        for (String h = line(in, budget); ; h = line(in, budget)) {
            if (h == null) {
                throw new EOFException("connection closed inside the answer's head");
            }
            if (h.isEmpty()) {
                break;
            }
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line");
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = parseLength(value, length);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close") || (http10 && !value.equalsIgnoreCase("keep-alive"));
                case "content-type" -> contentType = value;
                default -> { }
            }
        }
        InputStream body;
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            body = InputStream.nullInputStream();
        } else if (chunked) {
            body = new Chunked(in);
        } else if (length >= 0) {
            body = new Fixed(in, length);
        } else {
            body = in; // framed by the end of the connection
            close = true;
        }
        return new Head(status, contentType, !close, body);
    }

    private static int parseStatus(String s) throws IOException {
        int v = 0;
        for (int i = 0; i < 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IOException("malformed status code");
            }
            v = v * 10 + (c - '0');
        }
        if (v < 100) {
            throw new IOException("malformed status code");
        }
        return v;
    }

    private static long parseLength(String value, long previous) throws IOException {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IOException("malformed Content-Length");
        }
        long v = Long.parseLong(value);
        if (previous >= 0 && previous != v) {
            throw new IOException("conflicting Content-Length headers");
        }
        return v;
    }

    /**
     * The whole body, or an IOException as soon as it passes {@code max} bytes. Read into chunks and copied once at
     * the end, so a body that never ends costs at most {@code max} bytes of heap before it is refused.
     */
    public static byte[] readAll(InputStream in, int max) throws IOException {
        java.util.List<byte[]> chunks = new java.util.ArrayList<>();
        int total = 0;
        int size = 16 * 1024;
        while (true) {
            byte[] chunk = new byte[Math.min(size, max - total + 1)];
            int n = in.readNBytes(chunk, 0, chunk.length);
            total += n;
            if (total > max) {
                throw new IOException("answer larger than " + max + " bytes");
            }
            if (n < chunk.length) {
                chunks.add(n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n));
                break;
            }
            chunks.add(chunk);
            size = Math.min(size * 2, 256 * 1024); // below half a G1 region: never a humongous object
        }
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        return all;
    }

    /** One CRLF- (or LF-) terminated line as ISO-8859-1, or null at end of stream before any byte. */
    static String line(InputStream in, int[] budget) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (sb.length() == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside a line");
            }
            if (--budget[0] < 0) {
                throw new IOException("answer head too large");
            }
            if (b == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw new IOException("line too long");
            }
            sb.append((char) b);
        }
    }

    /** A stream that is read in blocks; a single-byte read is a block of one. */
    abstract static class BulkStream extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

    /** A body of exactly {@code remaining} bytes. */
    static final class Fixed extends BulkStream {
        private final InputStream in;
        private long remaining;

        Fixed(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("connection closed inside the answer's body");
            }
            remaining -= n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }
    }

    /** A chunked body: hex size line, data, CRLF, ..., a zero-size chunk and optional trailers. */
    static final class Chunked extends BulkStream {
        private final InputStream in;
        private long left; // bytes left in the current chunk
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            if (left == 0) {
                left = nextChunkSize();
                if (left == 0) {
                    int[] budget = {MAX_HEAD};
                    for (String t = line(in, budget); t != null && !t.isEmpty(); t = line(in, budget)) {
                        // trailers: ignored
                    }
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("connection closed inside a chunk");
            }
            left -= n;
            if (left == 0) {
                int[] budget = {2};
                String crlf = line(in, budget);
                if (crlf == null || !crlf.isEmpty()) {
                    throw new IOException("malformed chunk end");
                }
            }
            return n;
        }

        private long nextChunkSize() throws IOException {
            String s = line(in, new int[] {MAX_LINE});
            if (s == null) {
                throw new EOFException("connection closed before a chunk");
            }
            int semi = s.indexOf(';');
            String hex = (semi >= 0 ? s.substring(0, semi) : s).trim();
            if (hex.isEmpty() || hex.length() > 15) {
                throw new IOException("malformed chunk size");
            }
            long v = 0;
            for (int i = 0; i < hex.length(); i++) {
                int d = Character.digit(hex.charAt(i), 16);
                if (d < 0) {
                    throw new IOException("malformed chunk size");
                }
                v = v * 16 + d;
            }
            return v;
        }
    }
}
