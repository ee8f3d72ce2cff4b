package dockermcp.engine;

import dockermcp.config.Endpoint;
import dockermcp.config.HostSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * An engine on another machine reached as the Docker CLI reaches {@code ssh://} hosts: through the system's OpenSSH
 * client, which forwards a private local socket to the engine's socket there. Batch mode (no password prompts) and
 * strict host-key checking (an unknown host is refused, never learnt); the user's agent and ~/.ssh/config apply.
 * The tunnel is started on first use and again if it died.
 */
final class SshTunnel implements AutoCloseable {

    private final HostSettings host;
    private final Endpoint endpoint;
    private final Duration connectTimeout;
    private final Path local;
    private Process process;
    private volatile String lastError = "";

    SshTunnel(HostSettings host, Duration connectTimeout) {
        this.host = host;
        this.endpoint = host.endpoint();
        this.connectTimeout = connectTimeout;
        this.local = localSocket(endpoint);
    }

    /** The private socket this process forwards to {@code endpoint}: one per engine and process, in a 0700 folder. */
    static Path localSocket(Endpoint endpoint) {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path base = runtime != null && !runtime.isBlank() ? Path.of(runtime) : Path.of(System.getProperty("java.io.tmpdir"));
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_-]", "");
        Path dir = base.resolve("docker-mcp-secure-" + user);
        String id;
        try {
            id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(endpoint.display().getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return dir.resolve("ssh-" + id + "-" + ProcessHandle.current().pid() + ".sock");
    }

    /** Starts the tunnel unless it is up; throws the reason, in one sentence, when ssh cannot set it up. */
    synchronized void ensureUp() throws EngineException {
        if (process != null && process.isAlive() && Files.exists(local)) {
            return;
        }
        stop();
        try {
            Path dir = local.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.deleteIfExists(local);
            ProcessBuilder pb = new ProcessBuilder(command()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            process = pb.start();
        } catch (IOException e) {
            throw new EngineException(EngineException.Kind.NO_SOCKET, "Cannot reach Docker at " + endpoint.display()
                    + ": the ssh client could not be started; install OpenSSH (ssh) or use tcp:// with TLS for host '" + host.name() + "'.");
        }
        Process p = process;
        List<String> errors = new ArrayList<>();
        Thread reader = new Thread(() -> readErrors(p, errors), "ssh-" + host.name());
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + connectTimeout.toNanos() + Duration.ofSeconds(2).toNanos();
        while (!Files.exists(local)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                try {
                    reader.join(5000); // ends at the pipe's end, right after ssh's; the bound only for a child holding the pipe open
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                String text;
                synchronized (errors) {
                    text = String.join(" ", errors);
                }
                throw classify(text, p.isAlive() || System.nanoTime() > deadline);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new EngineException(EngineException.Kind.TIMEOUT, "The call was cancelled.");
            }
        }
    }

    /** What ssh said last about a forwarded connection (for example that the engine's socket is missing there). */
    String lastError() {
        return lastError;
    }

    private List<String> command() {
        List<String> c = new ArrayList<>(List.of("ssh", "-nNT",
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "ExitOnForwardFailure=yes",
                "-o", "ConnectTimeout=" + Math.max(1, connectTimeout.toSeconds()),
                "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=3", "-o", "StreamLocalBindMask=0177"));
        if (host.sshConfig() != null) {
            c.add("-F");
            c.add(host.sshConfig().toString());
        }
        c.add("-p");
        c.add(Integer.toString(endpoint.port()));
        if (endpoint.user() != null) {
            c.add("-l");
            c.add(endpoint.user());
        }
        c.add("-L");
        c.add(local + ":" + endpoint.socketPath());
        c.add("--");
        c.add(endpoint.hostname());
        return c;
    }

    private void readErrors(Process p, List<String> errors) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String clipped = line.length() > 300 ? line.substring(0, 300) : line;
                synchronized (errors) {
                    if (errors.size() < 20) {
                        errors.add(clipped);
                    }
                }
                lastError = clipped;
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** ssh's own words, turned into one sentence with the fix; ssh's text itself is never passed on. */
    EngineException classify(String sshSaid, boolean timedOut) {
        String said = sshSaid.toLowerCase(Locale.ROOT);
        String at = "Cannot reach Docker at " + endpoint.display() + ": ";
        if (said.contains("host key verification failed") || said.contains("no ") && said.contains("host key is known")
                || said.contains("remote host identification has changed")) {
            return new EngineException(EngineException.Kind.TLS, at + "the ssh host key of " + endpoint.hostname()
                    + " is unknown or has changed, and docker-mcp-secure never accepts one unchecked; verify its fingerprint and add it to ~/.ssh/known_hosts (ssh-keyscan -p "
                    + endpoint.port() + " " + endpoint.hostname() + ").");
        }
        if (said.contains("permission denied") || said.contains("too many authentication failures")) {
            return new EngineException(EngineException.Kind.PERMISSION_DENIED, at + "the ssh server refused the login"
                    + (endpoint.user() == null ? "" : " as " + endpoint.user())
                    + "; load your key into ssh-agent (ssh-add) or set IdentityFile for this host in ~/.ssh/config (passwords are not asked for).");
        }
        if (said.contains("could not resolve hostname") || said.contains("name or service not known")) {
            return new EngineException(EngineException.Kind.UNKNOWN_HOST, at + "the host name does not resolve; check the address (" + host.origin() + ") or use the server's IP address.");
        }
        if (said.contains("connection refused")) {
            return new EngineException(EngineException.Kind.CONNECTION_REFUSED, at + "connection refused; check that sshd runs on " + endpoint.hostname()
                    + " and listens on port " + endpoint.port() + ".");
        }
        if (said.contains("forward") || said.contains("bind")) {
            return new EngineException(EngineException.Kind.PROTOCOL, at + "the ssh server does not allow forwarding the engine's socket; allow it (AllowStreamLocalForwarding yes in sshd_config) or use tcp:// with TLS.");
        }
        if (timedOut || said.contains("timed out")) {
            return new EngineException(EngineException.Kind.TIMEOUT, at + "the ssh connection timed out; check that " + endpoint.hostname()
                    + " is reachable on port " + endpoint.port() + " from this machine (ssh -p " + endpoint.port() + " " + endpoint.hostname() + ").");
        }
        return new EngineException(EngineException.Kind.PROTOCOL, at + "ssh could not open the connection; run 'ssh -p " + endpoint.port() + " "
                + (endpoint.user() == null ? "" : endpoint.user() + "@") + endpoint.hostname() + " true' by hand to see why.");
    }

    private void stop() {
        if (process != null) {
            process.destroy();
            process = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
        try {
            Files.deleteIfExists(local);
        } catch (IOException ignored) {
            // best effort: the folder is private and the name carries our pid
        }
    }
}
