package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, the fourth outside test's command lines (F02, F03, F13, F19): a secret a program takes on its command line
 * ({@link ProgramSecretsCorpus}) is hidden in every carrier of a command: an argv {@code Cmd} (whole, or split from
 * its {@code Entrypoint}), {@code sh -c '…'}, image history {@code createdBy}, docker_top's {@code commandLine}, and a
 * log line that echoes the command (after a shell, PowerShell or build prompt, or continued over two lines by a
 * backslash). The same programs with the same flags and nothing secret stay exactly as they are.
 */
class ProgramSecretsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> CARRIERS = List.of("commandLine", "history", "history-run", "sh-c", "argv", "entrypoint+cmd", "log", "log-continued");
    private static final List<String> PROMPTS = List.of("", "+ ", "$ ", "# ", "PS C:\\> ", "C:\\app>", "[entrypoint] exec: ", "#7 0.412 ", "Step 4/9 : RUN ");

    @Test
    void everyCarrierHidesTheSecret() {
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        List<String> templates = new ArrayList<>();
        templates.addAll(ProgramSecretsCorpus.ARCHIVES_AND_KEYS);
        templates.addAll(ProgramSecretsCorpus.CLIENTS);
        templates.addAll(ProgramSecretsCorpus.LOGINS_AND_BUILDS);
        templates.addAll(ProgramSecretsCorpus.STDIN);
        templates.addAll(ProgramSecretsCorpus.WINDOWS);
        ProgramSecretsCorpus.WINDOWS.forEach(t -> templates.add(t.toUpperCase(Locale.ROOT))); // Windows reads switches in any case
        for (int seed = 0; seed < 8; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            Random r = new Random(seed);
            for (String template : templates) {
                String secret = secret(parts, r, seed);
                String line = fill(template, secret, parts.pick("ci", "bob", "svc", "deploy"), r);
                List<String> shown = carriers(line, r);
                for (int c = 0; c < shown.size(); c++) {
                    if (shown.get(c) == null) {
                        continue;
                    }
                    checked++;
                    String leak = leak(secret, line, shown.get(c));
                    if (leak != null) {
                        leaks.add(CARRIERS.get(Math.min(c, CARRIERS.size() - 1)) + ": " + leak);
                    }
                }
            }
        }
        assertThat(leaks).as(leaks.size() + " of " + checked).isEmpty();
        assertThat(checked).isGreaterThan(15_000);
    }

    @Test
    void harmlessCommandsOfTheSamePrograms() {
        List<String> changed = new ArrayList<>();
        Random r = new Random(7);
        for (String line : ProgramSecretsCorpus.HARMLESS) {
            for (String shown : carriers(line, r)) {
                if (shown != null && !shown.equals(line)) {
                    changed.add(line + "  ->  " + shown);
                }
            }
        }
        assertThat(changed).as(changed.size() + " of " + ProgramSecretsCorpus.HARMLESS.size()).isEmpty();
        assertThat(ProgramSecretsCorpus.HARMLESS).hasSizeGreaterThan(250);
    }

    /** Passwords of people and of generators: specials, digits, a plain word (only its place says what it is). */
    private static String secret(SecretCorpus parts, Random r, int seed) {
        return switch (seed % 4) {
            case 0 -> parts.chars(SecretCorpus.UPPER, 3) + parts.chars(SecretCorpus.LOWER, 4) + parts.chars(SecretCorpus.DIGITS, 4)
                    + parts.pick("#", "%", "^", "*", "-", "_", "+") + parts.chars(SecretCorpus.ALNUM, 5);
            case 1 -> parts.password();
            case 2 -> parts.chars(SecretCorpus.ALNUM, 10 + r.nextInt(12));
            default -> parts.chars(SecretCorpus.LOWER, 9 + r.nextInt(5));
        };
    }

    /** The template with its secret; a secret that stands as a word of its own is quoted one way or another. */
    private static String fill(String template, String secret, String user, Random r) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (int at = template.indexOf("@P@"); at >= 0; at = template.indexOf("@P@", i)) {
            out.append(template, i, at);
            boolean alone = at > 0 && template.charAt(at - 1) == ' ' && (at + 3 == template.length() || template.charAt(at + 3) == ' ');
            String q = alone && !template.contains("'") && !template.contains("\"") ? List.of("", "'", "\"").get(r.nextInt(3)) : "";
            out.append(q).append(secret).append(q);
            i = at + 3;
        }
        return out.append(template.substring(i)).toString().replace("@U@", user);
    }

    /** What each tool shows of the command. */
    private static List<String> carriers(String line, Random r) {
        List<String> out = new ArrayList<>();
        out.add(field("commandLine", line));
        out.add(field("createdBy", "/bin/sh -c " + line).substring("/bin/sh -c ".length()));
        out.add(field("createdBy", "RUN /bin/sh -c " + line + " # buildkit").replace("RUN /bin/sh -c ", "").replace(" # buildkit", ""));
        out.add(argv(List.of("sh", "-c", line), null).get(2));
        if (!line.matches(".*['\"|;&<>$(].*") && line.contains(" ")) {
            List<String> words = List.of(line.split(" "));
            out.add(String.join(" ", argv(words, null)));
            out.add(words.get(0) + " " + String.join(" ", argv(words.subList(1, words.size()), words.get(0))));
        } else {
            out.add(null); // quoted words are one argument each: no argv of its own
            out.add(null);
        }
        String prompt = PROMPTS.get(r.nextInt(PROMPTS.size()));
        out.add(REDACTOR.lines(List.of(prompt + line)).get(0).substring(prompt.length()));
        int cut = continuation(line);
        if (cut > 0) { // a command continued over two lines, as set -x or a build log prints it
            List<String> two = REDACTOR.lines(List.of(line.substring(0, cut) + " \\", "    " + line.substring(cut + 1)));
            out.add(two.get(0).substring(0, two.get(0).length() - 2) + " " + two.get(1).substring(4));
        }
        return out;
    }

    /** After the program and its first argument: the program on one line, the rest (flags and the secret) on the next. */
    private static int continuation(String line) {
        int first = line.indexOf(' ');
        return first < 0 ? -1 : line.indexOf(' ', first + 1);
    }

    private static String field(String name, String value) {
        ObjectNode o = JSON.objectNode();
        o.put(name, value);
        return REDACTOR.tree(o).get(name).asString();
    }

    private static List<String> argv(List<String> cmd, String entrypoint) {
        ObjectNode o = JSON.objectNode();
        if (entrypoint != null) {
            o.putArray("entrypoint").add(entrypoint);
        }
        ArrayNode a = o.putArray("cmd");
        cmd.forEach(a::add);
        List<String> out = new ArrayList<>();
        for (JsonNode w : REDACTOR.tree(o).get("cmd")) {
            out.add(w.asString());
        }
        return out;
    }

    /** The secret or an 8-character piece of it (that the rest of the line does not hold) in what is shown, or null. */
    private static String leak(String secret, String line, String shown) {
        String rest = line.replace(secret, "");
        for (int k = 0; k + 8 <= secret.length(); k++) {
            String piece = secret.substring(k, k + 8);
            if (!rest.contains(piece) && shown.contains(piece)) {
                return line + "  ->  " + shown;
            }
        }
        return shown.contains(secret) && !rest.contains(secret) ? line + "  ->  " + shown : null;
    }
}
