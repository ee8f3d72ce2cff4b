package dockermcp.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP port on loopback that accepts connections and never answers: the engine that hangs, for tests of timeouts and
 * of hosts that sit out. Closing it closes the port and every connection it accepted.
 */
final class SilentEngine implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    SilentEngine() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(socket.accept()); // accepted, never answered
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-engine");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The engine's address as DOCKER_HOST takes it. */
    String dockerHost() {
        return "tcp://127.0.0.1:" + port();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
