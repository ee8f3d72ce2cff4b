package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7: secrets of every family, made afresh by the generators of {@link SecretCorpus} for each seed, are hidden
 * in every place a deployment carries them (env, labels, command arguments, image history, log lines whole,
 * wrapped and next to filler that a cut would fall in); random harmless text stays as it is.
 */
class SecretFamiliesPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final int SEEDS = 25;

    @Test
    void everyShapeOfEveryFamilyIsHiddenWhereverItIsPlanted() {
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            for (SecretCorpus.Secret s : new SecretCorpus(seed).everyShape()) {
                Map<String, String> out = carriers(s);
                for (var e : out.entrySet()) {
                    for (String piece : SecretCorpus.pieces(s.value())) {
                        int at = e.getValue().indexOf(piece);
                        if (at >= 0) {
                            leaks.add(s.family() + "/" + s.shape() + " in " + e.getKey() + ": '" + piece + "' in ..."
                                    + e.getValue().substring(Math.max(0, at - 60), Math.min(e.getValue().length(), at + 60)) + "...");
                            break;
                        }
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(60 * SEEDS);
        assertThat(leaks).as("leaks").isEmpty();
    }

    /**
     * A 64 KiB log read at once, as docker_logs returns it (the detector then runs its two halves on two threads):
     * every shape of every family, whole or wrapped over two lines, planted at random places among harmless log lines,
     * is hidden; a harmless line two lines or more from a planted one comes out as it went in; and four calls reading
     * the same log at the same time give the same answer as one alone.
     */
    @Test
    void everyShapeIsHiddenInALongLogReadAtOnceAndTheAnswerIsTheSameUnderConcurrentCalls() throws Exception {
        java.util.Random random = new java.util.Random(7);
        for (int seed = 0; seed < 6; seed++) {
            HarmlessText harmless = new HarmlessText(100 + seed);
            List<String> log = new ArrayList<>();
            java.util.Set<Integer> planted = new java.util.HashSet<>();
            List<SecretCorpus.Secret> shapes = new SecretCorpus(500 + seed).everyShape();
            for (SecretCorpus.Secret s : shapes) {
                for (int k = random.nextInt(4); k >= 0; k--) {
                    log.add(harmless.logLine());
                }
                planted.add(log.size());
                if (random.nextBoolean()) {
                    log.add(s.logLine());
                } else {
                    log.addAll(s.wrapped());
                    planted.add(log.size() - 1);
                }
            }
            while (String.join("\n", log).length() < 64 * 1024) {
                log.add(harmless.logLine());
            }
            List<String> out = REDACTOR.lines(log);
            String joined = String.join("\n", out);
            StringBuilder harmlessLines = new StringBuilder(); // a UUID's piece (-4437-ac) may also stand in a harmless line's UUID
            for (int i = 0; i < log.size(); i++) {
                if (!planted.contains(i)) {
                    harmlessLines.append(log.get(i)).append('\n');
                }
            }
            List<String> leaks = new ArrayList<>();
            for (SecretCorpus.Secret s : shapes) {
                for (String piece : SecretCorpus.pieces(s.value())) {
                    if (joined.contains(piece) && harmlessLines.indexOf(piece) < 0) {
                        int at = joined.indexOf(piece);
                        leaks.add(s.family() + "/" + s.shape() + ": '" + piece + "' in ..." + joined.substring(Math.max(0, at - 300), Math.min(joined.length(), at + 200)));
                        break;
                    }
                }
            }
            assertThat(leaks).as("leaks from a long log, seed " + seed).isEmpty();
            for (int i = 0; i < log.size(); i++) {
                boolean near = false;
                for (int d = -2; d <= 2; d++) {
                    near |= planted.contains(i + d);
                }
                if (!near) {
                    assertThat(out.get(i)).as("harmless line " + i + " far from any secret").isEqualTo(log.get(i));
                }
            }
            java.util.concurrent.ExecutorService four = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<List<String>>> answers = new ArrayList<>();
                for (int c = 0; c < 8; c++) {
                    answers.add(four.submit(() -> REDACTOR.lines(log)));
                }
                for (var a : answers) {
                    assertThat(a.get()).isEqualTo(out);
                }
            } finally {
                four.shutdownNow();
            }
        }
    }

    /** The redacted forms of one secret, by carrier. */
    static Map<String, String> carriers(SecretCorpus.Secret s) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.putArray("env").add(s.envName() + "=" + s.envValue());
        tree.putObject("labels").put(s.labelKey(), s.envValue());
        ArrayNode cmd = tree.putArray("command");
        s.args().forEach(cmd::add);
        tree.putArray("history").addObject().put("createdBy", "/bin/sh -c " + String.join(" ", s.args()));
        REDACTOR.tree(tree);
        List<String> wrapped = REDACTOR.lines(List.of("starting", s.wrapped().get(0), s.wrapped().get(1), "ready"));
        String filler = "lorem ipsum dolor sit amet ".repeat(400);
        String cutLine = filler.substring(0, 8192 - s.logLine().indexOf(s.value()) - s.value().length() / 2) + s.logLine();
        String cut = REDACTOR.lines(List.of(cutLine)).get(0);
        return Map.of("env", tree.get("env").toString(), "labels", tree.get("labels").toString(), "command", cmd.toString(),
                "history", tree.get("history").toString(), "log line", REDACTOR.lines(List.of("x", s.logLine(), "y")).toString(),
                "wrapped log line", wrapped.toString(), "log line cut at 8 KiB", cut.substring(0, Math.min(cut.length(), 8192)));
    }

    /**
     * Every shape together in one command, in a random order, as a committed image holds them (its Cmd, and its history
     * step that ran that command): each secret is hidden there too, whatever comes before it. One shape alone was
     * hidden while the same shape after another of its rule leaked from SecretCorpusIT's image.
     */
    @Test
    void everyShapeIsHiddenInOneCommandHoldingThemAll() {
        List<String> leaks = new ArrayList<>();
        for (int seed = 0; seed < SEEDS; seed++) {
            List<SecretCorpus.Secret> all = new ArrayList<>(new SecretCorpus(seed).everyShape());
            java.util.Collections.shuffle(all, new java.util.Random(seed));
            ObjectNode tree = JsonNodeFactory.instance.objectNode();
            ArrayNode cmd = tree.putArray("cmd");
            List.of("sh", "/srv/run.sh").forEach(cmd::add);
            all.forEach(s -> s.args().forEach(cmd::add));
            List<String> argv = new ArrayList<>();
            cmd.forEach(a -> argv.add(a.asString()));
            tree.putArray("history").addObject().put("createdBy", String.join(" ", argv).replaceAll("\\s+", " "));
            String out = REDACTOR.tree(tree).toString();
            for (SecretCorpus.Secret s : all) {
                SecretCorpus.pieces(s.value()).stream().filter(out::contains).findFirst().ifPresent(p -> leaks.add(s.family() + "/" + s.shape() + ": ..."
                        + out.substring(Math.max(0, out.indexOf(p) - 80), Math.min(out.length(), out.indexOf(p) + 40)) + "..."));
            }
        }
        assertThat(leaks).as("leaks").isEmpty();
    }

    /**
     * A ruler or a run of one letter, and a line ending in a UUID, right before or after a secret's line (whole, wrapped
     * in two, or at the end of a long line) stay as they are: they are no part of a wrapped secret. SecretCorpusIT's
     * harmless corpus lost an '=====' ruler and a run of 'A' this way.
     */
    @Test
    void rulersRunsAndUuidLinesNextToSecretLinesStayVisible() {
        List<String> changed = new ArrayList<>();
        String filler = "lorem ipsum dolor sit amet ".repeat(40);
        for (int seed = 0; seed < SEEDS; seed++) {
            java.util.Random r = new java.util.Random(seed);
            SecretCorpus parts = new SecretCorpus(seed);
            for (SecretCorpus.Secret s : parts.everyShape()) {
                String run = "=-#*~AazZx.".substring(r.nextInt(11)).substring(0, 1).repeat(20 + r.nextInt(300));
                String uuidLine = "status=200 request_id=" + parts.uuid();
                for (List<String> secretLines : List.of(List.of(s.logLine()), s.wrapped(), List.of(filler + s.logLine()))) {
                    for (String harmless : List.of(run, uuidLine)) {
                        List<String> in = new ArrayList<>(List.of(harmless));
                        in.addAll(secretLines);
                        in.add(harmless);
                        List<String> out = REDACTOR.lines(in);
                        if (!out.get(0).equals(harmless) || !out.get(out.size() - 1).equals(harmless) && !harmless.equals(uuidLine)) {
                            changed.add(s.family() + "/" + s.shape() + ": " + out);
                        }
                    }
                }
            }
        }
        assertThat(changed).as("harmless lines changed").isEmpty();
    }

    @Test
    void randomSecretsOfEachFamilyInRandomTextAreRedacted() {
        SecretCorpus corpus = new SecretCorpus(99);
        HarmlessText harmless = new HarmlessText(99);
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            SecretCorpus.Secret s = corpus.of(SecretCorpus.FAMILIES.get(i % SecretCorpus.FAMILIES.size()));
            String text = harmless.logLine() + " " + s.logLine() + " " + harmless.logLine();
            String out = REDACTOR.text(text);
            SecretCorpus.pieces(s.value()).stream().filter(out::contains).findFirst()
                    .ifPresent(p -> leaks.add(s.family() + "/" + s.shape() + ": " + out.substring(Math.max(0, out.indexOf(p) - 60),
                            Math.min(out.length(), out.indexOf(p) + 60))));
        }
        for (int i = 0; i < 1000; i++) {
            SecretCorpus.Secret s = corpus.of(SecretCorpus.SECOND_ATTACK.get(i % SecretCorpus.SECOND_ATTACK.size()));
            String text = harmless.logLine() + " " + s.logLine() + " " + harmless.logLine();
            String out = REDACTOR.text(text);
            SecretCorpus.pieces(s.value()).stream().filter(out::contains).findFirst()
                    .ifPresent(p -> leaks.add(s.family() + "/" + s.shape() + ": " + out));
        }
        for (int i = 0; i < 1000; i++) {
            SecretCorpus.Secret s = corpus.of(SecretCorpus.LOG_SPELLINGS.get(i % SecretCorpus.LOG_SPELLINGS.size()));
            String text = harmless.logLine() + " " + s.logLine() + " " + harmless.logLine();
            String out = REDACTOR.text(text);
            SecretCorpus.pieces(s.value()).stream().filter(out::contains).findFirst()
                    .ifPresent(p -> leaks.add(s.family() + "/" + s.shape() + ": " + out));
        }
        for (int i = 0; i < 500; i++) {
            SecretCorpus.Secret s = corpus.of(SecretCorpus.LOG_ENCODINGS.get(0));
            String out = String.join("\n", REDACTOR.lines(List.of(harmless.logLine(), s.logLine(), harmless.logLine())));
            SecretCorpus.pieces(s.value()).stream().filter(out::contains).findFirst()
                    .ifPresent(p -> leaks.add(s.family() + "/" + s.shape() + ": " + out));
        }
        assertThat(leaks).as("leaks").isEmpty();
    }

    /** After a password, prose goes on visible: only words that look like the rest of a password (letters and digits) go with it. */
    @Test
    void proseAfterAPasswordStaysVisible() {
        SecretCorpus corpus = new SecretCorpus(5);
        HarmlessText harmless = new HarmlessText(5);
        List<String> lost = new ArrayList<>();
        String[] prose = {"for user bob", "failed for user admin", "Failed, retrying in 5s", "was rejected", "(attempt 2 of 3)", "user=bob host=db",
                "at /etc/app/config.yaml", "is too short", "- see the docs"};
        for (int i = 0; i < 500; i++) {
            String after = prose[i % prose.length];
            String line = harmless.logLine() + " password=" + corpus.password() + " " + after;
            String out = REDACTOR.text(line);
            if (!out.endsWith(" " + after)) {
                lost.add(line + "  ->  " + out);
            }
        }
        assertThat(lost).as("prose hidden after a password").isEmpty();
    }

    @Test
    void randomHarmlessTextIsUnchanged() {
        HarmlessText harmless = new HarmlessText(7);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String line = harmless.logLine();
            if (!REDACTOR.text(line).equals(line)) {
                changed.add(line + "  ->  " + REDACTOR.text(line));
            }
            String env = harmless.envEntry();
            if (!REDACTOR.envEntry(env).equals(env)) {
                changed.add(env + "  ->  " + REDACTOR.envEntry(env));
            }
        }
        assertThat(changed).as("harmless text changed").isEmpty();
    }

    /**
     * Harmless lines read as a container's log is, with their neighbours (the pass over joined lines and the pass
     * over a word wrapped onto the next line): a line that ends in a value ({@code completion_tokens=311},
     * {@code SHA256:…}) followed by a line that starts with a word must not become one token.
     */
    @Test
    void randomHarmlessLogLinesReadTogetherAreUnchanged() {
        HarmlessText harmless = new HarmlessText(11);
        List<String> changed = new ArrayList<>();
        for (int block = 0; block < 300; block++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                lines.add(harmless.logLine());
            }
            List<String> out = REDACTOR.lines(lines);
            for (int i = 0; i < lines.size(); i++) {
                if (!out.get(i).equals(lines.get(i))) {
                    changed.add(shortened(i > 0 ? lines.get(i - 1) : "") + "  /  " + shortened(lines.get(i)) + "  /  "
                            + shortened(i + 1 < lines.size() ? lines.get(i + 1) : "") + "  ->  " + shortened(out.get(i)));
                }
            }
        }
        assertThat(changed).as("harmless lines changed when read with their neighbours").isEmpty();
    }

    private static String shortened(String s) {
        return s.length() <= 200 ? s : s.substring(0, 90) + "…(" + s.length() + ")…" + s.substring(s.length() - 90);
    }

    /** The third outside test's families (key material, authentication schemes, URL and pair secrets), every carrier. */
    @Test
    void everyThirdAttackShapeIsHiddenWhereverItIsPlanted() {
        List<String> leaks = new ArrayList<>();
        for (int seed = 0; seed < SEEDS; seed++) {
            for (SecretCorpus.Secret s : new SecretCorpus(seed).keyShapes()) {
                for (var e : carriers(s).entrySet()) {
                    SecretCorpus.pieces(s.value()).stream().filter(e.getValue()::contains).findFirst().ifPresent(p -> leaks.add(s.family() + "/" + s.shape()
                            + " in " + e.getKey() + ": ..." + e.getValue().substring(Math.max(0, e.getValue().indexOf(p) - 60),
                                    Math.min(e.getValue().length(), e.getValue().indexOf(p) + 60)) + "..."));
                }
            }
        }
        assertThat(leaks).as("leaks").isEmpty();
    }

    @Test
    void randomThirdAttackSecretsInRandomTextAreRedacted() {
        SecretCorpus corpus = new SecretCorpus(77);
        HarmlessText harmless = new HarmlessText(77);
        List<String> leaks = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            SecretCorpus.Secret s = corpus.keyShapeOf(SecretCorpus.THIRD_ATTACK_KEYS.get(i % SecretCorpus.THIRD_ATTACK_KEYS.size()));
            List<String> lines = List.of(harmless.keyLogLine(), harmless.logLine(), s.logLine(), harmless.keyLogLine());
            String out = String.join("\n", REDACTOR.lines(lines)) + "\n" + REDACTOR.text(String.join(" ", lines));
            SecretCorpus.pieces(s.value()).stream().filter(out::contains).findFirst().ifPresent(p -> leaks.add(s.family() + "/" + s.shape() + ": " + out));
        }
        assertThat(leaks).as("leaks").isEmpty();
    }

    /** Harmless lines near these families stay as they are, alone and read with their neighbours (the wrap check joins lines). */
    @Test
    void randomHarmlessTextNearTheThirdAttackFamiliesIsUnchanged() {
        HarmlessText harmless = new HarmlessText(11);
        List<String> changed = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String line = harmless.keyLogLine();
            run.add(line);
            if (!REDACTOR.text(line).equals(line)) {
                changed.add(line + "  ->  " + REDACTOR.text(line));
            }
        }
        List<String> together = REDACTOR.lines(run);
        for (int i = 0; i < run.size(); i++) {
            if (!together.get(i).equals(run.get(i))) {
                changed.add("after '" + (i > 0 ? run.get(i - 1) : "") + "': " + run.get(i) + "  ->  " + together.get(i));
            }
        }
        assertThat(changed).as("harmless text changed").isEmpty();
    }

    @Test
    void secretsInWholeConfigFilesAndDumpsAreHiddenInLogsEnvAndLabels() {
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            HarmlessText harmless = new HarmlessText(seed);
            for (SecretCorpus.Secret s : new ConfigDumpCorpus(seed).everyShape()) {
                List<String> lines = new ArrayList<>(List.of(harmless.logLine()));
                lines.addAll(List.of(s.logLine().split("\n", -1)));
                lines.add(harmless.logLine());
                ObjectNode tree = JsonNodeFactory.instance.objectNode();
                tree.putArray("env").add(s.envName() + "=" + s.envValue());
                tree.putObject("labels").put(s.labelKey(), s.envValue());
                REDACTOR.tree(tree);
                Map<String, String> out = Map.of("log lines", String.join("\n", REDACTOR.lines(lines)), "text", REDACTOR.text(s.logLine()),
                        "env", tree.get("env").toString(), "labels", tree.get("labels").toString());
                out.forEach((where, text) -> SecretCorpus.pieces(s.value()).stream().filter(text::contains).findFirst()
                        .ifPresent(p -> leaks.add(s.family() + "/" + s.shape() + " in " + where + ": " + text)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(34 * SEEDS);
        assertThat(leaks).as("leaks").isEmpty();
    }

    @Test
    void harmlessFilesDumpsAndReferencesToVariablesAreUnchanged() {
        HarmlessText harmless = new HarmlessText(11);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String dump = harmless.dumpText();
            String lines = String.join("\n", REDACTOR.lines(List.of(dump.split("\n", -1))));
            if (!lines.equals(dump) || !REDACTOR.text(dump).equals(dump)) {
                changed.add(dump + "  ->  " + lines);
            }
        }
        assertThat(changed).as("harmless dumps changed").isEmpty();
    }
}
