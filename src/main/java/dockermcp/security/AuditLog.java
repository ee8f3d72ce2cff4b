package dockermcp.security;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON line per tool call, appended and flushed per record. Never written to stdout.
 * When the file cannot be written, calls are refused rather than run unaudited.
 */
public final class AuditLog implements AutoCloseable {

    public enum Outcome { ok, error, refused }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private OutputStream out;

    private AuditLog(Path file) {
        this.file = file;
    }

    /** An audit log writing to {@code file}, or a disabled one when {@code file} is null. */
    public static AuditLog to(Path file) {
        return new AuditLog(file);
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
            }
            out = Files.newOutputStream(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            throw new AuditUnavailable(file);
        }
    }

    /** Appends one record. */
    public synchronized void record(String tool, Map<String, Object> arguments, String host, Outcome outcome,
                                    long durationMs, long resultBytes, String error) throws AuditUnavailable {
        if (file == null) {
            return;
        }
        ensureWritable();
        Map<String, Object> r = new LinkedHashMap<>();
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
        try {
            out.write(JSON.writeValueAsBytes(r));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            closeQuietly();
            throw new AuditUnavailable(file);
        }
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
