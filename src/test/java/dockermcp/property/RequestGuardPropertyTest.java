package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.engine.EngineException;
import dockermcp.engine.RequestGuard;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The read-only seam: over arbitrary methods, paths and queries (mostly near-misses of real requests),
 * whatever RequestGuard.check accepts is a GET (or HEAD /_ping) on the allow-list, written here
 * independently, with nothing that could change the path or smuggle a second request.
 */
class RequestGuardPropertyTest {

    static final Pattern ALLOWED = Pattern.compile("(/v1\\.\\d{1,2})?/(_ping|version|info|containers/json|images/json"
            + "|containers/[A-Za-z0-9][A-Za-z0-9_.-]*/(json|logs|stats)|images/[A-Za-z0-9][A-Za-z0-9._:/@-]*/(json|history))");
    /** A list, not only a set, so that picking from it is reproducible (the order of a Set.of differs from run to run). */
    static final List<String> READ_KEY_LIST = List.of("all", "filters", "size", "stdout", "stderr", "tail", "since", "until", "timestamps",
            "stream", "one-shot");
    static final Set<String> READ_KEYS = Set.copyOf(READ_KEY_LIST);

    /** The reads the server makes, and near them the writes and other endpoints it must never reach. */
    static final List<String> READ_TEMPLATES = List.of("/_ping", "/version", "/info", "/containers/json", "/images/json", "/containers/%s/json",
            "/containers/%s/logs", "/containers/%s/stats", "/images/%s/json", "/images/%s/history");
    static final List<String> TEMPLATES = Stream.concat(READ_TEMPLATES.stream(), Stream.of("/containers/%s/exec", "/containers/%s/kill",
            "/containers/create", "/images/create", "/containers/%s/attach", "/build", "/exec/%s/start", "/containers/%s/archive", "/swarm/init",
            "/volumes/%s", "/networks/%s/connect", "/plugins/pull", "/containers/prune", "/auth")).toList();
    static final List<String> PREFIXES = List.of("", "/v1.41", "/v1.24", "/v1.4", "/v9.99", "/v1.41/", "/v1", "/V1.41", "/v1.41/..", "//v1.41");
    static final List<String> IMAGE_REFS = List.of("sha256:abc", "nginx:1.27", "example.com:5000/team/app:2.0");
    static final List<String> SEGMENTS = Stream.concat(IMAGE_REFS.stream(), Stream.of("web", "a/b", "a/../b", "x/json", "x/../../create")).toList();
    static final List<String> OTHER_KEYS = List.of("follow", "force", "v", "link", "signal", "t", "fromImage", "cmd", "Cmd", "ALL", "all ", "a-b", "");
    static final List<String> VALUES = List.of("1", "0", "true", "false", "100", "%7B%7D", "x%26follow%3D1");

    /** Methods are never chosen by a caller, so only printable ones here; see refusalEchoesTheMethodAsIs. */
    static String method(Gen g) {
        if (g.bool()) {
            return g.pick("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE", "get", "Get", "GET ", " GET", "", "G\u0045T");
        }
        return g.string(Gen.range('!', '~'), 0, 8);
    }

    /** Mostly near-misses of real requests: a prefix, a template, a segment, and an injection somewhere. */
    static String path(Gen g) {
        if (g.bool()) {
            return "/" + HostileStrings.anything(g);
        }
        String path = g.pick(PREFIXES) + g.pick(TEMPLATES).replace("%s", segment(g));
        String inj = HostileStrings.injection(g);
        return switch (g.between(0, 3)) {
            case 0 -> path;
            case 1 -> path + inj;
            case 2 -> inj + path;
            default -> path.replaceFirst("/", Matcher.quoteReplacement("/" + inj));
        };
    }

    static String segment(Gen g) {
        return switch (g.between(0, 2)) {
            case 0 -> HostileStrings.anything(g);
            case 1 -> HostileStrings.validContainerName(g);
            default -> g.pick(SEGMENTS);
        };
    }

    static String query(Gen g) {
        return switch (g.between(0, 3)) {
            case 0 -> "";
            case 1 -> pair(g);
            case 2 -> String.join("&", g.list(1, 4, () -> pair(g)));
            default -> HostileStrings.anything(g);
        };
    }

    static String pair(Gen g) {
        String key = g.bool() ? g.pick(READ_KEY_LIST) : g.pick(OTHER_KEYS);
        return key + g.pick("=", "", "==") + (g.bool() ? g.pick(VALUES) : HostileStrings.anything(g));
    }

    /**
     * A request as the server makes it: GET (or HEAD /_ping) on a read template, with a plain name and a
     * query of read keys. The guard should accept most of these; mixed in with the near-misses, they keep
     * the property from holding only because everything is refused.
     */
    static List<String> realRead(Gen g) {
        String template = g.pick(READ_TEMPLATES);
        String method = template.equals("/_ping") && g.bool() ? "HEAD" : "GET";
        String name = template.startsWith("/images/") && g.bool() ? g.pick(IMAGE_REFS) : HostileStrings.validContainerName(g);
        String path = g.pick("", "/v1.41", "/v1.24") + template.replace("%s", name);
        String query = g.bool() ? "" : String.join("&", g.list(1, 3, () -> g.pick(READ_KEY_LIST) + "=" + g.pick(VALUES)));
        return List.of(method, path, query);
    }

    @Test
    void whateverTheGuardAcceptsIsAnAllowListedRead(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < 5000; i++) {
            Gen g = tries.gen(i);
            List<String> request = g.weighted(4, 1) == 0 ? List.of(method(g), path(g), query(g)) : realRead(g);
            // not vacuous: a fair share of the requests must be real, accepted reads (checked after the loop)
            tries.checkAccepted(i, request, () -> acceptedOnlyAsAnAllowListedRead(request.get(0), request.get(1), request.get(2)));
        }
        tries.assertAcceptedAbove(2.0);
    }

    static boolean acceptedOnlyAsAnAllowListedRead(String method, String path, String query) {
        try {
            RequestGuard.check(method, path, query);
        } catch (EngineException e) {
            assertThat(e.kind()).isEqualTo(EngineException.Kind.REFUSED);
            assertThat(HostileStrings.isOneCleanLine(e.getMessage())).as("one clean line: " + e.getMessage()).isTrue();
            return false;
        }
        assertThat(method.equals("GET") || (method.equals("HEAD") && path.equals("/_ping"))).as("method " + method + " on " + path).isTrue();
        assertThat(path).matches(ALLOWED).doesNotContain("..", "//", "\\", "?", "#", "%", "\r", "\n", " ", "\u0000");
        assertThat(path.chars().allMatch(c -> c > 0x20 && c < 0x7f)).as("ASCII only: " + path).isTrue();
        if (!query.isEmpty()) {
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                assertThat(eq).as("key=value: " + pair).isPositive();
                assertThat(READ_KEYS).contains(pair.substring(0, eq));
                assertThat(pair.substring(eq + 1)).matches("[A-Za-z0-9%._~-]*");
            }
        }
        return true;
    }

    /** The refusal never echoes raw bytes of the method (CR/LF, NUL, direction marks). */
    @Test
    void refusalEchoesTheMethodAsIs() {
        for (String method : new String[] {"GET\r\nX-Injected: 1", "GET\u0000", "GET\u202e"}) {
            try {
                RequestGuard.check(method, "/_ping", "");
                throw new AssertionError(method + " accepted");
            } catch (EngineException e) {
                assertThat(HostileStrings.isOneCleanLine(e.getMessage())).as("one clean line: " + e.getMessage()).isTrue();
            }
        }
    }

    @Test
    void writesAreRefusedOnEveryPath(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < 2000; i++) {
            String path = path(tries.gen(i));
            tries.check(i, path, () -> writesAreRefused(path));
        }
    }

    static void writesAreRefused(String path) {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            try {
                RequestGuard.check(method, path, "");
                throw new AssertionError(method + " " + path + " was accepted");
            } catch (EngineException expected) {
                assertThat(expected.kind()).isEqualTo(EngineException.Kind.REFUSED);
            }
        }
    }
}
