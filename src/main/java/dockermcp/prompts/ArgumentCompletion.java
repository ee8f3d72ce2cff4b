package dockermcp.prompts;

import dockermcp.config.HostSettings;
import dockermcp.tools.CallContext;
import dockermcp.tools.PerHost;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.TreeSet;

/**
 * Values offered for a prompt argument (completion/complete): configured host names, and the names of the containers
 * the caller may see. A hidden container is never offered, so completion cannot tell hidden from missing.
 */
final class ArgumentCompletion {

    /** The spec's limit on values in one answer; hasMore says when there were more. */
    static final int MAX_VALUES = 100;

    private ArgumentCompletion() {
    }

    /** The configured host names starting with {@code prefix}. */
    static McpSchema.CompleteResult hosts(List<HostSettings> hosts, String prefix) {
        return matching(hosts.stream().map(HostSettings::name).toList(), prefix);
    }

    /**
     * The visible container names starting with {@code prefix}, on {@code host} or on every engine. Each engine gets its
     * usual deadline; one that fails or does not answer in time adds nothing rather than failing the completion.
     */
    static McpSchema.CompleteResult containers(CallContext ctx, String host, String prefix) {
        List<HostSettings> hosts = ctx.settings().hosts().stream().filter(h -> host == null || h.name().equals(host)).toList();
        if (hosts.isEmpty()) {
            return matching(List.of(), prefix);
        }
        List<String> names = ctx.fanOut().onEach(hosts, ctx.visibility()::visibleContainerNames).stream()
                .filter(PerHost::ok).flatMap(o -> o.value().stream()).toList();
        return matching(names, prefix);
    }

    /** Distinct, sorted, prefix-filtered and capped at {@link #MAX_VALUES}. */
    static McpSchema.CompleteResult matching(List<String> candidates, String prefix) {
        String p = prefix == null ? "" : prefix;
        List<String> all = new TreeSet<>(candidates.stream().filter(n -> !n.isEmpty() && n.startsWith(p)).toList()).stream().toList();
        List<String> shown = all.size() > MAX_VALUES ? all.subList(0, MAX_VALUES) : all;
        return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(shown, all.size(), all.size() > MAX_VALUES));
    }
}
