package dockermcp.tools.audit;

import java.util.Locale;

/** How much a finding adds to a container's risk score (docs/SECURITY-AUDIT.md explains the weights). */
public enum Severity {
    CRITICAL(30), HIGH(15), MEDIUM(6), LOW(2);

    private final int weight;

    Severity(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
