package dockermcp.tools;

import dockermcp.engine.DockerEngine;
import dockermcp.engine.EngineException;
import dockermcp.engine.JsonRead;
import dockermcp.security.VisibilityPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * docker_events: what happened on the engines in a closed window of at most one hour that ends no later than now,
 * so the engine ends its stream and the call ends. Events about hidden containers and images are left out; so are
 * network and volume events naming a container that is hidden or gone (it cannot be told apart from a hidden one).
 */
final class EventsTool implements DockerTool {

    static final List<String> TYPES = List.of("container", "image", "network", "volume", "daemon", "plugin", "service", "node", "secret", "config");
    static final long MAX_WINDOW_SECONDS = 3600;
    static final int MAX_EVENTS = 500;
    private static final long MAX_READ = 16L << 20;

    @Override
    public ToolSpec spec() {
        return new ToolSpec("docker_events", "Read engine events",
                "Read the events (container start, die, health_status, image pull, network connect, ...) the engine recorded in a window of at most one hour "
                        + "that ends no later than now. The engine keeps only its most recent events (dockerd keeps 256), so older ones may be gone. "
                        + "Events about hidden containers or images are left out; attributes are redacted.",
                Schema.object()
                        .string("since", "Start of the window: RFC 3339 (2025-01-02T15:04:05Z), unix seconds, or a duration back from now such as 30s, 15m, 1h (default: one hour before until).", 64)
                        .string("until", "End of the window, in the same forms, not later than now (default now).", 64)
                        .enumeration("type", "Only events about this kind of object.", TYPES)
                        .host().closed().build(),
                Schema.object()
                        .string("since", "start of the window, RFC 3339").string("until", "end of the window, RFC 3339")
                        .prop("count", Schema.type("integer"))
                        .prop("events", Schema.arrayOf(Schema.object()
                                .string("host", "engine").string("time", "RFC 3339").string("type", "container, image, network, ...")
                                .string("action", "start, die, pull, connect, ...").string("id", "object id (short for containers and images)")
                                .string("name", "object name").string("image", "container events: its image").string("container", "network and volume events: the container")
                                .string("commandLine", "exec events: the command, secret-looking arguments redacted").string("detail", "what follows the action, such as a health status")
                                .prop("attributes", Schema.mapOf("string"))
                                .required("host", "time", "type", "action").build()))
                        .prop("truncated", Schema.type("boolean"))
                        .prop("errors", Schema.hostErrors())
                        .required("since", "until", "count", "events", "truncated").build());
    }

    @Override
    public ToolResult call(ToolArgs args, CallContext ctx) throws ToolFailure {
        BigDecimal now = BigDecimal.valueOf(Instant.now().getEpochSecond());
        BigDecimal until = args.string("until") == null ? now : new BigDecimal(LogsTool.time("docker_events", "until", args.string("until"))).min(now);
        BigDecimal since = args.string("since") == null ? until.subtract(BigDecimal.valueOf(MAX_WINDOW_SECONDS))
                : new BigDecimal(LogsTool.time("docker_events", "since", args.string("since")));
        if (since.compareTo(until) >= 0) {
            throw ToolFailure.refused("docker_events: since (" + iso(since) + ") is not before until (" + iso(until) + "); give a window that starts before it ends.");
        }
        if (until.subtract(since).compareTo(BigDecimal.valueOf(MAX_WINDOW_SECONDS)) > 0) {
            throw ToolFailure.refused("docker_events: the window from " + iso(since) + " to " + iso(until) + " is longer than one hour; narrow since and until to at most one hour.");
        }
        String type = args.string("type");
        String filters = type == null ? null : JsonNodeFactory.instance.objectNode().set("type", JsonNodeFactory.instance.arrayNode().add(type)).toString();
        var hosts = ctx.hosts().addressed(args.host());
        var outcomes = ctx.fanOut().listOn(hosts, e -> read(e, ctx.visibility(), since.toPlainString(), until.toPlainString(), filters));

        List<ObjectNode> all = new ArrayList<>();
        boolean truncated = false;
        for (var o : outcomes) {
            if (o.ok()) {
                all.addAll(o.value().events());
                truncated |= o.value().truncated();
            }
        }
        all.sort(Comparator.comparing(ev -> Instant.parse(ev.get("time").asString())));
        if (all.size() > MAX_EVENTS) {
            all = all.subList(all.size() - MAX_EVENTS, all.size());
            truncated = true;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("since", iso(since));
        out.put("until", iso(until));
        out.put("count", all.size());
        ArrayNode list = out.putArray("events");
        all.forEach(list::add);
        out.put("truncated", truncated);
        HostErrors.errors(out, outcomes);
        return new ToolResult(out, EventsTool::render, Formats.hosts(hosts));
    }

    private record Read(List<ObjectNode> events, boolean truncated) {
    }

    /** One engine's events, newest {@link #MAX_EVENTS} kept, each judged against the containers as they are now. */
    private static Read read(DockerEngine e, Visibility visibility, String since, String until, String filters) throws EngineException {
        Map<String, JsonNode> containers = new HashMap<>(); // id -> list entry, hidden ones included, so a hidden one is never judged by its event alone
        for (JsonNode c : e.listContainers(true, null)) {
            containers.put(JsonRead.text(c, "Id"), c);
        }
        java.util.ArrayDeque<ObjectNode> kept = new java.util.ArrayDeque<>();
        boolean[] dropped = {false};
        boolean capped = e.events(since, until, filters, MAX_READ, ev -> {
            ObjectNode shown = shown(ev, e.name(), visibility, containers);
            if (shown != null) {
                kept.addLast(shown);
                if (kept.size() > MAX_EVENTS) {
                    kept.removeFirst();
                    dropped[0] = true;
                }
            }
        });
        return new Read(List.copyOf(kept), capped || dropped[0]);
    }

    /** The event as shown, or null when it is about something the caller may not see. */
    static ObjectNode shown(JsonNode ev, String host, Visibility visibility, Map<String, JsonNode> containers) {
        String type = JsonRead.text(ev, "Type");
        String id = JsonRead.text(ev.path("Actor"), "ID");
        Map<String, String> attrs = JsonRead.labels(ev.path("Actor").path("Attributes"));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("host", host);
        long nanos = ev.path("timeNano").asLong(0);
        out.put("time", nanos > 0 ? Instant.ofEpochSecond(0, nanos).toString() : Instant.ofEpochSecond(ev.path("time").asLong(0)).toString());
        out.put("type", type);
        String action = JsonRead.text(ev, "Action");
        int colon = action.indexOf(": ");
        out.put("action", colon < 0 ? action : action.substring(0, colon));
        if (colon >= 0) { // "exec_start: sh -c ..." carries a command; "health_status: healthy" a state
            out.put(action.startsWith("exec_") ? "commandLine" : "detail", action.substring(colon + 2));
        }
        Map<String, String> shownAttrs = new java.util.TreeMap<>(attrs);
        switch (type) {
            case "container" -> {
                JsonNode now = containers.get(id);
                boolean visible = now != null ? visibility.listedContainerVisible(host, now) : visibility.policy(host).containerVisible(attrs.getOrDefault("name", ""), attrs);
                if (!visible) {
                    return null;
                }
                out.put("id", Formats.shortId(id));
                String image = attrs.getOrDefault("image", "");
                if (!image.isEmpty() && !imageShown(visibility.policy(host), image)) {
                    shownAttrs.put("image", VisibilityPolicy.HIDDEN_IMAGE);
                }
                out.put("image", shownAttrs.getOrDefault("image", ""));
            }
            case "image" -> {
                List<String> refs = new ArrayList<>(List.of(id));
                if (attrs.containsKey("name")) {
                    refs.add(attrs.get("name"));
                }
                if (!visibility.policy(host).imagesUnrestricted() && !visibility.policy(host).imageVisible(refs)) {
                    return null;
                }
                out.put("id", id.startsWith("sha256:") ? Formats.shortId(id) : id);
            }
            default -> out.put("id", id);
        }
        String container = attrs.get("container"); // network connect/disconnect, volume mount/unmount
        if (container != null) {
            JsonNode c = containers.get(container);
            if (c == null || !visibility.listedContainerVisible(host, c)) {
                return null;
            }
            out.put("container", VisibleContainers.ownName(c));
            shownAttrs.put("container", VisibleContainers.ownName(c));
        }
        if (attrs.containsKey("name")) {
            out.put("name", attrs.get("name"));
        }
        ObjectNode a = out.putObject("attributes");
        shownAttrs.forEach(a::put);
        return out;
    }

    /** A container's image is named unless a rule hides it (the event gives one reference, the container's own). */
    private static boolean imageShown(VisibilityPolicy policy, String image) {
        return policy.imagesUnrestricted() || policy.imageVisible(List.of(image)) && !policy.imageNameDenied(image);
    }

    private static String iso(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        return Instant.ofEpochSecond(whole.longValue(), seconds.subtract(whole).movePointRight(9).longValue()).toString();
    }

    static String render(ObjectNode out) {
        JsonNode list = out.get("events");
        StringBuilder text = new StringBuilder().append(list.size()).append(list.size() == 1 ? " event" : " events").append(" from ")
                .append(out.get("since").asString()).append(" to ").append(out.get("until").asString())
                .append(out.get("truncated").asBoolean() ? " (truncated: the newest " + MAX_EVENTS + " kept)" : "").append(':');
        for (JsonNode ev : list) {
            text.append('\n').append(ev.get("time").asString()).append("  ").append(ev.get("type").asString()).append(' ')
                    .append(ev.get("action").asString());
            for (String f : List.of("name", "id", "container", "image", "detail", "commandLine")) {
                if (ev.has(f) && !ev.get(f).asString().isEmpty()) {
                    text.append("  ").append(f).append('=').append(Fence.content(ev.get(f).asString()));
                }
            }
            text.append("  host=").append(ev.get("host").asString());
        }
        return text + HostErrors.errorLines(out);
    }
}
