package dockermcp.security;

import java.util.ArrayList;
import java.util.List;
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

    /** Names of variables, labels and flags whose values are treated as secrets. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(pass(wd|word)?|secret|token|key|credential|auth|private|cert|signature|salt|cookie|session|dsn|conn(ection)?_?str).*");
    private static final Pattern ENV_ENTRY = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(.*)", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)((?:--?)?[A-Za-z0-9_.-]*(?:pass(?:wd|word)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth)[A-Za-z0-9_.-]*)(\\s*[=:]\\s*)(?!(?:bearer|basic|digest)\\s)(\"[^\"]*\"|'[^']*'|[^\\s\"',;&|]+)");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]*):[^@\\s/]+@");
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)(authorization\\s*:\\s*(?:bearer|basic|token|digest)?\\s*)[^\\s\"']+");
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\\s\\S]*?(-----END \\1PRIVATE KEY-----|$)");
    private static final List<Pattern> TOKEN_SHAPES = List.of(
            Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}\\b"),
            Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{30,}\\b"),
            Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}\\b"),
            Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}\\b"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\b"),
            Pattern.compile("\\bsk-[A-Za-z0-9_-]{20,}\\b"));

    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** An environment entry NAME=value: the whole value goes when the name looks secret. */
    public String envEntry(String entry) {
        Matcher m = ENV_ENTRY.matcher(entry);
        if (m.matches() && isSecretName(m.group(1))) {
            return m.group(1) + "=" + MARK;
        }
        return text(entry);
    }

    /** Free text: credentials in URLs, secret assignments and flags, well-known token shapes, key blocks. */
    public String text(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        String out = PEM_KEY.matcher(s).replaceAll("-----BEGIN $1PRIVATE KEY-----" + MARK + "-----END $1PRIVATE KEY-----");
        out = URL_CREDENTIALS.matcher(out).replaceAll("$1:" + Matcher.quoteReplacement(MARK) + "@");
        out = AUTH_HEADER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MARK));
        out = ASSIGNMENT.matcher(out).replaceAll(mr -> Matcher.quoteReplacement(
                mr.group(3).equals(MARK) ? mr.group() : mr.group(1) + mr.group(2) + MARK));
        for (Pattern p : TOKEN_SHAPES) {
            out = p.matcher(out).replaceAll(Matcher.quoteReplacement(MARK));
        }
        return out;
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
                    secretFlagBefore = s.startsWith("-") && !s.contains("=") && isSecretName(s);
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
        args.forEach((k, v) -> out.put(k, v instanceof String s ? (isSecretName(k) ? MARK : text(s)) : v));
        return out;
    }
}
