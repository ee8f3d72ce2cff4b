package dockermcp.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The hosts file ({@code DOCKER_HOSTS_FILE}): named engines in YAML, as operators know it from compose.
 * <pre>
 * hosts:
 *   prod-eu: { host: tcp://10.0.0.5:2376, cert_path: /etc/docker-mcp/prod-eu }
 *   build:   { host: ssh://deploy@build.example.com }
 *   staging: { context: staging }
 * </pre>
 * Read with a streaming parser so that every refusal names the file, the line and the key.
 */
final class HostsFile {

    /** One host as written, with the line of each key for messages. */
    record Entry(String name, int line, Map<String, Value> keys) {
    }

    /** A scalar or a list of scalars, and where it was written. */
    record Value(List<String> items, boolean list, int line) {
        String text() {
            return items.isEmpty() ? "" : items.get(0);
        }
    }

    static final Set<String> KEYS = Set.of("host", "context", "cert_path", "tls_verify", "remote_socket", "ssh_config",
            "connect_timeout", "request_timeout", "container_allow", "container_deny", "image_allow", "image_deny");

    private final Path file;
    private JsonParser p;

    private HostsFile(Path file) {
        this.file = file;
    }

    static List<Entry> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigError("DOCKER_HOSTS_FILE " + file + " does not exist or is not a file: point it at your hosts.yaml.");
        }
        return new HostsFile(file).parse();
    }

    private List<Entry> parse() {
        try (JsonParser parser = YAMLMapper.shared().createParser(Files.newInputStream(file))) {
            p = parser;
            List<Entry> out = new ArrayList<>();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(1, "the file must start with 'hosts:' followed by one entry per host");
            }
            boolean seenHosts = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String top = p.currentName();
                int line = line();
                if (!top.equals("hosts")) {
                    throw error(line, "unknown key '" + top + "' at the top level: the file has one key, 'hosts'");
                }
                seenHosts = true;
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw error(line, "'hosts' must map each host name to its settings, for example 'prod: { host: tcp://10.0.0.5:2376 }'");
                }
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    out.add(entry());
                }
            }
            if (!seenHosts) {
                throw error(1, "no 'hosts:' key: list your engines under 'hosts:'");
            }
            return out;
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw error(line, "this is not valid YAML; check the indentation and the quoting there");
        } catch (IOException e) {
            throw new ConfigError("DOCKER_HOSTS_FILE " + file + " cannot be read (" + Failure.reason(e) + "): make it readable by the user running the MCP client.");
        }
    }

    private Entry entry() {
        String name = p.currentName();
        int line = line();
        if (!HostSettings.NAME.matcher(name).matches()) {
            throw error(line, "the host name '" + clip(name) + "' is not valid: use 1 to 32 lower-case letters, digits and '-', starting with a letter or digit");
        }
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw error(line, "host '" + name + "' must have settings, for example '" + name + ": { host: tcp://10.0.0.5:2376 }'");
        }
        Map<String, Value> keys = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            int keyLine = line();
            if (!KEYS.contains(key)) {
                throw error(keyLine, "unknown key '" + clip(key) + "' for host '" + name + "': use " + String.join(", ", KEYS.stream().sorted().toList()));
            }
            if (keys.containsKey(key)) {
                throw error(keyLine, "key '" + key + "' is written twice for host '" + name + "'");
            }
            keys.put(key, value(name, key, keyLine));
        }
        return new Entry(name, line, keys);
    }

    private Value value(String host, String key, int line) {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
            List<String> items = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (!t.isScalarValue()) {
                    throw error(line(), "'" + key + "' of host '" + host + "' must be a list of plain values");
                }
                items.add(p.getValueAsString());
            }
            return new Value(items, true, line);
        }
        if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) {
            throw error(line, "'" + key + "' of host '" + host + "' must have a plain value");
        }
        return new Value(List.of(p.getValueAsString()), false, line);
    }

    private int line() {
        return p.currentTokenLocation().getLineNr();
    }

    ConfigError error(int line, String what) {
        return error(file, line, what);
    }

    static ConfigError error(Path file, int line, String what) {
        return new ConfigError("DOCKER_HOSTS_FILE " + file + (line > 0 ? ", line " + line : "") + ": " + what + ".");
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** The short reason of an I/O failure, without exception class names. */
    static final class Failure {
        static String reason(IOException e) {
            return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file" : "an I/O error";
        }
    }

    /**
     * A visibility rule list as the environment writes it ({@code "web-*,tier=db"}) or as a YAML list; each item is a
     * glob or a {@code label=value} selector. {@code []} clears the global rule for this host.
     */
    static List<String> rules(Path file, String host, String key, Value v) {
        List<String> out = new ArrayList<>();
        for (String item : v.list() ? v.items() : List.of(v.text().split(",", -1))) {
            String rule = item == null ? "" : item.strip();
            if (rule.isEmpty() || rule.startsWith("=") || rule.chars().anyMatch(Character::isISOControl)) {
                throw error(file, v.line(), "'" + key + "' of host '" + host + "' has an empty or malformed rule '" + clip(rule)
                        + "': write name globs (web-*) or label=value selectors, as a list or separated by commas");
            }
            out.add(rule);
        }
        return out;
    }

    /** Durations in the same notation as the environment ({@code 500ms}, {@code 5s}, {@code 1m}). */
    static Duration duration(Path file, String host, String key, Value v) {
        Duration d = Environment.parseDuration(v.text());
        if (v.list() || d == null || d.compareTo(Duration.ofMillis(100)) < 0 || d.compareTo(Duration.ofMinutes(30)) > 0) {
            throw error(file, v.line(), "'" + key + "' of host '" + host + "' is not valid: write a duration from 100ms to 30m (500ms, 30s, 5m)");
        }
        return d;
    }
}
