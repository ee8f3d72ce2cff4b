package dockermcp.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON line per tool call, appended and flushed per record, never to stdout. Records are
 * hash-chained: each carries its sequence number and the SHA-256 of the previous line, also across
 * rotation, so {@link AuditChain#verify} finds a changed, removed or reordered record. When the file
 * cannot be written, calls are refused (unless the operator chose fail-open).
 */
public final class AuditLog implements AutoCloseable {

    public enum Outcome { ok, error, refused }

    static final JsonMapper JSON = JsonMapper.builder().build();
    public static final int KEEP_ROTATED = 5;

    private final Path file;
    private final long maxBytes;
    private final boolean failOpen;
    private OutputStream out;
    private long size;
    private long seq;
    private String prev = AuditChain.GENESIS;
    private final java.security.MessageDigest digest = AuditChain.newSha256(); // one per log: record() is synchronized

    private AuditLog(Path file, long maxBytes, boolean failOpen) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.failOpen = failOpen;
    }

    /** An audit log writing to {@code file} (null: disabled), rotated at {@code maxBytes}. */
    public static AuditLog to(Path file, long maxBytes, boolean failOpen) {
        return new AuditLog(file, maxBytes, failOpen);
    }

    public static AuditLog to(Path file) {
        return new AuditLog(file, 10L << 20, false);
    }

    public boolean enabled() {
        return file != null;
    }

    public Path file() {
        return file;
    }

    /** Opens the file if needed; throws with a sentence for the caller when it cannot be written. */
    public synchronized void ensureWritable() throws AuditUnavailable {
        if (file == null || out != null) {
            return;
        }
        try {
            open();
        } catch (IOException | RuntimeException e) {
            unavailable();
        }
    }

    private void open() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        if (!Files.exists(file)) {
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: keep its defaults
            }
            resumeFrom(rotated(1)); // a fresh file continues the chain of the one rotated before it
        } else {
            resumeFrom(file);
        }
        out = Files.newOutputStream(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        size = Files.size(file);
    }

    /** Picks up the chain from the last complete record of {@code f}, if there is one. */
    private void resumeFrom(Path f) throws IOException {
        if (!Files.exists(f)) {
            return;
        }
        String last = lastLine(f);
        if (last == null) {
            return;
        }
        prev = AuditChain.sha256(last);
        try {
            JsonNode n = JSON.readTree(last);
            seq = n.path("seq").asLong(0);
        } catch (RuntimeException e) {
            seq = 0; // not one of ours: the chain starts again, and verify will say so
        }
    }

    private static String lastLine(Path f) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
            long len = raf.length();
            int window = (int) Math.min(len, 1 << 20);
            byte[] buf = new byte[window];
            raf.seek(len - window);
            raf.readFully(buf);
            int end = window;
            while (end > 0 && buf[end - 1] == '\n') {
                end--;
            }
            if (end == 0) {
                return null;
            }
            int start = end - 1;
            while (start > 0 && buf[start - 1] != '\n') {
                start--;
            }
            return new String(buf, start, end - start, StandardCharsets.UTF_8);
        }
    }

    /** Appends one record. */
    public synchronized void record(String tool, Map<String, Object> arguments, String host, Outcome outcome,
                                    long durationMs, long resultBytes, String error, CallOrigin origin) throws AuditUnavailable {
        if (file == null) {
            return;
        }
        ensureWritable();
        if (out == null) {
            return; // fail-open and still unwritable
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seq", seq + 1);
        r.put("time", Instant.now().toString());
        r.put("tool", tool);
        r.put("arguments", arguments);
        r.put("host", host);
        r.put("outcome", outcome.name());
        r.put("durationMs", durationMs);
        r.put("resultBytes", resultBytes);
        if (error != null) {
            r.put("error", error);
        }
        r.putAll(origin.fields());
        r.put("prev", prev);
        try {
            byte[] bytes = (JSON.writeValueAsString(r) + "\n").getBytes(StandardCharsets.UTF_8);
            if (size > 0 && size + bytes.length > maxBytes) {
                rotate();
            }
            out.write(bytes);
            out.flush();
            size += bytes.length;
            seq++;
            digest.update(bytes, 0, bytes.length - 1); // the chain hashes the line without its newline
            prev = java.util.HexFormat.of().formatHex(digest.digest());
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            unavailable();
        }
    }

    private void unavailable() throws AuditUnavailable {
        if (failOpen) {
            LoggerFactory.getLogger(AuditLog.class).warn("audit log {} cannot be written; continuing because SECURITY_AUDIT_FAIL_OPEN=true", file);
            return;
        }
        throw new AuditUnavailable(file);
    }

    /** audit.log -> audit.log.1 -> ... -> audit.log.5 (dropped); the new file's first record links to the old file's last. */
    private void rotate() throws IOException {
        out.close();
        out = null;
        Files.deleteIfExists(rotated(KEEP_ROTATED));
        for (int i = KEEP_ROTATED - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        out = Files.newOutputStream(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        size = 0;
    }

    private Path rotated(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    private void closeQuietly() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // already failing
        }
        out = null;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    /** The audit file cannot be written; the message says what to do. */
    public static final class AuditUnavailable extends Exception {
        AuditUnavailable(Path file) {
            super("The audit log " + file + " cannot be written, so the call was refused: make that folder writable, set SECURITY_AUDIT_LOG_FILE to a writable file, or set SECURITY_AUDIT_LOG=false.",
                    null, false, false);
        }
    }
}
