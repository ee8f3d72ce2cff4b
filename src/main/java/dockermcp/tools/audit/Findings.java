package dockermcp.tools.audit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects findings; a check that fails several times (two sensitive mounts) becomes one finding with both pieces of evidence. */
final class Findings {

    private final Map<Check, List<String>> evidence = new EnumMap<>(Check.class);

    void add(Check check, String what) {
        evidence.computeIfAbsent(check, c -> new ArrayList<>()).add(what);
    }

    /** Most severe first, then in catalogue order, so that the same container always reads the same way. */
    List<Finding> list() {
        List<Finding> out = new ArrayList<>();
        evidence.forEach((check, e) -> out.add(check.found(String.join("; ", e))));
        out.sort(java.util.Comparator.comparing((Finding f) -> f.check().severity()).thenComparing(Finding::check));
        return out;
    }
}
