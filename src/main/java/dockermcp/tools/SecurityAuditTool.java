package dockermcp.tools;

import dockermcp.engine.DockerEngine;
import dockermcp.engine.EngineException;
import dockermcp.engine.JsonRead;
import dockermcp.tools.audit.ContainerAudit;
import dockermcp.tools.audit.RiskScore;
import dockermcp.tools.audit.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * docker_security_audit: CIS-style checks over what the engine reports about containers, a risk score each, and
 * the fix for every finding. It reads only (inspect, image, history, process list) and changes nothing.
 */
final class SecurityAuditTool implements DockerTool {

    @Override
    public ToolSpec spec() {
        return new ToolSpec("docker_security_audit", "Security audit",
                "Check containers' configuration against the CIS Docker Benchmark (sections 4 and 5): privileged mode, Docker socket mounts, "
                        + "added capabilities, shared host namespaces, disabled seccomp/AppArmor/SELinux, sensitive host mounts, devices, root user, "
                        + "writable root file system, exposed ports, missing limits and health checks, unbounded restarts, latest tags, secret-looking "
                        + "env names. Gives a 0-100 risk score per container and the compose key or docker run flag that fixes each finding. "
                        + "Omit container to audit every container, riskiest first. Recommendations only: nothing is changed.",
                Schema.object()
                        .string("container", "Container name or id, as shown by docker_list_containers; omit to audit every container.", 256)
                        .host().closed().build(),
                AuditReport.outputSchema());
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure {
        String container = args.string("container");
        if (container == null && args.raw().get("container") != null) {
            throw ToolFailure.refused("container is empty: give a container name or id, or omit container to audit every container.");
        }
        var hosts = ctx.hosts().addressed(args.host());
        Visibility visibility = ctx.visibility();
        if (container != null) {
            String ref = args.container("container");
            var found = ctx.fanOut().findOne(hosts, "container '" + ref + "'", e -> audit(e, visibility,
                    visibility.inspectVisible(e, visibility.visibleContainers(e).resolve(ref), ref), new HashMap<>(), visibility.visibleImagesIfRestricted(e)));
            var report = new AuditReport(List.of(found.value()), List.of(new PerHost<>(found.host(), List.of(found.value()), null)));
            return new ToolResult(report.structured(found.notice()), AuditReport::renderOne, found.host().name());
        }
        var outcomes = ctx.fanOut().listOn(hosts, e -> auditAll(e, visibility));
        List<AuditReport.Audited> all = new ArrayList<>();
        outcomes.stream().filter(PerHost::ok).forEach(o -> all.addAll(o.value()));
        return new ToolResult(new AuditReport(all, outcomes).structured(null), AuditReport::renderAll, Formats.hosts(hosts));
    }

    /** Every container on one engine that policy lets the caller see; hidden ones are never read further. */
    private static List<AuditReport.Audited> auditAll(DockerEngine e, Visibility visibility) throws EngineException {
        VisibleImages visible = visibility.visibleImagesIfRestricted(e);
        List<AuditReport.Audited> out = new ArrayList<>();
        Map<String, ImageFacts> images = new HashMap<>();
        for (JsonNode c : e.listContainers(true, null)) {
            if (!visibility.listedContainerVisible(e.name(), c)) {
                continue;
            }
            JsonNode inspect;
            try {
                inspect = visibility.inspectVisible(e, JsonRead.text(c, "Id"), JsonRead.text(c, "Id"));
            } catch (EngineException x) {
                if (x.kind() == EngineException.Kind.NOT_FOUND) {
                    continue; // removed since the list was read
                }
                throw x;
            }
            out.add(audit(e, visibility, inspect, images, visible));
        }
        return out;
    }

    private static AuditReport.Audited audit(DockerEngine e, Visibility visibility, JsonNode inspect, Map<String, ImageFacts> images,
            VisibleImages visible) throws EngineException {
        String id = JsonRead.text(inspect, "Id");
        String imageId = JsonRead.text(inspect, "Image");
        if (visible != null && !visible.shows(JsonRead.text(inspect.path("Config"), "Image"), imageId)) {
            // a denied image is never named, by tag or id, in the answer or a finding's evidence: its checks are skipped
            inspect = inspect.deepCopy();
            ((tools.jackson.databind.node.ObjectNode) inspect).put("Image", "");
            if (inspect.path("Config") instanceof tools.jackson.databind.node.ObjectNode config) {
                config.put("Image", dockermcp.security.VisibilityPolicy.HIDDEN_IMAGE);
            }
            imageId = "";
        }
        ImageFacts image = images.get(imageId);
        if (image == null) {
            image = image(e, visibility, imageId);
            images.put(imageId, image); // containers of one image share one inspect and one history read
        }
        JsonNode processes = null;
        if (JsonRead.flag(inspect.path("State"), "Running")) {
            try {
                processes = e.top(id);
            } catch (EngineException x) {
                if (x.kind() != EngineException.Kind.NOT_FOUND && x.kind() != EngineException.Kind.DAEMON_ERROR) {
                    throw x;
                }
                // stopped or removed since it was inspected: no process list to check
            }
        }
        var findings = ContainerAudit.findings(new Subject(inspect, image.inspect(), image.history(), processes));
        return new AuditReport.Audited(e.name(), Formats.containerName(JsonRead.text(inspect, "Name")), Formats.shortId(id),
                JsonRead.text(inspect.path("Config"), "Image"), JsonRead.text(inspect.path("State"), "Status"), findings, RiskScore.of(findings));
    }

    /** The image and its history, or nothing when it is gone or hidden by policy (its checks are then skipped). */
    private record ImageFacts(JsonNode inspect, JsonNode history) {
        static final ImageFacts NONE = new ImageFacts(null, null);
    }

    private static ImageFacts image(DockerEngine e, Visibility visibility, String imageId) throws EngineException {
        if (imageId.isEmpty()) {
            return ImageFacts.NONE;
        }
        try {
            JsonNode img = e.inspectImage(imageId);
            return visibility.imageVisible(e.name(), img) ? new ImageFacts(img, e.imageHistory(imageId)) : ImageFacts.NONE;
        } catch (EngineException x) {
            if (x.kind() == EngineException.Kind.NOT_FOUND) {
                return ImageFacts.NONE;
            }
            throw x;
        }
    }
}
