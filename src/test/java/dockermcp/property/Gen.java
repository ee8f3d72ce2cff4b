package dockermcp.property;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A small seeded source of test inputs for the property tests: strings over character classes, lengths
 * that favour short values and the bounds, choices, and integers that include their edge values. The
 * same seed always yields the same values; the domain-specific families live in {@link HostileStrings}.
 */
final class Gen {

    static final String LOWER = range('a', 'z');
    static final String UPPER = range('A', 'Z');
    static final String DIGITS = range('0', '9');
    static final String ALNUM = LOWER + UPPER + DIGITS;

    private static final int[] INT_EDGES = {0, 1, -1, 2, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1, Integer.MIN_VALUE + 1};
    private static final long[] LONG_EDGES = {0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L};
    private static final double[] DOUBLE_EDGES = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.MIN_NORMAL};

    private final SplittableRandom random;

    Gen(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** All characters from {@code from} to {@code to}, inclusive, to build alphabets from. */
    static String range(char from, char to) {
        StringBuilder sb = new StringBuilder(to - from + 1);
        for (char c = from; c <= to; c++) {
            sb.append(c);
        }
        return sb.toString();
    }

    /** Between min and max, inclusive. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** True with the given percentage. */
    boolean percent(int p) {
        return random.nextInt(100) < p;
    }

    boolean bool() {
        return random.nextBoolean();
    }

    /** A length between min and max: often short, sometimes exactly a bound, otherwise anywhere. */
    int length(int min, int max) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return min;
        }
        if (roll == 1) {
            return max;
        }
        if (roll < 6) {
            return between(min, Math.min(max, min + 10));
        }
        return between(min, max);
    }

    /** A string of min to max characters drawn from the alphabet. */
    String string(String alphabet, int min, int max) {
        int n = length(min, max);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A string of any UTF-16 units, lone surrogates included, weighted towards control, ASCII and format characters. */
    String anyString(int min, int max) {
        int n = length(min, max);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(anyChar());
        }
        return sb.toString();
    }

    char anyChar() {
        return switch (random.nextInt(8)) {
            case 0 -> (char) random.nextInt(0x20);
            case 1, 2 -> (char) between(0x20, 0x7f);
            case 3 -> (char) between(0x80, 0x2fff);
            case 4 -> (char) between(0xd800, 0xdfff);
            default -> (char) random.nextInt(0x10000);
        };
    }

    /** A string of ASCII characters, controls included. */
    String ascii(int min, int max) {
        int n = length(min, max);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) random.nextInt(0x80));
        }
        return sb.toString();
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** An index into the weights, chosen in proportion to them. */
    int weighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Any int, with its edge values and small values well represented. */
    int anyInt() {
        return switch (random.nextInt(4)) {
            case 0 -> INT_EDGES[random.nextInt(INT_EDGES.length)];
            case 1 -> between(-1000, 1000);
            default -> random.nextInt();
        };
    }

    /** Any long, with its edge values and small values well represented. */
    long anyLong() {
        return switch (random.nextInt(4)) {
            case 0 -> LONG_EDGES[random.nextInt(LONG_EDGES.length)];
            case 1 -> between(-1000, 1000);
            default -> random.nextLong();
        };
    }

    /** Any double: edge values, small and large magnitudes, and random bit patterns (NaN and infinities included). */
    double anyDouble() {
        return switch (random.nextInt(4)) {
            case 0 -> DOUBLE_EDGES[random.nextInt(DOUBLE_EDGES.length)];
            case 1 -> (random.nextDouble() - 0.5) * 2000;
            case 2 -> (random.nextDouble() - 0.5) * Math.pow(10, between(-20, 300));
            default -> Double.longBitsToDouble(random.nextLong());
        };
    }

    /** Base64 of this many random bytes (a generated key as providers print it). */
    String base64(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return java.util.Base64.getEncoder().encodeToString(raw);
    }

    <T> List<T> list(int min, int max, Supplier<T> element) {
        int n = length(min, max);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.get());
        }
        return out;
    }

    /** A map of up to max entries, in insertion order; a key drawn twice keeps its last value. */
    <K, V> Map<K, V> map(int max, Supplier<K> key, Supplier<V> value) {
        int n = length(0, max);
        Map<K, V> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(key.get(), value.get());
        }
        return out;
    }
}
