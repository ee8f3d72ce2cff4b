package dockermcp.tools;

import dockermcp.config.HostSettings;
import dockermcp.engine.EngineException;
import dockermcp.engine.JsonRead;
import dockermcp.security.VisibilityPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the three swarm tools share: asking every addressed host, telling swarm managers (which answer) from other
 * engines (which have no swarm view: reported as skipped, not as failures), and the visibility of services.
 */
final class SwarmView {

    /** Placeholder for an image the operator's IMAGE_ALLOW / IMAGE_DENY hides. */
    static final String HIDDEN_IMAGE = VisibilityPolicy.HIDDEN_IMAGE;

    private SwarmView() {
    }

    /** The outcomes of the managers; non-managers go to {@code skipped}, failures to {@code errors}. */
    static <T> List<PerHost<T>> onManagers(FanOut fanOut, List<HostSettings> hosts, ObjectNode out, FanOut.HostCall<T> call)
            throws ToolFailure {
        List<PerHost<T>> outcomes = fanOut.onEach(hosts, call);
        List<PerHost<T>> managers = new ArrayList<>();
        var skipped = out.putArray("skipped");
        var errors = out.putArray("errors");
        for (var o : outcomes) {
            if (o.ok()) {
                managers.add(o);
            } else if (o.failure().kind() == EngineException.Kind.NOT_FOUND) {
                skipped.addObject().put("host", o.host().name()).put("reason", "not a swarm manager");
            } else {
                errors.addObject().put("host", o.host().name()).put("error", o.failure().getMessage());
            }
        }
        if (managers.isEmpty()) {
            if (!errors.isEmpty() && skipped.isEmpty() && outcomes.size() == 1) {
                throw HostErrors.fail(outcomes.get(0).failure());
            }
            if (errors.isEmpty()) {
                throw ToolFailure.of("No configured host is a swarm manager (" + String.join(", ", hosts.stream().map(HostSettings::name).toList())
                        + "): add a manager node's engine to the hosts file, or run this on a host where 'docker node ls' works.");
            }
        }
        return managers;
    }

    /** A swarm service may be shown when the container rules allow its name and labels (globs, label=value, mcp.hidden). */
    static boolean serviceVisible(VisibilityPolicy policy, JsonNode service) {
        JsonNode spec = service.path("Spec");
        return policy.containerVisible(JsonRead.text(spec, "Name"), JsonRead.labels(spec.path("Labels")));
    }

    /** A service's image as shown: without the pinning digest, or the placeholder when the image rules hide it. */
    static String image(VisibilityPolicy policy, String reference) {
        if (reference.isEmpty()) {
            return "";
        }
        if (!policy.imagesUnrestricted() && !policy.imageVisible(List.of(reference, withoutDigest(reference)))) {
            return HIDDEN_IMAGE;
        }
        return withoutDigest(reference);
    }

    static String withoutDigest(String reference) {
        int at = reference.indexOf('@');
        return at < 0 ? reference : reference.substring(0, at);
    }

    /** Service id -> service, for the visible services of one manager's answer. */
    static Map<String, JsonNode> visibleServices(VisibilityPolicy policy, JsonNode services) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode s : services) {
            if (serviceVisible(policy, s)) {
                out.put(JsonRead.text(s, "ID"), s);
            }
        }
        return out;
    }

    static Map<String, Object> skippedSchema() {
        return Schema.arrayOf(Schema.object().string("host", "host without a swarm view").string("reason", "why it was skipped")
                .required("host", "reason").build());
    }

    static void skippedLines(StringBuilder text, ObjectNode out) {
        for (JsonNode s : out.path("skipped")) {
            text.append("\nhost '").append(s.get("host").asString()).append("' skipped: ").append(s.get("reason").asString());
        }
    }
}
