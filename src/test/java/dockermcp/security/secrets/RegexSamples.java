package dockermcp.security.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes a random string that a rule's regular expression accepts, for the subset of the syntax the rule file uses
 * (literals, escapes, classes, groups, alternation, bounded quantifiers; look-arounds produce nothing). The part
 * made inside capture group 1 is remembered: it is what the rule must hide.
 */
final class RegexSamples {

    record Sample(String text, int secretStart, int secretEnd) {
        String secret() {
            return text.substring(secretStart, secretEnd);
        }
    }

    private final String re;
    private final Random random;
    private int pos;
    private int group;
    private final StringBuilder out = new StringBuilder();
    private int secretStart = -1;
    private int secretEnd = -1;

    private RegexSamples(String re, Random random) {
        this.re = re;
        this.random = random;
    }

    static Sample of(String regex, Random random) {
        RegexSamples s = new RegexSamples(regex, random);
        s.alternation(false);
        String text = s.out.toString();
        return s.secretStart >= 0 ? new Sample(text, s.secretStart, s.secretEnd) : new Sample(text, 0, text.length());
    }

    /** Parses alternatives up to ')' or the end, emitting one picked at random (the others are parsed and dropped). */
    private void alternation(boolean skip) {
        List<int[]> alternatives = new ArrayList<>();
        int start = pos;
        int depth = 0;
        int from = pos;
        while (pos < re.length()) {
            char c = re.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '[') {
                skipClass();
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == '|' && depth == 0) {
                alternatives.add(new int[] {from, pos});
                from = pos + 1;
            }
            pos++;
        }
        alternatives.add(new int[] {from, pos});
        int end = pos;
        int[] pick = alternatives.get(random.nextInt(alternatives.size()));
        if (!skip) {
            pos = pick[0];
            sequence(pick[1]);
        }
        pos = end;
        if (start > end) {
            throw new IllegalStateException();
        }
    }

    private void sequence(int end) {
        while (pos < end) {
            int atomStart = pos;
            Runnable atom = atom();
            int min = 1;
            int max = 1;
            if (pos < end && (re.charAt(pos) == '{' || re.charAt(pos) == '?' || re.charAt(pos) == '*' || re.charAt(pos) == '+')) {
                char q = re.charAt(pos);
                if (q == '{') {
                    int close = re.indexOf('}', pos);
                    String[] mn = re.substring(pos + 1, close).split(",", -1);
                    min = Integer.parseInt(mn[0]);
                    max = mn.length == 1 ? min : mn[1].isEmpty() ? min + 8 : Integer.parseInt(mn[1]);
                    pos = close + 1;
                } else {
                    min = q == '+' ? 1 : 0;
                    max = q == '?' ? 1 : min + 8;
                    pos++;
                }
                if (pos < end && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
                    pos++; // lazy or possessive
                }
            }
            int count = min + (max > min ? random.nextInt(Math.min(max - min, 6) + 1) : 0);
            for (int i = 0; i < count; i++) {
                atom.run();
            }
            if (atomStart == pos) {
                throw new IllegalStateException("stuck at " + pos + " in " + re);
            }
        }
    }

    /** Parses one atom at pos and returns what emits it once. */
    private Runnable atom() {
        char c = re.charAt(pos);
        if (c == '(') {
            int groupStart = pos;
            pos++;
            boolean capture = true;
            boolean emit = true;
            if (re.charAt(pos) == '?') {
                capture = false;
                if (re.startsWith("?:", pos) || re.startsWith("?i:", pos)) {
                    pos = re.indexOf(':', pos) + 1;
                } else { // look-around: emits nothing
                    emit = false;
                    pos += re.charAt(pos + 1) == '<' ? 3 : 2;
                }
            }
            int bodyStart = pos;
            alternation(true);
            int bodyEnd = pos;
            pos++; // ')'
            int number = capture ? ++group : 0;
            boolean emitting = emit;
            return () -> {
                if (!emitting) {
                    return;
                }
                int save = pos;
                pos = bodyStart;
                int before = out.length();
                RegexSamples inner = this;
                inner.alternationBounded(bodyEnd);
                pos = save;
                if (number == 1) {
                    secretStart = before;
                    secretEnd = out.length();
                }
            };
        }
        if (c == '[') {
            int from = pos;
            skipClass();
            List<Character> members = members(re.substring(from + 1, pos - 1));
            return () -> out.append(members.get(random.nextInt(members.size())));
        }
        if (c == '\\') {
            char e = re.charAt(pos + 1);
            pos += 2;
            if (e == 'x') { // \xhh: a character by its code (a NUL in a binary key file's header)
                char code = (char) Integer.parseInt(re.substring(pos, pos + 2), 16);
                pos += 2;
                return () -> out.append(code);
            }
            return switch (e) {
                case 'd' -> () -> out.append((char) ('0' + random.nextInt(10)));
                case 's' -> () -> out.append(' ');
                case 'w' -> () -> out.append((char) ('a' + random.nextInt(26)));
                case 'b' -> () -> { };
                case 'r' -> () -> out.append('\r');
                case 'n' -> () -> out.append('\n');
                case 't' -> () -> out.append('\t');
                default -> () -> out.append(e);
            };
        }
        pos++;
        return () -> out.append(c);
    }

    /** As {@link #alternation} but for a group body ending at {@code end} (the matching ')'). */
    private void alternationBounded(int end) {
        List<int[]> alternatives = new ArrayList<>();
        int depth = 0;
        int from = pos;
        while (pos < end) {
            char c = re.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '[') {
                skipClass();
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                alternatives.add(new int[] {from, pos});
                from = pos + 1;
            }
            pos++;
        }
        alternatives.add(new int[] {from, end});
        int[] pick = alternatives.get(random.nextInt(alternatives.size()));
        pos = pick[0];
        sequence(pick[1]);
    }

    private void skipClass() {
        pos++;
        if (re.charAt(pos) == '^') {
            pos++;
        }
        if (re.charAt(pos) == ']') {
            pos++;
        }
        while (re.charAt(pos) != ']') {
            pos += re.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
    }

    private static List<Character> members(String body) {
        if (body.startsWith("^")) {
            List<Character> all = new ArrayList<>();
            String excluded = body.substring(1);
            for (char c = 'a'; c <= 'z'; c++) {
                if (excluded.indexOf(c) < 0 && !excluded.contains("a-z")) {
                    all.add(c);
                }
            }
            return all.isEmpty() ? List.of('x') : all;
        }
        List<Character> out = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\\') {
                char e = body.charAt(i + 1);
                switch (e) {
                    case 's' -> out.add(' ');
                    case 'd' -> out.add('7');
                    case 'w' -> out.add('w');
                    default -> out.add(e);
                }
                i += 2;
            } else if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                for (char x = c; x <= body.charAt(i + 2); x++) {
                    out.add(x);
                }
                i += 3;
            } else {
                out.add(c);
                i++;
            }
        }
        return out;
    }
}
