package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, after the fifth outside test: secrets that no keyword next to them announces. A generated key standing
 * anywhere in a log line, a random path segment after a word that makes the path a credential
 * ({@code /integration/<key>/enqueue}), network device configurations ({@code password 0 x}, {@code snmp-server community
 * x}), character-code lists ({@code [112, 97, …]}), layouts that print the name on one line and the value on the next
 * (redis-cli replies, etcd keys, form fields, the Redis protocol), connection calls in stack traces and wire dumps, a
 * password-shaped argument of any program, and more names (PSW, PRIV, TOK, PAT). Each family: random instances in random surroundings, and
 * harmless look-alikes of the same shapes that must stay.
 */
class UnlabelledSecretsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String SYMBOLS = "!#%^*?~";
    private static final int ROUNDS = 150;

    @Test
    void aGeneratedKeyOfLettersAndDigitsIsHiddenWhereverItStandsInALogLine() {
        Random r = new Random(71);
        for (int i = 0; i < ROUNDS * 2; i++) {
            String key = switch (r.nextInt(6)) {
                case 0, 1 -> mixedKey(r, 32 + r.nextInt(33));
                case 2 -> base32Key(r, 40 + r.nextInt(24));
                case 3 -> mixedKey(r, 13 + r.nextInt(8)) + pick(r, "-", "_") + mixedKey(r, 20 + r.nextInt(10)) + pick(r, "", "=", "=="); // base64url, two parts
                case 4 -> pick(r, "CFPAT-", "SKEY_", "PMK-", "XOAK_") + mixedKey(r, 32 + r.nextInt(12)); // a prefix in capitals
                default -> pick(r, "vercel_", "acme_", "tk-") + mixedKey(r, 24 + r.nextInt(6)); // a short body with every class
            };
            String line = pick(r, "loaded: %s", "client init ok (%s)", "[upstream] %s", "using %s for billing", "registered %s at startup",
                    "cfg %s ok", "INFO init provider=acme %s", "%s") .formatted(key);
            assertHidden(line, key);
        }
    }

    @Test
    void idsDigestsAndNamesStayInLogLines() {
        Random r = new Random(72);
        for (int i = 0; i < ROUNDS; i++) {
            for (String line : List.of("request " + uuid(r) + " done", "trace=" + hex(r, 32) + " span=" + hex(r, 16), "commit " + hex(r, 40),
                    "job " + ulid(r) + " queued", "pulled sha256:" + hex(r, 64),
                    "enabled -XX:+HeapDumpOnOutOfMemoryError and -XX:+UseContainerSupport", "pod web-7d9f" + hex(r, 6) + "-x2kqp ready",
                    "loaded class com.example.billing.InvoiceServiceImplementation2Factory", "GET /assets/app." + hex(r, 20) + ".js 200",
                    "X-Amzn-Trace-Id: Root=1-67891233-" + hex(r, 24), "build web-2024-11-30-release-notes-for-version-" + r.nextInt(100000),
                    "JIRA-" + r.nextInt(10000) + " fixed in CI-BUILD-" + r.nextInt(100000))) {
                assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
            }
            String id = ulid(r);
            assertThat(REDACTOR.envEntry("CORRELATION_ID=" + id)).isEqualTo("CORRELATION_ID=" + id); // a ULID is an id as a UUID is
        }
    }

    @Test
    void aRandomPathSegmentAfterACredentialWordIsHidden() {
        Random r = new Random(73);
        for (int i = 0; i < ROUNDS; i++) {
            String key = pick(r, hex(r, 32), mixedKey(r, 24 + r.nextInt(20)), uuid(r));
            String word = pick(r, "integration", "integrations", "trigger", "triggers", "incoming", "notify", "callback", "apiKeys", "api_keys", "tokens");
            String line = pick(r, "POST https://events.acme-alerts.com/%s/%s/enqueue -> 200", "calling https://hooks.example.net/v2/%s/%s",
                    "organizations/" + uuid(r) + "/%s/%s", "url=https://notify.example.org/%s/%s?x=1").formatted(word, key);
            assertHidden(line, key);
        }
        for (String line : List.of("GET /api/v1/integrations/github 200", "GET /api/v1/orders/12345 200", "listing /tokens/list",
                "GET /integrations/slack/settings 304")) {
            assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
        }
    }

    @Test
    void aNetworkDevicePasswordKeyOrCommunityIsHidden() {
        Random r = new Random(74);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(r);
            String line = pick(r, "username admin privilege 15 password 0 %s", "enable password 0 %s", " password 7 %s", "snmp-server community %s RO",
                    "snmp-server community %s RW 99", "crypto isakmp key %s address 0.0.0.0 0.0.0.0", "tacacs-server host 10.1.1.1 key 7 %s",
                    "radius-server key %s", " key 7 %s", " key-string 0 %s", " pre-shared-key %s", "username ops secret 9 %s",
                    " ip ospf message-digest-key 1 md5 %s", " ip ospf authentication-key 7 %s").formatted(pw);
            assertHidden(line, pw);
            assertHidden("DEVICE_CFG=" + line, pw, true);
        }
        for (String line : List.of("service password-encryption", "snmp-server location rack-12", "login failed: password 3 times wrong",
                "password 0 attempts left", "no snmp-server", "key chain OSPF")) {
            assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
        }
    }

    @Test
    void aSecretWrittenAsCharacterCodesIsHidden() {
        Random r = new Random(75);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(r);
            String text = pick(r, "password=", "api_key=", "token: ", "DB_PASS=", "secret=") + pw;
            String sep = r.nextBoolean() ? ", " : ",";
            String codes = codes(text, sep, r.nextBoolean());
            String line = pick(r, "payload bytes: [%s]", "String.fromCharCode(%s)", "[]byte{%s}", "bytearray([%s])", "data=%s").formatted(codes);
            String middle = codes(pw.substring(4, 12), sep, codes.startsWith("0x"));
            assertThat(REDACTOR.lines(List.of(line)).get(0)).as(line).doesNotContain(middle);
        }
        for (String line : List.of("latencies ms: [45, 67, 89, 102, 98, 77, 65, 54, 88]", "ports [80, 443, 8080, 8443, 9090, 9100, 3000, 5432]",
                "greeting bytes: [" + codes("hello world from app", ", ", false) + "]", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]")) {
            assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
        }
    }

    @Test
    void aValueOnTheLineAfterItsNameInRepliesKeysFormsAndTheRedisProtocolIsHidden() {
        Random r = new Random(76);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(r);
            String user = "u" + r.nextInt(1000);
            String secretName = pick(r, "requirepass", "masterauth", "password", "api_token", "client_secret");
            String text = pick(r, "1) \"%2$s\"\n2) \"%1$s\"", "/config/db/%2$s\n%1$s", "/services/app/" + secretName + "\n%1$s",
                    "Content-Disposition: form-data; name=\"%2$s\"\r\n\r\n%1$s\r\n--boundary",
                    "*2\r\n$4\r\nAUTH\r\n$" + pw.length() + "\r\n%1$s\r\n", "*3\r\n$4\r\nAUTH\r\n$" + user.length() + "\r\n" + user + "\r\n$" + pw.length() + "\r\n%1$s\r\n")
                    .formatted(pw, secretName);
            List<String> out = REDACTOR.lines(List.of(text.split("\n", -1)));
            assertThat(String.join("\n", out)).as(text).doesNotContain(pw.substring(0, 8)).doesNotContain(pw.substring(8));
        }
        for (String text : List.of("1) \"maxmemory\"\n2) \"0\"", "/config/db/host\ndb.internal", "Content-Disposition: form-data; name=\"username\"\r\n\r\nalice\r\n--b",
                "*2\r\n$3\r\nGET\r\n$8\r\norders:1\r\n", "/etc/ssl/private\nis missing its key")) {
            List<String> lines = List.of(text.split("\n", -1));
            assertThat(REDACTOR.lines(lines)).isEqualTo(lines);
        }
    }

    @Test
    void base64WrappedOverLinesIsReadWholeAndEveryChunkOfASecretGoes() {
        Random r = new Random(80);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(r);
            String text = pick(r, "password=", "api_key: ", "DB_PASS=", "token=") + pw + pick(r, "", "\nuser=ops", "&region=eu");
            String b64 = java.util.Base64.getEncoder().encodeToString(text.repeat(1 + r.nextInt(3)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            int width = pick(r, 16, 20, 64, 76);
            String indent = pick(r, "", " ", "  ");
            List<String> lines = new ArrayList<>(List.of(pick(r, "X-Cred:", "Content-Transfer-Encoding: base64", "payload follows")));
            for (int at = 0; at < b64.length(); at += width) {
                lines.add(indent + b64.substring(at, Math.min(b64.length(), at + width)));
            }
            if (lines.size() < 3) {
                continue;
            }
            String out = String.join("\n", REDACTOR.lines(lines));
            for (int k = 1; k < lines.size(); k++) {
                String chunk = lines.get(k).strip();
                if (chunk.length() >= 8) {
                    assertThat(out).as(String.join("\n", lines)).doesNotContain(chunk.substring(0, 8));
                }
            }
        }
        String story = java.util.Base64.getEncoder().encodeToString(
                "The quick brown fox jumps over the lazy dog while the build runs on worker three.".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        List<String> harmless = new ArrayList<>(List.of("Content-Transfer-Encoding: base64"));
        for (int at = 0; at < story.length(); at += 20) {
            harmless.add(story.substring(at, Math.min(story.length(), at + 20)));
        }
        assertThat(REDACTOR.lines(harmless)).isEqualTo(harmless);
    }

    @Test
    void aPasswordInAConnectionCallOrAWireDumpIsHidden() {
        Random r = new Random(77);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(r);
            String user = "app" + r.nextInt(1000);
            String line = pick(r, "#0 /var/www/src/Db.php(12): PDO->__construct('mysql:host=db;d...', '%2$s', '%1$s')",
                    "#1 /app/lib.php(40): mysqli_connect('db', '%2$s', '%1$s', 'shop')", "PHP Warning: new PDO(\"pgsql:host=db\", \"%2$s\", \"%1$s\")",
                    "<- PasswordMessage (p) len=22 '%1$s'", "Received CONNECT from c1 (p2, c1, k60, u'%2$s', p'%1$s')").formatted(pw, user);
            assertHidden(line, pw);
        }
        for (String line : List.of("#0 /var/www/src/Db.php(30): PDO->query('SELECT 1')", "<- AuthenticationOk (R) len=8",
                "Received CONNECT from c1 (p2, c1, k60, u'deploy')")) {
            assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
        }
    }

    @Test
    void aPasswordShapedArgumentOfAnyProgramIsHiddenAndPlainArgumentsStay() {
        Random r = new Random(78);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(r);
            String program = pick(r, "/opt/acme/bin/provision", "someprog", "/usr/local/bin/setup-db", "initctl");
            List<String> argv = List.of(program, pick(r, "admin", "create-user", "--mode", "init"), pick(r, "ops", "prod", "eu-west-1"), pw);
            assertThat(cmd(argv)).as(argv.toString()).doesNotContain(pw.substring(0, 8)).doesNotContain(pw.substring(8));
        }
        List<String> plain = List.of("/usr/bin/java", "-Xmx512m", "-jar", "app-2.4.1.jar", "--spring.profiles.active=prod", "--server.port=8080",
                "nginx", "-g", "daemon off;", "eu-west-1", "v1.27.3", "config.yaml", "worker-3", "UTF-8", "Europe/Berlin");
        assertThat(cmd(plain)).isEqualTo(plain.toString().replace(" ", ""));
    }

    @Test
    void anExecFormHistoryRowAndAUrlCutAfterItsUserHideThePassword() {
        Random r = new Random(81);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(r);
            String row = pick(r, "/bin/sh -c #(nop)  CMD [\"-hdb\" \"-uroot\" \"-p%s\"]", "/bin/sh -c #(nop)  CMD [\"provision\" \"ops\" \"%s\"]",
                    "CMD [\"--admin\" \"ops\" \"%s\"]", "/bin/sh -c #(nop)  ENTRYPOINT [\"/opt/bin/init\" \"-w%s\"]",
                    "/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD\" \"ssh-keygen\" \"-t\" \"ed25519\" \"-N\" \"%s\" \"-f\" \"/k\"] \"0s\" \"0s\" \"0s\" '\\x00'}",
                    "/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD-SHELL\" \"mysqladmin ping -uroot -p%s\"] \"30s\" \"5s\" \"0s\" '\\x03'}").formatted(pw);
            assertThat(history(row)).as(row).doesNotContain(pw.substring(0, 8)).doesNotContain(pw.substring(8));
            List<String> lines = List.of(pick(r, "connecting to ", "DATABASE_URL=", "dsn: ") + pick(r, "postgres", "mysql", "amqp", "redis") + "://app:",
                    pick(r, "  ", "    ", "\t") + pw.replace("@", "") + "@db:5432/app");
            assertThat(String.join("\n", REDACTOR.lines(lines))).as(lines.toString()).doesNotContain(pw.substring(0, 8));
        }
        for (String row : List.of("/bin/sh -c #(nop)  CMD [\"nginx\" \"-g\" \"daemon off;\"]", "/bin/sh -c #(nop)  CMD [\"java\" \"-XX:+UseG1GC\" \"-jar\" \"app.jar\"]",
                "/bin/sh -c #(nop)  ENTRYPOINT [\"/docker-entrypoint.sh\"]", "CMD [\"redis-server\" \"--port\" \"6379\" \"--appendonly\" \"yes\"]",
                "/bin/sh -c #(nop)  CMD [\"postgres\" \"-c\" \"max_connections=200\" \"-pOstgres\"]",
                "/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD-SHELL\" \"curl -f http://localhost:8080/health || exit 1\"] \"30s\" \"5s\" \"0s\" '\\x03'}")) {
            assertThat(history(row)).isEqualTo(row);
        }
    }

    private static String history(String row) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("createdBy", row);
        REDACTOR.tree(o);
        return o.get("createdBy").asString();
    }

    @Test
    void aKeyDirectiveAndAUrlPasswordWithEscapedQuotesAreHidden() {
        Random r = new Random(82);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(r);
            String line = pick(r, "  shared_key %s", "api_key %s", "access-key %s", "secretkey %s;", "\tlicense_key %s # set by ops").formatted(pw);
            assertHidden(line, pw);
            String user = "u" + r.nextInt(100);
            String escaped = pw.substring(0, 5) + pick(r, "%27", "%22", "%5C") + pw.substring(5, 11) + pick(r, "%27", "%22") + pw.substring(11);
            String url = pick(r, "https", "postgres", "amqp") + "://" + user + ":" + escaped + "@db.example.com:5432/app";
            assertHidden("UPSTREAM " + url, pw.substring(5, 11) + pw.substring(11));
            assertThat(REDACTOR.lines(List.of("UPSTREAM " + url)).get(0)).doesNotContain(pw.substring(5, 11)).doesNotContain(pw.substring(11));
            assertThat(REDACTOR.envEntry("UPSTREAM_ADDR=" + url)).isEqualTo("UPSTREAM_ADDR=[REDACTED]");
            String quoted = pw.substring(0, 5) + "\\\"" + pw.substring(5);
            assertHidden("db password=\"" + quoted + "\" accepted", pw.substring(5));
        }
        for (String line : List.of("key expired", "hotkey F12", "proxy_cache_key $scheme$host$request_uri;", "  ssl_certificate_key /etc/nginx/tls.key;",
                "api_key missing", "key_buffer_size 16M", "see https://docs.example.com/faq?q=it's fine",
                "{\"upstream\":\"postgres://db.internal:5432\",\"mail\":\"bob@example.com\"}", "{\"url\":\"https://api:v2'x\",\"owner\":\"ops@example.com\"}")) {
            assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
        }
    }

    @Test
    void notificationUrlsHooksDatabaseStatementsAndLinesSeenWithoutTheirNameAreHidden() {
        Random r = new Random(83);
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(r);
            String key = mixedKey(r, 24 + r.nextInt(10));
            String line = pick(r, "sending to " + pick(r, "slack", "discord", "gotify", "teams", "telegram", "pushover", "ntfy", "matrix") + "://%2$s/%1$s@chan",
                    "ping https://hc-ping.com/" + uuid(r).substring(0, 9) + "%2$s", "POST https://hook.eu1.make.com/%2$s ok",
                    "GET https://%3$s.m.pipedream.net ok", "client init ok (1000.%4$s.%5$s)", "[auth] 1000.%4$s.%5$s", "auth %4$s:%5$s", "using %6$s",
                    "{\"parameters\": {\"adminPassword\": {\"value\": \"%1$s\"}}}", "{\"priv_key\": {\"type\": \"ed25519\", \"value\": \"%1$s\"}}",
                    "ACL SETUSER svc on >%1$s ~orders:* +@read", "CREATE USER u IDENTIFIED WITH sha256_password BY '%1$s'",
                    "SQLConnectInfo ftp@db01 batch %1$s", ".LOGON td01/report,%1$s", "DBI->connect(\"dbi:Pg:dbname=app\", \"app\", \"%1$s\")",
                    "mongosh --eval 'db.auth(\"admin\", \"%1$s\")'", "rar a -hp%1$s out.rar dir", "Recovery Key 1: %1$s",
                    "mysqlsh --uri app:%1$s@db01:3306/app", "device=//bkp:%1$s@nas01/share", "+   -p%1$s -e 'select 1'")
                    .formatted(pw, key, "%SUB", "%H1", "%H2", "%NKEY");
            String sub = base32Key(r, 20).substring(0, 20);
            String h1 = hex(r, 32);
            String h2 = hex(r, 32);
            String nkey = random(r, UPPER + "234567", 56) + "23";
            line = line.replace("%SUB", sub).replace("%H1", h1).replace("%H2", h2).replace("%NKEY", nkey);
            String secret = line.contains(pw) ? pw : line.contains(key) ? key : line.contains(nkey) ? nkey : line.contains(h2) ? h2 : sub;
            assertHidden(line, secret);
        }
        for (int i = 0; i < ROUNDS; i++) {
            String pw = password(r).replace(".", "#").replace("-", "!").replace("_", "^");
            assertThat(String.join("\n", REDACTOR.lines(List.of("  " + pw)))).doesNotContain(pw.substring(0, 8)); // the value line alone (a tail window)
            assertThat(String.join("\n", REDACTOR.lines(List.of("  " + pw, "</" + pick(r, "password", "secret", "token") + ">")))).doesNotContain(pw.substring(0, 8));
        }
        for (String line : List.of("{\"location\": {\"value\": \"westeurope\"}}", "token bucket refilled: capacity=100 tokens=100 rate=10/s",
                "see https://example.com/docs and postgres://db:5432/app", "OpenJDK17U-jdk_x64_linux_hotspot_17.0.9_9.tar.gz", "Starting nginx 1.25.3",
                "<name>\nweb-1\n</name>", "user bob@example.com logged in", "git fetch origin main:main")) {
            List<String> lines = List.of(line.split("\n", -1));
            assertThat(REDACTOR.lines(lines)).isEqualTo(lines);
        }
    }

    @Test
    void moreNamesSayTheirValueIsSecret() {
        Random r = new Random(79);
        for (int i = 0; i < ROUNDS; i++) {
            String value = pick(r, "hunter2", "summer-rain", LOWER.substring(0, 6) + r.nextInt(100));
            String name = pick(r, "ROOT_PSW", "SMTP_PSWD", "ED25519_PRIV", "svc.priv", "io.acme.tok", "GITHUB_PAT", "CI_PAT", "ldapPsw");
            assertThat(REDACTOR.envEntry(name + "=" + value)).isEqualTo(name + "=[REDACTED]");
        }
        for (String kept : List.of("SSH_HOST_FINGERPRINT=SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s",
                "com.example.tls.fingerprint=SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8",
                "GOPRIVATE=github.com/example/*", "GONOPROXY=github.com/acme/*", "PATH=/usr/local/bin:/usr/bin",
                "PRIVILEGED=false", "TOKENIZERS_PARALLELISM=false")) {
            assertThat(REDACTOR.envEntry(kept)).isEqualTo(kept);
        }
    }

    @Test
    void countsCacheKeysAndKindNamesAfterAKeywordStay() {
        for (String line : List.of("auth: 3 failed login attempts for user bob from 10.0.0.7", "cache hit key=product:98123:v4 ttl=600",
                "key: 12 entries evicted", "W1130 10:01:17.223456 1 reflector.go:561] failed to list *v1.Secret: secrets is forbidden",
                "Rotating signing keys: next rotation at 2026-12-07T00:00:00Z")) {
            assertThat(REDACTOR.lines(List.of(line)).get(0)).isEqualTo(line);
        }
        for (String line : List.of("db passwords: hunter2", "signing keys: nextrotation", "auth: 3f9Kq7Lm2x", "Secret: hunter2 is set")) {
            assertThat(REDACTOR.lines(List.of(line)).get(0)).as(line).contains("[REDACTED]");
        }
    }

    private static String cmd(List<String> argv) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        argv.forEach(o.putArray("cmd")::add);
        REDACTOR.tree(o);
        return o.get("cmd").toString().replace("\"", "").replace(" ", "");
    }

    private static void assertHidden(String line, String secret) {
        assertHidden(line, secret, false);
    }

    private static void assertHidden(String line, String secret, boolean env) {
        String out = env ? REDACTOR.envEntry(line) : REDACTOR.lines(List.of(line)).get(0);
        for (int at = 0; at + 8 <= secret.length(); at += 4) {
            assertThat(out).as(line).doesNotContain(secret.substring(at, at + 8));
        }
    }

    private static String codes(String text, String sep, boolean hex) {
        List<String> out = new ArrayList<>();
        Function<Character, String> f = hex ? c -> "0x" + Integer.toHexString(c) : c -> Integer.toString(c);
        for (char c : text.toCharArray()) {
            out.add(f.apply(c));
        }
        return String.join(sep, out);
    }

    /** A generated password: capitals, small letters, digits, a symbol, then a mixed tail. */
    private static String password(Random r) {
        return random(r, UPPER, 3) + random(r, LOWER, 4) + random(r, DIGITS, 3) + random(r, SYMBOLS + ".-_", 1) + mixedKey(r, 12).substring(0, 6);
    }

    private static String mixedKey(Random r, int n) {
        while (true) {
            String k = random(r, UPPER + LOWER + DIGITS, n);
            if (count(k, UPPER) >= 4 && count(k, LOWER) >= 4 && count(k, DIGITS) >= 4) {
                return k;
            }
        }
    }

    private static String base32Key(Random r, int n) {
        while (true) {
            String k = random(r, LOWER + "234567", n);
            if (count(k, DIGITS) >= 6 && k.chars().anyMatch(c -> c > 'f' && c <= 'z')) {
                return k;
            }
        }
    }

    private static int count(String s, String alphabet) {
        return (int) s.chars().filter(c -> alphabet.indexOf(c) >= 0).count();
    }

    private static String ulid(Random r) {
        while (true) { // one that spells no credential word by chance (…0PWDX… reads as pwd followed by a value)
            String id = random(r, "01234567", 1) + random(r, "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 25);
            if (!id.matches(".*(?:PW|PASS|KEY|TOK|SEC|AUTH|PSK|SIG|CRED|OTP|PIN|SALT|DSN|CONN|BEARER|JWT|HMAC|SAS|MFA).*")) {
                return id;
            }
        }
    }

    private static String uuid(Random r) {
        String h = hex(r, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20) + "-" + h.substring(20);
    }

    private static String hex(Random r, int n) {
        return random(r, "0123456789abcdef", n);
    }

    private static String random(Random r, String alphabet, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
