package dockermcp.engine;

import dockermcp.config.Endpoint;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One kept-alive connection to an engine: a unix socket, plain TCP, or TLS over TCP. Blocking, on the calling
 * thread; built on {@link SocketChannel}, so interrupting the caller (a cancelled call) closes it at once.
 */
final class EngineConnection implements AutoCloseable {

    private final SocketChannel channel;
    private final Socket tls;
    final InputStream in;
    final OutputStream out;
    volatile long idleSince;
    volatile boolean timedOut;

    private EngineConnection(SocketChannel channel, Socket tls, InputStream in, OutputStream out) {
        this.channel = channel;
        this.tls = tls;
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.out = new BufferedOutputStream(out, 1024);
    }

    static EngineConnection open(Endpoint endpoint, SSLContext tlsContext, Duration connectTimeout) throws IOException {
        if (endpoint.transport() == Endpoint.Transport.UNIX || endpoint.transport() == Endpoint.Transport.SSH) {
            // an ssh:// engine is reached through the local end of its tunnel
            Path socket = endpoint.transport() == Endpoint.Transport.SSH ? SshTunnel.localSocket(endpoint) : endpoint.socketPath();
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            return new EngineConnection(ch, null, Channels.newInputStream(ch), Channels.newOutputStream(ch));
        }
        SocketChannel ch = SocketChannel.open();
        try {
            Socket plain = ch.socket();
            plain.connect(new InetSocketAddress(endpoint.hostname(), endpoint.port()), (int) connectTimeout.toMillis());
            plain.setTcpNoDelay(true);
            if (tlsContext == null) {
                return new EngineConnection(ch, null, plain.getInputStream(), plain.getOutputStream());
            }
            SSLSocket s = (SSLSocket) tlsContext.getSocketFactory().createSocket(plain, endpoint.hostname(), endpoint.port(), true);
            SSLParameters p = s.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS"); // the server certificate must match the host
            p.setProtocols(TlsMaterial.modern(p.getProtocols())); // TLS 1.2 and 1.3 only, whatever the JDK's defaults allow
            s.setSSLParameters(p);
            s.setUseClientMode(true);
            s.startHandshake();
            return new EngineConnection(ch, s, s.getInputStream(), s.getOutputStream());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The TLS socket, or null: so tests can check what the engine client negotiates. */
    Socket tlsSocket() {
        return tls;
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    /** Closes the connection; a thread blocked reading it gets an exception. Safe from any thread, any number of times. */
    @Override
    public void close() {
        try {
            channel.close(); // first: it wakes a blocked reader at once, even under TLS
        } catch (IOException ignored) {
            // nothing left to do
        }
        try {
            if (tls != null) {
                tls.close();
            }
        } catch (IOException ignored) {
            // the channel is closed already
        }
    }
}
