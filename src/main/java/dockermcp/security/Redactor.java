package dockermcp.security;

import dockermcp.config.EnvRedaction;
import dockermcp.security.secrets.ConfigValues;
import dockermcp.security.secrets.Halves;
import dockermcp.security.secrets.Keywords;
import dockermcp.security.secrets.SecretDetector;
import dockermcp.security.secrets.SecretNames;
import dockermcp.security.secrets.PlainView;
import dockermcp.security.secrets.RandomTokens;
import dockermcp.security.secrets.Spans;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes secrets from everything that leaves the server: structured results, text, errors and audit records.
 * Two rules: configuration values (env, labels, command, entrypoint, image history) are shown only when judged
 * harmless ({@link ConfigValues}); free text (logs, engine messages, anything else) goes through the detector
 * ({@link SecretDetector}). Callers cannot turn either off.
 */
public final class Redactor {

    public static final String MARK = "[REDACTED]";

    private static final int AUDIT_ARGUMENT_MAX = 200;
    /** A wrapped word is looked for within this many characters either side of a line break, plus this much context. */
    private static final int WRAP_MAX = 2048;
    private static final int WRAP_CONTEXT = 32;
    /** More context where a command takes its password far from its name (htpasswd -b FILE USER PASS, echo PASS | … --password-stdin). */
    private static final int WRAP_COMMAND_CONTEXT = 128;
    private static final Pattern ORDINARY_WORD = Pattern.compile("[a-z]{1,12}|[A-Z]{1,6}|[A-Z][a-z]{1,12}|[\\[{(<].{0,2048}"
            + "|[A-Za-z_][A-Za-z0-9_.-]{0,64}(?:=(?=[^=\"])|:).{0,2048}|\\d{4}-\\d\\d-\\d\\d.{0,2048}|\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}.{0,2048}");
    /** Audit arguments are redacted before they are shortened, from at most this much of them. */
    private static final int AUDIT_ARGUMENT_READ = 16 * 1024;

    private final SecretDetector detector;
    private final ConfigValues config;

    /** The built-in rules only. */
    public Redactor() {
        this(List.of(), EnvRedaction.DEFAULT);
    }

    /** The built-in rules plus the operator's own patterns (REDACT_PATTERNS), applied to every string. */
    public Redactor(List<Pattern> operatorPatterns) {
        this(operatorPatterns, EnvRedaction.DEFAULT);
    }

    public Redactor(List<Pattern> operatorPatterns, EnvRedaction env) {
        this.detector = new SecretDetector(operatorPatterns);
        this.config = new ConfigValues(detector, env, MARK);
    }

    public static boolean isSecretName(String name) {
        return SecretNames.suggestsSecret(name);
    }

    /** An environment entry NAME=value: the value is shown only when judged harmless. */
    public String envEntry(String entry) {
        return config.envEntry(entry);
    }

    /** Free text: every secret the detector finds is replaced by the marker. */
    public String text(String s) {
        PlainView plain = PlainView.of(s); // a colour code or a zero-width character must not hide a token
        if (s != null && PlainView.hasLineEscapes(s)) { // and a text logged as one string, read with its escaped line breaks as breaks
            Spans spans = plain.toOriginal(detector.find(plain.text()));
            PlainView unescaped = PlainView.unescaped(s);
            spans.addAll(unescaped.toOriginal(detector.find(unescaped.text())));
            return spans.apply(s, MARK);
        }
        return plain.same() ? detector.redact(s, MARK) : plain.toOriginal(detector.find(plain.text())).apply(s, MARK);
    }

    /**
     * Log lines, checked one by one and joined with their neighbours: joined by a line break, a value on the line
     * after its {@code password:} and a key block over many lines are caught; joined directly, a token wrapped in
     * the middle is. Each line keeps its place; only the secret parts become the marker.
     */
    public List<String> lines(List<String> original) {
        // checked as a reader sees them: terminal escapes and invisible characters out, mapped back at the end
        int n = original.size();
        int length = 0;
        for (String line : original) {
            length += line.length() + 1;
        }
        PlainView[] views = new PlainView[n];
        Halves.range(length, n, i -> views[i] = PlainView.of(original.get(i)));
        List<String> lines = new ArrayList<>(n);
        StringBuilder joined = new StringBuilder(length);
        int[] starts = new int[n + 1];
        for (int i = 0; i < n; i++) {
            lines.add(views[i].text());
            starts[i] = joined.length();
            joined.append(lines.get(i)).append('\n');
        }
        starts[n] = joined.length();
        String all = joined.toString();
        // with the words wrapped() looks for in each line (most texts hold none), found in the detector's keyword pass
        SecretDetector.Findings found = detector.findWithWords(all);
        int[] byBreak = found.spans().merged();
        Keywords.Found words = found.words();

        List<Spans> local = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Spans s = new Spans();
            clip(byBreak, starts[i], lines.get(i).length(), s, false);
            local.add(s);
        }
        for (int i = 0; i + 1 < n; i++) {
            int k = lowerBound(byBreak, starts[i + 1]);
            boolean nextStartsHidden = k < byBreak.length && byBreak[k] <= starts[i + 1];
            wrapped(lines.get(i), lines.get(i + 1), local.get(i), local.get(i + 1), nextStartsHidden, words);
        }
        Spans[] again = escapedAgain(original);
        String[] out = new String[n];
        Halves.range(length, n, i -> {
            Spans spans = views[i].toOriginal(local.get(i));
            if (again[i] != null) {
                spans.addAll(again[i]);
            }
            out[i] = spans.apply(original.get(i), MARK);
        });
        return java.util.Arrays.asList(out);
    }

    /**
     * The lines that hold a text logged as one string, its line breaks escaped ({@code "user: a\npassword:\n  x"}), read a
     * second time with those escapes as line breaks, together in one detector pass: what each hides, in its original's
     * places (null for a line without such escapes, most lines). Such a line is also read glued to the next one when a word
     * may go on from one to the other (a terminal's wrap, as {@link #wrapped} reads the first reading).
     */
    private Spans[] escapedAgain(List<String> original) {
        int n = original.size();
        Spans[] again = new Spans[n];
        PlainView[] views = new PlainView[n];
        boolean[] escaped = new boolean[n];
        for (int i = 0; i < n; i++) {
            escaped[i] = PlainView.hasLineEscapes(original.get(i));
        }
        List<int[]> parts = new ArrayList<>(); // {line, where its view starts in the joined text, 1 when glued to a neighbour}
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (!escaped[i]) {
                continue;
            }
            views[i] = PlainView.unescaped(original.get(i));
            parts.add(new int[] {i, joined.length(), 0});
            joined.append(views[i].text()).append('\n');
            String line = original.get(i);
            if (i + 1 < n && !line.isEmpty() && !original.get(i + 1).isEmpty() && wordChar(line.charAt(line.length() - 1))
                    && wordChar(original.get(i + 1).charAt(0)) && escaped[i + 1]) {
                views[i + 1] = views[i + 1] != null ? views[i + 1] : PlainView.unescaped(original.get(i + 1));
                parts.add(new int[] {i, joined.length(), 1}); // glued: only what crosses the join counts
                joined.append(views[i].text());
                parts.add(new int[] {i + 1, joined.length(), 1});
                joined.append(views[i + 1].text()).append('\n');
            }
        }
        if (parts.isEmpty()) {
            return again;
        }
        int[] found = detector.find(joined.toString()).merged();
        Spans[] local = new Spans[n];
        for (int[] part : parts) {
            int i = part[0];
            local[i] = local[i] != null ? local[i] : new Spans();
            clip(found, part[1], views[i].text().length(), local[i], part[2] == 1);
        }
        for (int i = 0; i < n; i++) {
            again[i] = local[i] == null ? null : views[i].toOriginal(local[i]);
        }
        return again;
    }

    /**
     * A secret wrapped from one line onto the next: the last word of the first line (with a little of what comes
     * before it, for a keyword) joined directly to the first word of the next is checked; parts of what is found
     * there that cross the join are hidden on both lines. Lines that end or start with a blank cannot wrap a word.
     */
    private void wrapped(String line, String next, Spans here, Spans there, boolean nextStartsHidden, Keywords.Found words) {
        if (line.isEmpty() || next.isEmpty()) {
            return;
        }
        char last = line.charAt(line.length() - 1);
        // a value cut at a delimiter it holds (password=ab; | cd, password=ab | "cd): the line ends or the next starts with it
        boolean cutAtDelimiter = line.length() > 1 && DELIMITERS.indexOf(last) >= 0 && here.covers(line.length() - 2)
                || DELIMITERS.indexOf(next.charAt(0)) >= 0 && here.covers(line.length() - 1);
        boolean phrase = mentions(line, "passphrase", words) || mentions(line, "psk", words) // words with blanks: a wrap may fall on a blank
                || last == ' ' && line.length() > 1 && here.covers(line.length() - 2) && (mentions(line, "pass", words) || mentions(line, "pwd", words));
        if (!cutAtDelimiter && !phrase && (!wordChar(last) || !wordChar(next.charAt(0)) || "[(<".indexOf(next.charAt(0)) >= 0)) {
            return; // no token goes on with a bracket: "[2026-11-30 10:00:03] …" starts a line of its own
        }
        int from = line.length();
        while (from > 0 && line.length() - from < WRAP_MAX && !Character.isWhitespace(line.charAt(from - 1))) {
            from--;
        }
        String lastWord = line.substring(from); // the line's last word, at most WRAP_MAX characters
        if (!cutAtDelimiter && (finishedWord(lastWord) || LABEL.matcher(lastWord).matches())) {
            return; // a label (length:, used:) ends its line: the value on the next line is read across the break, not glued to it
        }
        int to = 0;
        while (to < next.length() && to < WRAP_MAX && !Character.isWhitespace(next.charAt(to))) {
            to++;
        }
        String nextWord = next.substring(0, to);
        if (!cutAtDelimiter && (runOfOneCharacter(lastWord) || runOfOneCharacter(nextWord))) {
            return; // a ruler or a run of one letter (=====, AAAA…) at the end of a line or starting the next is that line's own
        }
        if (nextStartsHidden && COMPLETE_WORD.matcher(lastWord).matches() || COMPLETE_UUID.matcher(lastWord).matches()) {
            return; // a UUID is whole; and when the next line's start is hidden on its own, a number or plain word before it gives nothing away
        }
        if (!phrase && (PLAIN_NEXT_WORD.matcher(nextWord).matches()
                || ordinaryWord(nextWord) && (here.covers(line.length() - 1) || lowerWordAfterSeparator(line) || wholeValueAtEnd(line)))) {
            // the next line starts with a plain word (GET, Successfully, pulled: a wrapped token whose rest is a plain
            // word is not told apart, see SECURITY.md), or with another ordinary start (key=value, a date) after a line
            // whose secret ended with it or that ends with a value whole as it stands (auth=ok, completion_tokens=311,
            // SHA256:fingerprint, a plain word, a ruler); or the next line is a ruler: joined, the two would make a
            // token neither half is part of
            return;
        }
        boolean command = commandContext(line, next, words);
        from = Math.max(0, from - (command ? WRAP_COMMAND_CONTEXT : WRAP_CONTEXT));
        String head = line.substring(from);
        // with the rest of the next line's start: a flag after the value there (| docker login --password-stdin) tells what it is
        int[] found = detector.find(head + next.substring(0, command ? Math.min(next.length(), to + WRAP_COMMAND_CONTEXT) : to)).merged();
        for (int k = 0; k < found.length; k += 2) {
            if (found[k] < head.length() && found[k + 1] > head.length()) {
                here.add(from + found[k], line.length());
                there.add(0, found[k + 1] - head.length());
            }
        }
    }

    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z_-]{0,40}:");

    /** Values that may hold one of these characters (Assignments reads past them when no new name follows). */
    private static final String DELIMITERS = ";&'\"`";
    /** Words of a next line that say what the piped value before them is. */
    private static final List<String> PIPE_WORDS = List.of("--password-stdin", "--stdin", "chpasswd", "passwd", "> ", "| tee ", "sudo -s", "sudo -S");

    /** True when the wrapped value's meaning depends on a command or keyword further from the join than a word. */
    private static boolean commandContext(String line, String next, Keywords.Found words) {
        for (String w : Keywords.WRAP_COMMANDS) {
            if (mentions(line, w, words)) {
                return true;
            }
        }
        for (String w : PIPE_WORDS) {
            int at = next.indexOf(w);
            if (at >= 0 && at < WRAP_COMMAND_CONTEXT) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the line {@code s} holds {@code lowerWord} in any ASCII case; looked for only when the whole text holds it,
     * and without a copy of the line (this runs for every line pair).
     */
    private static boolean mentions(String s, String lowerWord, Keywords.Found inText) {
        if (!inText.has(lowerWord)) {
            return false;
        }
        char first = lowerWord.charAt(0);
        for (int i = 0, last = s.length() - lowerWord.length(); i <= last; i++) {
            char c = s.charAt(i);
            if ((c == first || c == first - 32) && s.regionMatches(true, i, lowerWord, 0, lowerWord.length())) {
                return true;
            }
        }
        return false;
    }

    /** The line ends with {@code =word} or {@code : word}, the word in lower case or a number: a setting's value, whole (auth=ok, total_tokens=390). */
    private static boolean lowerWordAfterSeparator(String line) {
        int i = line.length();
        while (i > 0 && line.length() - i < 16 && (Character.isLowerCase(line.charAt(i - 1)) || Character.isDigit(line.charAt(i - 1)))) {
            i--;
        }
        while (i > 0 && i < line.length() && line.charAt(i - 1) == ' ') {
            i--;
        }
        return i > 0 && i < line.length() && (line.charAt(i - 1) == '=' || line.charAt(i - 1) == ':');
    }

    /** A number after {@code =}, {@code :} or a blank, with an optional unit: a value whole as it stands (completion_tokens=311, 12.3ms). */
    private static final Pattern NUMBER_VALUE = Pattern.compile("(?:[^=:]{0,64}[=:])?\\d[\\d.,]{0,24}(?:ms|s|m|h|%|[KMGT]i?B)?");

    /**
     * The line's last word is a value that is whole as it stands, not the head of a token wrapped onto the next line:
     * a number, a key fingerprint ({@code SHA256:…}), a plain lower-case word after a blank, or a run of one character.
     */
    private static boolean wholeValueAtEnd(String line) {
        int from = line.length();
        while (from > 0 && line.length() - from < 200 && !Character.isWhitespace(line.charAt(from - 1))) {
            from--;
        }
        String word = line.substring(from);
        return word.length() > 0 && (NUMBER_VALUE.matcher(word).matches() || RandomTokens.isKeyFingerprint(word)
                || from > 0 && PLAIN_WORD.matcher(word).matches() || runOfOneCharacter(word));
    }

    private static final Pattern PLAIN_WORD = Pattern.compile("[a-z]{4,12}[.,;:!]?");
    /** A word of prose or a log level starting a line (GET, Successfully, pulled), with its punctuation; a date or an IPv4 address. */
    private static final Pattern PLAIN_NEXT_WORD = Pattern.compile("(?:[a-z]{1,12}|[A-Z]{1,6}|[A-Z][a-z]{1,12})[.,;:!?]?"
            + "|\\d{4}-\\d\\d-\\d\\d.{0,2048}|\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}.{0,2048}");

    /** The end of a line that is a whole value of its own: a number, a lower-case word (after a name= or not). */
    private static final Pattern COMPLETE_WORD = Pattern.compile("(?:[A-Za-z_][A-Za-z0-9_.-]{0,64}[=:])?"
            + "(?:\\d{1,12}|[a-z]{1,12})");
    private static final Pattern COMPLETE_UUID = Pattern.compile("(?:[A-Za-z_][A-Za-z0-9_.-]{0,64}[=:])?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Four or more of one character ({@code AAAA}, {@code ====}): a ruler or filler, no part of a random token. */
    private static boolean runOfOneCharacter(String word) {
        if (word.length() < 4) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (word.charAt(i) != word.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    /** A fingerprint (SHA256: and 43 base64), a digest (sha256: and 64 hex), a UUID or a mask (********): complete, so nothing wraps from it. */
    private static boolean finishedWord(String w) {
        return FINISHED_WORD.matcher(w).matches();
    }

    private static final Pattern FINISHED_WORD = Pattern.compile("(?:SHA256:[A-Za-z0-9+/]{43}|(?:sha256:)?[0-9a-f]{64}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\*{3,32}|<redacted>|\\[REDACTED])[.,;)]?");

    /** A word that starts a line of its own, not the rest of a wrapped secret: a plain word, a key=value, a time stamp. */
    private static boolean ordinaryWord(String w) {
        return ORDINARY_WORD.matcher(w).matches();
    }

    private static boolean wordChar(char c) {
        return !Character.isWhitespace(c) && c != '}' && c != ']' && c != ')' && c != '"' && c != '\'' && c != '>' && c != ',' && c != ';';
    }

    /** Adds the parts of the merged spans that fall in one line; with {@code crossingOnly}, only spans that cross its ends. */
    private static void clip(int[] merged, int lineStart, int length, Spans local, boolean crossingOnly) {
        int lineEnd = lineStart + length;
        int k = lowerBound(merged, lineStart);
        for (; k < merged.length && merged[k] < lineEnd; k += 2) {
            boolean crosses = merged[k] < lineStart || merged[k + 1] > lineEnd;
            if (!crossingOnly || crosses) {
                local.add(Math.max(merged[k], lineStart) - lineStart, Math.min(merged[k + 1], lineEnd) - lineStart);
            }
        }
    }

    /** The first span (even index) that ends after {@code at}, by binary search: lines are clipped in O(log n) each. */
    private static int lowerBound(int[] merged, int at) {
        int lo = 0;
        int hi = merged.length / 2;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (merged[mid * 2 + 1] <= at) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo * 2;
    }

    /** Redacts log lines held in a JSON array of objects, in place: the {@code field} of each. */
    public void logLines(ArrayNode lines, String field) {
        List<ObjectNode> holders = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (JsonNode line : lines) {
            if (line instanceof ObjectNode obj && obj.path(field).isString()) {
                holders.add(obj);
                texts.add(obj.get(field).asString());
            }
        }
        List<String> redacted = lines(texts);
        for (int i = 0; i < holders.size(); i++) {
            holders.get(i).put(field, redacted.get(i));
        }
    }

    /**
     * Redacts a JSON tree in place. Configuration fields ({@code env}, {@code labels}, {@code options}, {@code command},
     * {@code entrypoint}, {@code cmd}, {@code createdBy}, {@code commandLine}, {@code attributes}) follow the configuration rule; a value under a key that
     * suggests a secret goes; every other string is free text. {@code skip} names one field left as it is
     * (log lines already redacted together).
     */
    public JsonNode tree(JsonNode node) {
        return tree(node, null);
    }

    public JsonNode tree(JsonNode node, String skip) {
        return tree(node, skip, List.of());
    }

    /** @param runBy the program an image history row's exec-form CMD is given to (its image's ENTRYPOINT row), or none */
    private JsonNode tree(JsonNode node, String skip, List<String> runBy) {
        if (node instanceof ObjectNode obj) {
            JsonNode entrypoint = obj.get("entrypoint") instanceof ArrayNode e ? e.deepCopy() : null; // as it was, whichever field comes first
            for (String name : new ArrayList<>(obj.propertyNames())) {
                JsonNode v = obj.get(name);
                if (name.equals(skip)) {
                    continue;
                }
                switch (name) {
                    case "env" -> {
                        if (v instanceof ArrayNode arr) {
                            replaceStrings(arr, config::envEntry);
                            continue;
                        }
                    }
                    case "labels", "options", "attributes" -> { // an event's attributes are mostly its container's labels
                        if (v instanceof ObjectNode labels) {
                            boolean options = name.equals("options");
                            for (String k : new ArrayList<>(labels.propertyNames())) {
                                if (labels.get(k).isString()) {
                                    String value = labels.get(k).asString();
                                    String key = config.name(k); // a token inside a label key goes too
                                    if (!key.equals(k)) {
                                        labels.remove(k);
                                    }
                                    labels.put(key, options ? config.option(k, value) : config.label(k, value));
                                }
                            }
                            continue;
                        }
                    }
                    case "command", "entrypoint", "cmd" -> {
                        if (v instanceof ArrayNode arr && allStrings(arr)) {
                            // Docker runs the entrypoint with the command as its arguments: a flag's meaning (ldapsearch -w X)
                            // depends on the program, so the command is judged after the entrypoint it is given to
                            List<String> args = new ArrayList<>();
                            if (!name.equals("entrypoint") && entrypoint instanceof ArrayNode entry && allStrings(entry)) {
                                entry.forEach(a -> args.add(a.asString()));
                            }
                            int from = args.size();
                            arr.forEach(a -> args.add(a.asString()));
                            List<String> judged = config.argv(args);
                            for (int i = from; i < judged.size(); i++) {
                                arr.set(i - from, arr.stringNode(judged.get(i)));
                            }
                            continue;
                        }
                    }
                    case "createdBy", "commandLine" -> { // an image history step, a process of docker_top
                        if (v.isString()) {
                            obj.put(name, config.commandLine(v.asString(), runBy));
                            continue;
                        }
                    }
                    default -> { }
                }
                if (v.isString()) {
                    obj.put(name, isSecretName(name) ? MARK : text(v.asString()));
                } else if (v.isContainer()) {
                    tree(v, null);
                }
            }
        } else if (node instanceof ArrayNode arr) {
            List<List<String>> entrypoints = historyEntrypoints(arr);
            for (int i = 0; i < arr.size(); i++) {
                JsonNode v = arr.get(i);
                if (v.isString()) {
                    arr.set(i, arr.stringNode(text(v.asString())));
                } else {
                    tree(v, null, runBy(entrypoints, i));
                }
            }
        }
        return node;
    }

    /** The exec-form ENTRYPOINT of each row of an image's history (newest first, as Docker lists it); empty lists elsewhere. */
    private static List<List<String>> historyEntrypoints(ArrayNode rows) {
        List<List<String>> found = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            found.add(row.path("createdBy").isString() ? ConfigValues.entrypointOf(row.get("createdBy").asString()) : List.of());
        }
        return found;
    }

    /** The ENTRYPOINT a CMD row at {@code i} is given to: the nearest older row that set one, else the nearest newer. */
    private static List<String> runBy(List<List<String>> entrypoints, int i) {
        for (int j = i + 1; j < entrypoints.size(); j++) {
            if (!entrypoints.get(j).isEmpty()) {
                return entrypoints.get(j);
            }
        }
        for (int j = i - 1; j >= 0; j--) {
            if (!entrypoints.get(j).isEmpty()) {
                return entrypoints.get(j);
            }
        }
        return List.of();
    }

    private static boolean allStrings(ArrayNode arr) {
        for (JsonNode a : arr) {
            if (!a.isString()) {
                return false;
            }
        }
        return true;
    }

    private static void replaceStrings(ArrayNode arr, java.util.function.UnaryOperator<String> f) {
        for (int i = 0; i < arr.size(); i++) {
            if (arr.get(i).isString()) {
                arr.set(i, arr.stringNode(f.apply(arr.get(i).asString())));
            }
        }
    }

    /** Redacts the values of a map of caller arguments, for the audit log: redacted first, then shortened. */
    public Map<String, Object> arguments(Map<String, Object> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        args.forEach((k, v) -> out.put(k, isSecretName(k) ? MARK : v == null || v instanceof Number || v instanceof Boolean ? v : argument(String.valueOf(v))));
        return out;
    }

    /** Arguments are recorded before they are validated: an over-long one is redacted from its start, then kept short. */
    private String argument(String s) {
        String head = s.length() > AUDIT_ARGUMENT_READ ? s.substring(0, AUDIT_ARGUMENT_READ) : s;
        String r = text(head);
        return r.length() <= AUDIT_ARGUMENT_MAX && s.length() == head.length() ? r
                : r.substring(0, Math.min(r.length(), AUDIT_ARGUMENT_MAX)) + "...(" + s.length() + " characters)";
    }
}
