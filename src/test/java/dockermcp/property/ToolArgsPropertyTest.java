package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.tools.ToolArgs;
import dockermcp.tools.ToolFailure;
import dockermcp.tools.ToolSpec;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
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

    static final List<String> KNOWN_KEYS = List.of("all", "name", "status", "label", "host", "container", "tail", "since", "until",
            "timestamps", "stdout", "stderr", "reference", "dangling", "image");
    static final List<String> PLAIN_STRINGS = List.of("local", "remote", "web", "running", "true", "false", "100", "-1", "1e3", "30m",
            "2025-01-02T15:04:05Z", "");
    static final List<Integer> EDGE_INTS = List.of(0, 1, 100, 1000, 1001, -1, Integer.MAX_VALUE, Integer.MIN_VALUE);
    static final List<Double> ODD_DOUBLES = List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 1.5, 1e308, -1e308,
            1e15, 999.0, 1e-300);
    static final List<BigInteger> BIG_INTEGERS = List.of(new BigInteger("9223372036854775808"), new BigInteger("-9223372036854775809"),
            BigInteger.TEN.pow(400));
    static final List<BigDecimal> BIG_DECIMALS = List.of(new BigDecimal("1e400"), new BigDecimal("100.000"), new BigDecimal("-0.0"),
            new BigDecimal("1E+2"));

    /** Argument maps: mostly known names, every JSON type as values, hostile strings, huge and odd numbers. */
    static Map<String, Object> arguments(Gen g) {
        return g.map(6, () -> g.weighted(8, 1) == 0 ? g.pick(KNOWN_KEYS) : HostileStrings.anything(g),
                () -> g.weighted(6, 1) == 0 ? scalar(g) : nested(g));
    }

    static Object nested(Gen g) {
        return g.bool() ? g.list(0, 3, () -> scalar(g)) : g.map(3, () -> HostileStrings.anything(g), () -> scalar(g));
    }

    static Object scalar(Gen g) {
        return switch (g.between(0, 10)) {
            case 0 -> HostileStrings.anything(g);
            case 1 -> g.pick(PLAIN_STRINGS);
            case 2 -> g.anyInt();
            case 3 -> g.anyLong();
            case 4 -> g.pick(EDGE_INTS);
            case 5 -> g.pick(ODD_DOUBLES);
            case 6 -> g.anyDouble();
            case 7 -> g.pick(BIG_INTEGERS);
            case 8 -> g.pick(BIG_DECIMALS);
            case 9 -> g.bool();
            default -> null;
        };
    }

    @Test
    void checkOnlyEverThrowsToolFailureWithOneCleanLine(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < 1500; i++) {
            Gen g = tries.gen(i);
            ToolSpec spec = g.pick(SPECS);
            Map<String, Object> args = arguments(g);
            tries.checkAccepted(i, List.of(spec.name(), args), () -> checkOnlyEverThrowsToolFailure(spec, args));
        }
        tries.assertAcceptedAbove(1.0);
    }

    /** True if the arguments were accepted (and then read back within bounds), false if refused with a clean message. */
    @SuppressWarnings("unchecked")
    static boolean checkOnlyEverThrowsToolFailure(ToolSpec spec, Map<String, Object> args) {
        ToolArgs checked;
        try {
            checked = ToolArgs.check(spec, args);
        } catch (ToolFailure f) {
            assertThat(HostileStrings.isOneCleanLine(f.getMessage())).as("one clean line: " + f.getMessage()).isTrue();
            assertThat(f.getMessage()).endsWith(".");
            return false;
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
                        // host is checked against the configured hosts by Hosts.addressed, not by its enum here (ToolArgs)
                        if (p.get("enum") instanceof List<?> allowed && !name.equals("host")) {
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
        return true;
    }
}
