package dockermcp.security;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.JsonNode;

/**
 * The audit file on disk, shared by every server that writes it: each record is appended under an
 * exclusive lock on {@code FILE.lock}, after reading the chain's head (sequence number and hash of the last
 * line) from the file itself, so several servers extend one chain; rotation happens under the same lock,
 * and a writer whose file was rotated by another server notices it by the file's identity. Not
 * thread-safe: {@link AuditLog} calls it under its own monitor.
 */
final class AuditFile implements AutoCloseable {

    /** File locks belong to the process: writers in this JVM take turns here before asking for the file lock. */
    static final ReentrantLock IN_THIS_PROCESS = new ReentrantLock();

    private final Path file;
    private final long maxBytes;
    private FileChannel lock;
    private FileOutputStream out;
    /** The file {@link #out} appends to, and its size after our last record: if both still hold, so do seq and prev. */
    private Object outKey;
    private long sizeAfterLast = -1;
    private long seq;
    private String prev = AuditChain.GENESIS;

    AuditFile(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    static Path lockFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    boolean isOpen() {
        return lock != null;
    }

    void open() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        createPrivate(lockFile(file));
        IN_THIS_PROCESS.lock();
        try {
            lock = FileChannel.open(lockFile(file), StandardOpenOption.WRITE);
            // under the lock: another server rotating moves the file away and makes a new one, and between the two
            // the file does not exist; checked outside the lock, a server starting then would find nothing to write to
            try (FileLock held = lock.lock()) {
                createPrivate(file);
                if (!Files.isWritable(file)) {
                    throw new IOException("not writable");
                }
            }
        } finally {
            IN_THIS_PROCESS.unlock();
        }
    }

    /** Creates {@code f} readable and writable by its owner only, unless it exists (another server may just have made it). */
    private static void createPrivate(Path f) throws IOException {
        try {
            Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException exists) {
            // made before us: keep it
        } catch (UnsupportedOperationException notPosix) {
            try {
                Files.createFile(f);
            } catch (FileAlreadyExistsException exists) {
                // made before us
            }
        }
    }

    /** Adds {@code seq} and {@code prev} to the record and appends it as one line; a cancellation cannot cut it. */
    void append(Map<String, Object> record) throws IOException {
        // a cancelled call interrupts its thread, which would close the lock's channel: the record is still written
        boolean interrupted = Thread.interrupted();
        try {
            appendLocked(record);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void appendLocked(Map<String, Object> r) throws IOException {
        IN_THIS_PROCESS.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try (FileLock held = lock.lock()) {
                    appendUnderLock(r);
                    return;
                } catch (ClosedByInterruptException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                    Thread.interrupted();
                    close();
                    open();
                }
            }
        } finally {
            IN_THIS_PROCESS.unlock();
        }
    }

    /** Under the lock: find the chain's head (another server may have appended or rotated since), rotate if due, append. */
    private void appendUnderLock(Map<String, Object> r) throws IOException {
        BasicFileAttributes now = attributes(file);
        if (now == null) {
            createPrivate(file); // removed or rotated away: the new file continues the chain of the one rotated before it
            now = Files.readAttributes(file, BasicFileAttributes.class);
        }
        Object key = now.fileKey();
        if (key == null || !key.equals(outKey) || now.size() != sizeAfterLast) {
            resumeFrom(now.size() > 0 ? file : rotated(1));
        }
        if (key == null || !key.equals(outKey) || out == null) {
            closeOut();
            out = new FileOutputStream(file.toFile(), true); // not an interruptible channel: a cancellation cannot cut a record
            outKey = key;
        }
        r.put("seq", seq + 1);
        r.put("prev", prev);
        String line = AuditLog.JSON.writeValueAsString(r);
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        long size = now.size();
        if (size > 0 && size + bytes.length > maxBytes) {
            rotate();
            size = 0;
        }
        out.write(bytes);
        out.flush();
        sizeAfterLast = size + bytes.length;
        seq++;
        prev = AuditChain.sha256(line);
    }

    private static BasicFileAttributes attributes(Path f) throws IOException {
        try {
            return Files.readAttributes(f, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Picks up the chain from the last complete record of {@code f}; a fresh chain when there is none. */
    private void resumeFrom(Path f) throws IOException {
        seq = 0;
        prev = AuditChain.GENESIS;
        String last = Files.exists(f) ? lastLine(f) : null;
        if (last == null) {
            return;
        }
        prev = AuditChain.sha256(last);
        try {
            JsonNode n = AuditLog.JSON.readTree(last);
            seq = n.path("seq").asLong(0);
        } catch (RuntimeException e) {
            seq = 0; // not one of ours: the chain starts again, and verify will say so
        }
    }

    /** The last non-empty line, read backwards in growing windows (records are small; files are not). */
    static String lastLine(Path f) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
            long len = raf.length();
            for (int window = 8192; ; window *= 2) {
                int w = (int) Math.min(len, window);
                byte[] buf = new byte[w];
                raf.seek(len - w);
                raf.readFully(buf);
                int end = w;
                while (end > 0 && buf[end - 1] == '\n') {
                    end--;
                }
                if (end == 0) {
                    if (w == len || window >= 1 << 24) {
                        return null;
                    }
                    continue;
                }
                int start = end - 1;
                while (start > 0 && buf[start - 1] != '\n') {
                    start--;
                }
                if (start > 0 || w == len || window >= 1 << 24) {
                    return new String(buf, start, end - start, StandardCharsets.UTF_8);
                }
            }
        }
    }

    /** Under the lock: audit.log -> audit.log.1 -> ... -> audit.log.5 (dropped); the new file's first record links to the old file's last. */
    private void rotate() throws IOException {
        closeOut();
        Files.deleteIfExists(rotated(AuditLog.KEEP_ROTATED));
        for (int i = AuditLog.KEEP_ROTATED - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        createPrivate(file);
        out = new FileOutputStream(file.toFile(), true);
        outKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private Path rotated(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    private void closeOut() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // already failing
        }
        out = null;
        outKey = null;
    }

    @Override
    public void close() {
        closeOut();
        IN_THIS_PROCESS.lock(); // closing a channel drops every lock this process holds on the file, also another writer's
        try {
            if (lock != null) {
                lock.close();
            }
        } catch (IOException ignored) {
            // already failing
        } finally {
            IN_THIS_PROCESS.unlock();
        }
        lock = null;
        sizeAfterLast = -1;
    }
}
