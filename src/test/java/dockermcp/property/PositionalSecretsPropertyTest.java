package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, the ninth outside test's patterns 5 and 6: secrets that no keyword points at (an argument of a call, a
 * constructor or an RPC whose name says credentials, an argv list printed with commas, a terminal recording's input after a
 * prompt, a {@code DOMAIN/user:X@host} target, a program's short flag), a table row or a lone value line read without its
 * name line (a tail window, one stream), partial hiding (HOCON substitutions, folded iCalendar lines, a sentence naming the
 * key, HomeKit setup URIs), and the false positives next to them (a quoted name after {@code KeyError:}, a user name after
 * {@code passwd}). Random names, programs, positions, values and carriers; and the same shapes holding harmless data.
 */
class PositionalSecretsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final int ROUNDS = 300;
    private static final String SYMBOLS = "!#$%^&*?~+._-";

    /** A generated password: capitals, small letters, digits and often a symbol, in random order, 12 to 40 characters. */
    static String password(Gen g) {
        if (g.bool()) {
            return g.string(Gen.UPPER, 1, 2) + g.string(Gen.LOWER, 3, 4) + g.string(Gen.DIGITS, 2, 2) + g.pick("!", "#", "_", ".", "-", "*", "%", "+", "~")
                    + g.string(Gen.LOWER, 2, 4) + g.string(Gen.UPPER, 2, 5) + g.string(Gen.DIGITS, 1, 2) + g.string(Gen.ALNUM, 2, 4);
        }
        StringBuilder sb = new StringBuilder();
        int n = g.between(12, 40);
        String all = Gen.ALNUM + (g.bool() ? SYMBOLS : "");
        sb.append(g.string(Gen.UPPER, 1, 1)).append(g.string(Gen.LOWER, 1, 1)).append(g.string(Gen.DIGITS, 1, 1));
        while (sb.length() < n) {
            sb.append(all.charAt(g.between(0, all.length() - 1)));
        }
        return sb.toString();
    }

    /**
     * A generated password as a table cell carries it: random classes in random order, with the case changes of random
     * text (two small letters followed by a capital; one of them and a symbol).
     */
    static String rowPassword(Gen g) {
        String p = password(g);
        int at = g.between(1, p.length() - 1);
        return p.substring(0, at) + g.string(Gen.LOWER, 1, 2) + g.string(Gen.UPPER, 1, 2) + p.substring(at) + g.string(Gen.LOWER, 1, 1) + g.string(Gen.UPPER, 1, 1);
    }

    private static String credentialCallee(Gen g) {
        String stem = g.pick("Db", "Auth", "Login", "User", "Credential", "Secret", "Connection", "Account", "Vault", "Token", "Database", "Pass");
        String tail = g.pick("Settings", "Config", "Info", "Params", "Options", "Request", "Spec", "Record", "Data", "");
        return g.pick("", "app.", "com.acme.", "svc_") + (g.bool() ? stem + tail : stem.toLowerCase() + "_" + tail.toLowerCase());
    }

    private static String host(Gen g) {
        return g.pick("pg01", "db.internal", "10.0.0." + g.between(1, 250), "mysql-" + g.between(1, 9), "redis.svc.cluster.local");
    }

    private static String user(Gen g) {
        return g.pick("app", "etl", "svc", "ops", "bi", "edge", "deploy") + g.between(1, 999);
    }

    private static String prefix(Gen g) {
        return g.pick("", "2026-11-30T10:00:0" + g.between(0, 9) + "Z INFO ", "Nov 30 10:00:08 gw01 app[" + g.between(100, 9999) + "]: ", "DEBUG ",
                "[main] ", "level=info msg=");
    }

    @Test
    void anArgumentOfACallThatSaysCredentialsIsHidden() {
        Gen g = new Gen(1001);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(g);
            String callee = credentialCallee(g);
            String method = g.pick("auth.login", "personal_unlockAccount", "user.create", "account_setPassword", "daemon.login", "login", "unlockWallet",
                    "authenticate", "db.connect", "secrets.put");
            String sqlCall = g.pick("dbms.security.createUser", "sys.create_user", "security.setPassword", "auth.add_user", "admin.createLogin");
            List<String> args = new java.util.ArrayList<>(List.of(host(g), String.valueOf(g.between(1, 65535)), user(g), g.pick("true", "false", "42")));
            args.add(g.between(0, args.size()), pw);
            boolean quoted = g.bool();
            String joined = String.join(g.pick(",", ", "), args.stream().map(a -> quoted && !a.matches("[0-9]+|true|false") ? "\"" + a + "\"" : a).toList());
            String text = switch (g.between(0, 7)) {
                case 0 -> prefix(g) + g.pick("Loaded ", "using ", "config: ", "") + callee + "(" + joined + ")";
                case 1 -> prefix(g) + "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":[" + g.pick("", "\"0x" + g.string("0123456789abcdef", 40, 40) + "\",")
                        + "\"" + pw + "\"" + g.pick("", ",300", ",true") + "],\"id\":" + g.between(1, 99) + "}";
                case 2 -> prefix(g) + "CALL " + sqlCall + "('" + user(g) + "', '" + pw + "'" + g.pick("", ", false", ", true") + ")";
                case 3 -> prefix(g) + g.pick("user login ", "login attempt ", "password check ") + "args=('" + user(g) + "', '" + pw + "')";
                case 4 -> prefix(g) + g.pick("main args: ", "argv=", "Starting with ") + "[--spring.profiles.active=prod, " + g.pick("--db-password", "--secret",
                        "--auth-token", "-p", "--passphrase", "--vault-token") + ", " + pw + ", --port=" + g.between(80, 9000) + "]";
                case 5 -> prefix(g) + "#" + g.pick("config", "db", "conn") + "{host = <<\"" + host(g) + "\">>,port = " + g.between(1, 65535) + ","
                        + g.pick("password", "secret", "pass") + " = <<\"" + pw + "\">>}";
                case 6 -> prefix(g) + callee + g.pick(" { ", "{") + user(g) + ", " + pw + " }";
                default -> prefix(g) + g.pick("ALTER USER ", "CREATE USER ") + user(g) + " IDENTIFIED BY \"" + pw + "\"";
            };
            assertHidden(text, pw);
        }
    }

    @Test
    void aProgramsPasswordArgumentAndATargetWithAPasswordAreHidden() {
        Gen g = new Gen(1002);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(g);
            String text = switch (g.between(0, 4)) {
                case 0 -> "echo '" + pw + "' | pw " + g.pick("usermod", "useradd") + " " + user(g) + " -h 0";
                case 1 -> g.pick("openfortivpn", "openconnect", "vpnc", "sstpc") + " vpn.acme.io:443 -u " + user(g) + " -p '" + pw + "' --trusted-cert abc";
                case 2 -> prefix(g) + "commandLine=/usr/local/bin/" + g.pick("secretsdump.py", "psexec.py", "wmiexec.py", "smbclient.py", "getTGT.py")
                        + " " + g.pick("ACME", "CORP", "example.local") + "/" + user(g) + ":" + pw + "@10.0.0." + g.between(1, 250) + g.pick("", " -just-dc-ntlm");
                case 3 -> g.pick("mysqladmin", "dbcli", "pgcli", "userctl") + " --user " + user(g) + " -p " + pw;
                default -> prefix(g) + "exec: " + g.pick("login", "auth", "connect") + "(" + user(g) + ", " + pw + ")";
            };
            assertHidden(text, pw);
        }
    }

    @Test
    void aTerminalRecordingsInputAfterAPromptIsHidden() {
        Gen g = new Gen(1003);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(g);
            String prompt = g.pick("[sudo] password for " + user(g) + ": ", "Password: ", "Enter passphrase for key '/root/.ssh/id_ed25519': ",
                    "Vault token: ", "Enter PIN for token: ", user(g) + "@db's password: ");
            String t = g.between(1, 9) + "." + g.between(100, 999);
            String text = "[" + t + ", \"o\", \"" + prompt + "\"]\n[" + (g.between(10, 20) + "." + g.between(100, 999)) + ", \"i\", \"" + pw
                    + g.pick("\\r", "\\n", "") + "\"]";
            assertHidden(text, pw);
        }
    }

    @Test
    void aTablesLastCellOrALoneValueLineReadWithoutItsNameLineIsHidden() {
        Gen g = new Gen(1004);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = rowPassword(g);
            String row = switch (g.between(0, 4)) {
                case 0 -> user(g) + " ".repeat(g.between(2, 20)) + pw;
                case 1 -> user(g) + "\t" + pw;
                case 2 -> g.pick(": ", "  : ", "- ", "=> ") + pw;
                case 3 -> g.pick("  string(", "string(") + pw.length() + ") \"" + pw + "\"";
                default -> g.between(1, 9) + ") \"" + pw + "\"";
            };
            String header = g.pick("UserName    Password", "? password", "[\"db_password\"]=>", "USER  SECRET");
            String whole = header + "\n" + row;
            assertHidden(whole, pw);
            assertHidden(row, pw); // the tail window: the row alone, its header cut off
        }
    }

    @Test
    void aValueAfterASubstitutionAFoldOrAPhraseIsHiddenWhole() {
        Gen g = new Gen(1005);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(g);
            String name = g.pick("password", "db_password", "secret", "api_token", "DB_PASSWORD", "SMTP_SECRET");
            String folded = g.string(Gen.UPPER + Gen.LOWER + Gen.DIGITS, 5, 9) + g.pick("+", "/", "") + g.string(Gen.ALNUM, 3, 6);
            String code = g.string(Gen.UPPER + Gen.DIGITS, 9, 13);
            String text = switch (g.between(0, 3)) {
                case 0 -> "  " + name + " = ${?" + g.pick("DB_PW", "SECRET", "X") + "} \"" + pw + "\"";
                case 1 -> prefix(g) + g.pick("Loaded config key ", "setting ", "Config ") + name + g.pick(" with value ", " set to ", " is now ") + pw;
                case 2 -> "DESCRIPTION:Meeting " + g.pick("password", "passcode", "PIN") + ": " + g.string(Gen.ALNUM, 3, 6) + "\n " + folded + "\nJoin by phone";
                default -> prefix(g) + "pairing " + g.pick("X-HM://", "x-hm://") + code;
            };
            String secret = text.startsWith("DESCRIPTION") ? folded : text.contains("://") ? code : pw;
            for (int at = 0; at + 8 <= secret.length(); at++) {
                String piece = secret.substring(at, at + 8);
                assertThat(String.join("\n", REDACTOR.lines(List.of(text.split("\n", -1))))).as(text).doesNotContain(piece);
                assertThat(REDACTOR.text(text)).as(text).doesNotContain(piece);
            }
        }
    }

    @Test
    void harmlessNeighboursStay() {
        Gen g = new Gen(1006);
        for (int i = 0; i < ROUNDS; i++) {
            String word = g.pick("orders", "eu-west-1", "nginx:1.27.3", "v2.14.0", "Running", "Completed", "/var/lib/data", "web-" + g.between(1, 9),
                    "sha256:" + g.string("0123456789abcdef", 64, 64), g.string("0123456789abcdef", 12, 12), "3f1c2d4e-5f60-4718-93a4-b5c6d7e8f901",
                    "OrderService", "UTC", "Europe/Berlin", String.valueOf(g.between(0, 65535)));
            List<String> texts = List.of(
                    g.pick("Loaded ", "", "[main] using ") + g.pick("Point", "DbSettings", "ServerConfig", "Range", "UserProfile") + "(" + host(g) + "," + g.between(1, 65535) + ","
                            + word + "," + g.pick("true", "false") + ")",
                    prefix(g) + "{\"jsonrpc\":\"2.0\",\"method\":\"" + g.pick("eth_getBalance", "core.get_torrents_status", "web.update_ui", "user.list") + "\",\"params\":[\""
                            + g.pick("latest", "pending", "orders", "web-" + g.between(1, 9)) + "\"," + g.between(1, 999) + "],\"id\":" + g.between(1, 99) + "}",
                    prefix(g) + "main args: [--spring.profiles.active=" + g.pick("prod", "dev") + ", --server.port=" + g.between(80, 9000) + ", --user, " + user(g) + "]",
                    "[" + g.between(1, 9) + "." + g.between(100, 999) + ", \"o\", \"" + g.pick("Password: ", "$ ", "login: ") + "\"]\n[" + g.between(10, 20) + ".5, \"i\", \""
                            + g.pick("ls -la", "exit", "y") + "\\r\"]",
                    "NAME" + " ".repeat(g.between(2, 9)) + "STATUS" + " ".repeat(g.between(2, 9)) + "PORTS\n" + word + " ".repeat(g.between(2, 9)) + g.pick("Up 2 hours", "Exited (0)")
                            + " ".repeat(g.between(2, 9)) + g.between(80, 9000) + "/tcp",
                    user(g) + " ".repeat(g.between(2, 12)) + word,
                    "  " + g.pick("password", "url") + " = ${?" + g.pick("DB_PW", "DATABASE_URL") + "}",
                    prefix(g) + g.pick("KeyError: ", "missing key: ", "unknown field ") + g.pick("'password'", "\"api_token\"", "'db_password'", "'secret'"),
                    prefix(g) + g.pick("", "RUN ") + "passwd " + g.pick("root", "deploy", "alice", "svc_app", "etl" + g.between(1, 999)),
                    prefix(g) + "db query for " + user(g) + " took " + g.between(1, 99) + "ms trace " + g.string("0123456789abcdef", 16, 32) + " rows=" + g.between(0, 999),
                    ": " + word);
            for (String text : texts) {
                assertThat(String.join("\n", REDACTOR.lines(List.of(text.split("\n", -1))))).as(text).isEqualTo(text);
            }
        }
    }

    @Test
    void harmlessTextStays() {
        HarmlessText harmless = new HarmlessText(1007);
        for (int i = 0; i < 2000; i++) {
            String line = harmless.logLine();
            assertThat(REDACTOR.lines(List.of(line))).as(line).containsExactly(line);
        }
    }

    static void assertHidden(String text, String secret) {
        LinePairsAndDumpsPropertyTest.assertHidden(text, secret); // read as log lines and as one text
    }
}
