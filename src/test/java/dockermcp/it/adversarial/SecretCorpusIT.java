package dockermcp.it.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.property.ConfigDumpCorpus;
import dockermcp.property.HarmlessText;
import dockermcp.property.SecretCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: every shape of the generated secret corpus (20 families, 105 shapes, {@link SecretCorpus}) planted the
 * way deployments carry it in a real container and in images committed from it on the test engine: env, labels,
 * command arguments, image env and history (one secret of each history entry straddling the 160-character cut),
 * and logs (whole, wrapped over two lines, straddling the 8 KiB line cut). Every tool is called through the
 * packaged server; no planted value, nor any 8-character piece of one, may appear in structured content, text,
 * errors or the audit log. Next to it a harmless corpus (ports, levels, time zones, JVM options, profiles,
 * hostnames, public URLs, OCI, compose and Traefik labels, UUIDs and request ids) must stay at least 95 % visible.
 */
@Timeout(600)
class SecretCorpusIT {

    static final long SEED = 20261130L;
    static final String CONTAINER = "dms-corpus";
    static final String IMAGE = "dms-corpus:1";
    static final int HISTORY_CUT = 160;
    static final int LINE_CUT = 8192;

    @TempDir
    static Path dir;
    static TestEngines engines;
    static List<SecretCorpus.Secret> secrets;
    /** Whole config files and dumps ({@link ConfigDumpCorpus}): in env and label values and printed into the log. */
    static List<SecretCorpus.Secret> dumps;
    static final Map<String, String> outputs = new LinkedHashMap<>();
    static final List<String> harmlessEnv = new ArrayList<>();
    static final Map<String, String> harmlessLabels = new LinkedHashMap<>();
    static final List<String> harmlessLogs = new ArrayList<>();
    static String lastBuild;
    /** The third outside test's families, planted in the logs only, and harmless lines near their shapes. */
    static List<SecretCorpus.Secret> keySecrets;
    static final List<String> harmlessKeyLogs = new ArrayList<>();
    /** A token that straddles Docker's own 16 KiB split of a 40 KiB log line, in the container dms-corpus-long. */
    static final String LONG_CONTAINER = "dms-corpus-long";
    static final String SPLIT_TOKEN = "ghp_" + "Xk9fQ2mP7vL4nR8tW3yB6cD1zQ9oRNbMUpU8Jb2";

    @BeforeAll
    static void plantTheCorpusAndCallEveryTool() throws Exception {
        engines = TestEngines.shared();
        secrets = new SecretCorpus(SEED).everyShape();
        dumps = new ConfigDumpCorpus(SEED).everyShape();
        harmless(new HarmlessText(SEED));
        keySecrets = new SecretCorpus(SEED + 3).keyShapes();
        HarmlessText nearKeys = new HarmlessText(SEED + 3);
        for (int i = 0; i < 2 * keySecrets.size() + 20; i++) {
            harmlessKeyLogs.add(nearKeys.keyLogLine());
        }
        plant();
        Path audit = dir.resolve("audit.log");
        try (JarServer server = JarServer.started(Map.of("ALLOW_LOCAL_DOCKER", "true", "LOCAL_DOCKER_HOST", engines.get("UNIX_DOCKER_HOST"),
                "SECURITY_AUDIT_LOG_FILE", audit.toString(), "LOGS_MAX_BYTES", Integer.toString(8 << 20), "LOGS_MAX_TAIL", "100000"), dir, List.of())) {
            call(server, "list", "docker_list_containers", Map.of("name", CONTAINER, "all", true));
            call(server, "inspect", "docker_inspect", Map.of("container", CONTAINER));
            call(server, "logs", "docker_logs", Map.of("container", CONTAINER, "tail", 100000));
            call(server, "logs timestamps", "docker_logs", Map.of("container", CONTAINER, "tail", 100000, "timestamps", true));
            call(server, "logs stderr", "docker_logs", Map.of("container", CONTAINER, "tail", 100000, "stdout", false));
            call(server, "logs tail 3", "docker_logs", Map.of("container", CONTAINER, "tail", 3));
            call(server, "stats", "docker_stats", Map.of("container", CONTAINER));
            call(server, "images", "docker_list_images", Map.of("reference", "dms-corpus*"));
            call(server, "image_info", "docker_image_info", Map.of("image", IMAGE));
            call(server, "image_info build", "docker_image_info", Map.of("image", lastBuild));
            call(server, "connection_status", "docker_connection_status", Map.of());
            for (int tail : List.of(1, 2, 3, 100)) { // the engine's tail counts 16 KiB pieces: tail 1 and 2 start inside the line
                call(server, "long line tail " + tail, "docker_logs", Map.of("container", LONG_CONTAINER, "tail", tail));
                call(server, "long line tail " + tail + " timestamps", "docker_logs", Map.of("container", LONG_CONTAINER, "tail", tail, "timestamps", true));
            }
            // a secret as an argument: the error that names it and the audit record must not carry it
            String token = secrets.stream().filter(s -> s.shape().equals("github-classic")).findFirst().orElseThrow().value();
            JarServer.Reply r = server.callAndWait("docker_logs", Map.of("container", token), Duration.ofSeconds(60));
            outputs.put("logs of a secret-named container [error]", r.text() + "\n" + r.everything());
        }
        outputs.put("audit log", Files.readString(audit));
    }

    private static void call(JarServer server, String label, String tool, Map<String, ?> args) throws Exception {
        JarServer.Reply r = server.callAndWait(tool, args, Duration.ofSeconds(120));
        assertThat(r.isProtocolError() || r.isError()).as(tool + " " + args + ": " + r.text()).isFalse();
        outputs.put(label + " [text]", r.text());
        outputs.put(label + " [structured]", r.structured().toString() + "\n" + r.everything());
    }

    /** Builds the history images, then the container (env, labels, command, logs), then commits it as dms-corpus:1. */
    static void plant() throws Exception {
        engines.docker("rm", "-f", CONTAINER);
        String image = "dms-fixture:1";
        String filler = "echo starting the service with the options that follow, one per line, then the ones that matter for this step of the build".substring(0, 120);
        int chunk = 8;
        for (int k = 0; k * chunk < secrets.size(); k++) {
            StringBuilder script = new StringBuilder(filler);
            for (SecretCorpus.Secret s : secrets.subList(k * chunk, Math.min(secrets.size(), (k + 1) * chunk))) {
                if (script.length() < HISTORY_CUT) { // the first secret of each entry straddles the cut ("sh -c " comes first)
                    String arg = String.join(" ", s.args()).replaceAll("\\s+", " ");
                    int pad = HISTORY_CUT - "sh -c ".length() - script.length() - 2 - arg.indexOf(s.value()) - s.value().length() / 2;
                    script.append(' ').append(".".repeat(Math.max(0, pad)));
                }
                script.append(" ").append(String.join(" ", s.args()));
            }
            String name = CONTAINER + "-h" + k;
            engines.docker("rm", "-f", name);
            engines.docker("create", "--name", name, "--network", "none", image, "sh", "-c", script.toString());
            image = "dms-corpus-build:" + k;
            engines.docker("commit", name, image);
            engines.docker("rm", name);
        }
        lastBuild = image;
        List<String> run = new ArrayList<>(List.of("create", "--name", CONTAINER, "--network", "none"));
        for (int i = 0; i < secrets.size(); i++) {
            SecretCorpus.Secret s = secrets.get(i);
            run.addAll(List.of("-e", s.envName() + "_" + i + "=" + s.envValue(), "--label", s.labelKey() + "." + i + "=" + s.envValue()));
        }
        for (int i = 0; i < dumps.size(); i++) {
            run.addAll(List.of("-e", dumps.get(i).envName() + "_D" + i + "=" + dumps.get(i).envValue(), "--label", "com.example.dump." + i + "=" + dumps.get(i).envValue()));
        }
        harmlessEnv.forEach(e -> run.addAll(List.of("-e", e)));
        harmlessLabels.forEach((k, v) -> run.addAll(List.of("--label", k + "=" + v)));
        run.addAll(List.of(image, "sh", "/srv/corpus-run.sh"));
        secrets.forEach(s -> run.addAll(s.args()));
        engines.docker(run.toArray(String[]::new));
        Path out = dir.resolve("out.txt");
        Files.writeString(out, logs(), StandardCharsets.UTF_8);
        Path err = dir.resolve("err.txt");
        Files.writeString(err, String.join("\n", secrets.stream().map(SecretCorpus.Secret::logLine).toList()) + "\n", StandardCharsets.UTF_8);
        Path sh = dir.resolve("run.sh");
        Files.writeString(sh, "#!/bin/sh\ncat /srv/corpus-out.txt\ncat /srv/corpus-err.txt >&2\nexec sleep 1000000\n");
        engines.docker("cp", out.toString(), CONTAINER + ":/srv/corpus-out.txt");
        engines.docker("cp", err.toString(), CONTAINER + ":/srv/corpus-err.txt");
        engines.docker("cp", sh.toString(), CONTAINER + ":/srv/corpus-run.sh");
        engines.docker("start", CONTAINER);
        String last = harmlessLogs.get(harmlessLogs.size() - 1);
        for (int i = 0; i < 200 && !engines.docker("logs", "--tail", "5", CONTAINER).contains(last); i++) {
            Thread.sleep(100);
        }
        engines.docker("commit", CONTAINER, IMAGE);
        // a 40 KiB line whose token straddles 16384, where the engine splits it into partial messages, then a short line
        engines.docker("rm", "-f", LONG_CONTAINER);
        engines.docker("run", "-d", "--name", LONG_CONTAINER, "--network", "none", "dms-fixture:1", "sh", "-c",
                "head -c " + (16384 - SPLIT_TOKEN.length() / 2) + " /dev/zero | tr '\\0' a; printf '%s' " + SPLIT_TOKEN
                        + "; head -c 24000 /dev/zero | tr '\\0' b; echo; echo last line; exec sleep 1000000");
        for (int i = 0; i < 100 && !engines.docker("logs", "--tail", "1", LONG_CONTAINER).contains("last line"); i++) {
            Thread.sleep(100);
        }
    }

    /** Each secret's log line whole, wrapped over two lines and straddling the line cut, between harmless lines. */
    static String logs() {
        StringBuilder sb = new StringBuilder();
        String filler = "lorem ipsum dolor sit amet ".repeat(400);
        int h = 0;
        for (SecretCorpus.Secret s : secrets) {
            sb.append(harmlessLogs.get(h++ % harmlessLogs.size())).append('\n');
            sb.append(s.logLine()).append('\n');
            sb.append(harmlessLogs.get(h++ % harmlessLogs.size())).append('\n');
            sb.append(s.wrapped().get(0)).append('\n').append(s.wrapped().get(1)).append('\n');
            sb.append(filler, 0, LINE_CUT - s.logLine().indexOf(s.value()) - s.value().length() / 2).append(s.logLine()).append('\n');
        }
        // the third outside test's families (key material, authentication schemes, URL and pair secrets), in logs only
        int k = 0;
        for (SecretCorpus.Secret s : keySecrets) {
            sb.append(harmlessKeyLogs.get(k++)).append('\n').append(s.logLine()).append('\n').append(harmlessKeyLogs.get(k++)).append('\n');
            sb.append(s.wrapped().get(0)).append('\n').append(s.wrapped().get(1)).append('\n');
            sb.append(filler, 0, LINE_CUT - s.logLine().indexOf(s.value()) - s.value().length() / 2).append(s.logLine()).append('\n');
        }
        while (k < harmlessKeyLogs.size()) {
            sb.append(harmlessKeyLogs.get(k++)).append('\n');
        }
        for (SecretCorpus.Secret d : dumps) { // a whole file printed at once, between harmless lines
            sb.append(d.logLine()).append('\n').append(harmlessLogs.get(h++ % harmlessLogs.size())).append('\n');
        }
        // a key block without its END: only the block goes, the lines after it stay
        sb.append("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAx9kQ2mP7vL4nR8tW3yB6cD1zQ9oRNbMUpU8JbhSY2ydrA8wH\n");
        while (h < harmlessLogs.size()) {
            sb.append(harmlessLogs.get(h++)).append('\n');
        }
        return sb.toString();
    }

    static void harmless(HarmlessText gen) {
        harmlessEnv.addAll(List.of("PORT=8080", "LOG_LEVEL=info", "TZ=Europe/Berlin", "JAVA_OPTS=-Xms256m -Xmx1g -XX:+UseG1GC -XX:MaxRAMPercentage=75.0",
                "SPRING_PROFILES_ACTIVE=prod,metrics", "NODE_ENV=production", "APP_HOST=api.internal.example.com", "PUBLIC_URL=https://www.example.com/app",
                "LANG=C.UTF-8", "NGINX_VERSION=1.27.3", "GOSU_VERSION=1.17", "PYTHON_SHA256=8fb5f9fbc7609fa822cb31549884575db7fd9657cbffb89510b5d7975963a83a",
                "GIT_COMMIT=3f2a9c1e8b7d6054a3b2c1d0e9f8a7b6c5d4e3f2", "BUILD_ID=2024.11.30-1842", "REQUEST_TIMEOUT=30s", "MAX_CONNECTIONS=200", "WORKERS=4",
                "CACHE_TTL=300", "FEATURE_FLAGS=search,export", "KEYBOARD_LAYOUT=de", "DB_HOST=postgres.internal", "DB_PORT=5432", "DB_NAME=orders",
                "DB_USER=orders_app", "UPLOAD_DIR=/var/lib/app/uploads", "JWT_SECRET_FILE=/run/secrets/jwt", "SESSION_TIMEOUT=30m",
                "OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4317", "OTEL_SERVICE_NAME=orders", "PRIMARY_KEY_COLUMN=id", "AWS_REGION=eu-central-1",
                "S3_BUCKET=orders-archive", "SERVICE_PUBLIC_KEY_ID=2024-01", "CORS_ORIGINS=https://app.example.com,https://admin.example.com",
                "INSTANCE_UUID=5f0c7a52-3b4e-4d8a-9c21-7e6f5a4b3c2d", "GRPC_PORT=9090", "METRICS_PATH=/metrics", "HEALTHCHECK_URL=http://localhost:8080/healthz",
                // false positives an outside test found: settings about secrets, ids, public keys
                "MAX_TOKENS=4096", "TOKENIZERS_PARALLELISM=false", "JAVA_TOOL_OPTIONS=-Xmx512m -XX:+UseG1GC", "HOSTNAME=3f2a1b9c0d4e",
                "OAUTH_ISSUER=https://issuer.example.com", "PUBLIC_KEY=ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl deploy@ci",
                "CONTAINER_ID=3f2a1b9c0d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8", "INSTANCE_ID=i-0abc123def4567890", "TOKEN_EXPIRY=3600",
                "PYTHONPATH=/usr/local/lib/python3.11/site-packages"));
        for (int i = 0; i < 24; i++) {
            String e = gen.envEntry();
            String name = e.substring(0, e.indexOf('=')) + "_G" + i;
            harmlessEnv.add(name + e.substring(e.indexOf('=')));
        }
        harmlessLabels.putAll(new TreeMap<>(Map.ofEntries(
                Map.entry("org.opencontainers.image.revision", "3f2a9c1e8b7d6054a3b2c1d0e9f8a7b6c5d4e3f2"),
                Map.entry("org.opencontainers.image.version", "2.4.1"), Map.entry("org.opencontainers.image.source", "https://github.com/example/orders"),
                Map.entry("org.opencontainers.image.created", "2024-11-30T10:00:00Z"), Map.entry("org.opencontainers.image.licenses", "Apache-2.0"),
                Map.entry("org.opencontainers.image.authors", "Team Orders <orders@example.com>"), Map.entry("org.opencontainers.image.title", "orders-api"),
                Map.entry("org.opencontainers.image.url", "https://example.com/orders"), Map.entry("com.docker.compose.project", "shop"),
                Map.entry("com.docker.compose.service", "orders"),
                Map.entry("com.docker.compose.config-hash", "9b3c1e7f0a2d4c6b8e5f1a3c7d9b2e4f6a8c0d1e3f5a7b9c2d4e6f8a0b1c3d5e"),
                Map.entry("com.docker.compose.version", "2.29.7"), Map.entry("com.docker.compose.project.working_dir", "/srv/shop"),
                Map.entry("com.docker.compose.project.config_files", "/srv/shop/compose.yaml"), Map.entry("com.docker.compose.container-number", "1"),
                Map.entry("com.docker.compose.oneoff", "False"), Map.entry("traefik.enable", "true"),
                Map.entry("traefik.http.routers.orders.rule", "Host(`shop.example.com`) && PathPrefix(`/api`)"),
                Map.entry("traefik.http.routers.orders.entrypoints", "websecure"), Map.entry("traefik.http.routers.orders.tls.certresolver", "le"),
                Map.entry("traefik.http.services.orders.loadbalancer.server.port", "8080"),
                Map.entry("traefik.http.middlewares.orders-strip.stripprefix.prefixes", "/api"), Map.entry("maintainer", "orders@example.com"))));
        for (int i = 0; i < 120; i++) {
            harmlessLogs.add(gen.logLine());
        }
    }

    @Test
    void theCorpusIsWideAndReallyPlanted() throws Exception {
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(60);
        assertThat(secrets.stream().map(SecretCorpus.Secret::family).distinct()).hasSizeGreaterThanOrEqualTo(12);
        String raw = engines.docker("inspect", CONTAINER, IMAGE) + engines.docker("history", "--no-trunc", lastBuild)
                + TestEngines.run(List.of("bash", "-c", "docker -H \"$1\" logs dms-corpus 2>&1", "logs", engines.get("UNIX_DOCKER_HOST")), Map.of(), 120);
        String unescaped = raw.replace("\\u0026", "&").replace("\\u003c", "<").replace("\\u003e", ">").replace("\\n", "\n").replace("\\\"", "\"");
        assertThat(secrets).allSatisfy(s -> assertThat(raw.contains(s.value()) || unescaped.contains(s.value())).as("planted: " + s.value()).isTrue());
        assertThat(dumps).hasSizeGreaterThanOrEqualTo(30).allSatisfy(s -> assertThat(unescaped).as("planted: " + s.value()).contains(s.value()));
    }

    @Test
    void noPlantedValueNorAnyEightCharacterPieceOfOneComesOut() {
        Map<String, TreeSet<String>> leaks = new TreeMap<>();
        for (SecretCorpus.Secret s : java.util.stream.Stream.concat(secrets.stream(), dumps.stream()).toList()) {
            for (String piece : SecretCorpus.pieces(s.value())) {
                outputs.forEach((where, text) -> {
                    int at = text.indexOf(piece);
                    if (at >= 0) {
                        leaks.computeIfAbsent(s.family() + "/" + s.shape(), k -> new TreeSet<>())
                                .add(where + ": ..." + text.substring(Math.max(0, at - 50), Math.min(text.length(), at + 50)).replace("\n", "\\n") + "...");
                    }
                });
            }
        }
        leaks.forEach((k, v) -> System.out.println("SecretCorpusIT leak " + k + " <- " + v.iterator().next() + " (+" + (v.size() - 1) + ")"));
        assertThat(leaks.keySet()).as("families/shapes that leak").isEmpty();
    }

    @Test
    void aTokenCutByTheEnginesOwnSplitOfALongLineDoesNotComeOut() throws Exception {
        String raw = TestEngines.run(List.of("bash", "-c", "docker -H \"$1\" logs --tail 3 " + LONG_CONTAINER + " 2>&1", "logs",
                engines.get("UNIX_DOCKER_HOST")), Map.of(), 120);
        String tail = SPLIT_TOKEN.substring(SPLIT_TOKEN.length() / 2 + 1);
        assertThat(raw).as("the engine itself sends the token's tail at the start of a piece").contains(tail);
        outputs.forEach((where, text) -> {
            if (where.startsWith("long line")) {
                assertThat(SecretCorpus.pieces(SPLIT_TOKEN)).as(where).noneMatch(text::contains);
                assertThat(text).as(where).doesNotContain(tail.substring(0, 12)).contains("last line");
            }
        });
    }

    @Test
    void namesStayVisibleAndAtLeast95PercentOfTheHarmlessCorpusToo() {
        String inspect = outputs.get("inspect [structured]");
        String logs = outputs.get("logs [structured]");
        assertThat(secrets).allSatisfy(s -> assertThat(inspect).contains(s.envName() + "_" + secrets.indexOf(s) + "="));
        List<String> hidden = new ArrayList<>();
        int total = 0;
        for (String e : harmlessEnv) {
            total++;
            if (!inspect.contains(JarServer.JSON.writeValueAsString(e))) {
                hidden.add("env " + e);
            }
        }
        for (var l : harmlessLabels.entrySet()) {
            total++;
            if (!inspect.contains(JarServer.JSON.writeValueAsString(l.getKey()) + ":" + JarServer.JSON.writeValueAsString(l.getValue()))) {
                hidden.add("label " + l.getKey() + "=" + l.getValue());
            }
        }
        for (String line : harmlessLogs) {
            total++;
            if (!logs.contains(JarServer.JSON.writeValueAsString(line))) {
                hidden.add("log " + line);
            }
        }
        double visible = 100.0 * (total - hidden.size()) / total;
        System.out.printf("SecretCorpusIT: harmless corpus visible: %d of %d (%.1f %%); hidden: %s%n", total - hidden.size(), total, visible, hidden);
        assertThat(visible).isGreaterThanOrEqualTo(95.0);
    }

    @Test
    void noThirdAttackKeyMaterialNorSchemeSecretComesOutOfTheLogsAndItsHarmlessNeighboursStay() {
        assertThat(keySecrets.stream().map(SecretCorpus.Secret::family).distinct()).hasSize(SecretCorpus.THIRD_ATTACK_KEYS.size());
        Map<String, String> leaks = new TreeMap<>();
        for (SecretCorpus.Secret s : keySecrets) {
            for (String piece : SecretCorpus.pieces(s.value())) {
                outputs.forEach((where, text) -> {
                    int at = text.indexOf(piece);
                    if (at >= 0) {
                        leaks.putIfAbsent(s.family() + "/" + s.shape(), where + ": ..." + text.substring(Math.max(0, at - 50), Math.min(text.length(), at + 50)) + "...");
                    }
                });
            }
        }
        assertThat(leaks).as("families/shapes that leak").isEmpty();
        String logs = outputs.get("logs [structured]");
        List<String> hidden = harmlessKeyLogs.stream().distinct().filter(l -> !logs.contains(JarServer.JSON.writeValueAsString(l))).toList();
        long total = harmlessKeyLogs.stream().distinct().count();
        System.out.printf("SecretCorpusIT: harmless lines near key shapes visible: %d of %d; hidden: %s%n", total - hidden.size(), total, hidden);
        assertThat(100.0 * (total - hidden.size()) / total).isGreaterThanOrEqualTo(95.0);
    }
}
