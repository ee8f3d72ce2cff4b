package dockermcp.it.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3 §1: the whole hostile corpus (src/test/resources/adversarial/corpus.json), one value at a time
 * in place of every parameter of every tool, through the packaged server over stdio (so the SDK's path is
 * included) to the real unix daemon started with -D. Then, with the daemon as witness: it received only
 * GET/HEAD requests on allow-listed read paths with read-only query keys; every answer is a JSON-RPC error,
 * an isError result with one clean sentence, or (for values a valid call may carry) a proper result; and
 * no container, image, network or volume changed.
 */
@Timeout(300)
class CorpusIT {

    /** The allow-list, written independently of RequestGuard: the witness must not share the code it checks. */
    static final Pattern READ_PATH = Pattern.compile("/(v1\\.\\d{1,2}/)?(_ping|version|info|containers/json|images/json|nodes|services|tasks|events|networks|volumes"
            + "|containers/[A-Za-z0-9][A-Za-z0-9_.-]*/(json|logs|stats|top)|images/[A-Za-z0-9][A-Za-z0-9._:/@-]*/(json|history))");
    static final Set<String> READ_QUERY_KEYS = Set.of("all", "filters", "size", "stdout", "stderr", "tail", "since", "until",
            "timestamps", "stream", "one-shot", "status");
    static final Set<String> FILTER_KEYS = Set.of("name", "status", "label", "reference", "dangling", "type");
    static final Pattern QUERY_VALUE = Pattern.compile("[A-Za-z0-9%._~-]*");
    static final Pattern LEAKED_INTERNALS = Pattern.compile(
            "[A-Z][A-Za-z]*(Exception|Error)\\b|\\tat |\\bjava\\.|jackson|modelcontextprotocol|reactor\\.core|\\bCaused by\\b");
    static final int WINDOW = 32;

    @TempDir
    Path dir;

    record Case(String tool, String param, String label, String argumentsJson, boolean mustRefuse) {
        String name() {
            return tool + "." + param + " <- " + label;
        }
    }

    @Test
    void theWholeCorpusChangesNothingAndTheDaemonSeesOnlyAllowListedReads() throws Exception {
        TestEngines engines = TestEngines.shared();
        JsonNode corpus;
        try (InputStream in = CorpusIT.class.getResourceAsStream("/adversarial/corpus.json")) {
            corpus = JarServer.JSON.readTree(in);
        }
        try (JarServer server = JarServer.started(engines.local(), dir, List.of())) {
            JsonNode tools = server.request("tools/list", null).get(30, TimeUnit.SECONDS).at("/result/tools");
            List<Case> cases = cases(corpus, tools);
            assertThat(cases).hasSizeGreaterThan(1000);

            String before = objects(engines); // before the mark: the CLI's own requests must not count
            dockermcp.it.DaemonLog log = dockermcp.it.DaemonLog.from(engines.get("UNIX_LOG"));
            long t0 = System.nanoTime();
            List<String> problems = run(server, cases);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            List<String> requests = log.requests();
            String after = objects(engines);
            System.out.printf("CorpusIT: %d hostile calls in %d ms; the daemon received %d requests%n", cases.size(), ms, requests.size());

            assertThat(server.ping(JarServer.HANG_GUARD)).as("the server answers ping after the corpus").isTrue();
            assertThat(server.garbage()).as("stdout lines that are not JSON").isEmpty();
            assertThat(problems).as("answers that are not a JSON-RPC error, an isError sentence or a proper result").isEmpty();
            assertThat(requests).as("the daemon received the calls that were valid").isNotEmpty();
            assertThat(requests.stream().map(CorpusIT::requestProblem).filter(p -> p != null).distinct().toList())
                    .as("requests the daemon received that are not allow-listed reads").isEmpty();
            assertThat(after).as("containers, images, networks and volumes after the corpus").isEqualTo(before);
            assertThat(server.alive()).isTrue();
        }
    }

    /** Every hostile value in place of every parameter (the corpus must name every parameter the server declares). */
    static List<Case> cases(JsonNode corpus, JsonNode tools) {
        List<Case> out = new ArrayList<>();
        for (JsonNode tool : tools) {
            String name = tool.get("name").asString();
            JsonNode spec = corpus.at("/tools/" + name);
            assertThat(spec.isMissingNode()).as("corpus.json has an entry for tool " + name).isFalse();
            JsonNode props = tool.at("/inputSchema/properties");
            Set<String> declared = new TreeSet<>(props.propertyNames());
            Set<String> covered = new TreeSet<>();
            spec.get("parameters").forEach(p -> covered.add(p.asString()));
            assertThat(covered).as("corpus.json covers every parameter of " + name).isEqualTo(declared);
            Set<String> mustRefuse = new LinkedHashSet<>();
            spec.get("mustRefuse").forEach(p -> mustRefuse.add(p.asString()));
            Map<String, JsonNode> base = new LinkedHashMap<>();
            spec.get("base").properties().forEach(e -> base.put(e.getKey(), e.getValue()));

            for (String param : declared) {
                String type = props.get(param).get("type").asString();
                switch (type) {
                    case "string" -> {
                        for (JsonNode s : corpus.get("strings")) {
                            String value = s.has("repeat") ? s.get("repeat").asString().repeat(s.get("times").asInt()) : s.get("value").asString();
                            boolean refuse = mustRefuse.contains(param) && !"either".equals(s.path("expect").asString(""));
                            out.add(new Case(name, param, s.get("label").asString(), args(base, param, JarServer.JSON.writeValueAsString(value)), refuse));
                        }
                        raw(out, name, param, base, corpus.at("/wrongTypes/forString"));
                    }
                    case "integer" -> {
                        raw(out, name, param, base, corpus.get("integers"));
                        raw(out, name, param, base, corpus.at("/wrongTypes/forInteger"));
                    }
                    case "boolean" -> raw(out, name, param, base, corpus.at("/wrongTypes/forBoolean"));
                    default -> throw new IllegalStateException("no corpus for parameter type " + type + " of " + name + "." + param);
                }
            }
            for (JsonNode key : corpus.get("unknownArgumentNames")) {
                Map<String, JsonNode> extra = new LinkedHashMap<>(base);
                extra.put(key.asString(), JarServer.JSON.getNodeFactory().stringNode("x"));
                out.add(new Case(name, "(unknown argument)", shorten(JarServer.JSON.writeValueAsString(key.asString())),
                        JarServer.JSON.writeValueAsString(extra), true));
            }
        }
        return out;
    }

    private static void raw(List<Case> out, String tool, String param, Map<String, JsonNode> base, JsonNode entries) {
        for (JsonNode e : entries) {
            boolean refuse = !"either".equals(e.path("expect").asString("refused"));
            out.add(new Case(tool, param, e.get("label").asString(), args(base, param, e.get("json").asString()), refuse));
        }
    }

    /** The base arguments with {@code param} set to the raw JSON text {@code valueJson}. */
    private static String args(Map<String, JsonNode> base, String param, String valueJson) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, JsonNode> e : base.entrySet()) {
            if (!e.getKey().equals(param)) {
                sb.append(JarServer.JSON.writeValueAsString(e.getKey())).append(':').append(JarServer.JSON.writeValueAsString(e.getValue())).append(',');
            }
        }
        sb.append(JarServer.JSON.writeValueAsString(param)).append(':').append(valueJson).append('}');
        return sb.toString();
    }

    /** Sends every case, at most WINDOW in flight, and returns one line per answer that breaks the contract. */
    private static List<String> run(JarServer server, List<Case> cases) throws Exception {
        List<String> problems = new ArrayList<>();
        List<CompletableFuture<JsonNode>> inFlight = new ArrayList<>();
        List<Case> sent = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            inFlight.add(server.callRaw(cases.get(i).tool(), cases.get(i).argumentsJson()));
            sent.add(cases.get(i));
            if (inFlight.size() == WINDOW || i == cases.size() - 1) {
                for (int j = 0; j < inFlight.size(); j++) {
                    Case c = sent.get(j);
                    JsonNode reply;
                    try {
                        reply = inFlight.get(j).get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        problems.add(c.name() + ": no answer within 60 s (" + e + ")");
                        continue;
                    }
                    String p = answerProblem(c, new JarServer.Reply(reply));
                    if (p != null) {
                        problems.add(c.name() + ": " + p);
                    }
                }
                inFlight.clear();
                sent.clear();
                if (!server.alive()) {
                    problems.add("the server process died after " + (i + 1) + " cases");
                    break;
                }
            }
        }
        return problems;
    }

    static String answerProblem(Case c, JarServer.Reply r) {
        if (r.isProtocolError()) {
            String m = r.message().at("/error/message").asString("");
            return LEAKED_INTERNALS.matcher(m).find() || m.contains("\n") ? "JSON-RPC error message leaks internals: " + shorten(m) : null;
        }
        if (!r.message().has("result")) {
            return "neither result nor error: " + shorten(r.message().toString());
        }
        if (r.isError()) {
            String p = sentenceProblem(r.text());
            return p == null ? null : p + ": " + shorten(r.text());
        }
        if (c.mustRefuse()) {
            return "accepted: " + shorten(r.text());
        }
        return r.structured().isObject() && !r.text().isBlank() ? null : "a result without structured content: " + shorten(r.message().toString());
    }

    /** Null when the text is one clean sentence. */
    static String sentenceProblem(String text) {
        if (text.isBlank()) {
            return "empty error";
        }
        if (LEAKED_INTERNALS.matcher(text).find()) {
            return "stack trace or class name in the error";
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x20 || ch == 0x7f || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069) || ch == 0x2028 || ch == 0x2029
                    || Character.isSurrogate(ch)) {
                return "control, line-break or direction character U+" + Integer.toHexString(ch) + " in the error";
            }
        }
        if (!text.endsWith(".")) {
            return "error is not one sentence ending in '.'";
        }
        return text.length() > 600 ? "error longer than 600 characters" : null;
    }

    /** Null when a request logged by the daemon is an allow-listed read. */
    static String requestProblem(String request) {
        int sp = request.indexOf(' ');
        String method = request.substring(0, sp);
        String uri = request.substring(sp + 1);
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? "" : uri.substring(q + 1);
        if (!(method.equals("GET") || (method.equals("HEAD") && path.equals("/_ping")))) {
            return "method: " + request;
        }
        if (!READ_PATH.matcher(path).matches() || path.contains("..") || path.contains("//") || path.toLowerCase().contains("%2e")) {
            return "path: " + request;
        }
        if (!query.isEmpty()) {
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq < 0 || !READ_QUERY_KEYS.contains(pair.substring(0, eq)) || !QUERY_VALUE.matcher(pair.substring(eq + 1)).matches()) {
                    return "query: " + request;
                }
                if (pair.startsWith("filters=")) {
                    JsonNode filters;
                    try {
                        filters = JarServer.JSON.readTree(URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8));
                    } catch (RuntimeException e) {
                        return "filters not JSON: " + request;
                    }
                    if (!filters.isObject() || !FILTER_KEYS.containsAll(filters.propertyNames())) {
                        return "filters: " + request;
                    }
                }
            }
        }
        return null;
    }

    /** Full listings of the engine's objects, without fields that change by themselves (ages, sizes in flux). */
    static String objects(TestEngines engines) throws Exception {
        return String.join("\n",
                sorted(engines.docker("ps", "-a", "--no-trunc", "--format",
                        "{{.ID}} {{.Names}} {{.Image}} {{.Command}} {{.CreatedAt}} {{.State}} {{.Labels}} {{.Mounts}} {{.Networks}} {{.Ports}}")),
                sorted(engines.docker("images", "-a", "--no-trunc", "--digests", "--format",
                        "{{.ID}} {{.Repository}}:{{.Tag}} {{.Digest}} {{.CreatedAt}} {{.Size}}")),
                sorted(engines.docker("network", "ls", "--no-trunc", "--format", "{{.ID}} {{.Name}} {{.Driver}} {{.Scope}} {{.Internal}}")),
                sorted(engines.docker("volume", "ls", "--format", "{{.Name}} {{.Driver}} {{.Mountpoint}}")));
    }

    private static String sorted(String lines) {
        return String.join("\n", new TreeSet<>(lines.lines().toList()));
    }

    static String shorten(String s) {
        String one = s.replace("\n", "\\n").replace("\r", "\\r");
        return one.length() > 240 ? one.substring(0, 240) + "..." : one;
    }
}
