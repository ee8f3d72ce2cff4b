package dockermcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    @TempDir
    Path dir;

    private static final CallOrigin ORIGIN = new CallOrigin("stdio", "s-1", "claude-desktop/1.0", null, null);

    private static void write(AuditLog log, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            log.record("docker_inspect", Map.of("container", "web-" + i), "local", AuditLog.Outcome.ok, 3, 120, null, ORIGIN);
        }
    }

    @Test
    void recordsAreChainedAndNameTheClientAndSession() throws Exception {
        Path f = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.to(f)) {
            write(log, 3);
        }
        List<String> lines = Files.readAllLines(f);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"seq\":1", "\"prev\":\"" + AuditChain.GENESIS + "\"", "\"client\":\"claude-desktop/1.0\"", "\"session\":\"s-1\"");
        assertThat(lines.get(1)).contains("\"prev\":\"" + AuditChain.sha256(lines.get(0)) + "\"");
        assertThat(AuditChain.verify(f).ok()).isTrue();
        assertThat(Files.getPosixFilePermissions(f)).hasSize(2); // rw-------
    }

    @Test
    void aRestartedServerContinuesTheChain() throws Exception {
        Path f = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.to(f)) {
            write(log, 2);
        }
        try (AuditLog log = AuditLog.to(f)) {
            write(log, 2);
        }
        AuditChain.Report r = AuditChain.verify(f);
        assertThat(r.ok()).isTrue();
        assertThat(r.records()).isEqualTo(4);
    }

    @Test
    void rotationKeepsTheChainAcrossFiles() throws Exception {
        Path f = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.to(f, 2000, false)) {
            write(log, 40);
        }
        assertThat(Files.exists(dir.resolve("audit.log.1"))).isTrue();
        AuditChain.Report r = AuditChain.verify(f);
        assertThat(r.ok()).as(String.valueOf(r.problem())).isTrue();
        assertThat(Files.size(f)).isLessThanOrEqualTo(2000);
    }

    @Test
    void verifyFindsTheFirstChangedRemovedOrReorderedRecord() throws Exception {
        Path f = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.to(f)) {
            write(log, 6);
        }
        List<String> original = Files.readAllLines(f);

        List<String> changed = new ArrayList<>(original);
        changed.set(2, changed.get(2).replace("\"outcome\":\"ok\"", "\"outcome\":\"refused\""));
        Files.write(f, changed);
        assertThat(AuditChain.verify(f).problem()).contains("line 4").contains("record 3 was changed");

        List<String> removed = new ArrayList<>(original);
        removed.remove(3);
        Files.write(f, removed);
        assertThat(AuditChain.verify(f).problem()).contains("removed or reordered");

        List<String> reordered = new ArrayList<>(original);
        Collections.swap(reordered, 1, 2);
        Files.write(f, reordered);
        assertThat(AuditChain.verify(f).ok()).isFalse();

        List<String> forgedStart = new ArrayList<>(original);
        forgedStart.set(0, forgedStart.get(0).replace("web-0", "web-X"));
        Files.write(f, forgedStart);
        assertThat(AuditChain.verify(f).problem()).contains("record 1 was changed");
    }

    @Test
    void anUnwritableFileRefusesTheCallUnlessTheOperatorChoseFailOpen() throws Exception {
        Path blocked = Files.createFile(dir.resolve("not-a-dir")).resolve("audit.log");
        try (AuditLog closed = AuditLog.to(blocked)) {
            assertThatThrownBy(closed::ensureWritable).isInstanceOf(AuditLog.AuditUnavailable.class)
                    .hasMessageContaining("SECURITY_AUDIT_LOG_FILE").hasMessageContaining("refused");
        }
        try (AuditLog open = AuditLog.to(blocked, 1 << 20, true)) {
            open.ensureWritable();
            write(open, 1);
        }
    }
}
