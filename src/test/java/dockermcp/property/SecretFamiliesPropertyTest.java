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
        assertThat(leaks).as("leaks").isEmpty();
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
