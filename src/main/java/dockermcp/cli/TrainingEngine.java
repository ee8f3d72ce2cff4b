package dockermcp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in engine for the start-up rehearsal only: canned answers on a unix socket in a temp dir, so that the
 * training run makes real tool calls through the real engine client and the archive holds what a first call loads.
 * It is never used to serve a user; it answers GETs and nothing else.
 */
final class TrainingEngine implements AutoCloseable {

    private static final String ID = "0123456789ab".repeat(5) + "0123";
    private static final String CONTAINER = "{\"Id\":\"" + ID + "\",\"Names\":[\"/web\"],\"Image\":\"busybox:1\",\"ImageID\":\"sha256:" + ID
            + "\",\"Command\":\"sleep 1\",\"Created\":1700000000,\"State\":\"running\",\"Status\":\"Up 1 minute\",\"Ports\":[{\"PrivatePort\":80,\"Type\":\"tcp\"}],"
            + "\"Labels\":{\"app\":\"web\",\"token\":\"AKIAIOSFODNN7EXAMPLE\"},\"NetworkSettings\":{\"Networks\":{}},\"Mounts\":[]}";
    private static final String INSPECT = "{\"Id\":\"" + ID + "\",\"Name\":\"/web\",\"Created\":\"2025-01-02T03:04:05Z\",\"State\":{\"Status\":\"running\","
            + "\"Running\":true,\"StartedAt\":\"2025-01-02T03:04:05Z\",\"Health\":{\"Status\":\"healthy\"}},\"Config\":{\"Image\":\"busybox:1\","
            + "\"Env\":[\"PATH=/bin\",\"DB_PASSWORD=hunter2\"],\"Labels\":{\"app\":\"web\"},\"Cmd\":[\"sleep\",\"1\"]},\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"no\"}},"
            + "\"Mounts\":[],\"NetworkSettings\":{\"Networks\":{}}}";
    private static final String STATS = "{\"read\":\"2025-01-02T03:04:05Z\",\"pids_stats\":{\"current\":1},\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":2000},"
            + "\"system_cpu_usage\":200000,\"online_cpus\":2},\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":1000},\"system_cpu_usage\":100000},"
            + "\"memory_stats\":{\"usage\":1048576,\"limit\":2097152,\"stats\":{\"inactive_file\":4096}},\"networks\":{\"eth0\":{\"rx_bytes\":1,\"tx_bytes\":2}},"
            + "\"blkio_stats\":{\"io_service_bytes_recursive\":[{\"op\":\"read\",\"value\":3},{\"op\":\"write\",\"value\":4}]}}";

    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;

    TrainingEngine() throws IOException {
        dir = Files.createTempDirectory("docker-mcp-secure-training");
        socket = dir.resolve("engine.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(this::accept, "training-engine");
        t.setDaemon(true);
        t.start();
    }

    Path socket() {
        return socket;
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel c = server.accept();
                Thread t = new Thread(() -> serve(c), "training-engine-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void serve(SocketChannel c) {
        try (c; BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.ISO_8859_1));
             OutputStream out = Channels.newOutputStream(c)) {
            for (String request = in.readLine(); request != null; request = in.readLine()) {
                for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                    // headers: not needed
                }
                String path = request.split(" ").length > 1 ? request.split(" ")[1] : "";
                if (!request.startsWith("GET ") && !request.startsWith("HEAD ")) {
                    answer(out, 405, "application/json", "{\"message\":\"read-only\"}".getBytes(StandardCharsets.US_ASCII));
                } else if (path.contains("/logs")) {
                    answer(out, 200, "application/vnd.docker.multiplexed-stream", frames("listening on :80\n", "GET / 200\n"));
                } else {
                    answer(out, 200, "application/json", body(path).getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static String body(String path) {
        if (path.startsWith("/_ping")) {
            return "OK";
        } else if (path.startsWith("/version")) {
            return "{\"Version\":\"training\",\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.12\",\"Os\":\"linux\",\"Arch\":\"amd64\"}";
        } else if (path.contains("/info")) {
            return "{\"Name\":\"training\",\"ServerVersion\":\"training\",\"Containers\":1,\"ContainersRunning\":1,\"Images\":1,\"OperatingSystem\":\"linux\"}";
        } else if (path.contains("/containers/json")) {
            return "[" + CONTAINER + "," + CONTAINER.replace("/web", "/db") + "]";
        } else if (path.contains("/stats")) {
            return STATS;
        } else if (path.contains("/containers/")) {
            return INSPECT;
        } else if (path.contains("/images/json")) {
            return "[{\"Id\":\"sha256:" + ID + "\",\"RepoTags\":[\"busybox:1\"],\"Created\":1700000000,\"Size\":1000000,\"Labels\":null}]";
        } else if (path.contains("/history")) {
            return "[{\"Id\":\"sha256:" + ID + "\",\"Created\":1700000000,\"CreatedBy\":\"/bin/sh -c #(nop) CMD [\\\"sh\\\"]\",\"Size\":0}]";
        }
        return "{\"Id\":\"sha256:" + ID + "\",\"RepoTags\":[\"busybox:1\"],\"Config\":{\"Env\":[\"PATH=/bin\"],\"Labels\":{}},\"Os\":\"linux\",\"Size\":1000000}";
    }

    private static byte[] frames(String... lines) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (String l : lines) {
            byte[] p = l.getBytes(StandardCharsets.UTF_8);
            b.writeBytes(new byte[] {1, 0, 0, 0, 0, 0, 0, (byte) p.length});
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private static void answer(OutputStream out, int status, String type, byte[] body) throws IOException {
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp dir left behind
        }
    }
}
