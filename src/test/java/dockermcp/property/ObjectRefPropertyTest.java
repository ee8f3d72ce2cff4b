package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.engine.EngineException;
import dockermcp.engine.ObjectRef;
import dockermcp.engine.RequestGuard;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Names from the model become part of a request path only through ObjectRef: whatever the input, either
 * it is refused with one clean sentence, or what comes out is a plain path segment that the read-only
 * guard accepts and that needs no escaping.
 */
class ObjectRefPropertyTest {

    /** Anything, or a registry reference with injections between its components. */
    static String image(Gen g) {
        if (g.bool()) {
            return HostileStrings.anything(g);
        }
        return "registry.example.com:5000/" + component(g) + HostileStrings.injection(g) + component(g) + HostileStrings.injection(g) + ":"
                + component(g);
    }

    static String component(Gen g) {
        return g.string(Gen.LOWER + Gen.DIGITS, 1, 12);
    }

    @Test
    void aContainerNameIsRefusedOrIsAPlainPathSegment(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < 3000; i++) {
            String input = HostileStrings.anything(tries.gen(i));
            tries.checkAccepted(i, input, () -> containerNameIsRefusedOrPlain(input));
        }
        tries.assertAcceptedAbove(2.0);
    }

    /** True if the name was accepted (and is then a plain segment), false if it was refused cleanly. */
    static boolean containerNameIsRefusedOrPlain(String input) {
        String ref;
        try {
            ref = ObjectRef.container(input);
        } catch (EngineException e) {
            assertThat(e.kind()).isEqualTo(EngineException.Kind.BAD_INPUT);
            assertThat(HostileStrings.isOneCleanLine(e.getMessage())).as("one clean line: " + e.getMessage()).isTrue();
            return false;
        }
        assertThat(ref).matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,252}").doesNotContain("..");
        assertThat(input.equals(ref) || input.equals("/" + ref)).as("the name is used as given").isTrue();
        String path = "/v1.41/containers/" + ref + "/json";
        assertThat(URI.create("http://localhost" + path).getRawPath()).isEqualTo(path);
        assertGuardAccepts(path);
        assertGuardAccepts("/v1.41/containers/" + ref + "/logs");
        assertGuardAccepts("/v1.41/containers/" + ref + "/stats");
        return true;
    }

    @Test
    void anImageReferenceIsRefusedOrIsAPlainPath(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < 3000; i++) {
            String input = image(tries.gen(i));
            tries.check(i, input, () -> imageReferenceIsRefusedOrPlain(input));
        }
    }

    static void imageReferenceIsRefusedOrPlain(String input) {
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

    @Test
    void refusalIsFastForHugeInputs(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < 300; i++) {
            String input = HostileStrings.anything(tries.gen(i));
            tries.check(i, input, () -> refusalIsFast(input));
        }
    }

    static void refusalIsFast(String input) {
        // a name this long is refused by its length, whatever it holds (the check is linear: no pattern backtracks over it)
        String huge = input.repeat(Math.max(1, 200_000 / Math.max(1, input.length())));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ObjectRef.container(huge)).isInstanceOf(EngineException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ObjectRef.image(huge)).isInstanceOf(EngineException.class);
    }

    private static void assertGuardAccepts(String path) {
        try {
            RequestGuard.check("GET", path, "");
        } catch (EngineException e) {
            throw new AssertionError("ObjectRef let through a name the guard refuses: " + path, e);
        }
    }
}
