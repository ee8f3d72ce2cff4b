package dockermcp.engine;

import dockermcp.config.Endpoint;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong on the way to an engine into a classified failure plus the remedy from the
 * user guide's troubleshooting section, in one sentence.
 */
public final class Failures {

    private Failures() {
    }

    public static EngineException classify(Endpoint endpoint, Throwable error, Duration requestTimeout) {
        String at = endpoint.display();
        // certificate problems are often wrapped in a generic handshake failure: look for them first
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateExpiredException || t instanceof java.security.cert.CertificateNotYetValidException) {
                return new EngineException(EngineException.Kind.TLS, "Cannot reach Docker at " + at
                        + ": a certificate has expired or is not yet valid; renew it and check the clocks of both machines.");
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            String msg = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof SSLException || t instanceof CertificateException) {
                return new EngineException(EngineException.Kind.TLS, tlsSentence(at, msg));
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new EngineException(EngineException.Kind.UNKNOWN_HOST, "Cannot reach Docker at " + at
                        + ": the host name does not resolve; check the address in DOCKER_HOST for typos, or use the server's IP address.");
            }
            if (t instanceof NoSuchFileException || msg.contains("no such file")) {
                return new EngineException(EngineException.Kind.NO_SOCKET, "Cannot reach Docker at " + at
                        + ": the socket does not exist; start Docker (sudo systemctl start docker, or open Docker Desktop) or set LOCAL_DOCKER_HOST to the right socket.");
            }
            if (t instanceof AccessDeniedException || msg.contains("permission denied") || msg.contains("access denied")) {
                return new EngineException(EngineException.Kind.PERMISSION_DENIED, "Cannot reach Docker at " + at
                        + ": permission denied on the socket; run the MCP client as a user who may read it, or put a read-only socket proxy in front of Docker and point LOCAL_DOCKER_HOST at it.");
            }
            if (t instanceof ConnectException && msg.contains("refused") || msg.contains("connection refused")) {
                return new EngineException(EngineException.Kind.CONNECTION_REFUSED, "Cannot reach Docker at " + at
                        + ": connection refused; check that Docker runs (sudo systemctl status docker) and listens on this address (hosts in /etc/docker/daemon.json, and no -H conflict in the systemd override).");
            }
            if (t instanceof NoRouteToHostException) {
                return timeout(endpoint, "there is no route to the host");
            }
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException || msg.contains("timeout") || msg.contains("timed out")) {
                boolean connect = msg.contains("connect");
                return timeout(endpoint, connect ? "the connection timed out"
                        : "the engine did not answer within " + requestTimeout.toSeconds() + " s (DOCKER_REQUEST_TIMEOUT)");
            }
        }
        return new EngineException(EngineException.Kind.PROTOCOL, "Cannot talk to Docker at " + at
                + ": the connection was closed before the engine answered (it may have stopped or restarted, or this is not a Docker engine); "
                + "check docker_connection_status and try again.");
    }

    private static EngineException timeout(Endpoint endpoint, String what) {
        String remedy;
        if (endpoint.transport() == Endpoint.Transport.UNIX || endpoint.transport() == Endpoint.Transport.SSH) {
            remedy = "check that the Docker daemon is running and responsive (sudo systemctl status docker" + (endpoint.transport() == Endpoint.Transport.SSH ? " on that machine)" : ")");
        } else if (onThisMachine(endpoint)) {
            // no firewall or changed IP between a process and its own loopback: the daemon itself is stuck or elsewhere
            remedy = "check that dockerd listens on port " + endpoint.port() + " of this machine (ss -tlnp) and is running and responsive (sudo systemctl status docker)";
        } else {
            remedy = "check that dockerd listens on port " + endpoint.port() + " (ss -tlnp), that the security group or firewall allows your current IP, and that your IP has not changed";
        }
        return new EngineException(EngineException.Kind.TIMEOUT, "Cannot reach Docker at " + endpoint.display() + ": " + what + "; " + remedy + ".");
    }

    /** localhost or a loopback literal; never a DNS lookup. */
    private static boolean onThisMachine(Endpoint endpoint) {
        String h = endpoint.hostname();
        if (h == null) {
            return false;
        }
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        return (h.matches("[0-9.]+") || h.contains(":")) && isLoopbackLiteral(h);
    }

    private static boolean isLoopbackLiteral(String literal) {
        try {
            return java.net.InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String tlsSentence(String at, String msg) {
        String reason;
        if (msg.contains("no subject alternative") || msg.contains("doesn't match") || msg.contains("does not match")) {
            reason = "the server certificate does not match the host name in DOCKER_HOST; connect with a name or IP listed in the certificate's subjectAltName, or reissue the certificate";
        } else if (msg.contains("expired") || msg.contains("not yet valid")) {
            reason = "a certificate has expired or is not yet valid; renew it and check the clocks of both machines";
        } else if (msg.contains("pkix") || msg.contains("unable to find valid certification path") || msg.contains("signature check failed")) {
            reason = "the server certificate is not signed by the CA in DOCKER_CERT_PATH/ca.pem; use the CA that signed the engine's certificate";
        } else if (msg.contains("bad_certificate") || msg.contains("certificate_required") || msg.contains("unknown_ca")) {
            reason = "the engine rejected our client certificate; use a cert.pem/key.pem signed by the CA the engine trusts (--tlscacert)";
        } else if (msg.contains("plaintext") || msg.contains("unrecognized ssl message") || msg.contains("not an ssl") || msg.contains("unsupported or unrecognized")) {
            reason = "the engine does not speak TLS on this port; use its TLS port (usually 2376) or unset DOCKER_TLS_VERIFY for a plain port";
        } else {
            reason = "the TLS handshake failed; check that ca.pem, cert.pem and key.pem in DOCKER_CERT_PATH belong to this engine";
        }
        return "Cannot reach Docker at " + at + ": " + reason + ".";
    }

}
