package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dockermcp.engine.HttpWire;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The engine client's HTTP/1.1 reader: over generated answers (every framing, any body bytes, headers in any case,
 * delivered in reads of random sizes), it returns exactly the body that was sent and stops at its end, so the next
 * answer on a kept-alive connection is read intact; over mutated and random input it either reads an answer or
 * fails with an IOException, never anything else.
 */
class HttpWirePropertyTest {

    private static final int TRIES = 2000;

    /** Hands out at most a random number of bytes per read, as a socket does. */
    static final class Trickle extends InputStream {
        private final byte[] data;
        private final Gen g;
        private int at;

        Trickle(byte[] data, Gen g) {
            this.data = data;
            this.g = g;
        }

        @Override
        public int read() {
            return at < data.length ? data[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (at >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, data.length - at), g.between(1, 700));
            System.arraycopy(data, at, b, off, n);
            at += n;
            return n;
        }
    }

    enum Framing { LENGTH, CHUNKED, CLOSE }

    static byte[] body(Gen g) {
        byte[] b = new byte[g.weighted(2, 6, 2) == 0 ? 0 : g.between(1, g.bool() ? 200 : 40_000)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) g.between(0, 255);
        }
        return b;
    }

    static String name(Gen g, String header) {
        return g.bool() ? header : g.bool() ? header.toUpperCase() : header.toLowerCase();
    }

    static byte[] answer(Gen g, int status, byte[] body, Framing framing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " " + g.pick("OK", "Whatever", "") + "\r\n");
        head.append(name(g, "Content-Type")).append(":").append(g.pick(" ", "", "  ")).append("application/json\r\n");
        if (g.bool()) {
            head.append(name(g, "Api-Version")).append(": 1.41\r\n");
        }
        switch (framing) {
            case LENGTH -> head.append(name(g, "Content-Length")).append(": ").append(body.length).append("\r\n");
            case CHUNKED -> head.append(name(g, "Transfer-Encoding")).append(": chunked\r\n");
            case CLOSE -> head.append(name(g, "Connection")).append(": close\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (framing == Framing.CHUNKED) {
            int at = 0;
            while (at < body.length) {
                int n = Math.min(body.length - at, g.between(1, 5000));
                String size = Integer.toHexString(n);
                out.writeBytes(((g.bool() ? size : size.toUpperCase()) + (g.percent(20) ? ";ext=1" : "") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, at, n);
                out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                at += n;
            }
            out.writeBytes(("0\r\n" + (g.percent(20) ? "X-Trailer: t\r\n" : "") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        } else {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    @Test
    void everyFramingReturnsExactlyTheBodyAndStopsAtItsEnd(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < TRIES; i++) {
            Gen g = tries.gen(i);
            Framing framing = g.pick(Framing.values());
            byte[] body = body(g);
            int status = g.pick(200, 404, 500, 409, 301);
            byte[] first = answer(g, status, body, framing);
            byte[] second = answer(g, 200, "[]".getBytes(StandardCharsets.US_ASCII), Framing.LENGTH);
            byte[] wire = framing == Framing.CLOSE ? first : concat(first, second);
            tries.check(i, List.of(framing, body.length, status), () -> {
                try {
                    InputStream in = new Trickle(wire, g);
                    HttpWire.Head head = HttpWire.readHead(in, false);
                    assertThat(head.status()).isEqualTo(status);
                    assertThat(head.contentType()).isEqualTo("application/json");
                    assertThat(head.keepAlive()).isEqualTo(framing != Framing.CLOSE);
                    assertThat(HttpWire.readAll(head.body(), 64 * 1024)).isEqualTo(body);
                    if (head.keepAlive()) {
                        HttpWire.Head next = HttpWire.readHead(in, false);
                        assertThat(new String(HttpWire.readAll(next.body(), 1024), StandardCharsets.US_ASCII)).isEqualTo("[]");
                        assertThat(in.read()).isEqualTo(-1);
                    }
                } catch (IOException e) {
                    throw new AssertionError("a well-formed answer was refused: " + e.getMessage(), e);
                }
            });
        }
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedAndOneWithinItIsNot(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < TRIES; i++) {
            Gen g = tries.gen(i);
            byte[] body = body(g);
            int max = g.between(0, 45_000);
            tries.check(i, List.of(body.length, max), () -> {
                if (body.length > max) {
                    assertThatThrownBy(() -> HttpWire.readAll(new Trickle(body, g), max)).isInstanceOf(IOException.class);
                } else {
                    try {
                        assertThat(HttpWire.readAll(new Trickle(body, g), max)).isEqualTo(body);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
            });
        }
    }

    @Test
    void mutatedOrRandomInputIsReadOrRefusedWithAnIoExceptionOnly(TestInfo test) {
        Tries tries = new Tries(test);
        for (int i = 0; i < TRIES; i++) {
            Gen g = tries.gen(i);
            byte[] wire;
            if (g.bool()) {
                wire = answer(g, g.pick(200, 404), body(g), g.pick(Framing.values()));
                for (int k = g.between(1, 6); k > 0; k--) { // flip, cut or insert bytes anywhere, mostly in the head
                    int at = g.percent(70) ? g.between(0, Math.min(wire.length - 1, 120)) : g.between(0, wire.length - 1);
                    switch (g.between(0, 2)) {
                        case 0 -> wire[at] = (byte) (int) g.pick((int) '\r', (int) '\n', (int) ':', (int) ' ', (int) '0', (int) 'f', (int) ';', 0, 0xff, g.between(0, 255));
                        case 1 -> wire = Arrays.copyOf(wire, at);
                        default -> wire = concat(concat(Arrays.copyOf(wire, at), g.ascii(1, 20).getBytes(StandardCharsets.ISO_8859_1)),
                                Arrays.copyOfRange(wire, at, wire.length));
                    }
                    if (wire.length == 0) {
                        break;
                    }
                }
            } else {
                wire = g.anyString(0, 400).getBytes(StandardCharsets.UTF_8);
            }
            byte[] input = wire;
            tries.check(i, new String(input, StandardCharsets.ISO_8859_1), () -> {
                try {
                    HttpWire.Head head = HttpWire.readHead(new Trickle(input, g), g.percent(10));
                    assertThat(head.status()).isBetween(100, 999);
                    assertThat(HttpWire.readAll(head.body(), 64 * 1024).length).isLessThanOrEqualTo(input.length);
                } catch (IOException expected) {
                    // refused: the one allowed way to fail
                }
            });
        }
    }

    @Test
    void anEndlessHeadIsRefusedWithinItsLimit() {
        byte[] endless = ("HTTP/1.1 200 OK\r\n" + "X-Pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(3000)).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> HttpWire.readHead(new ByteArrayInputStream(endless), false)).isInstanceOf(IOException.class)
                .hasMessageContaining("too large");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
