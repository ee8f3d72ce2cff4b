package dockermcp.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes secrets from everything that leaves the server: structured results, text, errors and audit
 * records. Callers cannot turn it off.
 */
public final class Redactor {

    public static final String MARK = "[REDACTED]";

    /** Parts of names of variables, labels and flags whose values are treated as secrets (lower case). */
    private static final List<String> SECRET_NAME_PARTS = List.of("pass", "secret", "token", "key", "credential", "auth", "private",
            "cert", "signature", "salt", "cookie", "session", "dsn", "connstr", "conn_str", "connection_str", "connectionstring");
    /** Words that make a NAME=value or NAME: value in free text worth the (costlier) assignment pattern. */
    private static final List<String> ASSIGNMENT_WORDS = List.of("pass", "secret", "token", "key", "credential", "auth");
    private static final List<String> TOKEN_PREFIXES = List.of("AKIA", "ASIA", "gh", "github_pat_", "glpat-", "xox", "eyJ", "sk-",
            "AIza", "sk_", "rk_", "npm_", "hooks.slack.com");

    private static final Pattern ENV_ENTRY = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(.*)", Pattern.DOTALL);
    // starts only where a word starts and bounds the name, so hostile input cannot make matching slow
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_.-])[\"']?+((?:--?)?[A-Za-z0-9_.-]{0,64}(?:pass(?:wd|word)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth)[A-Za-z0-9_.-]{0,64}+)"
                    + "([\"']?\\s*[=:]\\s*)(?!(?:bearer|basic|digest)\\s)(\"[^\"]*\"|'[^']*'|[^\\s\"',;&|]+)");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*+://[^/\\s:@]*+):[^@\\s/]++@");
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)(authorization\\s*:\\s*(?:bearer|basic|token|digest)?\\s*)[^\\s\"']+");
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\\s\\S]*?(-----END \\1PRIVATE KEY-----|$)");
    private static final Pattern TOKEN_SHAPES = Pattern.compile("\\b(?:(?:AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}"
            + "|glpat-[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}|sk-[A-Za-z0-9_-]{20,}"
            + "|AIza[0-9A-Za-z_-]{30,}|(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,}|npm_[A-Za-z0-9]{30,})\\b"
            + "|hooks\\.slack\\.com/services/[A-Za-z0-9/_-]+");
    // --api-key VALUE and password 'VALUE': a secret flag or word followed by its value after a space
    private static final Pattern SPACED_FLAG = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_.-])(--[A-Za-z0-9_.-]{0,64}(?:pass(?:wd|word)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth)[A-Za-z0-9_.-]{0,64}+)"
                    + "(\\s++)(?![-\\[])(\"[^\"]*\"|'[^']*'|[^\\s\"',;&|]+)"
                    + "|(?i)(?<![A-Za-z0-9_.-])(pass(?:wd|word)?|secret|token)(\\s++)(\"[^\"]*\"|'[^']*')");
    /** "-p VALUE" is a password for mysql, psql-like tools and many CLIs, unless the value is a port mapping. */
    private static final Pattern PORT_SPEC = Pattern.compile("[\\d.:\\[\\]-]+(?:/(?:tcp|udp|sctp))?");
    private static final Pattern SHORT_P_FLAG = Pattern.compile("(?<![^\\s])-p\\s++(?![\\d.:\\[\\]-]+(?:/(?:tcp|udp|sctp))?(?:\\s|$))([^\\s\"']+|\"[^\"]*\"|'[^']*')");
    private static final Pattern MYSQL_PASSWORD = Pattern.compile("(?<![^\\s])-p(?=[^\\s-])\\S+");
    private static final Pattern COOKIE_HEADER = Pattern.compile("(?i)((?:set-)?cookie\\s*:\\s*)[^\\r\\n]+");
    private static final int AUDIT_ARGUMENT_MAX = 200;
    private static final String PEM_BEGIN = "-----BEGIN ";
    private static final String PEM_END = "-----END ";

    private final List<Pattern> operatorPatterns;

    /** The built-in rules only. */
    public Redactor() {
        this(List.of());
    }

    /** The built-in rules plus the operator's own patterns (REDACT_PATTERNS), applied to every string. */
    public Redactor(List<Pattern> operatorPatterns) {
        this.operatorPatterns = List.copyOf(operatorPatterns);
    }

    public static boolean isSecretName(String name) {
        return containsAny(name.toLowerCase(Locale.ROOT), SECRET_NAME_PARTS);
    }

    private static boolean containsAny(String s, List<String> parts) {
        for (String p : parts) {
            if (s.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** An environment entry NAME=value: the whole value goes when the name looks secret. */
    public String envEntry(String entry) {
        int eq = entry.indexOf('=');
        if (eq > 0 && isSecretName(entry.substring(0, eq)) && ENV_ENTRY.matcher(entry).matches()) {
            return entry.substring(0, eq) + "=" + MARK;
        }
        return text(entry);
    }

    /**
     * Free text: credentials in URLs, secret assignments and flags, well-known token shapes, key blocks.
     * Each pattern runs only when a cheap check says it could match: most strings pass through untouched.
     */
    public String text(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        String out = s;
        if (out.contains("PRIVATE KEY-----")) {
            out = PEM_KEY.matcher(out).replaceAll("-----BEGIN $1PRIVATE KEY-----" + Matcher.quoteReplacement(MARK) + "-----END $1PRIVATE KEY-----");
        }
        if (out.contains("://") && out.indexOf('@') >= 0) {
            out = URL_CREDENTIALS.matcher(out).replaceAll("$1:" + Matcher.quoteReplacement(MARK) + "@");
        }
        String lower = out.toLowerCase(Locale.ROOT);
        boolean assignment = out.indexOf('=') >= 0 || out.indexOf(':') >= 0;
        if (assignment && lower.contains("authorization")) {
            out = AUTH_HEADER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MARK));
        }
        if (assignment && lower.contains("cookie")) {
            out = COOKIE_HEADER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MARK));
        }
        if (containsAny(lower, ASSIGNMENT_WORDS)) {
            if (assignment) {
                out = ASSIGNMENT.matcher(out).replaceAll(mr -> Matcher.quoteReplacement(
                        mr.group(3).equals(MARK) ? mr.group() : mr.group().substring(0, mr.start(2) - mr.start()) + mr.group(2) + MARK));
            }
            out = SPACED_FLAG.matcher(out).replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) != null
                    ? mr.group(1) + mr.group(2) + MARK : mr.group(4) + mr.group(5) + MARK));
        }
        if (out.contains("-p ")) {
            out = SHORT_P_FLAG.matcher(out).replaceAll("-p " + Matcher.quoteReplacement(MARK));
        }
        if (lower.contains("mysql") || lower.contains("mariadb")) {
            out = MYSQL_PASSWORD.matcher(out).replaceAll("-p" + Matcher.quoteReplacement(MARK));
        }
        if (containsAny(out, TOKEN_PREFIXES)) {
            out = TOKEN_SHAPES.matcher(out).replaceAll(Matcher.quoteReplacement(MARK));
        }
        for (Pattern p : operatorPatterns) {
            out = p.matcher(out).replaceAll(Matcher.quoteReplacement(MARK));
        }
        return out;
    }

    /**
     * Private-key blocks that span several log lines: every line from BEGIN ... PRIVATE KEY to its END line
     * is replaced, since each line alone does not look secret.
     */
    public void keyBlocksAcrossLines(ArrayNode lines, String field) {
        boolean inside = false;
        for (JsonNode line : lines) {
            if (!(line instanceof ObjectNode obj) || !obj.path(field).isString()) {
                continue;
            }
            String text = obj.get(field).asString();
            if (!inside && text.contains(PEM_BEGIN) && text.contains("PRIVATE KEY-----") && !text.contains(PEM_END)) {
                inside = true;
                obj.put(field, text.substring(0, text.indexOf(PEM_BEGIN)) + MARK);
            } else if (inside) {
                obj.put(field, text.contains(PEM_END) ? MARK + text.substring(text.indexOf("-----", text.indexOf(PEM_END) + PEM_END.length()) + 5) : MARK);
                inside = !text.contains(PEM_END);
            }
        }
    }

    /** Redacts a JSON tree in place: every string, and every value under a key that looks secret. */
    public JsonNode tree(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            List<String> names = new ArrayList<>(obj.propertyNames());
            for (String name : names) {
                JsonNode v = obj.get(name);
                if (v.isString()) {
                    obj.put(name, isSecretName(name) ? MARK : text(v.asString()));
                } else if (v.isContainer()) {
                    tree(v);
                }
            }
        } else if (node instanceof ArrayNode arr) {
            boolean secretFlagBefore = false;
            for (int i = 0; i < arr.size(); i++) {
                JsonNode v = arr.get(i);
                if (v.isString()) {
                    String s = v.asString();
                    arr.set(i, arr.stringNode(secretFlagBefore ? MARK : envEntry(s)));
                    secretFlagBefore = s.startsWith("-") && !s.contains("=") && (isSecretName(s) || s.equals("-p"));
                    if (s.equals("-p") && i + 1 < arr.size() && arr.get(i + 1).isString() && PORT_SPEC.matcher(arr.get(i + 1).asString()).matches()) {
                        secretFlagBefore = false; // -p 8080:80 is a port, not a password
                    }
                } else {
                    secretFlagBefore = false;
                    tree(v);
                }
            }
        }
        return node;
    }

    /** Redacts the values of a map of caller arguments, for the audit log. */
    public Map<String, Object> arguments(Map<String, Object> args) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        args.forEach((k, v) -> out.put(k, v instanceof String s ? (isSecretName(k) ? MARK : text(shortened(s))) : shortened(v)));
        return out;
    }

    /** Arguments are recorded before they are validated: an over-long one is kept short so it costs nothing. */
    private static String shortened(String s) {
        return s.length() <= AUDIT_ARGUMENT_MAX ? s : s.substring(0, AUDIT_ARGUMENT_MAX) + "...(" + s.length() + " characters)";
    }

    private static Object shortened(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        return v instanceof String s ? shortened(s) : shortened(String.valueOf(v));
    }
}
