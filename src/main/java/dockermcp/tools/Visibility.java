package dockermcp.tools;

import dockermcp.config.HostSettings;
import dockermcp.config.Settings;
import dockermcp.engine.DockerEngine;
import dockermcp.engine.EngineException;
import dockermcp.engine.JsonRead;
import dockermcp.security.VisibilityPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** What the caller may see on each host: every decision about what to show is made per host, by that host's policy. */
public final class Visibility {

    /** host name -> that host's visibility policy (its own rules from the hosts file, else the global ones) */
    private final Map<String, VisibilityPolicy> policies = new HashMap<>();

    private final dockermcp.security.Redactor redactor;

    Visibility(Settings settings, dockermcp.security.Redactor redactor) {
        this.redactor = redactor; // names are resolved in the form answers show them (issue 7)
        for (HostSettings h : settings.hosts()) {
            policies.put(h.name(), new VisibilityPolicy(h.visibility(settings)));
        }
    }

    /** The visibility policy of one configured host. */
    public VisibilityPolicy policy(String host) {
        VisibilityPolicy p = policies.get(host);
        if (p == null) {
            throw new IllegalStateException("no policy for an unconfigured host");
        }
        return p;
    }

    /** The containers of one engine the caller may see: names, ids and prefixes are resolved against these, never by the engine. */
    VisibleContainers visibleContainers(DockerEngine engine) throws EngineException {
        return VisibleContainers.on(engine, policy(engine.name()), redactor);
    }

    /**
     * Runs {@code call} with the full id of the visible container {@code ref} names. A list of the engine's visible
     * containers made less than {@link #RECENT} ago by this server is used when it names exactly one visible container
     * (so reading the same container again costs one engine request, not two); otherwise, or when the engine no longer
     * knows that id, a fresh list resolves it. A hidden and a missing container are never in that list, so both always
     * cost the fresh list and nothing else, as before.
     */
    <T> T withVisibleContainer(DockerEngine engine, String ref, IdCall<T> call) throws EngineException {
        Listed recent = recentlyListed.get(engine.name());
        String id = recent != null && System.nanoTime() - recent.at() < RECENT.toNanos() ? recent.visible().uniqueOrNull(ref) : null;
        if (id != null) {
            try {
                return call.apply(id);
            } catch (EngineException e) {
                if (e.kind() != EngineException.Kind.NOT_FOUND) {
                    throw e;
                }
                // removed since that list: resolve again, as for any other name
            }
        }
        VisibleContainers visible = visibleContainers(engine);
        recentlyListed.put(engine.name(), new Listed(visible, System.nanoTime()));
        return call.apply(visible.resolve(ref));
    }

    /** How long a list of visible containers resolves names for {@link #withVisibleContainer}. */
    static final Duration RECENT = Duration.ofSeconds(2);
    private final Map<String, Listed> recentlyListed = new ConcurrentHashMap<>();

    private record Listed(VisibleContainers visible, long at) {
    }

    interface IdCall<T> {
        T apply(String fullId) throws EngineException;
    }

    /** Inspects a container by the full id resolution gave, checking policy again: it may have been renamed since the list. */
    JsonNode inspectVisible(DockerEngine engine, String id, String ref) throws EngineException {
        JsonNode c = engine.inspectContainer(id);
        String name = JsonRead.text(c, "Name");
        if (!policy(engine.name()).containerVisible(name.startsWith("/") ? name.substring(1) : name, JsonRead.labels(c.path("Config").path("Labels")))) {
            throw new EngineException(EngineException.Kind.NOT_FOUND, "No container '" + ref + "' on host '" + engine.name() + "'.");
        }
        return c;
    }

    /** The names of one engine's containers the caller may see, for argument completion: hidden ones are never named. */
    public List<String> visibleContainerNames(DockerEngine engine) throws EngineException {
        return visibleContainers(engine).names();
    }

    /** True when a container from a list answer (Names, Labels) of {@code host} may be shown. */
    public boolean listedContainerVisible(String host, JsonNode c) {
        return VisibleContainers.listedVisible(policy(host), c);
    }

    /** The images of one engine the caller may see, or null when this host's image rules hide none. */
    VisibleImages visibleImagesIfRestricted(DockerEngine engine) throws EngineException {
        VisibilityPolicy policy = policy(engine.name());
        return policy.imagesUnrestricted() ? null : VisibleImages.on(engine, policy);
    }

    /**
     * Inspects the visible image {@code ref} names (resolved among the visible ones, then asked for by full id),
     * answering exactly as for a missing one when policy hides it.
     */
    public JsonNode visibleImage(DockerEngine engine, String ref) throws EngineException {
        JsonNode img = engine.inspectImage(VisibleImages.on(engine, policy(engine.name())).resolve(ref));
        if (!imageVisible(engine.name(), img)) { // retagged since the list
            throw new EngineException(EngineException.Kind.NOT_FOUND, "No image '" + ref + "' on host '" + engine.name() + "'.");
        }
        return img;
    }

    /** True when an image (inspect or list answer: RepoTags, RepoDigests) of {@code host} may be shown. */
    public boolean imageVisible(String host, JsonNode img) {
        return VisibleImages.shown(policy(host), img);
    }
}
