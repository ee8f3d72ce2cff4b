package dockermcp.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a Docker engine listens: a unix socket, a TCP address with or without TLS, or a unix socket on another
 * machine reached through the system's OpenSSH client ({@code socketPath} is then the socket on that machine).
 */
public record Endpoint(Transport transport, Path socketPath, String hostname, int port, String user) {

    /** The socket an engine reached over ssh listens on unless the hosts file names another. */
    public static final Path DEFAULT_REMOTE_SOCKET = Path.of("/var/run/docker.sock");

    private static final Pattern SSH_USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]{0,31}");
    private static final Pattern SSH_HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}|\\[[0-9A-Fa-f:.]+\\]");

    public enum Transport {
        UNIX, TCP, TLS, SSH;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Endpoint(Transport transport, Path socketPath, String hostname, int port) {
        this(transport, socketPath, hostname, port, null);
    }

    public static Endpoint unix(Path socket) {
        return new Endpoint(Transport.UNIX, socket, null, 0);
    }

    /**
     * Parses a DOCKER_HOST value as the Docker CLI writes it: {@code tcp://HOST[:PORT]} or {@code unix:///PATH}.
     *
     * @param variable the setting's name, for error messages
     */
    public static Endpoint parse(String variable, String value, boolean tls) {
        String v = value.strip();
        if (v.startsWith("unix://")) {
            String path = v.substring("unix://".length());
            if (path.isEmpty() || !path.startsWith("/")) {
                throw new ConfigError(variable + "=" + v + " is not a unix socket URL: write it as unix:///path/to/docker.sock.");
            }
            return unix(Path.of(path));
        }
        if (v.startsWith("ssh://")) {
            return ssh(variable, v, DEFAULT_REMOTE_SOCKET);
        }
        if (v.startsWith("npipe://") || v.startsWith("fd://")) {
            throw new ConfigError(variable + "=" + v + " uses a scheme docker-mcp-secure does not support: use tcp://HOST:2376 with DOCKER_TLS_VERIFY=1, ssh://USER@HOST, or unix:///path/to/docker.sock.");
        }
        String withScheme = v.startsWith("tcp://") ? v : v.contains("://") ? null : "tcp://" + v;
        if (withScheme == null) {
            throw new ConfigError(variable + "=" + v + " is not a Docker address: write it as tcp://HOST:PORT (for example tcp://203.0.113.10:2376) or unix:///var/run/docker.sock.");
        }
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new ConfigError(variable + "=" + v + " is not a valid address: write it as tcp://HOST:PORT, for example tcp://203.0.113.10:2376.");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigError(variable + "=" + redactUserInfo(v) + " is not a valid address: write it as tcp://HOST:PORT with no user, path or query, for example tcp://203.0.113.10:2376.");
        }
        int port = uri.getPort();
        if (port == -1) {
            port = tls ? 2376 : 2375;
        }
        if (port < 1 || port > 65535) {
            throw new ConfigError(variable + "=" + v + " has an invalid port: use a port between 1 and 65535.");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Endpoint(tls ? Transport.TLS : Transport.TCP, null, host, port);
    }

    /**
     * {@code ssh://[USER@]HOST[:PORT]}, as the Docker CLI takes it. User and host are checked against a strict grammar
     * because both become arguments of the ssh command: nothing starting with '-' or carrying options gets through.
     */
    public static Endpoint ssh(String variable, String value, Path remoteSocket) {
        String rest = value.strip().substring("ssh://".length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String user = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
            if (!SSH_USER.matcher(user).matches()) {
                throw new ConfigError(variable + "=" + redactUserInfo(value) + " has an invalid user name: write it as ssh://USER@HOST[:PORT] (no password: ssh uses your keys and agent).");
            }
        }
        int port = 22;
        int colon = rest.lastIndexOf(':');
        if (colon > 0 && !rest.endsWith("]")) {
            String p = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            port = p.matches("\\d{1,5}") ? Integer.parseInt(p) : -1;
            if (port < 1 || port > 65535) {
                throw new ConfigError(variable + "=" + redactUserInfo(value) + " has an invalid port: use a port between 1 and 65535.");
            }
        }
        if (!SSH_HOST.matcher(rest).matches()) {
            throw new ConfigError(variable + "=" + redactUserInfo(value) + " is not a valid ssh address: write it as ssh://USER@HOST[:PORT], for example ssh://deploy@build.example.com.");
        }
        if (!remoteSocket.isAbsolute()) {
            throw new ConfigError(variable + ": the remote socket " + remoteSocket + " is not an absolute path: write it as /var/run/docker.sock.");
        }
        String host = rest.startsWith("[") ? rest.substring(1, rest.length() - 1) : rest;
        return new Endpoint(Transport.SSH, remoteSocket, host, port, user);
    }

    private static String redactUserInfo(String v) {
        return v.replaceAll("://[^@/]*@", "://***@");
    }

    /** The endpoint as shown to users: never carries credentials. */
    public String display() {
        return switch (transport) {
            case UNIX -> "unix://" + socketPath;
            case TCP -> "tcp://" + hostForUri() + ":" + port;
            case TLS -> "tcp://" + hostForUri() + ":" + port + " (TLS)";
            case SSH -> "ssh://" + (user == null ? "" : user + "@") + hostForUri() + (port == 22 ? "" : ":" + port)
                    + (socketPath.equals(DEFAULT_REMOTE_SOCKET) ? "" : " (" + socketPath + ")");
        };
    }

    /** Host part usable inside a URI (IPv6 literals in brackets). */
    public String hostForUri() {
        return hostname != null && hostname.contains(":") ? "[" + hostname + "]" : hostname;
    }

    /** True when a plain-TCP endpoint points somewhere other than this machine, which exposes root on that host. */
    public boolean isPlainTcpOffLoopback() {
        if (transport != Transport.TCP) {
            return false;
        }
        if (hostname.equalsIgnoreCase("localhost")) {
            return false;
        }
        if (hostname.matches("[0-9.]+") || hostname.contains(":")) {
            try {
                return !InetAddress.getByName(hostname).isLoopbackAddress(); // literal: no DNS lookup
            } catch (Exception e) {
                return true;
            }
        }
        return true;
    }
}
