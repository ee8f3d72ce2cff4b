package dockermcp.transport.http;

import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * DNS-rebinding defence (MCP transports, security warning): the Host header must name this server (421 otherwise)
 * and a browser's Origin, when sent, must be this server itself or an origin the operator allowed (403 otherwise).
 * Written here rather than taken from the SDK's default validator, whose {@code host:*} patterns match by string
 * prefix (so {@code http://localhost:*} would also let {@code http://localhost.evil.example} in).
 */
final class OriginHostValidator implements ServerHttpHeaderValidator {

    private final Set<String> hosts;
    private final List<String> origins;
    private final String scheme;
    private final IntSupplier port;

    /**
     * @param hosts   lower-case host names or addresses (IPv6 in brackets), port not included
     * @param origins lower-case {@code scheme://host[:port]} values, port {@code *} for any
     * @param scheme  http or https: the scheme of this server's own origins
     * @param port    this server's port, known once the listener is bound
     */
    OriginHostValidator(List<String> hosts, List<String> origins, String scheme, IntSupplier port) {
        this.hosts = Set.copyOf(hosts);
        this.origins = List.copyOf(origins);
        this.scheme = scheme;
        this.port = port;
    }

    @Override
    public void validate(HeaderAccessor headers) throws ServerTransportSecurityException {
        List<String> host = headers.getHeader("Host");
        List<String> origin = headers.getHeader("Origin");
        int status = check(host == null || host.isEmpty() ? null : host.get(0), origin == null || origin.isEmpty() ? null : origin.get(0));
        if (status != 0) {
            throw new ServerTransportSecurityException(status, message(status));
        }
    }

    /** 0 when the request may go on, else the status to answer with (421 or 403). */
    int check(String hostHeader, String originHeader) {
        String host = hostName(hostHeader);
        if (host == null || !hosts.contains(host)) {
            return 421;
        }
        if (originHeader != null && !allowedOrigin(originHeader.strip().toLowerCase(Locale.ROOT))) {
            return 403;
        }
        return 0;
    }

    static String message(int status) {
        return status == 421
                ? "The Host header does not name this server: connect with one of the host names in MCP_ALLOWED_HOSTS (DNS-rebinding protection)."
                : "Requests from this web origin are not allowed: add it to MCP_ALLOWED_ORIGINS if it is yours (DNS-rebinding protection).";
    }

    private boolean allowedOrigin(String origin) {
        Origin o = Origin.parse(origin);
        if (o == null) {
            return false; // includes "null", sent by sandboxed frames and file:// pages
        }
        if (o.scheme().equals(scheme) && o.port() == port.getAsInt() && hosts.contains(o.host())) {
            return true; // this server's own origin: we serve no pages, so no hostile page can have it
        }
        for (String allowed : origins) {
            if (allowed.endsWith(":*")) {
                Origin a = Origin.parse(allowed.substring(0, allowed.length() - 2));
                if (a != null && a.scheme().equals(o.scheme()) && a.host().equals(o.host())) {
                    return true;
                }
            } else if (o.equals(Origin.parse(allowed))) {
                return true;
            }
        }
        return false;
    }

    /** The host part of a Host header, lower case, IPv6 kept in brackets; null when it is not a plain host[:port]. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0 || !(end == h.length() - 1 || h.charAt(end + 1) == ':')) {
                return null;
            }
            return h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        String name = colon < 0 ? h : h.substring(0, colon);
        if (colon >= 0 && !h.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            return null;
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** scheme, host and port of an origin, with the scheme's default port filled in. */
    record Origin(String scheme, String host, int port) {
        static Origin parse(String text) {
            try {
                URI u = new URI(text);
                String s = u.getScheme();
                if (s == null || u.getHost() == null || u.getRawUserInfo() != null || !(s.equals("http") || s.equals("https"))
                        || (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/")) || u.getRawQuery() != null) {
                    return null;
                }
                int p = u.getPort() >= 0 ? u.getPort() : s.equals("https") ? 443 : 80;
                return new Origin(s, u.getHost().toLowerCase(Locale.ROOT), p);
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }
}
