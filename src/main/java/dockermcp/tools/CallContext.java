package dockermcp.tools;

import dockermcp.config.HostSettings;
import dockermcp.config.Settings;
import dockermcp.engine.DockerEngine;
import dockermcp.engine.EngineException;
import dockermcp.engine.Engines;
import dockermcp.engine.JsonRead;
import dockermcp.security.VisibilityPolicy;
import tools.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** What a tool call may use: the configured engines, the settings, and a worker pool for fan-out. */
public final class CallContext {

    private final Engines engines;
    private final Settings settings;
    private final ExecutorService workers;
    /** host name -> that host's visibility policy (its own rules from the hosts file, else the global ones) */
    private final java.util.Map<String, VisibilityPolicy> policies = new java.util.HashMap<>();
    private final ListCache cache;
    /** host name -> System.nanoTime() until which it sits out fan-outs after a timeout */
    private final java.util.Map<String, Long> timedOut = new java.util.concurrent.ConcurrentHashMap<>();
    static final java.time.Duration REST = java.time.Duration.ofSeconds(30);

    public CallContext(Engines engines, Settings settings, ExecutorService workers) {
        this.engines = engines;
        this.settings = settings;
        this.workers = workers;
        for (HostSettings h : settings.hosts()) {
            policies.put(h.name(), new VisibilityPolicy(h.visibility(settings)));
        }
        this.cache = settings.cacheEnabled() ? new ListCache(settings.cacheTtl()) : null;
    }

    /** The visibility policy of one configured host: every decision about what to show is made per host. */
    public VisibilityPolicy policy(String host) {
        VisibilityPolicy p = policies.get(host);
        if (p == null) {
            throw new IllegalStateException("no policy for an unconfigured host");
        }
        return p;
    }

    /** The containers of one engine the caller may see: names, ids and prefixes are resolved against these, never by the engine. */
    VisibleContainers visibleContainers(DockerEngine engine) throws EngineException {
        return VisibleContainers.on(engine, this);
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
    static final java.time.Duration RECENT = java.time.Duration.ofSeconds(2);
    private final java.util.Map<String, Listed> recentlyListed = new java.util.concurrent.ConcurrentHashMap<>();

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
        return policy(host).containerVisible(VisibleContainers.ownName(c), JsonRead.labels(c.path("Labels")));
    }

    /**
     * Inspects the visible image {@code ref} names (resolved among the visible ones, then asked for by full id),
     * answering exactly as for a missing one when policy hides it.
     */
    public JsonNode visibleImage(DockerEngine engine, String ref) throws EngineException {
        JsonNode img = engine.inspectImage(VisibleImages.on(engine, this).resolve(ref));
        if (!imageVisible(engine.name(), img)) { // retagged since the list
            throw new EngineException(EngineException.Kind.NOT_FOUND, "No image '" + ref + "' on host '" + engine.name() + "'.");
        }
        return img;
    }

    /** True when an image (inspect or list answer: RepoTags, RepoDigests) of {@code host} may be shown. */
    public boolean imageVisible(String host, JsonNode img) {
        VisibilityPolicy policy = policy(host);
        if (policy.imagesUnrestricted()) {
            return true;
        }
        List<String> refs = new ArrayList<>(JsonRead.strings(img, "RepoTags"));
        refs.addAll(JsonRead.strings(img, "RepoDigests"));
        return policy.imageVisible(refs);
    }

    public Settings settings() {
        return settings;
    }

    /** The hosts a call addresses: the one named by {@code host}, or every configured host. */
    public List<HostSettings> hosts(String host) throws ToolFailure {
        List<HostSettings> all = engines.hosts();
        if (all.isEmpty()) {
            throw ToolFailure.of(Settings.nothingConfiguredMessage());
        }
        if (host == null) {
            return all;
        }
        for (HostSettings h : all) {
            if (h.name().equals(host)) {
                return List.of(h);
            }
        }
        String configured = String.join("', '", all.stream().map(HostSettings::name).toList());
        String hint = host.equals("remote") ? " (set DOCKER_HOST to add a remote engine)" : host.equals("local") ? " (set ALLOW_LOCAL_DOCKER=true to add this machine's engine)"
                : " (add it to the hosts file, DOCKER_HOSTS_FILE, or name a Docker context in DOCKER_CONTEXTS)";
        throw ToolFailure.refused("Host '" + dockermcp.engine.ObjectRef.shown(host) + "' is not configured: this server has '" + configured + "'" + hint + ".");
    }

    public DockerEngine engine(HostSettings host) throws EngineException {
        return engines.get(host);
    }

    /** One outcome per host of a fan-out: a value or the failure that host gave. */
    public record PerHost<T>(HostSettings host, T value, EngineException failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    public interface HostCall<T> {
        T apply(DockerEngine engine) throws EngineException;
    }

    /** Runs {@code call} on every host at once and returns the outcomes in host order. */
    public <T> List<PerHost<T>> onEach(List<HostSettings> hosts, HostCall<T> call) {
        if (hosts.size() == 1) {
            return List.of(run(hosts.get(0), call));
        }
        return all(hosts.stream().map(h -> new Task<>(h, call)).toList(), true);
    }

    /** One call on one host's engine, for fan-outs of many calls per host (one per container). */
    public record Task<T>(HostSettings host, HostCall<T> call) {
    }

    /**
     * Runs every task at once on the worker pool and returns the outcomes in task order. With {@code hostDeadlines},
     * each task is waited for at most its host's timeouts from the start, so a hung host costs its own timeout, never
     * more; without, each call is bounded by the engine client's own timeouts (for calls that queue behind a limit).
     */
    public <T> List<PerHost<T>> all(List<Task<T>> tasks, boolean hostDeadlines) {
        List<Future<PerHost<T>>> futures = new ArrayList<>();
        for (Task<T> t : tasks) {
            PerHost<T> resting = resting(t.host());
            Callable<PerHost<T>> task = () -> run(t.host(), t.call());
            futures.add(resting != null ? java.util.concurrent.CompletableFuture.completedFuture(resting) : workers.submit(task));
        }
        long start = System.nanoTime();
        List<PerHost<T>> out = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            HostSettings h = tasks.get(i).host();
            long budget = h.connectTimeout(settings).plus(h.requestTimeout(settings)).toNanos();
            out.add(hostDeadlines ? await(futures.get(i), h, start + budget) : within(futures.get(i), h, Long.MAX_VALUE));
        }
        return out;
    }

    /**
     * A host that timed out in a fan-out sits out the next fan-outs for {@link #REST} instead of making every answer
     * wait for it again; asking it alone (host=...) or docker_connection_status still reaches it.
     */
    private <T> PerHost<T> resting(HostSettings h) {
        Long until = timedOut.get(h.name());
        if (until == null || System.nanoTime() - until > 0) {
            return null;
        }
        return new PerHost<>(h, null, new EngineException(EngineException.Kind.TIMEOUT, "Host '" + h.name() + "' did not answer a moment ago and is left out of "
                + "answers from several hosts for " + REST.toSeconds() + " s; ask it alone (host='" + h.name() + "') or check it with docker_connection_status."));
    }

    private <T> PerHost<T> noteTimeout(PerHost<T> outcome) {
        if (!outcome.ok() && outcome.failure().kind() == EngineException.Kind.TIMEOUT) {
            timedOut.putIfAbsent(outcome.host().name(), System.nanoTime() + REST.toNanos());
        } else if (outcome.ok()) {
            timedOut.remove(outcome.host().name());
        }
        return outcome;
    }

    private <T> PerHost<T> await(Future<PerHost<T>> f, HostSettings host, long deadlineNanos) {
        PerHost<T> outcome = within(f, host, Math.max(0, deadlineNanos - System.nanoTime()));
        if (outcome != null) {
            return noteTimeout(outcome);
        }
        timedOut.put(host.name(), System.nanoTime() + REST.toNanos());
        return new PerHost<>(host, null, new EngineException(EngineException.Kind.TIMEOUT, "Host '" + host.name() + "' did not answer within "
                + host.connectTimeout(settings).plus(host.requestTimeout(settings)).toSeconds()
                + " s, so its answer is left out; check it with docker_connection_status (its timeouts: request_timeout in the hosts file or DOCKER_REQUEST_TIMEOUT)."));
    }

    /** The outcome of one host's task, or null (the task cancelled) when it did not end within {@code nanos}. */
    private static <T> PerHost<T> within(Future<PerHost<T>> f, HostSettings host, long nanos) {
        try {
            return f.get(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            return null;
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return new PerHost<>(host, null, new EngineException(EngineException.Kind.TIMEOUT, "The call was cancelled."));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private <T> PerHost<T> run(HostSettings h, HostCall<T> call) {
        try {
            return new PerHost<>(h, call.apply(engines.get(h)), null);
        } catch (EngineException e) {
            return new PerHost<>(h, null, e);
        }
    }

    /**
     * Finds one object (a container, an image) on the addressed hosts. When it exists on several, the
     * first host's answer is used and {@code notice} says where else it is.
     */
    public <T> Found<T> findOne(List<HostSettings> hosts, String what, HostCall<T> call) throws ToolFailure {
        List<PerHost<T>> outcomes = onEach(hosts, call);
        List<PerHost<T>> found = outcomes.stream().filter(PerHost::ok).toList();
        if (found.isEmpty()) {
            List<PerHost<T>> failures = outcomes.stream().filter(o -> o.failure().kind() != EngineException.Kind.NOT_FOUND).toList();
            if (failures.isEmpty()) {
                String where = hosts.size() == 1 ? "host '" + hosts.get(0).name() + "'" : "any host (" + String.join(", ", hosts.stream().map(HostSettings::name).toList()) + ")";
                throw ToolFailure.of("No " + what + " on " + where + ": check the name with " + (what.startsWith("image") ? "docker_list_images" : "docker_list_containers") + ".");
            }
            throw fail(failures.get(0).failure());
        }
        PerHost<T> first = found.get(0);
        String notice = null;
        if (found.size() > 1) {
            notice = "The " + what + " exists on " + String.join(" and ", found.stream().map(p -> "'" + p.host().name() + "'").toList())
                    + "; this answer is from '" + first.host().name() + "': pass host='" + found.get(1).host().name() + "' to see the other.";
        }
        return new Found<>(first.host(), first.value(), notice);
    }

    public record Found<T>(HostSettings host, T value, String notice) {
    }

    /** The failure a tool reports for an engine failure. */
    public static ToolFailure fail(EngineException e) {
        return e.kind() == EngineException.Kind.REFUSED || e.kind() == EngineException.Kind.BAD_INPUT
                ? ToolFailure.refused(e.getMessage()) : ToolFailure.of(e.getMessage());
    }

    /**
     * Runs a listing on every addressed host. Fails only when every host failed; otherwise the failed
     * hosts are reported next to the others' results.
     */
    public <T> List<PerHost<T>> listOn(List<HostSettings> hosts, HostCall<T> call) throws ToolFailure {
        List<PerHost<T>> outcomes = onEach(hosts, call);
        if (outcomes.stream().noneMatch(PerHost::ok)) {
            if (outcomes.size() == 1) {
                throw fail(outcomes.get(0).failure());
            }
            throw ToolFailure.of(String.join(" ", outcomes.stream().map(o -> "[" + o.host().name() + "] " + o.failure().getMessage()).toList()));
        }
        return outcomes;
    }

    /**
     * As {@link #listOn}, through the list cache when CACHE_TTL is set. {@code request} names in full what
     * {@code call} asks the engine for: it is the cache key, with the host.
     */
    <T> ListOutcomes<T> listCached(List<HostSettings> hosts, String request, HostCall<T> call) throws ToolFailure {
        if (cache == null) {
            return new ListOutcomes<>(listOn(hosts, call), -1, settings.cacheTtl());
        }
        java.util.concurrent.atomic.AtomicLong oldest = new java.util.concurrent.atomic.AtomicLong(-1);
        List<PerHost<T>> outcomes = listOn(hosts, e -> {
            ListCache.Cached<T> c = cache.get(e.name(), request, () -> call.apply(e));
            if (c.reused()) {
                oldest.accumulateAndGet(c.ageNanos() / 1_000_000, Math::max);
            }
            return c.value();
        });
        return new ListOutcomes<>(outcomes, oldest.get(), settings.cacheTtl());
    }

    /** The outcomes of a listing, and the age of the oldest cached host answer in it (-1: none was cached). */
    record ListOutcomes<T>(List<PerHost<T>> outcomes, long ageMillis, java.time.Duration ttl) {
        /** Says in the answer that it was (partly) cached, and how old it is. */
        void note(tools.jackson.databind.node.ObjectNode out) {
            ListCache.note(out, ageMillis, ttl);
        }
    }

    /** The structured form of the failed hosts of a listing. */
    public static <T> tools.jackson.databind.node.ArrayNode errors(tools.jackson.databind.node.ObjectNode parent, List<PerHost<T>> outcomes) {
        tools.jackson.databind.node.ArrayNode errors = parent.putArray("errors");
        for (PerHost<T> o : outcomes) {
            if (!o.ok()) {
                errors.addObject().put("host", o.host().name()).put("error", o.failure().getMessage());
            }
        }
        return errors;
    }

    /** The text lines for the failed hosts recorded in a result's "errors". */
    public static String errorLines(tools.jackson.databind.node.ObjectNode result) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : result.path("errors")) {
            sb.append("\nhost '").append(e.get("host").asString()).append("' failed: ").append(e.get("error").asString());
        }
        return sb.toString();
    }
}
