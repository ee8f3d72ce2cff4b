package dockermcp.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/** Where a Docker engine listens: a unix socket, or a TCP address with or without TLS. */
public record Endpoint(Transport transport, Path socketPath, String hostname, int port) {

    public enum Transport {
        UNIX, TCP, TLS;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
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
        if (v.startsWith("ssh://") || v.startsWith("npipe://") || v.startsWith("fd://")) {
            throw new ConfigError(variable + "=" + v + " uses a scheme docker-mcp-secure does not support: use tcp://HOST:2376 with DOCKER_TLS_VERIFY=1, or unix:///path/to/docker.sock.");
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

    private static String redactUserInfo(String v) {
        return v.replaceAll("://[^@/]*@", "://***@");
    }

    /** The endpoint as shown to users: never carries credentials. */
    public String display() {
        return switch (transport) {
            case UNIX -> "unix://" + socketPath;
            case TCP -> "tcp://" + hostForUri() + ":" + port;
            case TLS -> "tcp://" + hostForUri() + ":" + port + " (TLS)";
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
