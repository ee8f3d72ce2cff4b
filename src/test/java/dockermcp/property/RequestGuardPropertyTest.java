package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.engine.EngineException;
import dockermcp.engine.RequestGuard;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The read-only seam: over arbitrary methods, paths and queries (mostly near-misses of real requests),
 * whatever RequestGuard.check accepts is a GET (or HEAD /_ping) on the allow-list, written here
 * independently, with nothing that could change the path or smuggle a second request.
 */
class RequestGuardPropertyTest {

    static final Pattern ALLOWED = Pattern.compile("(/v1\\.\\d{1,2})?/(_ping|version|info|containers/json|images/json"
            + "|containers/[A-Za-z0-9][A-Za-z0-9_.-]*/(json|logs|stats)|images/[A-Za-z0-9][A-Za-z0-9._:/@-]*/(json|history))");
    static final Set<String> READ_KEYS = Set.of("all", "filters", "size", "stdout", "stderr", "tail", "since", "until", "timestamps",
            "stream", "one-shot");

    /** Methods are never chosen by a caller, so only printable ones here; see refusalEchoesTheMethodAsIs. */
    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.oneOf(Arbitraries.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE", "get", "Get",
                "GET ", " GET", "", "G\u0045T"), Arbitraries.strings().withCharRange('!', '~').ofMaxLength(8));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> template = Arbitraries.of("/_ping", "/version", "/info", "/containers/json", "/images/json", "/containers/%s/json",
                "/containers/%s/logs", "/containers/%s/stats", "/images/%s/json", "/images/%s/history", "/containers/%s/exec",
                "/containers/%s/kill", "/containers/create", "/images/create", "/containers/%s/attach", "/build", "/exec/%s/start",
                "/containers/%s/archive", "/swarm/init", "/volumes/%s", "/networks/%s/connect", "/plugins/pull", "/containers/prune", "/auth");
        Arbitrary<String> prefix = Arbitraries.of("", "/v1.41", "/v1.24", "/v1.4", "/v9.99", "/v1.41/", "/v1", "/V1.41", "/v1.41/..", "//v1.41");
        Arbitrary<String> segment = Arbitraries.oneOf(HostileStrings.anything(), HostileStrings.validContainerName(),
                Arbitraries.of("web", "a/b", "a/../b", "sha256:abc", "nginx:1.27", "example.com:5000/team/app:2.0", "x/json", "x/../../create"));
        Arbitrary<String> built = Combinators.combine(prefix, template, segment, HostileStrings.injection(), Arbitraries.integers().between(0, 3))
                .as((p, t, s, inj, where) -> {
                    String path = p + t.replace("%s", s);
                    return switch (where) {
                        case 0 -> path;
                        case 1 -> path + inj;
                        case 2 -> inj + path;
                        default -> path.replaceFirst("/", java.util.regex.Matcher.quoteReplacement("/" + inj));
                    };
                });
        return Arbitraries.oneOf(built, HostileStrings.anything().map(s -> "/" + s));
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(READ_KEYS.toArray(String[]::new)),
                Arbitraries.of("follow", "force", "v", "link", "signal", "t", "fromImage", "cmd", "Cmd", "ALL", "all ", "a-b", ""));
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("1", "0", "true", "false", "100", "%7B%7D", "x%26follow%3D1"),
                HostileStrings.anything());
        Arbitrary<String> pair = Combinators.combine(key, Arbitraries.of("=", "", "=="), value).as((k, eq, v) -> k + eq + v);
        return Arbitraries.oneOf(Arbitraries.just(""), pair, pair.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("&", l)),
                HostileStrings.anything());
    }

    @Property(tries = 5000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void whateverTheGuardAcceptsIsAnAllowListedRead(@ForAll("methods") String method, @ForAll("paths") String path, @ForAll("queries") String query) {
        boolean accepted = true;
        try {
            RequestGuard.check(method, path, query);
        } catch (EngineException e) {
            accepted = false;
        }
        // not vacuous: a fair share of the near-misses must be real, accepted reads
        Statistics.label("accepted").collect(accepted).coverage(c -> c.check(true).percentage(p -> p > 2.0));
        try {
            RequestGuard.check(method, path, query);
        } catch (EngineException e) {
            assertThat(e.kind()).isEqualTo(EngineException.Kind.REFUSED);
            assertThat(HostileStrings.isOneCleanLine(e.getMessage())).as("one clean line: " + e.getMessage()).isTrue();
            return;
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
    }

    /**
     * needs server fix: RequestGuard.check puts the method into its refusal message unfiltered (the path is
     * abbreviated to printable ASCII, the method is not), so "GET\r\n" yields a two-line message. The server
     * itself only ever passes GET or HEAD, so nothing reaches a client today; the seam should still not echo
     * raw bytes.
     */
    @net.jqwik.api.Disabled("needs server fix: RequestGuard.check echoes the method unfiltered in its refusal message")
    @net.jqwik.api.Example
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

    @Property(tries = 2000)
    void writesAreRefusedOnEveryPath(@ForAll("paths") String path) {
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
