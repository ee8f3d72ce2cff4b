package dockermcp.tools;

import dockermcp.engine.DockerEngine;
import dockermcp.engine.EngineException;
import dockermcp.engine.JsonRead;
import dockermcp.security.Redactor;
import dockermcp.security.VisibilityPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The containers of one engine that the caller may see. Names, ids and id prefixes are resolved against
 * these only, in Docker's own order (full id, exact name as answers show it, unique id prefix), and the engine is then asked
 * about the full id: no answer can depend on a hidden container, not even "several ids start with that".
 */
final class VisibleContainers {

    private final String host;
    private final List<JsonNode> visible;
    private final Redactor redactor;

    private VisibleContainers(String host, List<JsonNode> visible, Redactor redactor) {
        this.host = host;
        this.visible = visible;
        this.redactor = redactor;
    }

    static VisibleContainers on(DockerEngine engine, VisibilityPolicy policy, Redactor redactor) throws EngineException {
        List<JsonNode> visible = new ArrayList<>();
        for (JsonNode c : engine.listContainers(true, null)) {
            if (listedVisible(policy, c)) {
                visible.add(c);
            }
        }
        return new VisibleContainers(engine.name(), visible, redactor);
    }

    /** True when a container from a list answer (Names, Labels) may be shown under {@code policy}. */
    static boolean listedVisible(VisibilityPolicy policy, JsonNode c) {
        return policy.containerVisible(ownName(c), JsonRead.labels(c.path("Labels")));
    }

    /**
     * What to offer for them, in the engine's order: each name, or the short id of one the redactor changes (its shown
     * form is not a valid name, and its raw form must not be offered nor resolved: it holds a secret).
     */
    List<String> names() {
        return visible.stream().map(c -> shownName(c).equals(ownName(c)) ? ownName(c) : Formats.shortId(JsonRead.text(c, "Id"))).toList();
    }

    /**
     * The full id of the visible container {@code ref} names. A hidden and a missing one both fail as
     * NOT_FOUND; an id prefix that fits several visible containers fails as BAD_INPUT naming only those.
     */
    String resolve(String ref) throws EngineException {
        return theOne(matches(ref), "container", ref, host, c -> ownName(c) + " " + Formats.shortId(JsonRead.text(c, "Id")), "or the name");
    }

    /** The full id of the one visible container {@code ref} names, or null when none or several fit. */
    String uniqueOrNull(String ref) {
        List<JsonNode> m = matches(ref);
        return m.size() == 1 ? JsonRead.text(m.get(0), "Id") : null;
    }

    /** The full id of the one match, else NOT_FOUND (worded as for a missing object) or BAD_INPUT naming the visible matches. */
    static String theOne(List<JsonNode> m, String kind, String ref, String host, Function<JsonNode, String> shown, String other) throws EngineException {
        if (m.size() == 1) {
            return JsonRead.text(m.get(0), "Id");
        }
        if (m.isEmpty()) {
            throw new EngineException(EngineException.Kind.NOT_FOUND, "No " + kind + " '" + ref + "' on host '" + host + "'.");
        }
        List<String> which = m.stream().limit(5).map(shown).toList();
        throw new EngineException(EngineException.Kind.BAD_INPUT, "'" + ref + "' is the start of the ids of " + m.size() + " " + kind + "s on host '"
                + host + "' (" + String.join(", ", which) + (m.size() > 5 ? ", ..." : "") + "): give more of the id, " + other + ".");
    }

    /**
     * How a reference to another container (an id, a name or an id prefix, as Docker stores it in HostConfig)
     * is shown: the name of the visible container it resolves to, else {@link VisibilityPolicy#HIDDEN_CONTAINER},
     * the same for a hidden and a missing one.
     */
    String shown(String ref) {
        String r = ref.startsWith("/") ? ref.substring(1) : ref;
        List<JsonNode> m = r.isEmpty() ? List.of() : matches(r, false); // the engine's own reference: its raw name
        return m.size() == 1 ? ownName(m.get(0)) : VisibilityPolicy.HIDDEN_CONTAINER;
    }

    private List<JsonNode> matches(String ref) {
        return matches(ref, true);
    }

    private List<JsonNode> matches(String ref, boolean byShownName) {
        for (JsonNode c : visible) {
            if (JsonRead.text(c, "Id").equals(ref)) {
                return List.of(c);
            }
        }
        for (JsonNode c : visible) { // the shown name: a raw name with a secret in it would confirm a guess at that secret
            if ((byShownName ? shownName(c) : ownName(c)).equals(ref)) {
                return List.of(c);
            }
        }
        return visible.stream().filter(c -> JsonRead.text(c, "Id").startsWith(ref)).toList();
    }

    private String shownName(JsonNode listed) {
        return Shown.name(redactor, ownName(listed));
    }

    /**
     * A container's own name from a list answer. "Names" also holds the link paths other containers gave it
     * ("/linker/alias"), and sorts them first when their names sort first: those name the linking container.
     */
    static String ownName(JsonNode listed) {
        for (String n : JsonRead.strings(listed, "Names")) {
            String name = n.startsWith("/") ? n.substring(1) : n;
            if (!name.contains("/")) {
                return name;
            }
        }
        return "";
    }
}
