package dockermcp.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the one list of engines the server knows, from every source an operator may use: ALLOW_LOCAL_DOCKER
 * (host {@code local}), DOCKER_HOST (host {@code remote}), Docker CLI contexts (DOCKER_CONTEXT, DOCKER_CONTEXTS) and
 * the hosts file (DOCKER_HOSTS_FILE). A new kind of host is added here and nowhere else.
 */
final class HostList {

    private final Environment env;
    private final Path home;

    HostList(Environment env, Path home) {
        this.env = env;
        this.home = home;
    }

    /** Every configured engine, in lookup order: local, remote, Docker contexts, then the hosts file. Names are unique. */
    List<HostSettings> hosts(VisibilityRules globalVisibility) {
        List<HostSettings> hosts = new ArrayList<>();
        if (env.bool("ALLOW_LOCAL_DOCKER", false)) {
            hosts.add(localHost());
        } else if (!env.get("LOCAL_DOCKER_HOST", "").isEmpty()) {
            throw new ConfigError("LOCAL_DOCKER_HOST is set but ALLOW_LOCAL_DOCKER is not: add ALLOW_LOCAL_DOCKER=true to use the local engine.");
        }
        String dockerHost = env.get("DOCKER_HOST", "");
        if (!dockerHost.isEmpty()) {
            hosts.add(remoteHost(dockerHost));
        }
        contexts().forEach(h -> add(hosts, h));
        String file = env.get("DOCKER_HOSTS_FILE", "");
        if (!file.isEmpty()) {
            Path path = env.absolute("DOCKER_HOSTS_FILE", file);
            for (HostsFile.Entry e : HostsFile.read(path)) {
                add(hosts, fileHost(path, e, globalVisibility));
            }
        }
        return hosts;
    }

    private static void add(List<HostSettings> hosts, HostSettings h) {
        for (HostSettings other : hosts) {
            if (other.name().equals(h.name())) {
                throw new ConfigError("Two engines are called '" + h.name() + "' (" + other.origin() + " and " + h.origin()
                        + "): give one of them another name.");
            }
        }
        hosts.add(h);
    }

    /** DOCKER_CONTEXT=name (as the Docker CLI) and DOCKER_CONTEXTS=a,b or all. */
    private List<HostSettings> contexts() {
        List<DockerContexts.Context> chosen = new ArrayList<>();
        String one = env.get("DOCKER_CONTEXT", "");
        List<String> many = env.list("DOCKER_CONTEXTS");
        if (one.isEmpty() && many.isEmpty()) {
            return List.of();
        }
        String configDir = env.get("DOCKER_CONFIG", "");
        DockerContexts contexts = new DockerContexts(configDir.isEmpty() ? home.resolve(".docker") : env.absolute("DOCKER_CONFIG", configDir));
        if (!one.isEmpty() && !one.equals("default")) {
            chosen.add(contexts.named(one, "DOCKER_CONTEXT"));
        }
        if (many.size() == 1 && many.get(0).equalsIgnoreCase("all")) {
            chosen.addAll(contexts.all());
        } else {
            for (String name : many) {
                if (!name.equals("default")) {
                    chosen.add(contexts.named(name, "DOCKER_CONTEXTS"));
                }
            }
        }
        List<HostSettings> out = new ArrayList<>();
        for (DockerContexts.Context c : chosen) {
            if (out.stream().noneMatch(h -> h.origin().equals(contextOrigin(c.name())))) {
                out.add(contextHost(c));
            }
        }
        return out;
    }

    private static String contextOrigin(String context) {
        return "Docker context '" + context + "'";
    }

    private HostSettings contextHost(DockerContexts.Context c) {
        String origin = contextOrigin(c.name());
        String name = DockerContexts.hostName(c.name());
        if (!HostSettings.NAME.matcher(name).matches()) {
            throw new ConfigError("The " + origin + " cannot be used as a host name: rename it with letters, digits and '-' (docker context create).");
        }
        if (c.skipTlsVerify()) {
            throw new ConfigError("The " + origin + " skips TLS verification, which docker-mcp-secure never does: recreate it with the engine's CA (docker context create " + c.name() + " --docker host=...,ca=...,cert=...,key=...).");
        }
        String variable = origin;
        Endpoint e = c.host().startsWith("ssh://") ? Endpoint.ssh(variable, c.host(), Endpoint.DEFAULT_REMOTE_SOCKET)
                : Endpoint.parse(variable, c.host(), c.tlsDir() != null);
        Path cert = e.transport() == Endpoint.Transport.TLS ? c.tlsDir() : null;
        return new HostSettings(name, e, cert, plainTcpWarnings(e, origin), origin, null, null, null, null);
    }

    /** One entry of the hosts file, its keys checked; the file's line is named in every refusal. */
    private HostSettings fileHost(Path file, HostsFile.Entry entry, VisibilityRules global) {
        Map<String, HostsFile.Value> k = entry.keys();
        String name = entry.name();
        String origin = "hosts file " + file + ", line " + entry.line();
        boolean hasHost = k.containsKey("host");
        boolean hasContext = k.containsKey("context");
        if (hasHost == hasContext) {
            throw HostsFile.error(file, entry.line(), "host '" + name + "' needs exactly one of 'host' (tcp://, unix://, ssh://) and 'context'");
        }
        HostSettings base;
        if (hasContext) {
            String configDir = env.get("DOCKER_CONFIG", "");
            DockerContexts contexts = new DockerContexts(configDir.isEmpty() ? home.resolve(".docker") : env.absolute("DOCKER_CONFIG", configDir));
            HostSettings c = contextHost(contexts.named(k.get("context").text(), "DOCKER_HOSTS_FILE " + file + ", line " + k.get("context").line()));
            base = new HostSettings(name, c.endpoint(), c.certPath(), c.warnings(), origin, null, null, null, null);
            for (String key : List.of("cert_path", "tls_verify", "remote_socket")) {
                if (k.containsKey(key)) {
                    throw HostsFile.error(file, k.get(key).line(), "'" + key + "' of host '" + name + "' cannot be combined with 'context': the context carries its own endpoint");
                }
            }
        } else {
            base = fileEndpoint(file, name, origin, k);
        }
        Duration connect = k.containsKey("connect_timeout") ? HostsFile.duration(file, name, "connect_timeout", k.get("connect_timeout")) : null;
        Duration request = k.containsKey("request_timeout") ? HostsFile.duration(file, name, "request_timeout", k.get("request_timeout")) : null;
        VisibilityRules visibility = visibility(file, name, k, global);
        Path sshConfig = null;
        if (k.containsKey("ssh_config")) {
            if (base.endpoint().transport() != Endpoint.Transport.SSH) {
                throw HostsFile.error(file, k.get("ssh_config").line(), "'ssh_config' of host '" + name + "' only applies to ssh:// hosts");
            }
            sshConfig = filePath(file, name, "ssh_config", k.get("ssh_config"));
        }
        return new HostSettings(name, base.endpoint(), base.certPath(), base.warnings(), origin, connect, request, visibility, sshConfig);
    }

    /** The host's own visibility rules: each key it writes replaces that global rule; the others are inherited. Null when it writes none. */
    private static VisibilityRules visibility(Path file, String name, Map<String, HostsFile.Value> k, VisibilityRules global) {
        if (VISIBILITY_KEYS.stream().noneMatch(k::containsKey)) {
            return null;
        }
        return new VisibilityRules(rules(file, name, k, "container_allow", global.containerAllow()), rules(file, name, k, "container_deny", global.containerDeny()),
                rules(file, name, k, "image_allow", global.imageAllow()), rules(file, name, k, "image_deny", global.imageDeny()), global.honourHiddenLabel());
    }

    private static final List<String> VISIBILITY_KEYS = List.of("container_allow", "container_deny", "image_allow", "image_deny");

    private static List<String> rules(Path file, String name, Map<String, HostsFile.Value> k, String key, List<String> global) {
        return k.containsKey(key) ? HostsFile.rules(file, name, key, k.get(key)) : global;
    }

    private HostSettings fileEndpoint(Path file, String name, String origin, Map<String, HostsFile.Value> k) {
        HostsFile.Value hostValue = k.get("host");
        String where = "DOCKER_HOSTS_FILE " + file + ", line " + hostValue.line() + ": 'host' of host '" + name + "'";
        String url = hostValue.text();
        boolean tlsVerify = k.containsKey("tls_verify") && fileBool(file, name, "tls_verify", k.get("tls_verify"));
        boolean tls = tlsVerify || k.containsKey("cert_path");
        if (url.startsWith("ssh://")) {
            Path socket = k.containsKey("remote_socket") ? filePath(file, name, "remote_socket", k.get("remote_socket")) : Endpoint.DEFAULT_REMOTE_SOCKET;
            if (tls) {
                throw HostsFile.error(file, hostValue.line(), "host '" + name + "' is reached over ssh, which brings its own encryption: remove 'cert_path' and 'tls_verify'");
            }
            return new HostSettings(name, Endpoint.ssh(where, url, socket), null, List.of(), origin, null, null, null, null);
        }
        if (k.containsKey("remote_socket")) {
            throw HostsFile.error(file, k.get("remote_socket").line(), "'remote_socket' of host '" + name + "' only applies to ssh:// hosts");
        }
        Endpoint e = Endpoint.parse(where, url, tls);
        Path cert = null;
        if (e.transport() == Endpoint.Transport.TLS) {
            cert = k.containsKey("cert_path") ? filePath(file, name, "cert_path", k.get("cert_path")) : home.resolve(".docker");
            if (!Files.isDirectory(cert)) {
                throw HostsFile.error(file, k.containsKey("cert_path") ? k.get("cert_path").line() : hostValue.line(),
                        "the certificate folder " + cert + " of host '" + name + "' is not a directory: point 'cert_path' at the folder holding ca.pem, cert.pem and key.pem");
            }
        }
        return new HostSettings(name, e, cert, plainTcpWarnings(e, "host '" + name + "' in " + file), origin, null, null, null, null);
    }

    private static boolean fileBool(Path file, String host, String key, HostsFile.Value v) {
        String t = v.text().toLowerCase(Locale.ROOT);
        if (!v.list()) {
            switch (t) {
                case "1", "true", "yes", "on": return true;
                case "0", "false", "no", "off": return false;
                default: break;
            }
        }
        throw HostsFile.error(file, v.line(), "'" + key + "' of host '" + host + "' must be true or false");
    }

    private Path filePath(Path file, String host, String key, HostsFile.Value v) {
        String t = v.text();
        Path p = v.list() ? null : Path.of(t.startsWith("~/") ? home + t.substring(1) : t);
        if (p == null || !p.isAbsolute()) {
            throw HostsFile.error(file, v.line(), "'" + key + "' of host '" + host + "' must be an absolute path");
        }
        return p;
    }

    private HostSettings localHost() {
        String override = env.get("LOCAL_DOCKER_HOST", "");
        if (!override.isEmpty()) {
            Endpoint e = Endpoint.parse("LOCAL_DOCKER_HOST", override, false);
            return new HostSettings("local", e, null, plainTcpWarnings(e, "LOCAL_DOCKER_HOST"));
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/var/run/docker.sock"));
        candidates.add(home.resolve(".docker/run/docker.sock"));
        String xdg = env.get("XDG_RUNTIME_DIR", "");
        if (!xdg.isEmpty()) {
            candidates.add(Path.of(xdg, "docker.sock"));
        }
        for (Path p : candidates) {
            if (Files.exists(p)) {
                return new HostSettings("local", Endpoint.unix(p), null, List.of());
            }
        }
        // Start anyway: docker_connection_status then says the socket is missing and what to do.
        return new HostSettings("local", Endpoint.unix(candidates.get(0)), null,
                List.of("No local Docker socket found (looked at " + String.join(", ", candidates.stream().map(Path::toString).toList())
                        + "): start Docker or set LOCAL_DOCKER_HOST=unix:///path/to/docker.sock."));
    }

    private HostSettings remoteHost(String dockerHost) {
        boolean verify = env.bool("DOCKER_TLS_VERIFY", false);
        String certPathValue = env.get("DOCKER_CERT_PATH", "");
        boolean tls = verify || !certPathValue.isEmpty();
        Endpoint e = Endpoint.parse("DOCKER_HOST", dockerHost, tls);
        if (e.transport() == Endpoint.Transport.UNIX || e.transport() == Endpoint.Transport.SSH) {
            return new HostSettings("remote", e, null, List.of());
        }
        Path certPath = null;
        if (tls) {
            certPath = certPathValue.isEmpty() ? home.resolve(".docker") : env.absolute("DOCKER_CERT_PATH", certPathValue);
            if (!Files.isDirectory(certPath)) {
                throw new ConfigError("DOCKER_CERT_PATH " + certPath + " is not a directory: point it at the folder holding ca.pem, cert.pem and key.pem.");
            }
        }
        return new HostSettings("remote", e, certPath, plainTcpWarnings(e, "DOCKER_HOST"));
    }

    private static List<String> plainTcpWarnings(Endpoint e, String variable) {
        if (!e.isPlainTcpOffLoopback()) {
            return List.of();
        }
        return List.of(variable + " " + e.display() + " is plain, unencrypted TCP to another machine: anyone who can reach port "
                + e.port() + " has root on that host; use TLS on port 2376 (DOCKER_TLS_VERIFY=1, DOCKER_CERT_PATH) and allow only your IP.");
    }

}
