package dockermcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    // --- several servers, one file ---

    @Test
    void severalWritersOnOneFileKeepOneChainAcrossRotation() throws Exception {
        Path f = dir.resolve("audit.log");
        int writers = 4;
        int each = 60;
        List<AuditLog> logs = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            logs.add(AuditLog.to(f, 12_000, false)); // each is what one server process holds
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (AuditLog log : logs) {
                done.add(pool.submit(() -> {
                    write(log, each);
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
        } finally {
            pool.shutdown();
            logs.forEach(AuditLog::close);
        }
        assertThat(Files.exists(dir.resolve("audit.log.2"))).as("rotated while the writers wrote").isTrue();
        AuditChain.Report r = AuditChain.verify(f);
        assertThat(r.ok()).as(String.valueOf(r.problem())).isTrue();
        assertThat(r.lastSeq()).isEqualTo((long) writers * each);
    }

    @Test
    void aWriterNoticesThatAnotherRotatedTheFileUnderIt() throws Exception {
        Path f = dir.resolve("audit.log");
        try (AuditLog first = AuditLog.to(f, 3000, false); AuditLog second = AuditLog.to(f, 3000, false)) {
            write(first, 1); // first now has the file open
            write(second, 30); // second rotates it several times
            write(first, 1);
        }
        AuditChain.Report r = AuditChain.verify(f);
        assertThat(r.ok()).as(String.valueOf(r.problem())).isTrue();
        assertThat(r.lastSeq()).isEqualTo(32);
    }

    @Test
    void aCancelledCallIsStillRecordedAndKeepsItsInterrupt() throws Exception {
        Path f = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.to(f)) {
            write(log, 1);
            Thread.currentThread().interrupt();
            try {
                write(log, 1);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            write(log, 1);
        }
        assertThat(AuditChain.verify(f).records()).isEqualTo(3);
    }

    // --- what is recorded ---

    private static final Map<String, Object> SCHEMA = Map.of("properties", Map.of(
            "container", Map.of("type", "string", "maxLength", 256),
            "tail", Map.of("type", "integer", "minimum", 0, "maximum", 10000),
            "timestamps", Map.of("type", "boolean"),
            "host", Map.of("type", "string")));

    @Test
    void onlyValuesOfTheSchemasTypeAreRecordedAndUnknownNamesOnlyCounted() throws Exception {
        Map<String, Object> planted = new LinkedHashMap<>();
        planted.put("container", Map.of("password", "planted-object-secret"));
        planted.put("tail", "planted-wrong-type");
        planted.put("timestamps", "true");
        planted.put("host", "local");
        planted.put("planted-unknown-name", "planted-unknown-value");
        planted.put("another-unknown", List.of("planted-list-value"));
        AuditedArguments a = AuditedArguments.of(SCHEMA, planted, new Redactor());
        assertThat(a.unknown()).isEqualTo(2);
        assertThat(a.values()).containsEntry("container", Map.of("type", "object"))
                .containsEntry("tail", Map.of("type", "string", "length", 18))
                .containsEntry("timestamps", true).containsEntry("host", "local")
                .doesNotContainKeys("planted-unknown-name", "another-unknown");
        String refusal = "docker_inspect has no argument 'planted-unknown-name': its arguments are container, host.";
        assertThat(a.error(refusal)).isEqualTo("The arguments were refused: 2 unknown argument names; 'container', 'tail' of the wrong type or form.");

        Path f = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.to(f)) {
            log.record("docker_logs", a, "local", AuditLog.Outcome.refused, 1, 0, a.error(refusal), ORIGIN);
        }
        assertThat(Files.readString(f)).doesNotContain("planted").contains("\"unknownArguments\":2");
    }

    @Test
    void keptValuesAreRedactedAndOverLongOrControlCharacterStringsKeptAsTheirTypeOnly() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("container", "password=hunter2");
        args.put("host", "x".repeat(2000) + "planted-long");
        AuditedArguments a = AuditedArguments.of(SCHEMA, args, new Redactor());
        assertThat(a.values().get("container").toString()).doesNotContain("hunter2").contains(Redactor.MARK);
        assertThat(a.values()).containsEntry("host", Map.of("type", "string", "length", 2012));
        assertThat(a.unknown()).isZero();
        assertThat(a.error("docker_inspect: 'host' is 2012 characters long; the limit is 1024.")).isEqualTo("The arguments were refused: 'host' of the wrong type or form.");
        AuditedArguments fine = AuditedArguments.of(SCHEMA, Map.of("container", "web", "tail", 5.0), new Redactor());
        assertThat(fine.values()).containsEntry("tail", 5L);
        assertThat(fine.error("No container named 'web' on local.")).isEqualTo("No container named 'web' on local.");
        Map<String, Object> control = Map.of("container", "web\u001b[2Jplanted");
        assertThat(AuditedArguments.of(SCHEMA, control, new Redactor()).values()).containsEntry("container", Map.of("type", "string", "length", 14));
    }

    @Test
    void theClientNameIsPrintableRedactedAndCapped() throws Exception {
        String name = "evil password=planted-client-secret sk-" + "A".repeat(30) + "\u001b[31m" + "y".repeat(100_000);
        CallOrigin o = new CallOrigin("stdio", "s", name + "/9", null, null);
        String client = (String) o.fields().get("client");
        assertThat(client).hasSizeLessThanOrEqualTo(CallOrigin.CLIENT_MAX).doesNotContain("planted-client-secret", "AAAAAAAAAA", "\u001b").startsWith("evil");
        CallOrigin operator = new CallOrigin("stdio", "s", "acme-internal-42", null, null)
                .redacted(new Redactor(List.of(java.util.regex.Pattern.compile("acme-internal-\\d+"))));
        assertThat(operator.fields().get("client")).isEqualTo(Redactor.MARK);
    }

    // --- what verify promises ---

    private List<String> chain(int n) throws Exception {
        Path f = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.to(f)) {
            write(log, n);
        }
        return Files.readAllLines(f);
    }

    private AuditChain.Report verifyWith(List<String> lines, String head) throws Exception {
        Path f = dir.resolve("audit.log");
        Files.write(f, lines);
        return AuditChain.verify(f, head);
    }

    private static String changed(String line) {
        return line.replace("\"outcome\":\"ok\"", "\"outcome\":\"refused\"");
    }

    @Test
    void aChangedRecordInTheMiddleIsFoundAndNotCountedAsGood() throws Exception {
        List<String> lines = chain(6);
        lines.set(2, changed(lines.get(2)));
        AuditChain.Report r = verifyWith(lines, null);
        assertThat(r.ok()).isFalse();
        assertThat(r.problem()).contains("line 4").contains("record 3 was changed");
        assertThat(r.records()).as("records 1 and 2 are good; record 3 is the changed one").isEqualTo(2);
    }

    @Test
    void aChangedNewestRecordIsFoundOnlyWithTheHead() throws Exception {
        List<String> lines = chain(6);
        String head = AuditChain.verify(dir.resolve("audit.log")).lastHash();
        assertThat(head).isEqualTo(AuditChain.sha256(lines.get(5)));
        lines.set(5, changed(lines.get(5)));
        assertThat(verifyWith(lines, null).ok()).as("nothing after the newest record vouches for it").isTrue();
        AuditChain.Report r = verifyWith(lines, head);
        assertThat(r.ok()).isFalse();
        assertThat(r.problem()).contains("--head").contains("changed or removed");
    }

    @Test
    void aRemovedOrReorderedRecordIsFound() throws Exception {
        List<String> lines = chain(6);
        List<String> removed = new ArrayList<>(lines);
        removed.remove(3);
        AuditChain.Report r = verifyWith(removed, null);
        assertThat(r.problem()).contains("record 5").contains("removed or reordered");
        assertThat(r.records()).isEqualTo(3);

        List<String> reordered = new ArrayList<>(lines);
        Collections.swap(reordered, 1, 2);
        r = verifyWith(reordered, null);
        assertThat(r.problem()).contains("removed or reordered");
        assertThat(r.records()).isEqualTo(1);

        List<String> forgedStart = new ArrayList<>(lines);
        forgedStart.set(0, forgedStart.get(0).replace("web-0", "web-X"));
        assertThat(verifyWith(forgedStart, null).problem()).contains("record 1 was changed");
    }

    @Test
    void aTruncatedTailIsFoundOnlyWithTheHead() throws Exception {
        List<String> lines = chain(6);
        String head = AuditChain.sha256(lines.get(5));
        List<String> truncated = lines.subList(0, 4);
        assertThat(verifyWith(truncated, null).ok()).isTrue();
        AuditChain.Report r = verifyWith(truncated, head);
        assertThat(r.ok()).isFalse();
        assertThat(r.problem()).contains("ends at record 4");
    }

    @Test
    void anOlderHeadIsFoundWithTheRecordsWrittenSince() throws Exception {
        List<String> lines = chain(6);
        AuditChain.Report r = verifyWith(lines, AuditChain.sha256(lines.get(3)).toUpperCase());
        assertThat(r.ok()).isTrue();
        assertThat(r.after()).isEqualTo(2);
        assertThat(r.lastSeq()).isEqualTo(6);
        List<String> newerChanged = new ArrayList<>(lines);
        newerChanged.set(5, changed(newerChanged.get(5)));
        assertThat(verifyWith(newerChanged, AuditChain.sha256(lines.get(3))).ok()).as("records newer than the kept head are not covered").isTrue();
    }

    @Test
    void aHeadRotatedOutOfTheKeptFilesIsReportedMissing() throws Exception {
        Path f = dir.resolve("audit.log");
        String firstHead;
        try (AuditLog log = AuditLog.to(f, 1500, false)) {
            write(log, 1);
            firstHead = AuditChain.verify(f).lastHash();
            write(log, 60);
        }
        assertThat(Files.exists(dir.resolve("audit.log.6"))).isFalse();
        assertThat(AuditChain.verify(f).ok()).isTrue();
        assertThat(AuditChain.verify(f, firstHead).problem()).contains("--head");
    }

    @Test
    void verifyWhileAnotherWriterRotatesSeesOneChain() throws Exception {
        Path f = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.to(f, 1500, false)) {
            write(log, 1);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                Future<?> writing = writer.submit(() -> {
                    write(log, 300);
                    return null;
                });
                while (!writing.isDone()) {
                    AuditChain.Report r = AuditChain.verify(f);
                    assertThat(r.ok()).as(String.valueOf(r.problem())).isTrue();
                }
                writing.get();
            } finally {
                writer.shutdown();
            }
        }
    }

    @Test
    void tamperingAcrossRotatedFilesIsFound() throws Exception {
        Path f = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.to(f, 2500, false)) {
            write(log, 80);
        }
        Path one = dir.resolve("audit.log.1");
        Path two = dir.resolve("audit.log.2");
        String head = AuditChain.verify(f).lastHash();
        List<String> newest = Files.readAllLines(f);
        List<String> inOne = Files.readAllLines(one);
        List<String> inTwo = Files.readAllLines(two);

        // the last record of audit.log.1 is vouched for by the first of audit.log
        List<String> lastOfOne = new ArrayList<>(inOne);
        lastOfOne.set(lastOfOne.size() - 1, changed(lastOfOne.get(lastOfOne.size() - 1)));
        Files.write(one, lastOfOne);
        assertThat(AuditChain.verify(f).problem()).startsWith("audit.log line 1").contains("was changed");
        Files.write(one, inOne);

        // a whole rotated file removed from the middle
        Files.move(two, dir.resolve("elsewhere"));
        assertThat(AuditChain.verify(f).problem()).startsWith("audit.log.1 line 1").contains("removed or reordered");
        Files.move(dir.resolve("elsewhere"), two);

        // a record in the middle of an older file
        List<String> middleOfTwo = new ArrayList<>(inTwo);
        middleOfTwo.set(1, changed(middleOfTwo.get(1)));
        Files.write(two, middleOfTwo);
        assertThat(AuditChain.verify(f).problem()).startsWith("audit.log.2 line 3").contains("was changed");
        Files.write(two, inTwo);

        // the newest file emptied: the chain still ends well in audit.log.1, so only the head shows it
        Files.write(f, new byte[0]);
        assertThat(AuditChain.verify(f).ok()).isTrue();
        assertThat(AuditChain.verify(f, head).ok()).isFalse();
        Files.write(f, newest);
        assertThat(AuditChain.verify(f, head).ok()).isTrue();

        // the oldest rotated file removed: rotation does the same, so it is not found
        Files.delete(dir.resolve("audit.log." + AuditLog.KEEP_ROTATED));
        assertThat(AuditChain.verify(f, head).ok()).isTrue();
    }

    @Test
    void verifyAnswersInOneSentenceWhateverTheFileHolds() throws Exception {
        List<String> lines = chain(3);
        Path f = dir.resolve("audit.log");
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 'x', '\n'};
        Files.write(f, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(f, binary, java.nio.file.StandardOpenOption.APPEND);
        AuditChain.Report r = AuditChain.verify(f);
        assertThat(r.ok()).isFalse();
        assertThat(r.problem()).isEqualTo("audit.log line 4 is not a JSON record: it was changed.");
    }
}
