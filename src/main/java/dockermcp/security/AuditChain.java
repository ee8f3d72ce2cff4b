package dockermcp.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Checks the hash chain of an audit log and its rotated predecessors. */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    /** The outcome of a verification: ok, how many records, the last hash, or the first problem. */
    public record Report(boolean ok, long records, String lastHash, String problem) {
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

    /** Verifies {@code file} together with the rotated files before it (file.5 ... file.1, oldest first). */
    public static Report verify(Path file) throws IOException {
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
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = f.getFileName() + " line " + (i + 1);
                if (line.isEmpty()) {
                    return new Report(false, count, prev, where + " is empty: a record was removed or the file was edited.");
                }
                JsonNode n;
                try {
                    n = AuditLog.JSON.readTree(line);
                } catch (JacksonException e) {
                    return new Report(false, count, prev, where + " is not a JSON record: it was changed.");
                }
                long seq = n.path("seq").asLong(-1);
                String link = n.path("prev").asString("");
                if (count == 0) {
                    // the oldest record kept: its predecessor may have been rotated away, so only a fresh chain's start is checked
                    if (seq == 1 && !link.equals(GENESIS)) {
                        return new Report(false, 0, null, where + " (record 1) does not start a chain: it was changed.");
                    }
                } else if (seq != expectedSeq) {
                    return new Report(false, count, prev, where + " (record " + seq + ") comes where record " + expectedSeq
                            + " should: records were removed or reordered.");
                } else if (!link.equals(prev)) {
                    return new Report(false, count, prev, where + " (record " + seq + ") does not link to the record before it: record "
                            + (seq - 1) + " was changed.");
                }
                prev = sha256(line);
                expectedSeq = seq + 1;
                count++;
            }
        }
        return new Report(true, count, prev, null);
    }
}
