package dockermcp.security.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider token rules (provider-rules.txt): each runs only where one of its keywords occurs, and only from
 * there, so the cost is one pass over the text to find keywords plus a bounded match per keyword found.
 */
public final class ProviderRules {

    /** One rule: where it may start (keyword, up to {@code back} characters before it), its pattern, how far it may reach. */
    public record Rule(String id, List<String> keywords, int back, Pattern pattern) {
    }

    private static final String RESOURCE = "/dockermcp/security/secrets/provider-rules.txt";
    private static final int WINDOW = 24 * 1024;
    private static final String CONTEXT = "[A-Za-z0-9_.\\-]{0,40}[\"']?\\s{0,4}(?:=|:=|=>|:|,|\\s)\\s{0,4}[\"']?(%s)(?![A-Za-z0-9_\\-])";

    private static final ProviderRules BUILT_IN = load();

    private final List<Rule> rules;
    /** Keywords where a word starts (a token starts there: no 'task' for 'sk', no 'method' for 'eth'). */
    private final Trie atWordStart = new Trie();
    /**
     * Keywords that may start inside a word: those that start with a symbol ('/hooks/', ':aa', '-us') and those of
     * rules that start before their keyword.
     */
    private final Trie midWord = new Trie();

    private ProviderRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        for (int r = 0; r < rules.size(); r++) {
            for (String k : rules.get(r).keywords()) {
                atWordStart.add(k, r);
                if (!Character.isLetterOrDigit(k.charAt(0)) || rules.get(r).back() != 0) {
                    midWord.add(k, r);
                }
            }
        }
    }

    public static ProviderRules builtIn() {
        return BUILT_IN;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Adds the spans of every provider token in the text. */
    void find(char[] chars, CharSequence text, Spans spans) {
        int n = chars.length;
        int[] doneUntil = null; // made at the first keyword: most short texts (a line join, a label) have none
        Matcher[] matchers = null;
        boolean inWord = false;
        for (int i = 0; i < n; i++) {
            char raw = chars[i];
            char first = lower(raw);
            boolean startsWord = !inWord;
            inWord = first >= 'a' && first <= 'z' || raw >= '0' && raw <= '9' || raw >= 128 && Character.isLetterOrDigit(raw);
            if (first >= 128) {
                continue;
            }
            Trie trie = startsWord ? atWordStart : midWord;
            int[] next = trie.next;
            for (int j = i + 1, node = next[first]; node != 0; j++) {
                int[] ids = trie.ruleIds[node];
                for (int k = 0; ids != null && k < ids.length; k++) {
                    int r = ids[k];
                    if (doneUntil == null) {
                        doneUntil = new int[rules.size()];
                        matchers = new Matcher[rules.size()];
                    }
                    if (i >= doneUntil[r]) {
                        doneUntil[r] = Math.max(doneUntil[r], match(r, text, i, spans, matchers));
                    }
                }
                if (j >= n) {
                    break;
                }
                char c = lower(chars[j]);
                node = c < 128 ? next[node * 128 + c] : 0;
            }
        }
    }

    /** ASCII lower case (keywords are ASCII; anything else never matches one). */
    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** Runs one rule at a keyword found at {@code at}; returns the position before which it need not run again. */
    private int match(int r, CharSequence text, int at, Spans spans, Matcher[] matchers) {
        Rule rule = rules.get(r);
        Matcher m = matchers[r];
        if (m == null) {
            m = rule.pattern().matcher(text);
            m.useTransparentBounds(true).useAnchoringBounds(false);
            matchers[r] = m;
        }
        boolean found = false;
        for (int from = Math.max(0, at - rule.back()); from <= at && !found; from++) { // bounded: back is at most a token's length
            m.region(from, Math.min(text.length(), at + WINDOW));
            // the match must reach this keyword: an earlier token of the same rule (a:x@tcp( before b:y@unix() is no answer for it
            found = m.lookingAt() && m.end() > at;
        }
        if (!found) {
            return at + 1;
        }
        int g = m.groupCount() >= 1 && m.start(1) >= 0 ? 1 : 0;
        if (fewDistinct(text, m.start(g), m.end(g))) {
            return at + 1; // a run of one letter ("AAAA…", a ruler) fits some token shapes but is no token
        }
        spans.add(m.start(g), m.end(g));
        return m.end();
    }

    /** True when a match of 16 or more characters is made of fewer than 4 distinct characters. */
    private static boolean fewDistinct(CharSequence t, int start, int end) {
        if (end - start < 16) {
            return false;
        }
        char a = t.charAt(start);
        char b = a;
        char c = a;
        for (int i = start; i < end; i++) {
            char x = t.charAt(i);
            if (x != a && x != b && x != c) {
                if (b == a) {
                    b = x;
                } else if (c == a) {
                    c = x;
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    static ProviderRules load() {
        try (InputStream in = ProviderRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProviderRules parse(String file) {
        List<Rule> rules = new ArrayList<>();
        for (String line : file.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+", 3);
            if (parts.length < 3) {
                throw new IllegalStateException("provider rule needs an id, keywords and a pattern: " + l);
            }
            int back = 0;
            boolean context = false;
            List<String> keywords = new ArrayList<>();
            for (String k : parts[1].split(",")) {
                int at = k.lastIndexOf('@');
                if (at > 0) {
                    back = Math.max(back, Integer.parseInt(k.substring(at + 1)));
                    k = k.substring(0, at);
                }
                if (k.startsWith("=")) {
                    context = true;
                    k = k.substring(1);
                }
                keywords.add(k.toLowerCase(Locale.ROOT));
            }
            String regex = parts[2];
            if (context) {
                String alternatives = String.join("|", keywords.stream().map(ProviderRules::literal).toList());
                regex = "(?i:" + alternatives + ")" + CONTEXT.formatted(regex);
            } else if (back == 0 && Character.isLetterOrDigit(keywords.get(0).charAt(0))) {
                regex = "(?<![A-Za-z0-9])" + regex; // a token starts where a word starts: no 'task-' for 'sk-'
            }
            rules.add(new Rule(parts[0], List.copyOf(keywords), back, Pattern.compile(regex)));
        }
        return new ProviderRules(rules);
    }

    /** The keyword as a regex literal (every character that is not a letter or digit escaped). */
    private static String literal(String keyword) {
        StringBuilder sb = new StringBuilder();
        for (char c : keyword.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) ? "" : "\\").append(c);
        }
        return sb.toString();
    }

    /** A keyword trie node over ASCII (keywords are lower-case ASCII; text is lower-cased as it is walked). */
    /**
     * A trie of ASCII keywords in flat arrays: {@code next[node * 128 + c]} is the child of a node for character c (0:
     * none; node 0 is the root), {@code ruleIds[node]} the rules whose keyword ends there (null: none).
     */
    private static final class Trie {
        int[] next = new int[128 * 64];
        int[][] ruleIds = new int[64][];
        int nodes = 1;

        void add(String keyword, int rule) {
            int node = 0;
            for (char c : keyword.toCharArray()) {
                if (c >= 128) {
                    throw new IllegalStateException("provider rule keywords are ASCII: " + keyword);
                }
                if (next[node * 128 + c] == 0) {
                    if (nodes == ruleIds.length) {
                        next = java.util.Arrays.copyOf(next, next.length * 2);
                        ruleIds = java.util.Arrays.copyOf(ruleIds, ruleIds.length * 2);
                    }
                    next[node * 128 + c] = nodes++;
                }
                node = next[node * 128 + c];
            }
            int[] ids = ruleIds[node] == null ? new int[0] : ruleIds[node];
            ruleIds[node] = java.util.Arrays.copyOf(ids, ids.length + 1);
            ruleIds[node][ids.length] = rule;
        }
    }
}
