package dockermcp.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Reads a container's log stream into lines marked stdout or stderr, keeping only the newest lines that
 * fit in the cap: memory never grows past the cap plus one line, however much the container logged.
 */
public final class LogLines {

    public record Line(String stream, String text) {
    }

    /** @param readCapped reading stopped at the read cap, before the end of the stream */
    public record Result(List<Line> lines, long bytes, boolean truncated, boolean readCapped) {
        public Result(List<Line> lines, long bytes, boolean truncated) {
            this(lines, bytes, truncated, false);
        }
    }

    static final int MAX_LINE = 8 * 1024;
    /**
     * Lines are read up to this much past MAX_LINE, so that redaction sees a secret that straddles the cut whole;
     * {@link #cut} then shortens them, after redaction.
     */
    static final int CUT_SLACK = 1024;

    private final int maxBytes;
    private final int maxLines;
    private final long maxRead;
    private final ArrayDeque<Line> kept = new ArrayDeque<>();
    private final ByteArrayOutputStream[] partial = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
    private long keptBytes;
    private long read;
    private boolean truncated;
    /** Frames read; the stream of the first; the first line of that stream while it is kept (null once gone). */
    private long frames;
    private int firstStream = -1;
    private Line firstLine;
    private boolean stamped;

    private LogLines(int maxBytes, int maxLines) {
        this.maxBytes = maxBytes;
        this.maxLines = maxLines;
        this.maxRead = Math.max(16L << 20, 64L * maxBytes);
    }

    /**
     * @param multiplexed true for Docker's framed stream (no TTY), false for a raw TTY stream
     */
    public static Result read(InputStream in, boolean multiplexed, int maxBytes) throws IOException {
        return read(in, multiplexed, maxBytes, Integer.MAX_VALUE);
    }

    /**
     * As {@link #read(InputStream, boolean, int)}, keeping at most the last {@code maxLines} lines: a tail the
     * engine cannot apply itself (it applies tail before until, so a window would come back empty).
     */
    public static Result read(InputStream in, boolean multiplexed, int maxBytes, int maxLines) throws IOException {
        return read(in, multiplexed, maxBytes, maxLines, 0, false);
    }

    /**
     * As {@link #read(InputStream, boolean, int, int)}, for a stream the engine cut to its last {@code entriesAsked} log
     * entries (0: not cut). Docker splits a line longer than 16 KiB into entries of 16 KiB (partial messages), and its
     * tail counts entries, so the first entry of a cut stream may be the middle of a line, starting with the tail of
     * a token whose head was not sent. When the stream holds as many entries as were asked, its first line may be
     * such a piece and is left out (ask one entry more than the lines wanted). With {@code stamped} (timestamps=1),
     * the time stamp the engine puts before each piece of a split line is taken out, so the line is read whole.
     */
    public static Result read(InputStream in, boolean multiplexed, int maxBytes, int maxLines, int entriesAsked, boolean stamped)
            throws IOException {
        LogLines l = new LogLines(maxBytes, maxLines);
        l.stamped = stamped;
        if (multiplexed) {
            l.readFrames(in);
        } else {
            l.readRaw(in);
        }
        for (int stream = 0; stream < 2; stream++) {
            if (l.partial[stream].size() > 0) {
                l.emit(stream);
            }
        }
        if (multiplexed && entriesAsked > 0 && l.frames >= entriesAsked && l.firstLine != null) {
            l.kept.removeFirstOccurrence(l.firstLine); // may be the rest of a line split by the engine, its start cut off
            l.keptBytes -= l.firstLine.text().length() + 1;
        }
        return new Result(List.copyOf(l.kept), l.keptBytes, l.truncated, l.read >= l.maxRead);
    }

    private void readFrames(InputStream in) throws IOException {
        byte[] header = new byte[8];
        byte[] buf = new byte[16 * 1024];
        while (read < maxRead) {
            int h = in.readNBytes(header, 0, 8);
            if (h < 8) {
                return;
            }
            int stream = header[0] == 2 ? 1 : 0;
            long size = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            if (frames++ == 0) {
                firstStream = stream;
            }
            if (stamped && partial[stream].size() > 0) { // the next piece of a split line: its time stamp goes
                size -= skipStamp(in, size);
            }
            while (size > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, size));
                if (n < 0) {
                    return;
                }
                size -= n;
                read += n + (size == 0 ? 8 : 0);
                append(stream, buf, n);
            }
        }
        truncated = true;
    }

    /** Reads the time stamp and its blank at the start of a frame ("2024-11-30T10:00:00.123456789Z "); returns the bytes read. */
    private int skipStamp(InputStream in, long size) throws IOException {
        int n = 0;
        int c;
        while (n < size && n < 40 && (c = in.read()) >= 0) {
            n++;
            if (c == ' ') {
                break;
            }
        }
        read += n;
        return n;
    }

    private void readRaw(InputStream in) throws IOException {
        byte[] buf = new byte[16 * 1024];
        int n;
        while (read < maxRead && (n = in.read(buf)) >= 0) {
            read += n;
            append(0, buf, n);
        }
        if (read >= maxRead) {
            truncated = true;
        }
    }

    private void append(int stream, byte[] buf, int n) {
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                addPartial(stream, buf, start, i - start);
                emit(stream);
                start = i + 1;
            }
        }
        addPartial(stream, buf, start, n - start);
    }

    private void addPartial(int stream, byte[] buf, int off, int len) {
        ByteArrayOutputStream p = partial[stream];
        int room = MAX_LINE + CUT_SLACK - p.size();
        if (p.size() + len > MAX_LINE) {
            truncated = true;
        }
        p.write(buf, off, Math.max(0, Math.min(len, room)));
    }

    /** A line shortened to the line cap, once it has been redacted. */
    public static String cut(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE);
    }

    private Line dropOldest() {
        Line gone = kept.removeFirst();
        if (gone == firstLine) {
            firstLine = null;
        }
        return gone;
    }

    private void emit(int stream) {
        ByteArrayOutputStream p = partial[stream];
        String text = p.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        p.reset();
        Line line = new Line(stream == 1 ? "stderr" : "stdout", text);
        if (stream == firstStream && firstLine == null && frames > 0) {
            firstLine = line;
            firstStream = -2; // only the first line of that stream
        }
        kept.addLast(line);
        keptBytes += text.length() + 1;
        if (kept.size() > maxLines) { // older than the tail asked for: not a truncation
            keptBytes -= dropOldest().text().length() + 1;
        }
        while (keptBytes > maxBytes && !kept.isEmpty()) {
            keptBytes -= dropOldest().text().length() + 1;
            truncated = true;
        }
    }
}
