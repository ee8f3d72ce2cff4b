package dockermcp.tools;

import dockermcp.engine.DockerEngine;
import dockermcp.engine.EngineException;
import dockermcp.engine.JsonRead;
import dockermcp.security.VisibilityPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The images of one engine that the caller may see. References and id prefixes are resolved against these
 * only, in Docker's order (full id, tag or digest, unique id prefix), so that no answer depends on a hidden
 * image; and a visible container's image is named only when it is one of these.
 */
final class VisibleImages {

    private static final Pattern FULL_ID = Pattern.compile("(sha256:)?[0-9a-f]{64}");
    private static final Pattern ID_PREFIX = Pattern.compile("(sha256:)?[0-9a-f]{1,64}");

    private final String host;
    private final List<JsonNode> visible;
    private final Set<String> visibleIds = new HashSet<>();
    private final VisibilityPolicy policy;

    private VisibleImages(String host, List<JsonNode> visible, VisibilityPolicy policy) {
        this.host = host;
        this.visible = visible;
        this.policy = policy;
        visible.forEach(i -> visibleIds.add(JsonRead.text(i, "Id")));
    }

    /** Lists every image of the engine (intermediate ones too, as inspect finds them) and keeps the visible ones. */
    static VisibleImages on(DockerEngine engine, VisibilityPolicy policy) throws EngineException {
        List<JsonNode> visible = new ArrayList<>();
        for (JsonNode i : engine.listImages(true, null)) {
            if (shown(policy, i)) {
                visible.add(i);
            }
        }
        return new VisibleImages(engine.name(), visible, policy);
    }

    /** True when an image (inspect or list answer: RepoTags, RepoDigests) may be shown under {@code policy}. */
    static boolean shown(VisibilityPolicy policy, JsonNode img) {
        if (policy.imagesUnrestricted()) {
            return true;
        }
        List<String> refs = new ArrayList<>(JsonRead.strings(img, "RepoTags"));
        refs.addAll(JsonRead.strings(img, "RepoDigests"));
        return policy.imageVisible(refs);
    }

    /**
     * The image a container runs, as it may be shown: the reference it was created with, or
     * {@link VisibilityPolicy#HIDDEN_IMAGE} when the image rules hide that image (by any of its tags or
     * digests, or by the reference itself).
     */
    String containerImage(String createdWith, String imageId) {
        return shows(createdWith, imageId) ? createdWith : VisibilityPolicy.HIDDEN_IMAGE;
    }

    boolean shows(String createdWith, String imageId) {
        return visibleIds.contains(imageId) && !policy.imageNameDenied(createdWith);
    }

    /** The full id of the visible image {@code ref} names; a hidden and a missing one both fail as NOT_FOUND. */
    String resolve(String ref) throws EngineException {
        return VisibleContainers.theOne(matches(ref), "image", ref, host, i -> Formats.shortId(JsonRead.text(i, "Id")), "or a tag");
    }

    private List<JsonNode> matches(String ref) {
        if (FULL_ID.matcher(ref).matches()) {
            String id = ref.startsWith("sha256:") ? ref : "sha256:" + ref;
            return visible.stream().filter(i -> JsonRead.text(i, "Id").equals(id)).toList();
        }
        String wanted = canonical(ref);
        for (JsonNode i : visible) {
            List<String> refs = new ArrayList<>(JsonRead.strings(i, "RepoTags"));
            refs.addAll(JsonRead.strings(i, "RepoDigests"));
            if (refs.stream().anyMatch(r -> canonical(r).equals(wanted))) {
                return List.of(i);
            }
        }
        if (!ID_PREFIX.matcher(ref).matches()) {
            return List.of();
        }
        String prefix = ref.startsWith("sha256:") ? ref : "sha256:" + ref;
        return visible.stream().filter(i -> JsonRead.text(i, "Id").startsWith(prefix)).toList();
    }

    /**
     * A reference in Docker's full form, as the engine looks it up: docker.io/library/ added to short names,
     * :latest when there is neither tag nor digest, and the tag dropped when there is a digest.
     */
    static String canonical(String ref) {
        int at = ref.indexOf('@');
        String digest = at < 0 ? null : ref.substring(at);
        String name = at < 0 ? ref : ref.substring(0, at);
        String tag = null;
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon);
            name = name.substring(0, colon);
        }
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        boolean hasDomain = first.contains(".") || first.contains(":") || first.equals("localhost");
        String domain = hasDomain ? first : "docker.io";
        String path = hasDomain ? name.substring(slash + 1) : name;
        if (domain.equals("index.docker.io")) {
            domain = "docker.io";
        }
        if (domain.equals("docker.io") && !path.contains("/")) {
            path = "library/" + path;
        }
        return domain + "/" + path + (digest != null ? digest : tag != null ? tag : ":latest");
    }
}
