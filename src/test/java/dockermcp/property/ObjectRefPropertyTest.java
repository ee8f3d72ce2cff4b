package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.engine.EngineException;
import dockermcp.engine.ObjectRef;
import dockermcp.engine.RequestGuard;
import java.net.URI;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Names from the model become part of a request path only through ObjectRef: whatever the input, either
 * it is refused with one clean sentence, or what comes out is a plain path segment that the read-only
 * guard accepts and that needs no escaping.
 */
class ObjectRefPropertyTest {

    @Provide
    Arbitrary<String> names() {
        return HostileStrings.anything();
    }

    @Provide
    Arbitrary<String> images() {
        Arbitrary<String> component = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> reference = Combinators.combine(component, HostileStrings.injection(), component, HostileStrings.injection(), component)
                .as((a, b, c, d, e) -> "registry.example.com:5000/" + a + b + c + d + ":" + e);
        return Arbitraries.oneOf(HostileStrings.anything(), reference);
    }

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void aContainerNameIsRefusedOrIsAPlainPathSegment(@ForAll("names") String input) {
        String ref;
        try {
            ref = ObjectRef.container(input);
            Statistics.label("accepted").collect(true).coverage(c -> c.check(true).percentage(p -> p > 2.0));
        } catch (EngineException e) {
            Statistics.label("accepted").collect(false);
            assertThat(e.kind()).isEqualTo(EngineException.Kind.BAD_INPUT);
            assertThat(HostileStrings.isOneCleanLine(e.getMessage())).as("one clean line: " + e.getMessage()).isTrue();
            return;
        }
        assertThat(ref).matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,252}").doesNotContain("..");
        assertThat(input.equals(ref) || input.equals("/" + ref)).as("the name is used as given").isTrue();
        String path = "/v1.41/containers/" + ref + "/json";
        assertThat(URI.create("http://localhost" + path).getRawPath()).isEqualTo(path);
        assertGuardAccepts(path);
        assertGuardAccepts("/v1.41/containers/" + ref + "/logs");
        assertGuardAccepts("/v1.41/containers/" + ref + "/stats");
    }

    @Property(tries = 3000)
    void anImageReferenceIsRefusedOrIsAPlainPath(@ForAll("images") String input) {
        String ref;
        try {
            ref = ObjectRef.image(input);
        } catch (EngineException e) {
            assertThat(e.kind()).isEqualTo(EngineException.Kind.BAD_INPUT);
            assertThat(HostileStrings.isOneCleanLine(e.getMessage())).as("one clean line: " + e.getMessage()).isTrue();
            return;
        }
        assertThat(ref).isEqualTo(input).matches("[A-Za-z0-9][A-Za-z0-9._:/@-]{0,511}").doesNotContain("..", "//");
        assertThat(ref).doesNotEndWith("/");
        String path = "/v1.41/images/" + ref + "/json";
        assertThat(URI.create("http://localhost" + path).getRawPath()).isEqualTo(path);
        assertGuardAccepts(path);
        assertGuardAccepts("/v1.41/images/" + ref + "/history");
    }

    @Property(tries = 300)
    void refusalIsFastForHugeInputs(@ForAll("names") String input) {
        String huge = input.repeat(Math.max(1, 200_000 / Math.max(1, input.length())));
        long t0 = System.nanoTime();
        try {
            ObjectRef.container(huge);
        } catch (EngineException expected) {
            // fine: the point is the time
        }
        try {
            ObjectRef.image(huge);
        } catch (EngineException expected) {
            // fine
        }
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to check a %d-character name", huge.length()).isLessThan(500);
    }

    private static void assertGuardAccepts(String path) {
        try {
            RequestGuard.check("GET", path, "");
        } catch (EngineException e) {
            throw new AssertionError("ObjectRef let through a name the guard refuses: " + path, e);
        }
    }
}
