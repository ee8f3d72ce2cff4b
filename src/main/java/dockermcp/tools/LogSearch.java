package dockermcp.tools;

import com.google.re2j.Pattern;
import dockermcp.engine.LogLines;
import dockermcp.security.Redactor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * docker_logs' grep, fed line by line as the log streams in: lines are redacted first (with their neighbours, as
 * for any answer) and the pattern runs on the redacted text, so a match can never depend on a secret; the newest
 * matches and their context are kept within the tail and the byte cap. Memory: one redaction batch plus the cap.
 */
final class LogSearch implements LogLines.Sink {

    /** One kept line; {@code group} is the number of the match it is shown for. */
    record Hit(long number, LogLines.Line line, boolean match, long group) {
    }

    /** Lines redacted at once; each is redacted with at least {@link #NEIGHBOURS} lines either side (a key block spans ~50). */
    static final int BATCH = 256;
    static final int NEIGHBOURS = 64;

    private final Pattern pattern;
    private final int before;
    private final int after;
    private final int maxMatches;
    private final int maxBytes;
    private final Redactor redactor;
    private final boolean timestamps;

    private final List<LogLines.Line> batch = new ArrayList<>();
    private int batchDone; // batch[0, batchDone) were searched already and are kept only as neighbours for redaction
    private final ArrayDeque<Hit> recent = new ArrayDeque<>(); // unshown lines that may become before-context
    private final ArrayDeque<Hit> kept = new ArrayDeque<>();
    private long keptBytes;
    private long keptMatches;
    private long scanned;
    private long matched;
    private long afterLeft;
    private boolean dropped;

    /** @param redactor null when the operator turned log-content redaction off: then the lines shown are the lines searched */
    LogSearch(Pattern pattern, int before, int after, int maxMatches, int maxBytes, Redactor redactor, boolean timestamps) {
        this.pattern = pattern;
        this.before = before;
        this.after = after;
        this.maxMatches = maxMatches;
        this.maxBytes = maxBytes;
        this.redactor = redactor;
        this.timestamps = timestamps;
    }

    @Override
    public void line(LogLines.Line line) {
        if (redactor == null) {
            search(line);
            return;
        }
        batch.add(line);
        if (batch.size() - batchDone >= BATCH + NEIGHBOURS) {
            redactBatch(false);
        }
    }

    /** Searches what is still held; call once the stream has ended. */
    void finish() {
        if (redactor != null && batch.size() > batchDone) {
            redactBatch(true);
        }
    }

    private void redactBatch(boolean last) {
        List<String> redacted = redactor.lines(batch.stream().map(LogLines.Line::text).toList());
        int upto = last ? batch.size() : batch.size() - NEIGHBOURS; // the newest lines wait for the neighbours that follow them
        for (int i = batchDone; i < upto; i++) {
            search(new LogLines.Line(batch.get(i).stream(), redacted.get(i)));
        }
        int from = Math.max(0, upto - NEIGHBOURS);
        batch.subList(0, from).clear();
        batchDone = upto - from;
    }

    private void search(LogLines.Line line) {
        long number = ++scanned;
        if (pattern.matcher(searchedText(line.text())).find()) {
            matched++;
            for (Hit h : recent) {
                keep(new Hit(h.number(), h.line(), false, matched));
            }
            recent.clear();
            keep(new Hit(number, line, true, matched));
            afterLeft = after;
        } else if (afterLeft > 0) {
            afterLeft--;
            keep(new Hit(number, line, false, matched));
        } else if (before > 0) {
            recent.addLast(new Hit(number, line, false, 0));
            if (recent.size() > before) {
                recent.removeFirst();
            }
        }
    }

    /** The text the pattern sees: as shown (cut to the line cap), without the time stamp the engine put in front. */
    private String searchedText(String text) {
        String shown = LogLines.cut(text);
        if (timestamps) {
            int space = shown.indexOf(' ');
            return space < 0 ? shown : shown.substring(space + 1);
        }
        return shown;
    }

    private void keep(Hit h) {
        kept.addLast(h);
        keptBytes += h.line().text().length() + 1;
        if (h.match()) {
            keptMatches++;
        }
        while (keptMatches > maxMatches) { // the oldest match goes with its context
            long group = kept.peekFirst().group();
            while (!kept.isEmpty() && kept.peekFirst().group() == group) {
                dropFirst();
            }
        }
        while (keptBytes > maxBytes && !kept.isEmpty()) {
            dropFirst();
        }
    }

    private void dropFirst() {
        Hit h = kept.removeFirst();
        keptBytes -= h.line().text().length() + 1;
        if (h.match()) {
            keptMatches--;
        }
        dropped = true;
    }

    List<Hit> kept() {
        return List.copyOf(kept);
    }

    long bytes() {
        return keptBytes;
    }

    long scanned() {
        return scanned;
    }

    long matched() {
        return matched;
    }

    /** Matches or their context were found but left out by the tail or the byte cap. */
    boolean dropped() {
        return dropped;
    }
}
