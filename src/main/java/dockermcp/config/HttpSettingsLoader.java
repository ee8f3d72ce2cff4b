package dockermcp.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the MCP_* variables of the HTTP transport once, applies the defaults and rejects bad values with one sentence. */
public final class HttpSettingsLoader {

    /** Shortest bearer token accepted from the operator: brute force must be hopeless even without the lockout. */
    public static final int MIN_TOKEN_LENGTH = 32;
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#@\\s]+");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9.:\\[\\]-]+");

    private final Environment env;

    private HttpSettingsLoader(Map<String, String> env) {
        this.env = new Environment(env);
    }

    public static HttpSettings load(Map<String, String> env, boolean allowInsecureBind) {
        return new HttpSettingsLoader(env).load(allowInsecureBind);
    }

    private HttpSettings load(boolean allowInsecureBind) {
        String bind = env.get("MCP_BIND", "127.0.0.1");
        InetAddress address = resolve(bind);
        int port = env.intRange("MCP_PORT", 3000, 0, 65535);
        HttpSettings.Auth auth = auth();
        int sessions = env.intRange("MCP_MAX_SESSIONS", 128, 1, 100_000);
        int concurrent = env.intRange("MCP_MAX_CONCURRENT_REQUESTS", 64, 1, 10_000);
        boolean oneCaller = auth instanceof HttpSettings.Auth.Disabled; // no tokens: every caller is the same "token"
        HttpSettings.Limits limits = new HttpSettings.Limits(
                env.intRange("MCP_MAX_BODY_BYTES", 1 << 20, 1024, 64 << 20),
                sessions,
                env.intRange("MCP_MAX_SESSIONS_PER_TOKEN", oneCaller ? sessions : Math.min(32, sessions), 1, 100_000),
                concurrent,
                env.intRange("MCP_MAX_CONCURRENT_PER_TOKEN", oneCaller ? concurrent : Math.min(16, concurrent), 1, 10_000),
                env.intRange("MCP_RATE_LIMIT", 600, 0, 1_000_000),
                env.intRange("MCP_RATE_BURST", 60, 1, 1_000_000),
                env.duration("MCP_BODY_TIMEOUT", Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMinutes(10)),
                env.duration("MCP_SESSION_IDLE_TIMEOUT", Duration.ofMinutes(30), Duration.ofSeconds(1), Duration.ofHours(24)),
                env.duration("MCP_REQUEST_TIMEOUT", Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofMinutes(30)));
        return new HttpSettings(bind, address, port, auth, tls(), allowInsecureBind, origins(), hosts(bind, address), limits);
    }

    private HttpSettings.Auth auth() {
        String mode = env.get("MCP_AUTH", "token").toLowerCase(Locale.ROOT);
        String token = env.get("MCP_AUTH_TOKEN", "");
        String file = env.get("MCP_AUTH_TOKEN_FILE", "");
        switch (mode) {
            case "none" -> {
                if (!token.isEmpty() || !file.isEmpty()) {
                    throw new ConfigError("MCP_AUTH=none contradicts MCP_AUTH_TOKEN / MCP_AUTH_TOKEN_FILE: remove one or the other.");
                }
                return new HttpSettings.Auth.Disabled();
            }
            case "token" -> { }
            default -> throw new ConfigError("MCP_AUTH=" + env.get("MCP_AUTH", "") + " is not valid: leave it unset (bearer tokens) or set none (no authentication, loopback only).");
        }
        if (!token.isEmpty() && !file.isEmpty()) {
            throw new ConfigError("Both MCP_AUTH_TOKEN and MCP_AUTH_TOKEN_FILE are set: keep only one (the file is safer, environments leak into process listings).");
        }
        if (!token.isEmpty()) {
            return new HttpSettings.Auth.Tokens(List.of(checked("MCP_AUTH_TOKEN", token)), "MCP_AUTH_TOKEN");
        }
        if (!file.isEmpty()) {
            Path p = env.absolute("MCP_AUTH_TOKEN_FILE", file);
            return new HttpSettings.Auth.Tokens(tokensFrom(p), p.toString());
        }
        return new HttpSettings.Auth.Generated(env.stateDir().resolve("http-token"));
    }

    /** One token per line (one per client, so that each can be told apart and revoked); blank lines and # comments skipped. */
    private List<HttpSettings.Secret> tokensFrom(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            throw new ConfigError("MCP_AUTH_TOKEN_FILE " + file + " cannot be read: make it a text file with one token per line, readable by this user.");
        }
        List<HttpSettings.Secret> out = new ArrayList<>();
        for (String line : lines) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(checked("MCP_AUTH_TOKEN_FILE " + file, t));
            }
        }
        if (out.isEmpty()) {
            throw new ConfigError("MCP_AUTH_TOKEN_FILE " + file + " holds no token: write one per line (openssl rand -hex 32 makes a good one).");
        }
        return out;
    }

    private static HttpSettings.Secret checked(String where, String token) {
        if (token.length() < MIN_TOKEN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new ConfigError("The token in " + where + " is too weak: use at least " + MIN_TOKEN_LENGTH
                    + " printable characters without spaces (openssl rand -hex 32 makes a good one).");
        }
        return new HttpSettings.Secret(token);
    }

    private HttpSettings.Tls tls() {
        String cert = env.get("MCP_TLS_CERT", "");
        String key = env.get("MCP_TLS_KEY", "");
        if (cert.isEmpty() && key.isEmpty()) {
            return null;
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw new ConfigError("TLS needs both MCP_TLS_CERT (PEM certificate chain) and MCP_TLS_KEY (PEM private key): set the missing one.");
        }
        Path c = env.absolute("MCP_TLS_CERT", cert);
        Path k = env.absolute("MCP_TLS_KEY", key);
        for (Path p : List.of(c, k)) {
            if (!Files.isReadable(p)) {
                throw new ConfigError((p == c ? "MCP_TLS_CERT " : "MCP_TLS_KEY ") + p + " is not a readable file: check the path and its permissions.");
            }
        }
        return new HttpSettings.Tls(c, k);
    }

    private List<String> origins() {
        List<String> out = new ArrayList<>();
        for (String o : env.list("MCP_ALLOWED_ORIGINS")) {
            String v = o.toLowerCase(Locale.ROOT);
            if (v.endsWith("/")) {
                v = v.substring(0, v.length() - 1);
            }
            if (!ORIGIN.matcher(v).matches()) {
                throw new ConfigError("MCP_ALLOWED_ORIGINS has '" + o + "', which is not an origin: write scheme://host[:port] (port * for any), e.g. https://app.example.com or http://localhost:*.");
            }
            out.add(v);
        }
        return out;
    }

    /** Loopback names always (a local client or a proxy on this machine); the bind address; then the operator's names. */
    private List<String> hosts(String bind, InetAddress address) {
        Set<String> out = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "[::1]"));
        if (!address.isAnyLocalAddress() && !address.isLoopbackAddress()) {
            out.add(bind.contains(":") && !bind.startsWith("[") ? "[" + bind.toLowerCase(Locale.ROOT) + "]" : bind.toLowerCase(Locale.ROOT));
        }
        for (String h : env.list("MCP_ALLOWED_HOSTS")) {
            if (!HOST_NAME.matcher(h).matches()) {
                throw new ConfigError("MCP_ALLOWED_HOSTS has '" + h + "', which is not a host name: list the names clients use in their URL, e.g. mcp.example.com,10.0.0.5.");
            }
            out.add(h.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }

    private static InetAddress resolve(String bind) {
        String b = bind.startsWith("[") && bind.endsWith("]") ? bind.substring(1, bind.length() - 1) : bind;
        try {
            return InetAddress.getByName(b);
        } catch (UnknownHostException | SecurityException e) {
            throw new ConfigError("MCP_BIND=" + bind + " is not an address of this machine: use 127.0.0.1 (the default), ::1, 0.0.0.0 or one of its IP addresses.");
        }
    }
}
