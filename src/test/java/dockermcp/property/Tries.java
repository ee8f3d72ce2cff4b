package dockermcp.property;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.TestInfo;

/**
 * Runs one property over many generated inputs. Every try gets its own {@link Gen}, derived from the
 * run's seed, the property's name and the try's index, so the inputs are the same on every run. The seed
 * is fixed, and can be set with {@code -Dproperty.seed=N} (decimal or 0x hex; {@code random} for a new
 * one per run). A failure names the seed, the try and the input, so it can be reproduced with
 * {@code -Dproperty.seed=N -Dtest=Class#method}.
 */
final class Tries {

    static final long DEFAULT_SEED = 20251122L;
    static final long SEED = seed(System.getProperty("property.seed"));

    private final String property;
    private int counted;
    private int accepted;

    Tries(TestInfo test) {
        this.property = test.getTestMethod().map(m -> m.getDeclaringClass().getSimpleName() + "#" + m.getName())
                .orElse(test.getDisplayName());
    }

    private static long seed(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_SEED;
        }
        if (configured.equals("random")) {
            long seed = System.nanoTime();
            System.out.println("property tests: -Dproperty.seed=" + seed);
            return seed;
        }
        return Long.decode(configured.trim());
    }

    /** The inputs of try i: independent of every other try, and of how many tries there are. */
    Gen gen(int i) {
        long x = SEED ^ (property.hashCode() * 0x9E3779B97F4A7C15L) ^ ((i + 1L) * 0xBF58476D1CE4E5B9L);
        x = (x ^ (x >>> 31)) * 0x94D049BB133111EBL;
        return new Gen(x ^ (x >>> 29));
    }

    /**
     * Runs the check of try i, and if it fails says which seed, try and input made it fail. The input is
     * shown abbreviated; a list stands for several inputs, each shown abbreviated.
     */
    void check(int i, Object input, Runnable check) {
        try {
            check.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(where(i, input) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Like {@link #check}, for a check that says whether the input was accepted (as opposed to refused);
     * {@link #assertAcceptedAbove} then makes sure the property did not hold only because everything was refused.
     */
    boolean checkAccepted(int i, Object input, BooleanSupplier check) {
        boolean[] result = new boolean[1];
        check(i, input, () -> result[0] = check.getAsBoolean());
        counted++;
        if (result[0]) {
            accepted++;
        }
        return result[0];
    }

    void assertAcceptedAbove(double percent) {
        double share = counted == 0 ? 0 : 100.0 * accepted / counted;
        if (!(share > percent)) {
            throw new AssertionError(String.format("%s with -Dproperty.seed=%d: only %d of %d inputs (%.2f%%) were accepted, expected more than %.1f%%;"
                    + " the property holds vacuously", property, SEED, accepted, counted, share, percent));
        }
    }

    private String where(int i, Object input) {
        String shown = input instanceof List<?> inputs
                ? inputs.stream().map(x -> abbreviate(String.valueOf(x))).collect(Collectors.joining(", ", "(", ")"))
                : abbreviate(String.valueOf(input));
        return property + " failed at try " + i + " with -Dproperty.seed=" + SEED + " for input " + shown;
    }

    /** A string as a Java string literal, non-ASCII and control characters escaped, cut to a readable length. */
    static String abbreviate(String s) {
        StringBuilder sb = new StringBuilder("\"");
        int shown = Math.min(s.length(), 300);
        for (int k = 0; k < shown; k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        sb.append('"');
        if (shown < s.length()) {
            sb.append("... (").append(s.length()).append(" characters)");
        }
        return sb.toString();
    }
}
