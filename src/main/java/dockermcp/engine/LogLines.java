package dockermcp.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Reads a container's log stream into lines marked stdout or stderr and hands each to a {@link Sink} as it is
 * read; the default sink keeps only the newest lines that fit in the cap: memory never grows past the cap plus
 * one line, however much the container logged.
 */
public final class LogLines {

    public record Line(String stream, String text) {
    }

    /**
     * @param truncated  lines of the window were left out: older than the tail, past the byte cap, cut at the line cap, or not read
     * @param readCapped reading stopped at the read cap, before the end of the stream
     */
    public record Result(List<Line> lines, long bytes, boolean truncated, boolean readCapped) {
        public Result(List<Line> lines, long bytes, boolean truncated) {
            this(lines, bytes, truncated, false);
        }
    }

    /** Receives the lines in the order they were read. */
    public interface Sink {
        void line(Line line);
    }

    /** What one pass over a stream saw: {@code lineCut}, a line was longer than the line cap; {@code readCapped}, the read cap was reached. */
    public record Scan(long bytesRead, boolean lineCut, boolean readCapped, boolean firstLeftOut) {
        public Scan(long bytesRead, boolean lineCut, boolean readCapped) {
            this(bytesRead, lineCut, readCapped, false);
        }
    }

    static final int MAX_LINE = 8 * 1024;
    /**
     * Lines are read up to this much past MAX_LINE, so that redaction sees a secret that straddles the cut whole;
     * {@link #cut} then shortens them, after redaction.
     */
    static final int CUT_SLACK = 1024;

    private final long maxRead;
    private final Sink sink;
    private final ByteArrayOutputStream[] partial = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
    private long read;
    private boolean lineCut;
    /**
     * The engine's tail counts log entries, and Docker splits a line longer than 16 KiB into entries of 16 KiB, so
     * the first entry of a stream cut to its last {@code entriesAsked} entries may be the middle or the end of a
     * line, starting with the rest of a token whose head was not sent. When the stream holds as many entries as were
     * asked, the first line of the first entry's stream is left out; until that is known it is held back, with the
     * lines after it (at most {@link #HOLD_CAP} bytes; past that it is left out, as if the stream were full).
     */
    private final int entriesAsked;
    private final boolean stamped;
    private long frames;
    private int firstStream = -1;
    private boolean firstSeen;
    private Gate gate;
    private final ArrayDeque<Line> held = new ArrayDeque<>();
    private long heldBytes;
    private boolean firstDropped;

    static final long HOLD_CAP = 1L << 20;

    private enum Gate { PENDING, DROP_FIRST, OPEN }

    private LogLines(long maxRead, Sink sink, int entriesAsked, boolean stamped) {
        this.maxRead = maxRead;
        this.sink = sink;
        this.entriesAsked = entriesAsked;
        this.stamped = stamped;
        this.gate = entriesAsked > 0 ? Gate.PENDING : Gate.OPEN;
    }

    /** How much of a stream is read for an answer of {@code maxBytes}: enough for the newest lines of a busy window, bounded. */
    public static long readCap(int maxBytes) {
        return Math.max(16L << 20, 64L * maxBytes);
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
     * As {@link #read(InputStream, boolean, int, int)}, for a stream the engine cut to its last {@code entriesAsked}
     * entries (0: not cut; ask one entry more than the lines wanted): a first line that may be the rest of a line the
     * engine split is left out. With {@code stamped} (timestamps=1), the time stamp the engine puts before each piece
     * of a split line is taken out, so the line is read whole.
     */
    public static Result read(InputStream in, boolean multiplexed, int maxBytes, int maxLines, int entriesAsked, boolean stamped)
            throws IOException {
        return read(in, multiplexed, maxBytes, maxLines, entriesAsked, stamped, stamped);
    }

    /** As {@link #read(InputStream, boolean, int, int, int, boolean)}, with time stamps in the stream kept only when {@code keepStamps}. */
    public static Result read(InputStream in, boolean multiplexed, int maxBytes, int maxLines, int entriesAsked, boolean stamped, boolean keepStamps)
            throws IOException {
        Newest newest = new Newest(maxBytes, maxLines);
        Scan scan = scan(in, multiplexed, readCap(maxBytes), newest, entriesAsked, stamped, keepStamps);
        boolean truncated = newest.dropped || scan.lineCut() || scan.readCapped() || scan.firstLeftOut();
        return new Result(List.copyOf(newest.kept), newest.keptBytes, truncated, scan.readCapped());
    }

    /** Reads the stream to its end or to {@code maxRead} bytes, handing every line to {@code sink}; holds one partial line per stream. */
    public static Scan scan(InputStream in, boolean multiplexed, long maxRead, Sink sink) throws IOException {
        return scan(in, multiplexed, maxRead, sink, 0, false);
    }

    /** As {@link #scan(InputStream, boolean, long, Sink)}, for a stream cut to its last {@code entriesAsked} entries (see {@link #read(InputStream, boolean, int, int, int, boolean)}). */
    public static Scan scan(InputStream in, boolean multiplexed, long maxRead, Sink sink, int entriesAsked, boolean stamped)
            throws IOException {
        return scan(in, multiplexed, maxRead, sink, entriesAsked, stamped, stamped);
    }

    /**
     * As {@link #scan(InputStream, boolean, long, Sink, int, boolean)}, for a stream with time stamps ({@code stamped})
     * that the caller may not want ({@code keepStamps} false: they were asked for only to count a TTY log's entries).
     * A TTY container's log is one raw stream without frames; with time stamps, each entry starts with one, and an
     * entry ends at its line break or after {@link #PIECE} bytes, where the engine split a longer line.
     */
    public static Scan scan(InputStream in, boolean multiplexed, long maxRead, Sink sink, int entriesAsked, boolean stamped, boolean keepStamps)
            throws IOException {
        LogLines l = new LogLines(maxRead, sink, multiplexed || stamped ? entriesAsked : 0, keepStamps);
        if (multiplexed) {
            l.readFrames(in, stamped);
        } else if (stamped) {
            l.readRawEntries(new java.io.PushbackInputStream(in, PIECE));
        } else {
            l.readRaw(in);
        }
        for (int stream = 0; stream < 2; stream++) {
            if (l.partial[stream].size() > 0) {
                l.emit(stream);
            }
        }
        l.release(); // the whole stream came: fewer entries than asked, so its first line is whole
        return new Scan(l.read, l.lineCut, l.read >= l.maxRead, l.firstDropped);
    }

    private void readFrames(InputStream in, boolean streamStamped) throws IOException {
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
            if (gate != Gate.OPEN && frames >= entriesAsked) {
                dropFirst(); // as many entries as asked: the first may be a piece of a longer line
            }
            if (streamStamped && (!stamped || partial[stream].size() > 0)) { // the next piece of a split line (or stamps not wanted): its time stamp goes
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
    }

    /** The engine splits a log entry longer than this into pieces (Docker's 16 KiB partial messages). */
    static final int PIECE = 16 * 1024;

    /** A TTY log with time stamps: entries counted as frames are, each stamp kept at a line's start when wanted, dropped in a line. */
    private void readRawEntries(java.io.PushbackInputStream in) throws IOException {
        byte[] buf = new byte[PIECE];
        int inEntry = PIECE; // bytes of the current entry read so far; PIECE: a new entry (and its stamp) comes next
        while (read < maxRead) {
            if (inEntry >= PIECE) {
                byte[] stamp = readStamp(in);
                if (stamp == null) {
                    return;
                }
                if (stamp.length > 0) {
                    if (frames++ == 0) {
                        firstStream = 0;
                    }
                    if (gate != Gate.OPEN && frames >= entriesAsked) {
                        dropFirst(); // as many entries as asked: the first may be a piece of a longer line
                    }
                    if (stamped && partial[0].size() == 0) {
                        addPartial(0, stamp, 0, stamp.length);
                    }
                }
                inEntry = 0;
            }
            int n = in.read(buf, 0, PIECE - inEntry);
            if (n < 0) {
                return;
            }
            int end = 0;
            while (end < n && buf[end] != '\n') {
                end++;
            }
            if (end < n) { // the entry ends at its line break; what follows is the next entry's
                in.unread(buf, end + 1, n - end - 1);
                n = end + 1;
                inEntry = PIECE;
            } else {
                inEntry += n;
            }
            read += n;
            append(0, buf, n);
        }
    }

    /**
     * The time stamp and blank at the start of an entry ("2024-11-30T10:00:00.123456789Z "); empty when the bytes there
     * are no stamp (they are put back and read as text); null at the end of the stream.
     */
    private byte[] readStamp(java.io.PushbackInputStream in) throws IOException {
        byte[] b = new byte[40];
        int n = 0;
        int c;
        while (n < b.length && (c = in.read()) >= 0) {
            b[n++] = (byte) c;
            if (c == ' ' || c == '\n') {
                break;
            }
        }
        if (n == 0) {
            return null;
        }
        boolean stamp = n > 20 && b[n - 1] == ' ' && b[n - 2] == 'Z' && b[0] >= '0' && b[0] <= '9' && b[10] == 'T';
        if (!stamp) {
            in.unread(b, 0, n);
            return new byte[0];
        }
        read += n;
        return java.util.Arrays.copyOf(b, n);
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
            lineCut = true;
        }
        p.write(buf, off, Math.max(0, Math.min(len, room)));
    }

    /** A line shortened to the line cap, once it has been redacted. */
    public static String cut(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE);
    }

    private void emit(int stream) {
        ByteArrayOutputStream p = partial[stream];
        String text = p.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        p.reset();
        deliver(stream, new Line(stream == 1 ? "stderr" : "stdout", text));
    }

    private void deliver(int stream, Line line) {
        if (gate == Gate.OPEN) {
            sink.line(line);
            return;
        }
        boolean first = stream == firstStream && !firstSeen;
        if (first) {
            firstSeen = true;
            if (gate == Gate.DROP_FIRST) {
                firstDropped = true;
                gate = Gate.OPEN;
                return;
            }
        }
        if (!first && held.isEmpty()) {
            sink.line(line); // the other stream, before the first line of the first entry's stream ended
            return;
        }
        held.addLast(line);
        heldBytes += line.text().length() + 1;
        if (heldBytes > HOLD_CAP) {
            dropFirst();
        }
    }

    /** The first line is left out (now, or when it ends); the lines held after it go on. */
    private void dropFirst() {
        if (!firstSeen) {
            gate = Gate.DROP_FIRST;
            return;
        }
        if (!held.isEmpty()) {
            held.removeFirst();
            firstDropped = true;
        }
        release();
    }

    private void release() {
        gate = Gate.OPEN;
        while (!held.isEmpty()) {
            sink.line(held.removeFirst());
        }
        heldBytes = 0;
    }

    /** The newest lines within a line count and a byte cap; {@code dropped} when any line read was not kept. */
    private static final class Newest implements Sink {
        private final int maxBytes;
        private final int maxLines;
        private final ArrayDeque<Line> kept = new ArrayDeque<>();
        private long keptBytes;
        private boolean dropped;

        Newest(int maxBytes, int maxLines) {
            this.maxBytes = maxBytes;
            this.maxLines = maxLines;
        }

        @Override
        public void line(Line line) {
            kept.addLast(line);
            keptBytes += line.text().length() + 1;
            while (!kept.isEmpty() && (kept.size() > maxLines || keptBytes > maxBytes)) {
                keptBytes -= kept.removeFirst().text().length() + 1;
                dropped = true;
            }
        }
    }
}
