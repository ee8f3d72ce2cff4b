package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.tools.ToolArgs;
import dockermcp.tools.ToolFailure;
import dockermcp.tools.ToolSpec;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Arbitrary argument maps (every JSON type, hostile strings, huge and odd numbers, unknown names) against
 * the input schema of every tool, as reviewed in the tools/list snapshot: ToolArgs.check never throws
 * anything but ToolFailure, its message is one clean line, and whatever it accepts reads back within the
 * schema's bounds.
 */
class ToolArgsPropertyTest {

    static final List<ToolSpec> SPECS = specs();

    @SuppressWarnings("unchecked")
    static List<ToolSpec> specs() {
        try (InputStream in = ToolArgsPropertyTest.class.getResourceAsStream("/snapshots/tools-list.json")) {
            List<Map<String, Object>> tools = JsonMapper.builder().build().readValue(in, new TypeReference<List<Map<String, Object>>>() { });
            List<ToolSpec> out = new ArrayList<>();
            for (Map<String, Object> t : tools) {
                out.add(new ToolSpec((String) t.get("name"), (String) t.get("title"), (String) t.get("description"),
                        (Map<String, Object>) t.get("inputSchema"), (Map<String, Object>) t.get("outputSchema")));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<ToolSpec> tools() {
        return Arbitraries.of(SPECS);
    }

    @SuppressWarnings("unchecked")
    @Provide
    Arbitrary<Map<String, Object>> arguments() {
        Arbitrary<String> knownKey = Arbitraries.of("all", "name", "status", "label", "host", "container", "tail", "since", "until",
                "timestamps", "stdout", "stderr", "reference", "dangling", "image");
        Arbitrary<String> key = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, knownKey), net.jqwik.api.Tuple.of(1, HostileStrings.anything()));
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                HostileStrings.anything().map(s -> (Object) s),
                Arbitraries.of("local", "remote", "web", "running", "true", "false", "100", "-1", "1e3", "30m", "2025-01-02T15:04:05Z", "").map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(0, 1, 100, 1000, 1001, -1, Integer.MAX_VALUE, Integer.MIN_VALUE).map(i -> (Object) i),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 1.5, 1e308, -1e308, 1e15, 999.0, 1e-300)
                        .map(d -> (Object) d),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(new BigInteger("9223372036854775808"), new BigInteger("-9223372036854775809"), BigInteger.TEN.pow(400))
                        .map(b -> (Object) b),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("100.000"), new BigDecimal("-0.0"), new BigDecimal("1E+2")).map(b -> (Object) b),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        Arbitrary<Object> nested = Arbitraries.oneOf(
                scalar.list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.maps(HostileStrings.anything(), scalar).ofMaxSize(3).map(m -> (Object) m));
        Arbitrary<Object> value = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, scalar), net.jqwik.api.Tuple.of(1, nested));
        return Arbitraries.maps(key, value).ofMaxSize(6).map(m -> (Map<String, Object>) new LinkedHashMap<>(m));
    }

    @SuppressWarnings("unchecked")
    @Property(tries = 1500)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void checkOnlyEverThrowsToolFailureWithOneCleanLine(@ForAll("tools") ToolSpec spec, @ForAll("arguments") Map<String, Object> args) {
        ToolArgs checked;
        try {
            checked = ToolArgs.check(spec, args);
            Statistics.label("accepted").collect(true).coverage(c -> c.check(true).percentage(p -> p > 1.0));
        } catch (ToolFailure f) {
            Statistics.label("accepted").collect(false);
            assertThat(HostileStrings.isOneCleanLine(f.getMessage())).as("one clean line: " + f.getMessage()).isTrue();
            assertThat(f.getMessage()).endsWith(".");
            return;
        } catch (RuntimeException e) {
            throw new AssertionError(spec.name() + " " + args + " threw " + e, e);
        }
        Map<String, Object> props = (Map<String, Object>) spec.inputSchema().get("properties");
        assertThat(props.keySet()).containsAll(args.keySet());
        for (Map.Entry<String, Object> e : props.entrySet()) {
            Map<String, Object> p = (Map<String, Object>) e.getValue();
            String name = e.getKey();
            switch ((String) p.get("type")) {
                case "string" -> {
                    String s = checked.string(name);
                    if (s != null) {
                        assertThat(s.chars().noneMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)))
                                .as("no control or direction characters in " + name).isTrue();
                        assertThat(s.length()).isLessThanOrEqualTo(((Number) p.getOrDefault("maxLength", 1024)).intValue());
                        if (p.get("enum") instanceof List<?> allowed) {
                            assertThat(allowed.contains(s)).as(name + " in " + allowed).isTrue();
                        }
                    }
                }
                case "integer" -> {
                    int n = checked.integer(name, ((Number) p.get("minimum")).intValue());
                    assertThat(n).isBetween(((Number) p.get("minimum")).intValue(), ((Number) p.get("maximum")).intValue());
                }
                case "boolean" -> checked.bool(name, false);
                default -> throw new AssertionError("unexpected schema type for " + name);
            }
        }
        Object required = spec.inputSchema().get("required");
        if (required instanceof List<?> req) {
            req.forEach(r -> assertThat(checked.string((String) r)).as("required " + r).isNotNull());
        }
    }
}
