package dockermcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolArgsTest {

    private final ToolSpec spec = new ToolSpec("docker_logs", "t", "d",
            Schema.object().string("container", "Container name", 256).integer("tail", "lines", 0, 1000)
                    .bool("timestamps", "ts").host().required("container").closed().build(), Map.of());

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private void refused(Map<String, Object> a, String fragment) {
        assertThatThrownBy(() -> ToolArgs.check(spec, a)).isInstanceOf(ToolFailure.class)
                .satisfies(e -> assertThat(((ToolFailure) e).refused()).isTrue())
                .hasMessageContaining(fragment)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception", "\n"));
    }

    @Test
    void acceptsWellFormedArguments() throws Exception {
        ToolArgs a = ToolArgs.check(spec, args("container", "web", "tail", 5, "timestamps", true, "host", "local"));
        assertThat(a.string("container")).isEqualTo("web");
        assertThat(a.integer("tail", 100)).isEqualTo(5);
        assertThat(a.bool("timestamps", false)).isTrue();
        assertThat(a.host()).isEqualTo("local");
        assertThat(ToolArgs.check(spec, args("container", "web", "tail", "7", "timestamps", "true")).integer("tail", 0)).isEqualTo(7);
    }

    @Test
    void refusesWhatTheSchemaDoesNotAllow() {
        refused(args(), "needs the argument 'container'");
        refused(args("container", ""), "needs the argument 'container'");
        refused(args("container", "web", "follow", true), "has no argument 'follow'");
        refused(args("container", 42), "must be a string");
        refused(args("container", List.of("web")), "must be a string");
        refused(args("container", Map.of("a", 1)), "must be a string");
        refused(args("container", "x".repeat(10_000)), "the limit is 256");
        refused(args("container", "web\r\nX"), "control character");
        refused(args("container", "web\u0000"), "control character");
        refused(args("container", "web\u202e"), "direction marks");
        refused(args("container", "web", "tail", -1), "between 0 and 1000");
        refused(args("container", "web", "tail", 100_000), "between 0 and 1000");
        refused(args("container", "web", "tail", 1e300), "whole number");
        refused(args("container", "web", "tail", 2.5), "whole number");
        refused(args("container", "web", "tail", "ten"), "whole number");
        refused(args("container", "web", "timestamps", "yes"), "true or false");
        // an unconfigured host is refused by Hosts.addressed, with how to add it (FleetIT, BadInputIT)
    }
}
