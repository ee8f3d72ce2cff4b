package dockermcp.tools;

import dockermcp.tools.audit.Check;
import dockermcp.tools.audit.Finding;
import dockermcp.tools.audit.RiskScore;
import dockermcp.tools.audit.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer of docker_security_audit: containers riskiest first with their findings (check, severity, evidence),
 * the failed checks once each with why they matter and how to fix them, and a line per host.
 */
final class AuditReport {

    static final String DECISION = "Recommendations only: docker-mcp-secure read the configuration and changed nothing; "
            + "a person decides which fixes to apply, and when.";

    /** One audited container. */
    record Audited(String host, String name, String id, String image, String state, List<Finding> findings, int score) {
    }

    private static final Comparator<Audited> RISKIEST_FIRST = Comparator.comparingInt(Audited::score).reversed()
            .thenComparing(Audited::name).thenComparing(Audited::host);

    private final List<Audited> containers;
    private final List<PerHost<List<Audited>>> hosts;

    AuditReport(List<Audited> containers, List<PerHost<List<Audited>>> hosts) {
        this.containers = containers.stream().sorted(RISKIEST_FIRST).toList();
        this.hosts = hosts;
    }

    static Map<String, Object> outputSchema() {
        return Schema.object()
                .string("decision", "recommendations only: nothing was changed, a person decides")
                .string("notice", "set when the container exists on several hosts")
                .prop("count", Schema.type("integer"))
                .prop("containers", Schema.arrayOf(Schema.object()
                        .string("host", "engine").string("name", "name").string("id", "short id").string("image", "image as configured")
                        .string("state", "state").prop("score", Schema.type("integer"))
                        .prop("findings", Schema.arrayOf(Schema.object()
                                .string("check", "check id, see checks").string("cis", "CIS Docker Benchmark number, empty if none")
                                .string("severity", "critical, high, medium or low").string("evidence", "the inspected field and its value")
                                .required("check", "cis", "severity", "evidence").build()))
                        .required("host", "name", "id", "score", "findings").build()))
                .prop("checks", Schema.arrayOf(Schema.object()
                        .string("check", "check id").string("cis", "CIS number").string("severity", "severity")
                        .prop("weight", Schema.type("integer")).string("title", "what was found").string("why", "why it matters")
                        .string("fix", "the compose key or docker run flag that fixes it")
                        .required("check", "severity", "weight", "why", "fix").build()))
                .prop("hosts", Schema.arrayOf(Schema.object().string("host", "engine").prop("containers", Schema.type("integer"))
                        .string("summary", "one line").required("host", "summary").build()))
                .prop("errors", Schema.hostErrors())
                .required("decision", "count", "containers", "checks").build();
    }

    ObjectNode structured(String notice) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("decision", DECISION);
        if (notice != null) {
            out.put("notice", notice);
        }
        out.put("count", containers.size());
        ArrayNode list = out.putArray("containers");
        Set<Check> failed = EnumSet.noneOf(Check.class);
        for (Audited a : containers) {
            ObjectNode c = list.addObject().put("host", a.host()).put("name", a.name()).put("id", a.id()).put("image", a.image())
                    .put("state", a.state()).put("score", a.score());
            ArrayNode findings = c.putArray("findings");
            for (Finding f : a.findings()) {
                failed.add(f.check());
                findings.addObject().put("check", f.check().id()).put("cis", f.check().cis()).put("severity", f.check().severity().label())
                        .put("evidence", f.evidence());
            }
        }
        ArrayNode checks = out.putArray("checks");
        for (Check k : failed) {
            checks.addObject().put("check", k.id()).put("cis", k.cis()).put("severity", k.severity().label()).put("weight", k.severity().weight())
                    .put("title", k.title()).put("why", k.why()).put("fix", k.fix());
        }
        ArrayNode summaries = out.putArray("hosts");
        for (var h : hosts) {
            if (h.ok()) {
                summaries.addObject().put("host", h.host().name()).put("containers", h.value().size()).put("summary", summary(h.host().name(), h.value()));
            }
        }
        HostErrors.errors(out, hosts);
        return out;
    }

    /** One line per host: how many containers, findings by severity, the riskiest. */
    static String summary(String host, List<Audited> audited) {
        if (audited.isEmpty()) {
            return host + ": no containers to audit";
        }
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        audited.forEach(a -> a.findings().forEach(f -> bySeverity.merge(f.check().severity(), 1, Integer::sum)));
        Audited top = audited.stream().sorted(RISKIEST_FIRST).findFirst().orElseThrow();
        List<String> counts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            counts.add(bySeverity.getOrDefault(s, 0) + " " + s.label());
        }
        long risky = audited.stream().filter(a -> a.score() >= 30).count();
        return host + ": " + audited.size() + (audited.size() == 1 ? " container" : " containers") + ", " + risky + " scoring 30 or more; findings "
                + String.join(", ", counts) + "; riskiest " + top.name() + " (" + top.score() + "/" + RiskScore.MAX + ")";
    }

    /** Fleet view: one line per container with its failed checks; evidence stays in the structured answer. */
    static String renderAll(ObjectNode o) {
        StringBuilder sb = new StringBuilder("Security audit of ").append(o.get("count").asInt()).append(" containers, riskiest first. ")
                .append(o.get("decision").asString()).append('\n');
        for (JsonNode h : o.path("hosts")) {
            sb.append(Fence.content(h.get("summary").asString())).append('\n');
        }
        sb.append(Fence.open("names and images of the audited containers")).append('\n');
        for (JsonNode c : o.get("containers")) {
            List<String> ids = new ArrayList<>();
            c.get("findings").forEach(f -> ids.add(f.get("check").asString()));
            sb.append(String.format("%3d  ", c.get("score").asInt())).append(Fence.content(c.get("name").asString())).append("  ")
                    .append(c.get("host").asString()).append("  ").append(Fence.content(c.get("image").asString())).append("  ")
                    .append(ids.isEmpty() ? "no findings" : String.join(", ", ids)).append('\n');
        }
        sb.append(Fence.END).append('\n');
        legend(sb, o);
        sb.append("The evidence for each finding is in the structured answer, or call docker_security_audit with container=NAME.");
        return sb + HostErrors.errorLines(o);
    }

    /** One container: every finding with its evidence, then why each matters and its fix. */
    static String renderOne(ObjectNode o) {
        JsonNode c = o.get("containers").get(0);
        StringBuilder sb = new StringBuilder();
        if (o.has("notice")) {
            sb.append("Note: ").append(o.get("notice").asString()).append('\n');
        }
        sb.append("Security audit of container ").append(Fence.content(c.get("name").asString())).append(" (").append(c.get("id").asString())
                .append(") on host ").append(c.get("host").asString()).append(": risk ").append(c.get("score").asInt()).append('/').append(RiskScore.MAX)
                .append(", ").append(c.get("findings").size()).append(" findings. ").append(o.get("decision").asString()).append('\n')
                .append(Fence.open("evidence read from container '" + Fence.content(c.get("name").asString()) + "'")).append('\n');
        for (JsonNode f : c.get("findings")) {
            sb.append(f.get("severity").asString()).append("  ").append(f.get("check").asString())
                    .append(f.get("cis").asString().isEmpty() ? "" : " (CIS " + f.get("cis").asString() + ")").append("  ")
                    .append(Fence.content(f.get("evidence").asString())).append('\n');
        }
        sb.append(Fence.END).append('\n');
        legend(sb, o);
        return sb.toString().stripTrailing();
    }

    private static void legend(StringBuilder sb, ObjectNode o) {
        if (o.get("checks").isEmpty()) {
            sb.append("No check failed.\n");
            return;
        }
        sb.append("Why each failed check matters, and its fix:\n");
        for (JsonNode k : o.get("checks")) {
            sb.append("- ").append(k.get("check").asString()).append(" [").append(k.get("severity").asString())
                    .append(k.get("cis").asString().isEmpty() ? "" : ", CIS " + k.get("cis").asString()).append("]: ")
                    .append(k.get("title").asString()).append(". ").append(k.get("why").asString()).append(" Fix: ").append(k.get("fix").asString()).append('\n');
        }
    }
}
