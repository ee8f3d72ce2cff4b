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
}
