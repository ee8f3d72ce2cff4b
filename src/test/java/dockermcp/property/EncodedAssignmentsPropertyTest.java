package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, the fourth outside test's encodings family: a credential assignment in any decodable encoding is a secret.
 * Random assignments (password, token, URL user info, bearer header, config file; many spellings) are encoded every way
 * a program or a person writes bytes as text (percent-encoding once, twice, three times and in either case; gzip, zlib
 * and raw base64, base64url, base32, UTF-16 in hex and base64, rot13, reversed, ascii85, uuencode, spaced out, octal,
 * x and u escapes, HTML references, SQL hex literals) and planted in a log line, in a log split over
 * lines, and in an environment value: no 8 characters of the encoded secret may remain. Harmless look-alikes (base64 of
 * harmless JSON, gzip of harmless text, digests, encoded URLs, {@code begin} in prose, words whose rot13 is a keyword)
 * stay as they are.
 */
class EncodedAssignmentsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final int ROUNDS = 30;
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /**
     * An encoding: its name, and whether it encodes each character on its own (the keyword stays where it was, and only the
     * encoded secret must go; of a block encoding, the whole run must go).
     */
    record Encoding(String name, boolean perCharacter, Function<String, String> encode) {
    }

    /** An assignment in plain text and the part of it that is the secret. */
    record Plain(String text, String secret) {
    }

    private static final List<Encoding> ENCODINGS = List.of(
            new Encoding("url-structure", true, s -> percent(s, false, false)),
            new Encoding("url-every-byte", true, s -> percent(s, true, false)),
            new Encoding("url-every-byte-lower", true, s -> percent(s, true, true)),
            new Encoding("url-double", true, s -> percent(percent(s, false, false), false, false)),
            new Encoding("url-double-lower", true, s -> percent(percent(s, false, true), false, true)),
            new Encoding("url-triple", true, s -> percent(percent(percent(s, false, false), false, false), false, false)),
            new Encoding("gzip-base64", false, s -> Base64.getEncoder().encodeToString(gzip(s))),
            new Encoding("gzip-base64url", false, s -> Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(s))),
            new Encoding("zlib-base64", false, s -> Base64.getEncoder().encodeToString(zlib(s))),
            new Encoding("gzip-hex", false, s -> HexFormat.of().formatHex(gzip(s))),
            new Encoding("base32", false, s -> base32(s, true)),
            new Encoding("base32-lower-nopad", false, s -> base32(s, false).toLowerCase()),
            new Encoding("base64url-nopad", false, s -> Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(s))),
            new Encoding("base64-utf16le", false, s -> Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_16LE))),
            new Encoding("hex-utf16le", false, s -> HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_16LE))),
            new Encoding("hex-utf16be-upper", false, s -> HexFormat.of().withUpperCase().formatHex(s.getBytes(StandardCharsets.UTF_16BE))),
            new Encoding("rot13", true, EncodedAssignmentsPropertyTest::rot13),
            new Encoding("reversed", true, s -> new StringBuilder(s).reverse().toString()),
            new Encoding("ascii85-adobe", false, s -> "<~" + ascii85(s) + "~>"),
            new Encoding("ascii85-bare", false, EncodedAssignmentsPropertyTest::ascii85),
            new Encoding("uuencode", false, EncodedAssignmentsPropertyTest::uuencode),
            new Encoding("spaced", true, s -> spaced(s, " ")),
            new Encoding("spaced-dash", true, s -> spaced(s, "-")),
            new Encoding("octal-escapes", true, s -> escapes(s, "\\%03o")),
            new Encoding("x-escapes", true, s -> escapes(s, "\\x%02x")),
            new Encoding("u-escapes", true, s -> escapes(s, "\\u%04X")),
            new Encoding("html-decimal", true, s -> escapes(s, "&#%d;")),
            new Encoding("html-hex", true, s -> escapes(s, "&#x%x;")),
            new Encoding("sql-hex", false, s -> "0x" + HexFormat.of().formatHex(utf8(s))),
            new Encoding("sql-hex-upper", false, s -> "X'" + HexFormat.of().withUpperCase().formatHex(utf8(s)) + "'"));

    /** How a log or a value labels an encoded blob (the label says nothing about a secret). */
    private static final List<String> LABELS = List.of("", "blob=", "data: ", "payload(enc) ", "msg=", "[dump] ", "body ", "wstr=", "x=", "-> ");

    private static Plain plain(Random r) {
        String p = password(r);
        String t = chars(r, ALNUM, 32 + r.nextInt(9));
        String user = pick(r, "admin", "app", "deploy", "root", "svc_orders");
        return switch (r.nextInt(16)) {
            case 0 -> new Plain("password=" + p, p);
            case 1 -> new Plain("PASSWORD: " + p, p);
            case 2 -> new Plain("db_password = '" + p + "'", p);
            case 3 -> new Plain("{\"password\":\"" + p + "\",\"user\":\"" + user + "\"}", p);
            case 4 -> new Plain("api_key=" + t, t);
            case 5 -> new Plain("client_secret: " + t, t);
            case 6 -> new Plain("token=" + t, t);
            case 7 -> new Plain("postgres://" + user + ":" + p + "@db.internal:5432/app", p);
            case 8 -> new Plain("Authorization: Bearer " + t, t);
            case 9 -> new Plain("user=" + user + "\npassword=" + p + "\n", p);
            case 10 -> new Plain("export AWS_SECRET_ACCESS_KEY=" + t, t);
            case 11 -> new Plain("[client]\nuser=" + user + "\npasswd=" + p + "\n", p);
            case 12 -> new Plain("PGPASSWORD=" + p, p);
            case 13 -> new Plain("smtp_pass=" + p, p);
            case 14 -> new Plain("Secret=" + t, t);
            default -> new Plain("https://" + user + ":" + p + "@git.example.com/org/repo.git", p);
        };
    }

    @Test
    void anEncodedAssignmentIsHiddenInLogsAndValues() {
        Random r = new Random(7);
        HarmlessText harmless = new HarmlessText(7);
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Encoding e : ENCODINGS) {
                Plain p = plain(r);
                String encoded = e.encode().apply(p.text());
                List<String> needle = e.perCharacter() ? encodedWindows(e, p.secret()) : SecretCorpus.pieces(encoded);
                String label = pick(r, LABELS);
                String line = label + encoded;
                List<String> log = List.of(harmless.logLine(), line, harmless.logLine());
                check(leaks, e, "log", needle, String.join("\n", REDACTOR.lines(splitLines(log))));
                check(leaks, e, "text", needle, REDACTOR.text(harmless.logLine() + " " + line + " " + harmless.logLine()));
                ObjectNode tree = JsonNodeFactory.instance.objectNode();
                tree.putArray("env").add("APP_BLOB=" + encoded);
                tree.putObject("labels").put("com.example.blob", encoded);
                REDACTOR.tree(tree);
                check(leaks, e, "env/label", needle, tree.toString().replace("\\n", "\n").replace("\\\\", "\\").replace("\\\"", "\""));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(ROUNDS * ENCODINGS.size());
        System.out.printf("EncodedAssignmentsPropertyTest: %d of %d encoded secrets hidden (%d encodings)%n", checked - leaks.size(), checked, ENCODINGS.size());
        assertThat(leaks).as("leaks of %d encoded secrets", checked).isEmpty();
    }

    /** Log lines as the engine gives them: a multi-line blob (uuencode, a config file) is one line per line. */
    private static List<String> splitLines(List<String> log) {
        List<String> out = new ArrayList<>();
        log.forEach(l -> out.addAll(List.of(l.split("\n", -1))));
        return out;
    }

    /** Of a per-character encoding, every five characters of the secret as encoded: no two or three of them can be told from other text. */
    private static List<String> encodedWindows(Encoding e, String secret) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 5 <= secret.length(); i++) {
            out.add(e.encode().apply(secret.substring(i, i + 5)));
        }
        return out;
    }

    private static void check(List<String> leaks, Encoding e, String where, List<String> needle, String out) {
        for (String piece : needle) {
            int at = out.indexOf(piece);
            if (at >= 0 && !piece.chars().allMatch(c -> c == piece.charAt(0))) { // AAAAAAAA of a gzip header is also a ruler's
                leaks.add(e.name() + " in " + where + ": '" + piece + "' in ..." + out.substring(Math.max(0, at - 80), Math.min(out.length(), at + 80)));
                return;
            }
        }
    }

    /** Text that looks like the encodings but holds nothing secret. */
    static List<String> harmless(Random r) {
        String json = "{\"logLevel\":\"" + pick(r, "info", "debug", "warn") + "\",\"port\":" + (1024 + r.nextInt(60000)) + ",\"region\":\"eu-west-1\"}";
        String prose = pick(r, "Build finished in 12 s; 3 warnings, 0 errors", "user " + pick(r, "alice", "bob") + " logged out", "PASS src/app.test.js (4 tests)",
                "listening on 0.0.0.0:8080 with 4 workers");
        String url = "https://cdn.example.com/assets/" + pick(r, "main", "vendor") + ".js?v=" + r.nextInt(99) + "&lang=en";
        return List.of(
                "config(b64)=" + Base64.getEncoder().encodeToString(utf8(json)),
                "state=" + Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(json)),
                "H4sI-blob=" + Base64.getEncoder().encodeToString(gzip(prose + "\n" + json)),
                "zlib " + Base64.getEncoder().encodeToString(zlib(prose)),
                "gzip hex " + HexFormat.of().formatHex(gzip(prose)),
                "sha256:" + chars(r, "0123456789abcdef", 64),
                "md5 " + chars(r, "0123456789abcdef", 32) + " size 40" + r.nextInt(9),
                "GET " + percent(url, false, false) + " 200",
                "redirect_uri=" + percent(percent(url, false, false), false, false) + "&state=ok",
                "q=" + percent(prose, true, false),
                "begin " + pick(r, "migration", "transaction", "644 changes") + " at step " + r.nextInt(9),
                "begin 644 report.txt\n" + uuencode(prose).split("\n", 3)[1] + "\n`\nend",
                "ascii85 <~" + ascii85(prose) + "~>",
                "b32 " + base32(prose, true),
                "wstr=" + HexFormat.of().formatHex(prose.getBytes(StandardCharsets.UTF_16LE)),
                "powershell -EncodedCommand " + Base64.getEncoder().encodeToString("Get-Service | Where Status -eq Running".getBytes(StandardCharsets.UTF_16LE)),
                "rot13: " + rot13(prose),
                "reversed: " + new StringBuilder(prose).reverse(),
                "o u t p u t : d o n e   i n   4 s",
                "INSERT INTO blobs VALUES (0x" + HexFormat.of().formatHex(utf8(prose)) + ")",
                "path=\\x2fusr\\x2flocal\\x2fbin mode=\\0755",
                "name=\\u0061\\u0070\\u0070 level=\\u0069nfo",
                "title=&#72;&#101;&#108;&#108;&#111; world",
                // words whose rot13 is a keyword, and keywords reversed by chance
                "cnff rate 98% (PASS 120, FAIL 2)", "frperg shelf nekot list", "the gbxra party; xrl figures", "drowssap reset page visited",
                "status: " + pick(r, "AUTH OK", "token_type=Bearer", "PASS", "passwd changed for " + pick(r, "alice", "bob")),
                "trace " + chars(r, "0123456789abcdef", 32) + " span " + chars(r, "0123456789abcdef", 16),
                "ETag: \"" + chars(r, "0123456789abcdef", 40) + "\"",
                "image " + pick(r, "nginx", "redis") + ":1." + r.nextInt(30) + " pulled in " + r.nextInt(90) + " ms");
    }

    private static final java.util.regex.Pattern BLOB = java.util.regex.Pattern.compile("[A-Za-z0-9+/=_%\\\\-]{24,}|<~");

    @Test
    void harmlessLookAlikesStayVisible() {
        Random r = new Random(11);
        List<String> lost = new ArrayList<>();
        int checked = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (String h : harmless(r)) {
                List<String> lines = List.of(h.split("\n", -1));
                List<String> out = REDACTOR.lines(lines);
                if (!out.equals(lines)) {
                    lost.add(h + "  ->  " + out);
                }
                ObjectNode tree = JsonNodeFactory.instance.objectNode();
                tree.putArray("env").add("APP_DATA=" + h.replace('\n', ' '));
                REDACTOR.tree(tree);
                // a configuration value with a long random-looking run is hidden by design (ConfigValues); the rest must stay
                if (!BLOB.matcher(h).find() && !tree.get("env").get(0).asString().equals("APP_DATA=" + h.replace('\n', ' '))) {
                    lost.add("env: " + h + "  ->  " + tree.get("env").get(0).asString());
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(ROUNDS * harmless(new Random(11)).size());
        System.out.printf("EncodedAssignmentsPropertyTest: %d of %d harmless look-alikes unchanged%n", checked - lost.size(), checked);
        assertThat(lost).as("harmless text hidden").isEmpty();
    }

    /** A stream that inflates past the cap cannot hide a password at its end: it is hidden unread. */
    @Test
    void aDecompressionBombIsHiddenUnread() {
        String bomb = Base64.getEncoder().encodeToString(gzip(" ".repeat(1 << 20) + "password=Walnut-x7Qe9"));
        assertThat(bomb.length()).isLessThan(4096);
        assertThat(REDACTOR.lines(List.of("blob=" + bomb)).get(0)).isEqualTo("blob=" + Redactor.MARK);
    }

    // --- encoders, written here independently of the decoders under test

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String percent(String s, boolean everyByte, boolean lower) {
        StringBuilder sb = new StringBuilder();
        for (byte b : utf8(s)) {
            char c = (char) (b & 0xff);
            boolean keep = !everyByte && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~');
            sb.append(keep ? String.valueOf(c) : String.format(lower ? "%%%02x" : "%%%02X", b & 0xff));
        }
        return sb.toString();
    }

    static byte[] gzip(String s) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(utf8(s));
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] zlib(String s) {
        Deflater d = new Deflater();
        d.setInput(utf8(s));
        d.finish();
        byte[] buf = new byte[s.length() * 2 + 64];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }

    static String base32(String s, boolean pad) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] b = utf8(s);
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte x : b) {
            buffer = buffer << 8 | (x & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(alphabet.charAt(buffer >> (bits - 5) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(alphabet.charAt(buffer << (5 - bits) & 31));
        }
        while (pad && sb.length() % 8 != 0) {
            sb.append('=');
        }
        return sb.toString();
    }

    static String rot13(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c >= 'a' && c <= 'z' ? (char) ('a' + (c - 'a' + 13) % 26) : c >= 'A' && c <= 'Z' ? (char) ('A' + (c - 'A' + 13) % 26) : c);
        }
        return sb.toString();
    }

    static String ascii85(String s) {
        byte[] b = utf8(s);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i += 4) {
            int n = Math.min(4, b.length - i);
            long v = 0;
            for (int k = 0; k < 4; k++) {
                v = v << 8 | (k < n ? b[i + k] & 0xff : 0);
            }
            if (v == 0 && n == 4) {
                sb.append('z');
                continue;
            }
            char[] out = new char[5];
            for (int k = 4; k >= 0; k--) {
                out[k] = (char) ('!' + v % 85);
                v /= 85;
            }
            sb.append(out, 0, n + 1);
        }
        return sb.toString();
    }

    static String uuencode(String s) {
        byte[] b = utf8(s);
        StringBuilder sb = new StringBuilder("begin 644 cred.txt\n");
        for (int i = 0; i < b.length; i += 45) {
            int n = Math.min(45, b.length - i);
            sb.append((char) (32 + n));
            for (int k = 0; k < n; k += 3) {
                int v = 0;
                for (int j = 0; j < 3; j++) {
                    v = v << 8 | (k + j < n ? b[i + k + j] & 0xff : 0);
                }
                for (int j = 3; j >= 0; j--) {
                    int c = v >> (6 * j) & 63;
                    sb.append(c == 0 ? '`' : (char) (32 + c));
                }
            }
            sb.append('\n');
        }
        return sb.append("`\nend").toString();
    }

    static String spaced(String s, String sep) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\n') {
                sb.append('\n');
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                sb.append(sep);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static String escapes(String s, String format) {
        StringBuilder sb = new StringBuilder();
        for (byte b : utf8(s)) {
            sb.append(String.format(format, b & 0xff));
        }
        return sb.toString();
    }

    static String password(Random r) {
        return pick(r, "Walnut", "Harbor", "Copper", "Lanyard", "Meadow") + pick(r, "-", "_", "!", "#", "") + chars(r, ALNUM, 6) + r.nextInt(100)
                + pick(r, "", "!", "?", "%", "+");
    }

    static String chars(Random r, String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @SafeVarargs
    static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }
}
