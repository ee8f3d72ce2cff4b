package dockermcp.tools;

import dockermcp.config.HostSettings;
import dockermcp.config.Settings;
import dockermcp.engine.DockerEngine;
import dockermcp.engine.EngineException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls on several hosts at once: each host waited for at most its own timeouts, a host that timed out rested for
 * {@link #REST}, listings through the list cache; the outcomes come back per host, in host order.
 */
public final class FanOut {

    private final Hosts hosts;
    private final Settings settings;
    private final ExecutorService workers;
    private final ListCache cache;
    /** host name -> System.nanoTime() until which it sits out fan-outs after a timeout */
    private final Map<String, Long> timedOut = new ConcurrentHashMap<>();
    static final Duration REST = Duration.ofSeconds(30);

    FanOut(Hosts hosts, Settings settings, ExecutorService workers) {
        this.hosts = hosts;
        this.settings = settings;
        this.workers = workers;
        this.cache = settings.cacheEnabled() ? new ListCache(settings.cacheTtl()) : null;
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
            futures.add(resting != null ? CompletableFuture.completedFuture(resting) : workers.submit(task));
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
            return f.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
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
            return new PerHost<>(h, call.apply(hosts.engine(h)), null);
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
            throw HostErrors.fail(failures.get(0).failure());
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

    /**
     * Runs a listing on every addressed host. Fails only when every host failed; otherwise the failed
     * hosts are reported next to the others' results.
     */
    public <T> List<PerHost<T>> listOn(List<HostSettings> hosts, HostCall<T> call) throws ToolFailure {
        List<PerHost<T>> outcomes = onEach(hosts, call);
        if (outcomes.stream().noneMatch(PerHost::ok)) {
            throw HostErrors.allFailed(outcomes);
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
        AtomicLong oldest = new AtomicLong(-1);
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
    record ListOutcomes<T>(List<PerHost<T>> outcomes, long ageMillis, Duration ttl) {
        /** Says in the answer that it was (partly) cached, and how old it is. */
        void note(ObjectNode out) {
            ListCache.note(out, ageMillis, ttl);
        }
    }
}
