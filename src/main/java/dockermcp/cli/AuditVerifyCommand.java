package dockermcp.cli;

import dockermcp.security.AuditChain;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code docker-mcp-secure audit verify FILE}: exit 0 when the chain holds, 1 at the first broken record. */
final class AuditVerifyCommand {

    private AuditVerifyCommand() {
    }

    static int run(Path file, PrintStream out) {
        if (!Files.isReadable(file)) {
            System.err.println(Product.NAME + ": cannot read " + file + ": give the path of an audit log (SECURITY_AUDIT_LOG_FILE).");
            return 2;
        }
        try {
            AuditChain.Report r = AuditChain.verify(file);
            if (r.ok()) {
                out.println("OK: " + r.records() + " records, chain intact; last hash " + r.lastHash()
                        + " (keep it elsewhere to detect removal of the newest records later).");
                return 0;
            }
            out.println("BROKEN after " + r.records() + " good records: " + r.problem());
            return 1;
        } catch (IOException e) {
            System.err.println(Product.NAME + ": cannot read " + file + ": " + e.getMessage());
            return 2;
        } finally {
            out.flush();
        }
    }
}
