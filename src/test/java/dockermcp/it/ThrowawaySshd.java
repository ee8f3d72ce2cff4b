package dockermcp.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on loopback (Debian's openssh-server, installed by scripts/test-engines.sh) with a host key
 * and a client key made for this run, in front of the test engines. Writes an ssh_config for the client side:
 * one that knows the host key, and one whose known_hosts is empty (to prove unknown hosts are refused).
 */
final class ThrowawaySshd implements AutoCloseable {

    final int port;
    final Path dir;
    final Path clientConfig;
    final Path clientConfigUnknownHost;
    private final Process sshd;

    ThrowawaySshd(Path dir) throws Exception {
        this.dir = dir;
        Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege-separation folder
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host_key").toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("client_key").toString());
        Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n", List.of(
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + dir.resolve("host_key"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"), "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password", "StrictModes no", "UsePAM no", "AllowStreamLocalForwarding yes",
                "PidFile " + dir.resolve("sshd.pid"), "")));
        sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        awaitListening();
        String hostKey = Files.readString(dir.resolve("host_key.pub")).trim();
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostKey + "\n");
        Files.writeString(dir.resolve("known_hosts_empty"), "");
        clientConfig = clientConfig("ssh_config", dir.resolve("known_hosts"));
        clientConfigUnknownHost = clientConfig("ssh_config_unknown", dir.resolve("known_hosts_empty"));
    }

    private Path clientConfig(String name, Path knownHosts) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", List.of("Host *", "  IdentityFile " + dir.resolve("client_key"), "  IdentitiesOnly yes",
                "  UserKnownHostsFile " + knownHosts, "  GlobalKnownHostsFile /dev/null", "")));
        return f;
    }

    private void awaitListening() throws Exception {
        for (int i = 0; i < 500; i++) {
            if (!sshd.isAlive()) {
                throw new IllegalStateException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("sshd does not listen on " + port);
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    @Override
    public void close() {
        sshd.destroy();
    }
}
