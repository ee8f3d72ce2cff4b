package dockermcp.security.secrets;

import java.util.Arrays;

/** Ranges [start, end) of a text to hide, collected in any order, merged when applied. */
public final class Spans {

    private long[] ranges = new long[8];
    private int size;

    public void add(int start, int end) {
        if (end <= start) {
            return;
        }
        if (size == ranges.length) {
            ranges = Arrays.copyOf(ranges, size * 2);
        }
        ranges[size++] = ((long) start << 32) | end;
    }

    /** Adds every range of {@code other}. */
    public void addAll(Spans other) {
        for (int i = 0; i < other.size; i++) {
            add(start(other.ranges[i]), end(other.ranges[i]));
        }
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** True when one of the last ranges added covers position {@code at}. */
    public boolean covers(int at) {
        for (int i = size - 1; i >= 0 && i >= size - 4; i--) {
            if (start(ranges[i]) <= at && at < end(ranges[i])) {
                return true;
            }
        }
        return false;
    }

    /** The merged ranges, sorted, as pairs start, end. */
    public int[] merged() {
        long[] sorted = Arrays.copyOf(ranges, size);
        Arrays.sort(sorted);
        int[] out = new int[size * 2];
        int n = 0;
        for (long r : sorted) {
            int s = start(r);
            int e = end(r);
            if (n > 0 && s <= out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], e);
            } else {
                out[n++] = s;
                out[n++] = e;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The text with every range replaced by the marker. */
    public String apply(String text, String marker) {
        if (size == 0) {
            return text;
        }
        int[] m = merged();
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (int i = 0; i < m.length; i += 2) {
            int s = Math.min(m[i], text.length());
            int e = Math.min(m[i + 1], text.length());
            if (s < at) {
                continue;
            }
            sb.append(text, at, s).append(marker);
            at = e;
        }
        return sb.append(text, at, text.length()).toString();
    }

    private static int start(long r) {
        return (int) (r >>> 32);
    }

    private static int end(long r) {
        return (int) r;
    }
}
