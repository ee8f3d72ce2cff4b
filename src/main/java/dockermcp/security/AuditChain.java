package dockermcp.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks the hash chain of an audit log and its rotated predecessors. Each record carries the hash of the
 * one before it, so a changed, removed or reordered record is found by the record after it. Nothing comes
 * after the newest record: a change to it, or removal of the newest records, is found only against a head
 * hash kept elsewhere ({@code --head}).
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    /**
     * The outcome of a verification.
     *
     * @param ok       the chain holds (and reaches the given head)
     * @param records  records checked, or on a break the records a later record (or the kept head) still vouches for
     * @param lastHash the newest record's hash: the head to keep elsewhere
     * @param lastSeq  the newest record's sequence number
     * @param after    when a head was given and found: how many records were written after it
     * @param problem  the first problem, one sentence, or null
     */
    public record Report(boolean ok, long records, String lastHash, long lastSeq, long after, String problem) {
    }

    private AuditChain() {
    }

    static String sha256(String line) {
        return HexFormat.of().formatHex(newSha256().digest(line.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True for a head as {@code audit verify} prints it: 64 hexadecimal digits. */
    public static boolean isHash(String s) {
        return s != null && s.matches("[0-9a-fA-F]{64}");
    }

    public static Report verify(Path file) throws IOException {
        return verify(file, null);
    }

    /**
     * Verifies {@code file} together with the rotated files before it (file.5 ... file.1, oldest first); with a
     * {@code head}, also that the record with that hash is still there. Holds the writers' lock meanwhile, so a
     * server rotating or appending at the same moment is not taken for tampering.
     */
    public static Report verify(Path file, String head) throws IOException {
        Path lockFile = AuditFile.lockFile(file);
        if (!Files.isReadable(lockFile)) {
            return verifyFiles(file, head);
        }
        AuditFile.IN_THIS_PROCESS.lock();
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.READ); FileLock shared = ch.lock(0, Long.MAX_VALUE, true)) {
            return verifyFiles(file, head);
        } finally {
            AuditFile.IN_THIS_PROCESS.unlock();
        }
    }

    private static Report verifyFiles(Path file, String head) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = AuditLog.KEEP_ROTATED; i >= 1; i--) {
            Path r = file.resolveSibling(file.getFileName() + "." + i);
            if (Files.exists(r)) {
                files.add(r);
            }
        }
        files.add(file);
        String prev = null;
        long expectedSeq = -1;
        long count = 0;
        long headAt = -1;
        for (Path f : files) {
            List<byte[]> lines = lines(Files.readAllBytes(f));
            for (int i = 0; i < lines.size(); i++) {
                String where = f.getFileName() + " line " + (i + 1);
                if (lines.get(i).length == 0) {
                    return broken(count, prev, expectedSeq - 1, where + " is empty: a record was removed or the file was edited.");
                }
                String line;
                JsonNode n;
                try {
                    line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(lines.get(i))).toString();
                    n = AuditLog.JSON.readTree(line);
                } catch (CharacterCodingException | JacksonException e) {
                    return broken(count, prev, expectedSeq - 1, where + " is not a JSON record: it was changed.");
                }
                long seq = n.path("seq").asLong(-1);
                String link = n.path("prev").asString("");
                if (count == 0) {
                    // the oldest record kept: its predecessor may have been rotated away, so only a fresh chain's start is checked
                    if (seq == 1 && !link.equals(GENESIS)) {
                        return broken(0, null, 0, where + " (record 1) does not start a chain: it was changed.");
                    }
                } else if (seq != expectedSeq) {
                    return broken(count, prev, expectedSeq - 1, where + " (record " + seq + ") comes where record " + expectedSeq
                            + " should: records were removed or reordered.");
                } else if (!link.equals(prev)) {
                    // the record before this one no longer has the hash this one vouches for: it is not counted as good
                    return broken(count - 1, null, seq - 2, where + " (record " + seq + ") does not link to the record before it: record "
                            + (seq - 1) + " was changed.");
                }
                prev = sha256(line);
                expectedSeq = seq + 1;
                count++;
                if (head != null && prev.equalsIgnoreCase(head)) {
                    headAt = count;
                }
            }
        }
        if (head != null && headAt < 0) {
            // the newest record is vouched for by nothing now, so it is not counted as good
            return broken(count - 1, prev, expectedSeq - 1, "no record has the head hash given with --head: the newest records were changed or removed"
                    + (count == 0 ? "." : " (the chain now ends at record " + (expectedSeq - 1) + ")."));
        }
        return new Report(true, count, prev, expectedSeq - 1, headAt < 0 ? 0 : count - headAt, null);
    }

    private static Report broken(long good, String lastHash, long lastSeq, String problem) {
        return new Report(false, Math.max(good, 0), lastHash, lastSeq, 0, problem);
    }

    /** The file's lines without their line feeds; a final line feed ends the last line, it does not start an empty one. */
    private static List<byte[]> lines(byte[] all) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        if (start < all.length) {
            out.add(java.util.Arrays.copyOfRange(all, start, all.length));
        }
        return out;
    }
}
