package dockermcp.security;

import dockermcp.config.VisibilityRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides which containers and images the model may see. A hidden object is treated everywhere exactly
 * like one that does not exist, so its existence cannot be learned.
 */
public final class VisibilityPolicy {

    public static final String HIDDEN_LABEL = "mcp.hidden";
    /** How a reference to a hidden or missing container is shown: the two look the same. */
    public static final String HIDDEN_CONTAINER = "[hidden]";
    /** How the image of a visible container is shown when the image rules hide that image. */
    public static final String HIDDEN_IMAGE = "[hidden image]";

    private record Selector(Pattern name, String label, Pattern value) {
        boolean matches(String containerName, Map<String, String> labels) {
            if (name != null) {
                return name.matcher(containerName).matches();
            }
            String v = labels.get(label);
            return v != null && value.matcher(v).matches();
        }
    }

    private final List<Selector> containerAllow;
    private final List<Selector> containerDeny;
    private final List<Pattern> imageAllow;
    private final List<Pattern> imageDeny;
    private final boolean honourHiddenLabel;

    public VisibilityPolicy(VisibilityRules rules) {
        this.containerAllow = selectors(rules.containerAllow());
        this.containerDeny = selectors(rules.containerDeny());
        this.imageAllow = rules.imageAllow().stream().map(VisibilityPolicy::glob).toList();
        this.imageDeny = rules.imageDeny().stream().map(VisibilityPolicy::glob).toList();
        this.honourHiddenLabel = rules.honourHiddenLabel();
    }

    /** True when no rule can hide anything, so callers may skip the lookups that policy needs. */
    public boolean hidesNothing() {
        return containerAllow.isEmpty() && containerDeny.isEmpty() && imageAllow.isEmpty() && imageDeny.isEmpty() && !honourHiddenLabel;
    }

    public boolean imagesUnrestricted() {
        return imageAllow.isEmpty() && imageDeny.isEmpty();
    }

    /** @param name the container's name without the leading slash */
    public boolean containerVisible(String name, Map<String, String> labels) {
        if (honourHiddenLabel && "true".equalsIgnoreCase(labels.getOrDefault(HIDDEN_LABEL, "").strip())) {
            return false;
        }
        if (containerDeny.stream().anyMatch(s -> s.matches(name, labels))) {
            return false;
        }
        return containerAllow.isEmpty() || containerAllow.stream().anyMatch(s -> s.matches(name, labels));
    }

    /** @param references the image's tags (repo:tag) and digests (repo@sha256:...) */
    public boolean imageVisible(List<String> references) {
        if (imageDeny.stream().anyMatch(p -> references.stream().anyMatch(r -> p.matcher(r).matches()))) {
            return false;
        }
        return imageAllow.isEmpty() || imageAllow.stream().anyMatch(p -> references.stream().anyMatch(r -> p.matcher(r).matches()));
    }

    /** True when a deny rule matches this one reference (for example the image a container was created from). */
    public boolean imageNameDenied(String reference) {
        return imageDeny.stream().anyMatch(p -> p.matcher(reference).matches());
    }

    private static List<Selector> selectors(List<String> rules) {
        List<Selector> out = new ArrayList<>();
        for (String r : rules) {
            int eq = r.indexOf('=');
            out.add(eq > 0 ? new Selector(null, r.substring(0, eq), glob(r.substring(eq + 1))) : new Selector(glob(r), null, null));
        }
        return out;
    }

    /** A glob with * and ? (everything else literal) as an anchored pattern. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
