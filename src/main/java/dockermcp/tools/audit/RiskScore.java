package dockermcp.tools.audit;

import java.util.List;

/**
 * A container's risk score: the sum of its findings' severity weights, capped at 100. Each check counts
 * once per container, so a score of 0 means no check failed and one critical finding alone gives 30.
 */
public final class RiskScore {

    public static final int MAX = 100;

    private RiskScore() {
    }

    public static int of(List<Finding> findings) {
        int sum = 0;
        for (Finding f : findings) {
            sum += f.check().severity().weight();
        }
        return Math.min(MAX, sum);
    }
}
