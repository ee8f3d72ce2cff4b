package dockermcp.tools.audit;

import dockermcp.engine.JsonRead;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What the checks read about one container, all from read-only engine answers.
 *
 * @param container {@code GET /containers/{id}/json}
 * @param image     {@code GET /images/{id}/json}, or a missing node when the image is gone or hidden by policy
 * @param history   {@code GET /images/{id}/history}, or a missing node
 * @param processes {@code GET /containers/{id}/top}, or a missing node when the container is not running
 */
public record Subject(JsonNode container, JsonNode image, JsonNode history, JsonNode processes) {

    public Subject {
        image = image == null ? MissingNode.getInstance() : image;
        history = history == null ? MissingNode.getInstance() : history;
        processes = processes == null ? MissingNode.getInstance() : processes;
    }

    public static Subject of(JsonNode container) {
        return new Subject(container, null, null, null);
    }

    JsonNode hostConfig() {
        return container.path("HostConfig");
    }

    JsonNode config() {
        return container.path("Config");
    }

    boolean privileged() {
        return JsonRead.flag(hostConfig(), "Privileged");
    }

    boolean running() {
        return JsonRead.flag(container.path("State"), "Running");
    }

    /** HostConfig.SecurityOpt, in lower case, with Docker's old "name:value" spelling turned into "name=value". */
    List<String> securityOptions() {
        return JsonRead.strings(hostConfig(), "SecurityOpt").stream()
                .map(o -> o.toLowerCase(Locale.ROOT).replaceFirst("^(seccomp|apparmor|label|no-new-privileges):", "$1=")).toList();
    }

    String mode(String field) {
        return JsonRead.text(hostConfig(), field);
    }
}
