package dockermcp.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The operator's choices about environment values (REDACT_ENV, REDACT_SHOW_ENV); the model can change neither.
 *
 * @param hideAll  REDACT_ENV=all: every env value is hidden, harmless or not, except the names listed to show
 * @param showEnv  REDACT_SHOW_ENV: names or globs (* and ?) whose values are shown as they are
 */
public record EnvRedaction(boolean hideAll, List<String> showEnv) {

    public static final EnvRedaction DEFAULT = new EnvRedaction(false, List.of());
    private static final Pattern NAME_OR_GLOB = Pattern.compile("[A-Za-z0-9_.*?-]{1,128}");

    public EnvRedaction {
        showEnv = List.copyOf(showEnv);
        for (String n : showEnv) {
            if (!NAME_OR_GLOB.matcher(n).matches()) {
                throw new ConfigError("REDACT_SHOW_ENV entry '" + n + "' is not a variable name or glob: use letters, digits, _ . - and the wildcards * and ?, "
                        + "separated by commas, for example REDACT_SHOW_ENV=JAVA_OPTS,SPRING_*.");
            }
        }
    }

    /** True when the operator asked for this variable's value to be shown as it is. */
    public boolean shows(String name) {
        for (String glob : showEnv) {
            if (globMatches(glob.toUpperCase(Locale.ROOT), name.toUpperCase(Locale.ROOT), 0, 0)) {
                return true;
            }
        }
        return false;
    }

    /** Glob match without regular expressions; names are short (at most a few hundred characters), globs at most 128. */
    private static boolean globMatches(String g, String s, int gi, int si) {
        int star = -1;
        int mark = 0;
        while (si < s.length()) {
            if (gi < g.length() && (g.charAt(gi) == '?' || g.charAt(gi) == s.charAt(si))) {
                gi++;
                si++;
            } else if (gi < g.length() && g.charAt(gi) == '*') {
                star = gi++;
                mark = si;
            } else if (star >= 0) {
                gi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (gi < g.length() && g.charAt(gi) == '*') {
            gi++;
        }
        return gi == g.length();
    }
}
