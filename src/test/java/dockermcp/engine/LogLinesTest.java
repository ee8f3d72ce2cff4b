package dockermcp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogLinesTest {

    private static void frame(ByteArrayOutputStream out, int stream, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.write(stream);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(b.length >>> 24);
        out.write(b.length >>> 16);
        out.write(b.length >>> 8);
        out.write(b.length);
        out.writeBytes(b);
    }

    @Test
    void demultiplexesFramesIntoMarkedLines() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, 1, "out-1\n");
        frame(out, 2, "err-1\n");
        frame(out, 1, "par");          // a line split over two frames
        frame(out, 1, "tial\n\nlast");  // an empty line, and a last line without newline
        LogLines.Result r = LogLines.read(new ByteArrayInputStream(out.toByteArray()), true, 65536);
        assertThat(r.lines()).containsExactly(
                new LogLines.Line("stdout", "out-1"), new LogLines.Line("stderr", "err-1"),
                new LogLines.Line("stdout", "partial"), new LogLines.Line("stdout", ""), new LogLines.Line("stdout", "last"));
        assertThat(r.truncated()).isFalse();
    }

    @Test
    void rawTtyStreamIsAllStdout() throws Exception {
        LogLines.Result r = LogLines.read(new ByteArrayInputStream("a\r\nb\n".getBytes(StandardCharsets.UTF_8)), false, 65536);
        assertThat(r.lines()).containsExactly(new LogLines.Line("stdout", "a"), new LogLines.Line("stdout", "b"));
    }

    @Test
    void keepsTheNewestLinesThatFitTheCap() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 1000; i++) {
            frame(out, 1, "line-" + i + "\n");
        }
        LogLines.Result r = LogLines.read(new ByteArrayInputStream(out.toByteArray()), true, 1024);
        assertThat(r.truncated()).isTrue();
        assertThat(r.bytes()).isLessThanOrEqualTo(1024);
        assertThat(r.lines().get(r.lines().size() - 1).text()).isEqualTo("line-999");
        assertThat(r.lines().get(0).text()).isNotEqualTo("line-0");
    }

    @Test
    void aGigabyteStreamIsNeitherBufferedNorReadToTheEnd() throws Exception {
        long total = 1L << 30;
        InputStream endless = new InputStream() {
            long served;
            final byte[] header = {1, 0, 0, 0, 0, 1, 0, 0}; // 65536-byte frames
            int pos;

            @Override
            public int read() {
                if (served >= total) {
                    return -1;
                }
                int p = pos++ % (8 + 65536);
                served++;
                return p < 8 ? header[p] : (p % 100 == 0 ? '\n' : 'x');
            }
        };
        long before = used();
        LogLines.Result r = LogLines.read(endless, true, 64 * 1024);
        assertThat(r.truncated()).isTrue();
        assertThat(r.readCapped()).as("stopped before the end of the stream").isTrue();
        assertThat(r.bytes()).isLessThanOrEqualTo(64 * 1024);
        assertThat(used() - before).isLessThan(32L << 20);
    }

    @Test
    void keepsTheLastTailLinesOfAWindowAndSaysOlderLinesWereLeftOut() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 1000; i++) {
            frame(out, i % 3 == 0 ? 2 : 1, "line-" + i + "\n");
        }
        LogLines.Result r = LogLines.read(new ByteArrayInputStream(out.toByteArray()), true, 65536, 10);
        assertThat(r.lines()).extracting(LogLines.Line::text).containsExactly(
                "line-990", "line-991", "line-992", "line-993", "line-994", "line-995", "line-996", "line-997", "line-998", "line-999");
        assertThat(r.bytes()).isEqualTo(10 * "line-99x\n".length());
        assertThat(r.truncated()).as("990 older lines of the window are not shown").isTrue();
        assertThat(r.readCapped()).isFalse();

        LogLines.Result capped = LogLines.read(new ByteArrayInputStream(out.toByteArray()), true, 30, 10);
        assertThat(capped.lines()).extracting(LogLines.Line::text).containsExactly("line-997", "line-998", "line-999");
        assertThat(capped.truncated()).isTrue();
    }

    @Test
    void aTailThatTakesTheWholeWindowIsNotATruncation() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 10; i++) {
            frame(out, 1, "line-" + i + "\n");
        }
        LogLines.Result r = LogLines.read(new ByteArrayInputStream(out.toByteArray()), true, 65536, 10);
        assertThat(r.lines()).hasSize(10);
        assertThat(r.truncated()).isFalse();
    }

    @Test
    void overlongLinesAreCut() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, 1, "y".repeat(100_000) + "\n");
        LogLines.Result r = LogLines.read(new ByteArrayInputStream(out.toByteArray()), true, 65536);
        assertThat(r.lines()).singleElement().satisfies(l -> {
            assertThat(l.text()).hasSize(LogLines.MAX_LINE + LogLines.CUT_SLACK); // redaction sees past the cut
            assertThat(LogLines.cut(l.text())).hasSize(LogLines.MAX_LINE);
        });
        assertThat(r.truncated()).isTrue();
    }

    @Test
    void aTailThatStartsInTheMiddleOfALineTheEngineSplitLeavesThatPieceOut() throws Exception {
        // 3 lines wanted, tail=4 entries asked: the first two entries are the last 16 KiB pieces of a long line, the first
        // of them starting with the tail of a token whose head was not sent
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, 1, "L4nR8tW3yB6cD1zQ9oRNbMUpU8J" + "b".repeat(100));
        frame(out, 1, "b".repeat(50) + "\n");
        frame(out, 1, "next\n");
        frame(out, 2, "err\n");
        LogLines.Result cut = LogLines.read(new ByteArrayInputStream(out.toByteArray()), true, 65536, 3, 4, false);
        assertThat(cut.lines()).containsExactly(new LogLines.Line("stdout", "next"), new LogLines.Line("stderr", "err"));
        // the same stream when fewer entries came than were asked: it is the whole log, nothing is left out
        LogLines.Result whole = LogLines.read(new ByteArrayInputStream(out.toByteArray()), true, 65536, 3, 5, false);
        assertThat(whole.lines()).hasSize(3);
        // all lines whole: the tail is the last lines, as before
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        frame(plain, 1, "a\n");
        frame(plain, 1, "b\n");
        frame(plain, 1, "c\n");
        assertThat(LogLines.read(new ByteArrayInputStream(plain.toByteArray()), true, 65536, 2, 3, false).lines())
                .containsExactly(new LogLines.Line("stdout", "b"), new LogLines.Line("stdout", "c"));
    }

    @Test
    void theTimeStampBeforeEachPieceOfASplitLineIsTakenOutSoTheLineIsReadWhole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, 1, "2026-11-30T10:17:50.682368256Z token ghp_Xk9fQ2mP7v");
        frame(out, 1, "2026-11-30T10:17:50.682368256Z L4nR8tW3yB6cD1zQ9oRNbMUpU8J done\n");
        LogLines.Result r = LogLines.read(new ByteArrayInputStream(out.toByteArray()), true, 65536, 100, 0, true);
        assertThat(r.lines()).containsExactly(new LogLines.Line("stdout", "2026-11-30T10:17:50.682368256Z token ghp_Xk9fQ2mP7vL4nR8tW3yB6cD1zQ9oRNbMUpU8J done"));
    }

    /** A TTY log as the engine sends it with time stamps: one raw stream, a stamp before each entry, a line split every 16 KiB. */
    private static byte[] ttyLog(String... lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String rest = line + "\r\n";
            do {
                String piece = rest.substring(0, Math.min(rest.length(), LogLines.PIECE));
                out.append("2026-11-30T10:17:5").append(rest.length() % 10).append(".6823682Z ").append(piece);
                rest = rest.substring(piece.length());
            } while (!rest.isEmpty());
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aTtyLogIsCountedByItsStampsAndAPieceOfASplitLineIsLeftOut() throws Exception {
        String longLine = "a".repeat(LogLines.PIECE - 10) + " token ghp_Xk9fQ2mP7vL4nR8tW3yB6cD1zQ9oRNbMUpU8J " + "b".repeat(LogLines.PIECE);
        byte[] whole = ttyLog("first", longLine, "last line");
        // the engine's tail of 3 entries: the last two pieces of the long line and the last line
        int secondPiece = new String(whole, StandardCharsets.US_ASCII).indexOf("2026", "2026-11-30T10:17:5".length() + 30 + LogLines.PIECE);
        byte[] tail = java.util.Arrays.copyOfRange(whole, secondPiece, whole.length);
        LogLines.Result r = LogLines.read(new ByteArrayInputStream(tail), false, 65536, 2, 3, true, false);
        assertThat(r.lines()).containsExactly(new LogLines.Line("stdout", "last line"));
        assertThat(r.truncated()).isTrue();
        LogLines.Result all = LogLines.read(new ByteArrayInputStream(whole), false, 1 << 20, 100, 101, true, false);
        assertThat(all.lines()).hasSize(3);
        assertThat(all.lines().get(0).text()).isEqualTo("first");
        assertThat(all.lines().get(1).text()).isEqualTo(longLine.substring(0, LogLines.MAX_LINE + LogLines.CUT_SLACK));
        assertThat(all.lines().get(2).text()).isEqualTo("last line");
        LogLines.Result stamped = LogLines.read(new ByteArrayInputStream(whole), false, 1 << 20, 100, 101, true, true);
        assertThat(stamped.lines().get(0).text()).isEqualTo("2026-11-30T10:17:57.6823682Z first");
    }

    @Test
    void aStreamWithoutAContentTypeIsReadAsFramesOnlyWhenItStartsWithAFrameHeader() throws Exception {
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        frame(framed, 1, "hello\n");
        java.io.InputStream in = new java.io.BufferedInputStream(new ByteArrayInputStream(framed.toByteArray()));
        assertThat(DockerEngine.multiplexed("", in)).isTrue();
        assertThat(in.readAllBytes()).isEqualTo(framed.toByteArray()); // looked at, not taken
        assertThat(DockerEngine.multiplexed("", new java.io.BufferedInputStream(new ByteArrayInputStream(ttyLog("hello"))))).isFalse();
        assertThat(DockerEngine.multiplexed("application/vnd.docker.raw-stream", new java.io.BufferedInputStream(new ByteArrayInputStream(framed.toByteArray()))))
                .isFalse();
        assertThat(DockerEngine.multiplexed("application/vnd.docker.multiplexed-stream", new java.io.BufferedInputStream(new ByteArrayInputStream(new byte[0]))))
                .isTrue();
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
