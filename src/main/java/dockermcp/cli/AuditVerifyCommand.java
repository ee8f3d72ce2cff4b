package dockermcp.cli;

import dockermcp.server.Product;
import dockermcp.security.AuditChain;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code docker-mcp-secure audit verify [--head HASH] FILE}: exit 0 when the chain holds (and still contains
 * the record whose hash was kept), 1 at the first broken record, 2 when the file cannot be read.
 */
final class AuditVerifyCommand {

    private AuditVerifyCommand() {
    }

    static int run(Path file, String head, PrintStream out) {
        if (!Files.isReadable(file)) {
            System.err.println(Product.NAME + ": cannot read " + file + ": give the path of an audit log (SECURITY_AUDIT_LOG_FILE).");
            return 2;
        }
        try {
            AuditChain.Report r = AuditChain.verify(file, head);
            if (!r.ok()) {
                out.println("BROKEN after " + r.records() + " good records: " + r.problem());
                return 1;
            }
            String kept = head == null
                    ? " The newest record is vouched for by nothing after it: keep this head elsewhere and check against it later with"
                      + " --head, which also finds removal of the newest records."
                    : " The record with the kept head is there" + (r.after() == 0 ? " and is the newest." : ", with " + r.after() + " newer records after it.");
            out.println("OK: " + r.records() + " records, chain intact; head " + (r.lastHash() == null ? "none (empty log)" : r.lastHash())
                    + (r.records() == 0 ? "." : " (record " + r.lastSeq() + ").") + kept);
            return 0;
        } catch (IOException e) {
            System.err.println(Product.NAME + ": cannot read " + file + " or the files rotated before it: check that they are readable by this user.");
            return 2;
        } finally {
            out.flush();
        }
    }
}
