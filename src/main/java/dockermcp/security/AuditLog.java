package dockermcp.security;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON line per tool call, appended and flushed per record, never to stdout. Records are
 * hash-chained: each carries its sequence number and the SHA-256 of the previous line, also across
 * rotation, so {@link AuditChain#verify} finds a changed, removed or reordered record. Several servers
 * (one per MCP client) may share the file and still extend one chain ({@link AuditFile}).
 * When the file cannot be written, calls are refused (unless the operator chose fail-open).
 */
public final class AuditLog implements AutoCloseable {

    public enum Outcome { ok, error, refused }

    static final JsonMapper JSON = JsonMapper.builder().build();
    public static final int KEEP_ROTATED = 5;

    private final Path file;
    private final boolean failOpen;
    private final AuditFile disk;

    private AuditLog(Path file, long maxBytes, boolean failOpen) {
        this.file = file;
        this.failOpen = failOpen;
        this.disk = file == null ? null : new AuditFile(file, maxBytes);
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
        if (file == null || disk.isOpen()) {
            return;
        }
        try {
            disk.open();
        } catch (IOException | RuntimeException e) {
            disk.close();
            unavailable();
        }
    }

    /** Appends one record. */
    public void record(String tool, Map<String, Object> arguments, String host, Outcome outcome,
                       long durationMs, long resultBytes, String error, CallOrigin origin) throws AuditUnavailable {
        record(tool, new AuditedArguments(arguments, 0), host, outcome, durationMs, resultBytes, error, origin);
    }

    /** Appends one record with the arguments as {@link AuditedArguments} made them fit to keep. */
    public synchronized void record(String tool, AuditedArguments arguments, String host, Outcome outcome,
                                    long durationMs, long resultBytes, String error, CallOrigin origin) throws AuditUnavailable {
        if (file == null) {
            return;
        }
        ensureWritable();
        if (!disk.isOpen()) {
            return; // fail-open and still unwritable
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("seq", 0L); // set, with prev, under the file's lock
        r.put("time", Instant.now().toString());
        r.put("tool", tool);
        r.put("arguments", arguments.values());
        if (arguments.unknown() > 0) {
            r.put("unknownArguments", arguments.unknown());
        }
        r.put("host", host);
        r.put("outcome", outcome.name());
        r.put("durationMs", durationMs);
        r.put("resultBytes", resultBytes);
        if (error != null) {
            r.put("error", error);
        }
        r.putAll(origin.fields());
        try {
            disk.append(r);
        } catch (IOException | RuntimeException e) {
            disk.close();
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

    @Override
    public synchronized void close() {
        if (disk != null) {
            disk.close();
        }
    }

    /** The audit file cannot be written; the message says what to do. */
    public static final class AuditUnavailable extends Exception {
        AuditUnavailable(Path file) {
            super("The audit log " + file + " cannot be written, so the call was refused: make that folder writable, set SECURITY_AUDIT_LOG_FILE to a writable file, or set SECURITY_AUDIT_LOG=false.",
                    null, false, false);
        }
    }
}
