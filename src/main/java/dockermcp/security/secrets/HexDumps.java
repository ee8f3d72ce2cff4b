package dockermcp.security.secrets;

/**
 * Bytes printed as a dump, a few to a row: {@code hexdump -C} ({@code 00000000  50 4f 53 54 …  |POST …|}), {@code xxd}
 * ({@code 00000000: 0106 6170 …  ..app}), {@code tcpdump -X} ({@code 0x0030:  4175 7468 …  Auth}), {@code od -c}
 * ({@code 0000000   A   U   T   H}). The rows of a dump are decoded and joined, so a token cut by a row is whole again,
 * control bytes read as line breaks (a binary protocol's length bytes part its fields), and the joined text is read by the
 * whole detector; every row holding part of a secret loses its bytes and its character column, its offset stays. A SOCKS5
 * user/password sub-negotiation (RFC 1929: 1, length, user, length, password) has its password found by its structure.
 * A row is known by its first characters: other lines cost a look at a few.
 */
final class HexDumps {

    private static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_ROW_BYTES = 64;
    private static final int MIN_ROW_BYTES = 4;

    private HexDumps() {
    }

    static void find(char[] t, Spans spans) {
        int n = t.length;
        int ls = 0;
        while (ls < n) {
            int le = NextLineValues.lineEnd(t, ls);
            Row first = Row.at(t, ls, le, MIN_ROW_BYTES);
            ls = first == null ? le + 1 : block(t, first, spans);
        }
    }

    /** Reads the rows of one dump from its first row; returns where the text after the dump starts. */
    private static int block(char[] t, Row first, Spans spans) {
        StringBuilder bytes = new StringBuilder();
        java.util.List<Row> rows = new java.util.ArrayList<>();
        Row row = first;
        int next = first.lineEnd + 1;
        while (row != null && row.od == first.od && bytes.length() < MAX_BYTES) {
            row.decodedStart = bytes.length();
            row.decode(t, bytes);
            rows.add(row);
            next = row.lineEnd + 1;
            row = next < t.length ? Row.at(t, next, NextLineValues.lineEnd(t, next), 1) : null; // the last row of a dump may hold one byte
        }
        if (bytes.length() >= 8) {
            hide(bytes, rows, spans);
        }
        return next;
    }

    /** Hides every row that holds a part of a secret the joined bytes show. */
    private static void hide(StringBuilder bytes, java.util.List<Row> rows, Spans spans) {
        char[] raw = new char[bytes.length()];
        bytes.getChars(0, raw.length, raw, 0);
        char[] text = raw.clone();
        for (int i = 0; i < text.length; i++) {
            if (text[i] < 0x20 && text[i] != '\t' && text[i] != '\r' && text[i] != '\n' || text[i] >= 0x7f) {
                text[i] = '\n'; // a length or type byte parts the fields of a binary protocol, as a line break does
            }
        }
        int[] found = SecretDetector.RULES_ONLY.find(new String(text)).merged();
        int socks = socks5Password(raw);
        int[] all = socks < 0 ? found : append(found, socks, raw.length);
        for (int k = 0; k < all.length; k += 2) {
            for (Row r : rows) {
                int end = r.decodedStart + r.decodedLength;
                if (r.decodedStart < all[k + 1] && all[k] < end) {
                    spans.add(r.dataStart, r.lineEnd);
                }
            }
        }
    }

    /** Where the password of a SOCKS5 user/password request starts, or -1 (it runs to the end of the bytes). */
    private static int socks5Password(char[] b) {
        if (b[0] != 1 || b.length < 3) {
            return -1;
        }
        int userLength = b[1];
        int p = 2 + userLength;
        return userLength > 0 && p + 1 < b.length && b[p] > 0 && p + 1 + b[p] >= b.length ? p + 1 : -1; // a cut dump: the rest
    }

    private static int[] append(int[] spans, int from, int to) {
        int[] out = java.util.Arrays.copyOf(spans, spans.length + 2);
        out[spans.length] = from;
        out[spans.length + 1] = to;
        return out;
    }

    /** One row: where its bytes start on the line (after the offset), and how it is written. */
    private static final class Row {
        final int dataStart;
        final int lineEnd;
        final boolean od;
        int decodedStart;
        int decodedLength;

        private Row(int dataStart, int lineEnd, boolean od) {
            this.dataStart = dataStart;
            this.lineEnd = lineEnd;
            this.od = od;
        }

        /** The row at [ls, le) with at least min bytes, or null when the line is not one. */
        static Row at(char[] t, int ls, int le, int min) {
            int i = ls;
            while (i < le && (t[i] == ' ' || t[i] == '\t') && i - ls < 8) {
                i++;
            }
            if (i + 1 < le && t[i] == '0' && t[i + 1] == 'x') {
                i += 2;
            }
            int os = i;
            boolean octal = true;
            while (i < le && hex(t[i]) && i - os <= 16) {
                octal &= t[i] <= '7' && t[i] >= '0';
                i++;
            }
            if (i - os < 4 || i - os > 16) {
                return null;
            }
            if (i < le && t[i] == ':') {
                i++;
            }
            if (i >= le || t[i] != ' ' && t[i] != '\t') {
                return null;
            }
            int end = NextLineValues.trimEnd(t, i, le);
            if (octal && i - os == 7 && odFields(t, i, end) >= min) {
                return new Row(i, le, true);
            }
            int ds = i;
            while (ds < le && (t[ds] == ' ' || t[ds] == '\t') && ds - i < 4) {
                ds++;
            }
            return hexBytes(t, ds, le, null) >= min ? new Row(ds, le, false) : null;
        }

        void decode(char[] t, StringBuilder out) {
            int before = out.length();
            if (od) {
                odDecode(t, dataStart, NextLineValues.trimEnd(t, dataStart, lineEnd), out);
            } else {
                hexBytes(t, dataStart, lineEnd, out);
            }
            decodedLength = out.length() - before;
        }
    }

    /**
     * The bytes of hex groups (2, 4 or 8 digits, one width, apart by one blank; hexdump -C's two blanks after 8 bytes) from
     * ds, appended to out when it is not null; stops at the character column, which two blanks or more set apart.
     */
    private static int hexBytes(char[] t, int ds, int le, StringBuilder out) {
        int i = ds;
        int width = 0;
        int bytes = 0;
        while (i < le && bytes < MAX_ROW_BYTES) {
            int g = i;
            while (g < le && hex(t[g]) && g - i <= 8) {
                g++;
            }
            int w = g - i;
            if (w == 0 || w % 2 != 0 || w > 8 || width != 0 && w > width || g < le && t[g] != ' ' && t[g] != '\t') {
                break;
            }
            if (width != 0 && w < width) { // only the last group of a row may be short (xxd of an odd count)
                if (!restIsColumn(t, g, le)) {
                    break;
                }
            }
            width = width == 0 ? w : width;
            if (out != null) {
                for (int k = i; k < g; k += 2) {
                    out.append((char) (Character.digit(t[k], 16) << 4 | Character.digit(t[k + 1], 16)));
                }
            }
            bytes += w / 2;
            int b = g;
            while (b < le && (t[b] == ' ' || t[b] == '\t')) {
                b++;
            }
            if (b - g == 1 || b - g == 2 && width == 2 && bytes == 8) {
                i = b;
            } else {
                break;
            }
        }
        return bytes;
    }

    /** After a group, two blanks or more (then the character column) or the end of the line. */
    private static boolean restIsColumn(char[] t, int g, int le) {
        return g == le || g + 1 < le && (t[g] == ' ' || t[g] == '\t') && (t[g + 1] == ' ' || t[g + 1] == '\t');
    }

    /** How many od -c fields of four characters run from i to end (a character, an escape or three octal digits each), or 0. */
    private static int odFields(char[] t, int i, int end) {
        int fields = 0;
        while (i < end) {
            int w = Math.min(4, end - i);
            if (odChar(t, i, w) < 0) {
                return 0;
            }
            fields++;
            i += 4;
        }
        return fields;
    }

    private static void odDecode(char[] t, int i, int end, StringBuilder out) {
        while (i < end) {
            int c = odChar(t, i, Math.min(4, end - i));
            out.append((char) Math.max(c, 0));
            i += 4;
        }
    }

    /** The byte an od -c field of width w at i stands for, or -1. */
    private static int odChar(char[] t, int i, int w) {
        int blanks = 0;
        while (blanks < w && t[i + blanks] == ' ') {
            blanks++;
        }
        int rest = w - blanks;
        if (w < 4 && rest == 0 || w == 4 && blanks == 4) {
            return ' ';
        }
        if (w == 4 && blanks == 3 && t[i + 3] > ' ' && t[i + 3] < 0x7f) {
            return t[i + 3];
        }
        if (w == 4 && blanks == 2 && t[i + 2] == '\\') {
            return switch (t[i + 3]) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case '0' -> 0;
                case 'a', 'b', 'f', 'v' -> 1;
                default -> -1;
            };
        }
        if (w == 4 && blanks == 1 && octal(t[i + 1]) && octal(t[i + 2]) && octal(t[i + 3])) {
            return ((t[i + 1] - '0') << 6 | (t[i + 2] - '0') << 3 | t[i + 3] - '0') & 0xff;
        }
        return -1;
    }

    private static boolean octal(char c) {
        return c >= '0' && c <= '7';
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
