package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, the seventh outside test's layouts: a secret's name on one line and its value on the next through the wrapper
 * both lines carry (a log prefix with its own time stamp, a JSON record, a box, an element pair, a Ruby hash arrow), a
 * value alone in a table row or a JSON value cut from its name, bytes printed as a dump ({@code hexdump -C}, {@code xxd},
 * {@code tcpdump -X}, {@code od -c}) with the secret cut over rows, connection strings that brace or quote a password
 * ({@code Pwd={a;b}}, {@code user/"p@ss"@//host}); and their harmless look-alikes, which stay as they are (also an object
 * store's {@code key=} that names a file).
 */
class LinePairsAndDumpsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final int ROUNDS = 200;
    private static final String SYMBOLS = "!#%*+-._";

    @Test
    void aValueOnTheLineAfterItsNameIsHiddenThroughTheWrapperBothLinesCarry() {
        Gen g = new Gen(801);
        for (int i = 0; i < ROUNDS * 2; i++) {
            String name = g.pick("password", "admin password", "root password", "DB_PASSWORD", "apiKey", "api key", "secret", "client secret",
                    "token", "access token", "passphrase", "Password", "PASSWORD", "generated password", "credentials");
            String value = secret(g);
            String[] pair = wrapped(g, name, value, g.between(0, 8));
            assertHidden(pair[0] + "\n" + pair[1], value);
        }
    }

    @Test
    void harmlessLinePairsOfTheSameLayoutsStay() {
        Gen g = new Gen(802);
        for (int i = 0; i < ROUNDS * 2; i++) {
            // a secret word not last in the name, or a value anyone prints: a word, a number, a duration, a URL, a key, a sentence
            boolean plainValue = g.bool();
            String name = plainValue ? g.pick("password", "DB_PASSWORD", "token", "secret", "api key")
                    : g.pick("password length", "token expiry", "tokens used", "password_policy", "secret rotation", "key count", "connected",
                            "keyspace", "password reset requested by");
            String value = plainValue ? g.pick("changed", "Done.", "OK", "12", "30s", "db_password",
                    "not set", "2026-11-30T10:00:01Z", "https://vault.example.com/ui", "v1.2.3", "REDACTED", "********", "true", "updated")
                    : g.pick("strict", "12", "7d", "web-" + g.between(1, 9), "ok", "enabled");
            // a plain value after a name with ':' is the keyword rules' to judge (they hide most values after "secret:", on either line)
            String[] pair = plainValue ? wrapped(g, name, value, g.between(3, 5)) : wrapped(g, name, value, g.between(0, 8));
            String text = pair[0] + "\n" + pair[1];
            assertThat(String.join("\n", REDACTOR.lines(List.of(pair)))).as(text).isEqualTo(text);
        }
    }

    /** The name line and the value line in one of the layouts a real program prints. */
    private static String[] wrapped(Gen g, String name, String value, int layout) {
        String level = g.pick("INFO ", "INFO", "WARN ", "info", "I");
        return switch (layout) {
            case 0 -> {
                String p = "2026-11-%02dT10:%02d:%02dZ %s %s: ".formatted(g.between(10, 30), g.between(10, 59), g.between(10, 58), level,
                        g.pick("bootstrap", "main", "setup", "c.e.App"));
                yield new String[] {p + g.pick("generated ", "initial ", "") + name + ":", p.replace("0Z", "1Z") + value};
            }
            case 1 -> {
                int ms = g.between(100, 899);
                yield new String[] {"I1130 10:00:01.%d main.go:%d] %s:".formatted(ms, g.between(10, 99), name),
                    "I1130 10:00:01.%d main.go:%d] %s".formatted(ms + 1, g.between(10, 99), value)};
            }
            case 2 -> {
                String field = g.pick("msg", "message", "text", "log");
                String head = "{\"level\":\"" + level.trim() + "\",\"" + field + "\":\"";
                yield new String[] {head + name + ":\"}", head + value + "\"}"};
            }
            case 3 -> {
                int width = Math.max(name.length(), value.length()) + g.between(1, 20);
                yield new String[] {"| " + pad(name, width) + " |", "| " + pad(value, width) + " |"};
            }
            case 4 -> {
                String[] tags = g.pick(new String[] {"td", "td"}, new String[] {"th", "td"}, new String[] {"dt", "dd"}, new String[] {"key", "string"});
                yield new String[] {(tags[0].equals("td") ? "<tr>" : "") + "<" + tags[0] + ">" + name + "</" + tags[0] + ">",
                    g.pick("", "  ", "\t") + "<" + tags[1] + ">" + value + "</" + tags[1] + ">" + (tags[1].equals("td") ? "</tr>" : "")};
            }
            case 5 -> new String[] {":" + name.replace(' ', '_'), "  => \"" + value + "\""};
            case 6 -> {
                String p = "Nov 30 10:00:0%d web-%d app[%d]: ".formatted(g.between(1, 8), g.between(1, 9), g.between(100, 999));
                yield new String[] {p + name + ":", p + value};
            }
            default -> new String[] {"[setup] " + name + " =", "[setup] " + value};
        };
    }

    /** The value line alone, its name line cut off by a tail window: inside the wrapper a reader knows, a generated value goes. */
    @Test
    void aValueLineWhoseNameLineWasCutOffIsHiddenInsideItsWrapper() {
        Gen g = new Gen(807);
        for (int i = 0; i < ROUNDS; i++) {
            String value = g.bool() ? secret(g) : g.string(Gen.UPPER, 2, 2) + g.string(Gen.LOWER, 3, 3) + g.string(Gen.DIGITS, 2, 2) + g.pick(".", "_", "-")
                    + g.string(Gen.LOWER, 3, 3) + g.string(Gen.UPPER, 2, 3) + g.string(Gen.DIGITS, 1, 1) + g.string(Gen.ALNUM, 3, 4);
            String[] pair = wrapped(g, "password", value, g.pick(0, 1, 2, 4, 5, 6));
            assertHidden(pair[1], value);
        }
        for (String word : List.of("OpenJDK17U-jdk_x64_linux", "ConnectionEstablished", "7f3a9c2e-1b2c-4d5e-8f90-a1b2c3d4e5f6", "Europe/Berlin",
                "web-1.eu-central-1.example.net", "v1.27.3-alpine", "Started", "/var/lib/postgresql/data", "HikariPool-1")) {
            for (int layout : new int[] {0, 1, 2, 4, 5, 6}) {
                String line = wrapped(g, "status", word, layout)[1];
                assertThat(REDACTOR.lines(List.of(line)).get(0)).as(line).isEqualTo(line);
            }
        }
    }

    @Test
    void aPasswordAloneInATableRowOrAJsonValueCutFromItsNameIsHidden() {
        Gen g = new Gen(803);
        for (int i = 0; i < ROUNDS; i++) {
            String value = secret(g);
            assertHidden("| " + g.pick("admin", "root", "deploy") + g.between(1, 99) + "   | " + value + " |", value);
            assertHidden(" \"" + value + "\"" + g.pick("}", ",", " }"), value);
        }
        for (String harmless : List.of("| web-1 | Up 2 hours | 0.0.0.0:80->80/tcp |", "| OpenJDK17U | 17.0.9+9 | linux-x64 |",
                " \"Microsoft.Extensions.Logging\",", " \"nginx:1.27-alpine\"}", "| orders | 3 | 2026-11-30T10:00:01Z |")) {
            assertThat(REDACTOR.lines(List.of(harmless)).get(0)).isEqualTo(harmless);
        }
    }

    @Test
    void aSecretCutOverTheRowsOfAByteDumpIsHidden() {
        Gen g = new Gen(804);
        for (int i = 0; i < ROUNDS; i++) {
            String value = secret(g) + g.string(Gen.ALNUM, 4, 12);
            byte[] payload = switch (g.between(0, 4)) {
                case 0 -> ("POST /api/" + g.pick("login", "session", "auth") + " HTTP/1.1\r\nHost: app\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n"
                        + "username=" + g.pick("app", "admin", "ops") + "&password=" + value).getBytes(StandardCharsets.US_ASCII);
                case 1 -> ("GET /v1/" + g.pick("orders", "users") + " HTTP/1.1\r\nHost: api\r\nAuthorization: Bearer " + value + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                case 2 -> ("*2\r\n$4\r\nAUTH\r\n$" + value.length() + "\r\n" + value + "\r\n").getBytes(StandardCharsets.US_ASCII);
                case 3 -> socks5(g.pick("app", "deploy", "svc") + g.between(1, 999), value);
                default -> ("USER " + g.pick("ftp", "backup") + "\r\nPASS " + value + "\r\n").getBytes(StandardCharsets.US_ASCII);
            };
            String dump = dump(g, payload);
            assertHidden(g.pick("", "tcpdump: captured\n", "socks5 auth subnegotiation:\n") + dump, value);
        }
        for (int i = 0; i < ROUNDS / 2; i++) { // requests without a credential, and random bytes: the dump stays whole
            byte[] payload = g.bool()
                    ? ("GET /" + g.pick("healthz", "metrics", "api/v1/orders/" + g.between(1, 9999)) + " HTTP/1.1\r\nHost: " + g.pick("app", "web-1")
                            + "\r\nUser-Agent: curl/8." + g.between(0, 9) + ".0\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII)
                    : binary(g); // a binary frame: lengths, flags, a word or two
            String dump = dump(g, payload);
            assertThat(String.join("\n", REDACTOR.lines(List.of(dump.split("\n", -1))))).as(dump).isEqualTo(dump);
        }
    }

    @Test
    void aPasswordInBracesOrQuotesInAConnectionStringIsHidden() {
        Gen g = new Gen(805);
        for (int i = 0; i < ROUNDS; i++) {
            String password = g.string(Gen.ALNUM, 4, 8) + g.pick(";", "@", "/", "}}", "=") + g.string(Gen.ALNUM + SYMBOLS, 8, 14);
            String odbc = "Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql" + g.between(1, 9) + ",1433;Database=erp;" + g.pick("Uid", "UID", "User Id")
                    + "=batch" + g.between(1, 999) + ";" + g.pick("Pwd", "PWD", "Password") + "={" + password + "};Encrypt=yes";
            assertHidden(odbc, password.replace("}}", "}"));
            assertThat(REDACTOR.envEntry(g.pick("ERP_ODBC", "CONNECTION", "SETTING_7") + "=" + odbc)).doesNotContain(password.substring(password.length() - 8));
            String quoted = g.string(Gen.ALNUM, 4, 8) + g.pick("@", "/", "#", "+") + g.string(Gen.ALNUM + SYMBOLS, 8, 12);
            String oracle = "jdbc:oracle:thin:" + g.pick("ops", "report", "app") + g.between(1, 999) + "/\"" + quoted + "\"@//ora" + g.between(1, 9)
                    + ".example.com:1521/ERP";
            assertHidden(g.pick("", "HikariPool-1 - jdbcUrl....", "url=") + oracle, quoted);
        }
        for (String harmless : List.of("Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql01,1433;Database=erp;Encrypt=yes",
                "log.info(\"password={password}\")", "https://shop.example.org/checkout/success?session_id={CHECKOUT_SESSION_ID}", "url=jdbc:oracle:thin:@//ora01.example.com:1521/ERP")) {
            assertThat(REDACTOR.lines(List.of(harmless)).get(0)).isEqualTo(harmless);
        }
        for (String options : List.of("abortConnect=false", "abortConnect=false,connectTimeout=5000,ssl=true", "connectRetry=3,syncTimeout=2000")) {
            String entry = "ConnectionStrings__Redis=redis-primary:6379," + options;
            assertThat(REDACTOR.envEntry(entry)).isEqualTo(entry);
        }
        assertThat(REDACTOR.envEntry("ConnectionStrings__Redis=redis-primary:6379,password=Cobalt.willow404,ssl=true")).doesNotContain("willow404");
    }

    @Test
    void anObjectKeyThatNamesAFileStaysAndARandomKeyUnderKeyGoes() {
        Gen g = new Gen(806);
        for (int i = 0; i < ROUNDS; i++) {
            String path = g.pick("2026/11/" + g.between(10, 30), "uploads/avatars", "exports/orders/daily", "backups/db-" + g.between(1, 9)) + "/"
                    + g.pick("export", "42", "dump-" + g.between(1, 99), "part-0000" + g.between(0, 9)) + g.pick(".csv", ".png", ".json.gz", ".parquet");
            String line = g.pick("S3 PutObject ok bucket=orders-exports key=%s etag=\"%s\"", "minio: GET object key=%s (%s)", "uploaded key=%s md5=%s")
                    .formatted(path, g.string("0123456789abcdef", 32, 32));
            assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
            String secret = g.string(Gen.ALNUM, 12, 12) + "/" + g.string(Gen.ALNUM + "+", 27, 27); // an AWS secret key's shape
            assertHidden("loaded key=" + secret, secret);
        }
    }

    /** In a configuration value, an option's CamelCase name and its value are judged apart: ssh -o options stay, a key after a name goes. */
    @Test
    void anOptionNameAndItsValueAreJudgedApartInAConfigurationValue() {
        Gen g = new Gen(808);
        for (int i = 0; i < ROUNDS; i++) {
            StringBuilder command = new StringBuilder("ssh");
            for (int k = g.between(1, 3); k > 0; k--) {
                command.append(" -o ").append(g.pick("StrictHostKeyChecking=accept-new", "StrictHostKeyChecking=no", "UserKnownHostsFile=/dev/null",
                        "ServerAliveInterval=" + g.between(10, 120), "PreferredAuthentications=publickey", "IdentitiesOnly=yes", "ConnectTimeout=" + g.between(5, 30),
                        "LogLevel=ERROR", "ControlPersist=" + g.between(1, 10) + "m"));
            }
            String entry = g.pick("GIT_SSH_COMMAND", "RSYNC_RSH", "SSH_OPTS") + "=" + command;
            assertThat(REDACTOR.envEntry(entry)).isEqualTo(entry);
            String key = g.string(Gen.ALNUM, 20, 32) + g.string(Gen.DIGITS, 1, 2);
            assertThat(REDACTOR.envEntry("OPTS=" + g.pick("Secret", "ClientToken", "Value", "x") + "=" + key)).doesNotContain(key.substring(0, 12));
        }
    }

    /**
     * The eighth outside test's structures: a secret named by a subscript (Lua, Python, PHP, Ruby), by a credential's
     * {@code "type"} member (Keycloak), or by the word for secret in Italian, Spanish, Portuguese, Polish, German; and
     * their harmless neighbours.
     */
    @Test
    void aSecretNamedBySubscriptTypeMemberOrForeignWordIsHidden() {
        Gen g = new Gen(810);
        for (int i = 0; i < ROUNDS; i++) {
            String value = secret(g);
            String name = g.pick("password", "db_password", "api_key", "secret", "auth_token");
            String q = g.pick("\"", "'");
            String subscript = g.pick("config = { [%1$s%2$s%1$s] = %1$s%3$s%1$s, [%1$shost%1$s] = %1$sdb%1$s }", "db[%1$s%2$s%1$s] = %1$s%3$s%1$s",
                    "$cfg[%1$s%2$s%1$s] = %1$s%3$s%1$s;", "settings[%1$s%2$s%1$s]=%1$s%3$s%1$s").formatted(q, name, value);
            assertHidden(subscript, value);
            String sep = g.pick(":", ": ");
            String keycloak = "{\"credentials\":" + g.pick("", " ") + "[{" + g.pick("", "\"temporary\"" + sep + "false,") + "\"type\"" + sep + "\"password\","
                    + "\"value\"" + sep + "\"" + value + "\"" + g.pick("", ",\"temporary\"" + sep + "true") + "}]}";
            assertHidden(keycloak, value);
            String foreign = g.pick("SEGRETO", "DB_SECRETO", "SEGREDO_APP", "SEKRET", "APP_GEHEIMNIS") + "=" + g.pick("Mango.sable721?", value);
            assertThat(REDACTOR.envEntry(foreign)).endsWith("=[REDACTED]");
        }
        for (String harmless : List.of("config = { [\"host\"] = \"db\", [\"port\"] = 5432 }", "cfg['timeout'] = '30'",
                "{\"type\":\"string\",\"value\":\"hello world\"}", "{\"type\": \"otp\", \"value\": null}")) {
            assertThat(REDACTOR.lines(List.of(harmless)).get(0)).isEqualTo(harmless);
        }
    }

    /** The eighth outside test's false positives: a flag under a secret's name, a revision in hex under a version's name. */
    @Test
    void aFlagUnderASecretsNameAndARevisionUnderAVersionsNameAreShown() {
        Gen g = new Gen(811);
        for (int i = 0; i < ROUNDS; i++) {
            String flag = g.pick("MYSQL_ONETIME_PASSWORD", "MYSQL_ALLOW_EMPTY_PASSWORD", "REQUIRE_TOKEN", "ROTATE_SECRET") + "=" + g.pick("yes", "no", "true", "FALSE", "on");
            assertThat(REDACTOR.envEntry(flag)).isEqualTo(flag);
            String revision = g.pick("SOURCE_VERSION", "BUILD_REVISION", "GIT_COMMIT", "APP_SHA") + "=" + g.string("0123456789abcdef", 40, 40);
            assertThat(REDACTOR.envEntry(revision)).isEqualTo(revision);
            String key = g.string(Gen.ALNUM, 20, 30) + g.string(Gen.DIGITS, 2, 2);
            assertThat(REDACTOR.envEntry("GIT_COMMIT=" + key)).isEqualTo("GIT_COMMIT=[REDACTED]"); // a random key is no revision
        }
    }

    // --- dumps as the tools print them

    private static String dump(Gen g, byte[] b) {
        return switch (g.between(0, 3)) {
            case 0 -> hexdumpC(b);
            case 1 -> xxd(b, g.pick(8, 16, 16, 32));
            case 2 -> tcpdumpX(b);
            default -> odC(b);
        };
    }

    private static String hexdumpC(byte[] b) {
        List<String> rows = new ArrayList<>();
        for (int off = 0; off < b.length; off += 16) {
            StringBuilder hex = new StringBuilder();
            StringBuilder chars = new StringBuilder();
            for (int k = off; k < Math.min(b.length, off + 16); k++) {
                hex.append("%02x ".formatted(b[k] & 0xff));
                if (k - off == 7) {
                    hex.append(' ');
                }
                chars.append(printable(b[k]));
            }
            rows.add("%08x  %-49s |%s|".formatted(off, hex, chars));
        }
        return String.join("\n", rows);
    }

    private static String xxd(byte[] b, int perRow) {
        List<String> rows = new ArrayList<>();
        for (int off = 0; off < b.length; off += perRow) {
            StringBuilder hex = new StringBuilder();
            StringBuilder chars = new StringBuilder();
            for (int k = off; k < Math.min(b.length, off + perRow); k++) {
                hex.append(HexFormat.of().toHexDigits(b[k]));
                if ((k - off) % 2 == 1) {
                    hex.append(' ');
                }
                chars.append(printable(b[k]));
            }
            rows.add(("%08x: %-" + (perRow * 5 / 2) + "s %s").formatted(off, hex, chars));
        }
        return String.join("\n", rows);
    }

    private static String tcpdumpX(byte[] b) {
        return String.join("\n", xxd(b, 16).lines().map(row -> "\t0x" + row.substring(4, 8) + ": " + row.substring(9)).toList());
    }

    private static String odC(byte[] b) {
        List<String> rows = new ArrayList<>();
        for (int off = 0; off < b.length; off += 16) {
            StringBuilder fields = new StringBuilder();
            for (int k = off; k < Math.min(b.length, off + 16); k++) {
                int c = b[k] & 0xff;
                fields.append(c == '\n' ? "  \\n" : c == '\r' ? "  \\r" : c >= 32 && c < 127 ? "   " + (char) c : " %03o".formatted(c));
            }
            rows.add("%07o%s".formatted(off, fields));
        }
        return String.join("\n", rows);
    }

    private static byte[] binary(Gen g) {
        StringBuilder b = new StringBuilder();
        for (int k = g.between(4, 12); k > 0; k--) {
            b.append((char) g.between(0, 31)).append((char) g.between(128, 255)).append(g.pick("ok", "ping", "orders", "", "v2", "\0\0"));
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static char printable(byte b) {
        return b >= 32 && b < 127 ? (char) b : '.';
    }

    private static byte[] socks5(String user, String password) {
        byte[] u = user.getBytes(StandardCharsets.US_ASCII);
        byte[] p = password.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[3 + u.length + p.length];
        out[0] = 1;
        out[1] = (byte) u.length;
        System.arraycopy(u, 0, out, 2, u.length);
        out[2 + u.length] = (byte) p.length;
        System.arraycopy(p, 0, out, 3 + u.length, p.length);
        return out;
    }

    // --- helpers

    /** A generated password or key: capitals, small letters, digits, sometimes a symbol, or a random key. */
    private static String secret(Gen g) {
        return switch (g.between(0, 2)) {
            case 0 -> g.string(Gen.UPPER, 2, 2) + g.string(Gen.LOWER, 3, 3) + g.string(Gen.DIGITS, 2, 2) + g.pick("!", "#", "_", ".", "-", "*", "%", "+")
                    + g.string(Gen.LOWER, 3, 3) + g.string(Gen.UPPER, 2, 3) + g.string(Gen.DIGITS, 1, 1) + g.string(Gen.ALNUM, 3, 4);
            case 1 -> g.string(Gen.ALNUM, 16, 36) + g.string(Gen.DIGITS, 1, 2) + g.string(Gen.ALNUM, 3, 3); // a random key holds digits
            default -> g.pick("Cobalt", "Maple", "Violet", "Harbor") + g.pick(".", "-", "_") + g.pick("willow", "ember", "quartz") + g.between(100, 9999);
        };
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    static void assertHidden(String text, String secret) {
        String lines = String.join("\n", REDACTOR.lines(List.of(text.split("\n", -1))));
        String whole = REDACTOR.text(text);
        for (int at = 0; at + 8 <= secret.length(); at += 2) {
            String piece = secret.substring(at, at + 8);
            assertThat(lines).as(text).doesNotContain(piece);
            assertThat(whole).as(text).doesNotContain(piece);
        }
    }
}
