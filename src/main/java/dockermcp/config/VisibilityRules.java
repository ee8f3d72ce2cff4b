package dockermcp.config;

import java.util.List;

/**
 * Which containers and images the model may see, as the operator wrote it.
 *
 * @param containerAllow     name globs or label=value selectors; empty: every container
 * @param containerDeny      name globs or label=value selectors hidden even when allowed
 * @param imageAllow         reference globs; empty: every image
 * @param imageDeny          reference globs hidden even when allowed
 * @param honourHiddenLabel  hide containers labelled mcp.hidden=true (default true)
 */
public record VisibilityRules(List<String> containerAllow, List<String> containerDeny, List<String> imageAllow,
                              List<String> imageDeny, boolean honourHiddenLabel) {

    public VisibilityRules {
        containerAllow = List.copyOf(containerAllow);
        containerDeny = List.copyOf(containerDeny);
        imageAllow = List.copyOf(imageAllow);
        imageDeny = List.copyOf(imageDeny);
    }
}
