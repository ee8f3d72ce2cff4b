package dockermcp.it.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 §2: at least 30 secret shapes planted in a real container's env, labels, entrypoint, command,
 * health check and logs, and in images made from it (scripts/fixture/leaky.sh; the values are listed in
 * src/test/resources/adversarial/secrets.txt). Every tool that can show the container or its images is
 * called through the packaged server; no planted value may appear in any text or structured output or in
 * the audit log, while the names of the variables and labels stay visible.
 */
@Timeout(180)
class PlantedSecretsIT {

    /** Every planted value that is not base64 carries this marker: finding it means a value was only partly redacted. */
    static final String MARKER = "Pl4nted";

    @TempDir
    static Path dir;
    static TestEngines engines;
    static List<String> secrets;
    /** tool call (as "tool {args}") -> everything the client received. */
    static final Map<String, String> outputs = new LinkedHashMap<>();
    static String audit;

    @BeforeAll
    static void callEveryToolThatCanShowTheLeakyContainer() throws Exception {
        engines = TestEngines.shared();
        try (InputStream in = PlantedSecretsIT.class.getResourceAsStream("/adversarial/secrets.txt")) {
            secrets = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
        ensureFixture();
        String leakyId = engines.docker("inspect", "-f", "{{.Id}}", "leaky").strip();
        Path auditFile = dir.resolve("audit.log");
        try (JarServer server = JarServer.started(Map.of("ALLOW_LOCAL_DOCKER", "true", "LOCAL_DOCKER_HOST", engines.get("UNIX_DOCKER_HOST"),
                "SECURITY_AUDIT_LOG_FILE", auditFile.toString()), dir, List.of())) {
            call(server, "list", "docker_list_containers", Map.of());
            call(server, "list name=leaky", "docker_list_containers", Map.of("name", "leaky"));
            call(server, "list label=app=leaky", "docker_list_containers", Map.of("label", "app=leaky", "all", true));
            call(server, "inspect leaky", "docker_inspect", Map.of("container", "leaky"));
            call(server, "inspect by id", "docker_inspect", Map.of("container", leakyId.substring(0, 12)));
            call(server, "logs tail=1000 timestamps", "docker_logs", Map.of("container", "leaky", "tail", 1000, "timestamps", true));
            call(server, "logs", "docker_logs", Map.of("container", "leaky"));
            call(server, "logs stderr", "docker_logs", Map.of("container", "leaky", "stdout", false, "tail", 1000));
            call(server, "logs since=1d", "docker_logs", Map.of("container", "leaky", "since", "1d", "tail", 1000));
            call(server, "stats leaky", "docker_stats", Map.of("container", "leaky"));
            call(server, "stats all", "docker_stats", Map.of());
            call(server, "images", "docker_list_images", Map.of());
            call(server, "images dms-leaky*", "docker_list_images", Map.of("reference", "dms-leaky*"));
            call(server, "image_info dms-leaky:1", "docker_image_info", Map.of("image", "dms-leaky:1"));
            call(server, "image_info dms-leaky-base:1", "docker_image_info", Map.of("image", "dms-leaky-base:1"));
            call(server, "connection_status", "docker_connection_status", Map.of());
        }
        audit = Files.readString(auditFile);
    }

    /** The fixture is made by `test-engines.sh up`; engines started before it existed get it added here. */
    static void ensureFixture() throws Exception {
        try {
            engines.docker("image", "inspect", "dms-leaky:1");
            engines.docker("inspect", "leaky");
        } catch (java.io.IOException missing) {
            Path engineDir = Path.of(engines.get("UNIX_SOCKET")).getParent().getParent();
            TestEngines.script(engineDir, Map.of(), "fixture", "leaky", "unix");
        }
    }

    /** Keeps the text and the structured content of one call apart, so the report says which one leaks. */
    private static void call(JarServer server, String label, String tool, Map<String, ?> args) throws Exception {
        JarServer.Reply r = server.callAndWait(tool, args, Duration.ofSeconds(60));
        assertThat(r.isProtocolError() || r.isError()).as(tool + " " + args + ": " + r.text()).isFalse();
        outputs.put(label + " [text]", r.text());
        outputs.put(label + " [structured]", r.structured().toString() + "\n" + new JarServer.Reply(r.structured()).everything());
    }

    @AfterAll
    static void report() {
        Map<String, Set<String>> leaks = leaks();
        if (!leaks.isEmpty()) {
            System.out.println("PlantedSecretsIT: " + leaks.size() + " of " + secrets.size() + " planted values leak:");
            leaks.forEach((secret, where) -> System.out.println("  " + secret + "  <- " + where));
        }
        Map<String, Set<String>> partial = partialLeaks();
        if (!partial.isEmpty()) {
            System.out.println("PlantedSecretsIT: marker '" + MARKER + "' still visible in:");
            partial.forEach((context, where) -> System.out.println("  ..." + context + "...  <- " + where));
        }
    }

    @Test
    void everyListedSecretIsReallyPlanted() throws Exception {
        String raw = engines.docker("inspect", "leaky", "dms-leaky:1", "dms-leaky-base:1")
                + engines.docker("image", "history", "--no-trunc", "dms-leaky:1")
                + TestEngines.run(List.of("bash", "-c", "docker -H \"$1\" logs leaky 2>&1", "logs", engines.get("UNIX_DOCKER_HOST")), Map.of(), 60);
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
        // JSON from docker inspect escapes some characters; compare against both forms
        String unescaped = raw.replace("\\u0026", "&").replace("\\u003c", "<").replace("\\u003e", ">").replace("\\n", "\n").replace("\\\"", "\"");
        assertThat(secrets).allSatisfy(s -> assertThat(raw.contains(s) || unescaped.contains(s)).as("planted: " + s).isTrue());
    }

    @Test
    void theNamesOfVariablesAndLabelsStayVisible() {
        String inspect = outputs.get("inspect leaky [structured]");
        assertThat(inspect).contains("DB_PASSWORD=", "AWS_SECRET_ACCESS_KEY=", "GITHUB_TOKEN=", "PRIVATE_KEY=", "SSH_KEY=", "DATABASE_URL=",
                "SLACK_BOT_TOKEN=", "PLAIN_SETTING=visible-value", "MAPS_CONFIG=", "CI_JOB_JWT=");
        assertThat(inspect).contains("com.example.db.password", "com.example.api-token", "org.example.secret",
                "traefik.http.middlewares.auth.basicauth.users", "backup.url", "com.example.build.secret");
        String image = outputs.get("image_info dms-leaky:1 [structured]");
        assertThat(image).contains("DB_PASSWORD=", "GITHUB_TOKEN=", "PLAIN_SETTING=visible-value", "com.example.db.password");
        String logs = outputs.get("logs tail=1000 timestamps [structured]");
        assertThat(logs).contains("booting leaky", "config loaded", "ERROR login failed for user admin");
    }

    @Test
    void noPlantedSecretReachesTheClientOrTheAuditLog() {
        assertThat(leaks()).as("planted values -> where they leak").isEmpty();
        assertThat(partialLeaks()).as("partly redacted values -> where").isEmpty();
    }

    /** Planted value -> the tool calls (and "audit log") whose output contains it. */
    static Map<String, Set<String>> leaks() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String s : secrets) {
            outputs.forEach((call, text) -> {
                if (text.contains(s)) {
                    out.computeIfAbsent(s, k -> new TreeSet<>()).add(call);
                }
            });
            if (audit != null && audit.contains(s)) {
                out.computeIfAbsent(s, k -> new TreeSet<>()).add("audit log");
            }
        }
        return out;
    }

    /** The marker with some context -> where, for values only partly redacted. */
    static Map<String, Set<String>> partialLeaks() {
        Map<String, Set<String>> out = new TreeMap<>();
        Pattern p = Pattern.compile(".{0,24}" + MARKER + "[A-Za-z0-9_-]{0,30}");
        Map<String, String> all = new LinkedHashMap<>(outputs);
        if (audit != null) {
            all.put("audit log", audit);
        }
        all.forEach((call, text) -> {
            Matcher m = p.matcher(text);
            while (m.find()) {
                out.computeIfAbsent(m.group().replace("\n", " "), k -> new TreeSet<>()).add(call);
            }
        });
        return out;
    }
}
