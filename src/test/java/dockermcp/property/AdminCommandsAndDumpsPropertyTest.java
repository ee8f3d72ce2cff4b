package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, the seventh outside test's families, planted as random instances: passwords an admin tool takes by position
 * after a password verb (any program, any verb of the family), Percona DSNs and {@code :method:user:pass@} roots, in every
 * carrier of a command; credential files whose columns say where the password is (psk.txt, davfs2 secrets, snmpd
 * createUser, nagios {@code $USERn$}) printed to a log; protocol transcripts (SASL PLAIN responses, Redis HELLO/MIGRATE,
 * PostgreSQL PasswordMessage); and runtime dumps (argv lists, phpinfo, XML named elements, .NET RSA keys, CI masks,
 * binary groups); and one word fed on standard input ({@code echo X |}, {@code yes X |}, {@code <<< X}) to any command about a
 * secret. No 8-character piece of a planted secret may survive; harmless neighbours of the same shapes stay.
 */
class AdminCommandsAndDumpsPropertyTest {

    private static final Redactor R = new Redactor();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SYMBOLS = "!%*+._-~^?";
    private static final List<String> PREFIXES = List.of("", "2026-11-30T10:00:01Z ", "[INFO] ", "I1130 10:00:01.123 main.go:42] ", "app-1  | ",
            "Nov 30 10:00:01 host daemon[412]: ", "DEBUG ", "> ", "+ ");

    // ---- command lines -------------------------------------------------------------------------------------------

    private static final List<String> TOOLS = List.of("ejabberdctl", "prosodyctl", "emqx ctl admins", "emqx_ctl admins", "zabbix-cli", "openfire-cli",
            "acme-admin", "/opt/app/bin/appctl", "mqttctl", "ircd-admin", "xmppctl", "./manage", "bin/console", "kcadm");
    private static final List<String> VERBS = List.of("register", "passwd", "change_password", "add_user", "adduser", "set-password", "set_password",
            "create-user", "createuser", "reset-password", "update-password", "changepassword", "user add", "users add", "admins add", "account add",
            "user-password", "set-initial-password");

    /** A random admin command that takes the password by position, or a DSN / root shape that carries one. */
    private static String command(Random r, String x) {
        String u = user(r);
        return switch (r.nextInt(6)) {
            case 0 -> pick(r, TOOLS) + " " + pick(r, VERBS) + " " + u + " " + x;
            case 1 -> pick(r, TOOLS) + " " + pick(r, VERBS) + " " + u + " " + pick(r, List.of("example.com", "localhost", "chat.acme.io", "vhost1")) + " " + x;
            case 2 -> pick(r, List.of("mc admin user add", "mcli admin user add")) + " " + pick(r, List.of("myminio", "local", "s3")) + " " + u + " " + x;
            case 3 -> pick(r, List.of("pt-online-schema-change --alter 'ADD COLUMN c INT'", "pt-table-checksum --replicate=p.c", "pt-archiver --purge --source",
                    "pt-kill --busy-time 60", "pt-table-sync --execute", "pt-heartbeat --update")) + " " + dsn(r, u, x) + " --execute";
            case 4 -> "cvs -d " + pick(r, List.of("", "'")).transform(q -> q + ":" + pick(r, List.of("pserver", "ext", "gserver", "sspi", "kserver", "server"))
                    + ":" + u + ":" + x + "@cvs." + pick(r, List.of("acme.io", "internal", "example.org")) + ":/" + pick(r, List.of("cvsroot", "srv/cvs")) + q)
                    + " " + pick(r, List.of("checkout app", "login", "update -d", "co -P mod"));
            default -> pick(r, TOOLS) + " " + pick(r, VERBS) + " --force " + u + " " + x;
        };
    }

    private static String dsn(Random r, String u, String x) {
        List<String> keys = new ArrayList<>(List.of("h=db0" + r.nextInt(9), "u=" + u, "p=" + x));
        if (r.nextBoolean()) {
            keys.add("D=app");
        }
        if (r.nextBoolean()) {
            keys.add("t=orders");
        }
        if (r.nextBoolean()) {
            keys.add("P=3306");
        }
        java.util.Collections.shuffle(keys, r);
        return String.join(",", keys);
    }

    private static final List<String> HARMLESS_COMMANDS = List.of("ejabberdctl registered_users localhost", "ejabberdctl register_user x",
            "emqx ctl admins passwd admin", "rabbitmqctl add_vhost /app", "adduser deploy staff", "useradd -m -s /bin/bash app", "git add src/a.java src/b.java",
            "helm repo add bitnami https://charts.bitnami.com/bitnami", "consul services register svc.json", "prosodyctl register alice example.com",
            "mc admin user add myminio alice", "cvs -d :pserver:anon@cvs.acme.io:/cvsroot login", "pt-table-checksum h=db01,u=app --ask-pass",
            "pt-online-schema-change --alter 'ADD COLUMN c INT' D=app,t=orders,h=db01 --execute", "ssh-keygen -t ed25519 -C ops@acme.io",
            "docker run -p 8080:80 -e MODE=prod nginx", "acme-admin set-password alice --stdin", "xmppctl register bob chat.acme.io $BOB_PASSWORD",
            "kcadm set-password --username admin --new-password-file /run/secrets/admin", "git config user.name deploy", "apt-get install -y adduser passwd",
            "ldapadd -x -D cn=admin,dc=acme -f users.ldif", "export PATH=/usr/local/bin:$PATH", "make register-types", "npm run register -- alice bob");

    @Test
    void passwordsAfterAnAdminVerbOrInADsnAreHiddenInEveryCarrier() {
        List<String> leaked = new ArrayList<>();
        int checked = 0;
        for (int seed = 0; seed < 40; seed++) {
            Random r = new Random(seed);
            for (int i = 0; i < 25; i++) {
                String x = secret(r, "@,'\"");
                String line = command(r, x);
                List<String> carriers = commandCarriers(line);
                for (int c = 0; c < carriers.size(); c++) {
                    leak(x, c + ": " + line, carriers.get(c), leaked);
                    checked++;
                }
            }
        }
        assertThat(leaked).isEmpty();
        assertThat(checked).isGreaterThan(4000);
    }

    @Test
    void commandsWithoutAPasswordStayAsTheyAre() {
        List<String> changed = new ArrayList<>();
        for (String line : HARMLESS_COMMANDS) {
            for (String shown : commandCarriers(line)) {
                if (!shown.equals(line)) {
                    changed.add(line + " -> " + shown);
                }
            }
        }
        assertThat(changed).isEmpty();
    }

    // ---- one word fed on standard input to a command about a secret ----------------------------------------------

    private static final List<String> ASKING = List.of("vault login -", "vncpasswd -f", "htpasswd -i /etc/nginx/.htpasswd admin",
            "gcloud secrets versions add db-password --data-file=-", "acmectl secrets put api --from-stdin", "docker login -u svc --password-stdin reg.acme.io",
            "sudo -S systemctl restart app", "kinit svc@ACME.IO", "op signin --raw", "bw unlock --raw", "age -p -o backup.age backup.tar",
            "/opt/tool/bin/setpasswd deploy", "gh auth login --with-token", "aws ecr get-login-password | docker login --username AWS --password-stdin",
            "keytool -importpass -alias db -keystore app.jks", "mytool credentials set --name db", "xctl token import",
            "smbpasswd -s -a svc", "ldappasswd -x -D cn=admin -W -S", "k8s-cli create secret db --stdin", "cryptsetup luksOpen /dev/sdb1 data");

    /** echo X | cmd, printf '%s' X | cmd, yes X | cmd, cat <<< X | cmd, cmd <<< X: the one word a command about a secret reads. */
    private static String fed(Random r, String x, String command) {
        String q = pick(r, List.of("", "'", "\""));
        return switch (r.nextInt(6)) {
            case 0 -> "echo " + pick(r, List.of("", "-n ", "-e ")) + q + x + q + " | " + command;
            case 1 -> "printf " + pick(r, List.of("'%s'", "'%s\\n'", "\"%s\"")) + " " + q + x + q + " | " + command;
            case 2 -> "yes " + q + x + q + " | " + command;
            case 3 -> "cat <<< " + q + x + q + " | " + command;
            case 4 -> command + " <<< " + q + x + q;
            default -> command + " <<<" + q + x + q;
        };
    }

    @Test
    void aWordFedOnStandardInputToACommandAboutASecretIsHiddenInEveryCarrier() {
        List<String> leaked = new ArrayList<>();
        int checked = 0;
        for (int seed = 0; seed < 30; seed++) {
            Random r = new Random(seed);
            for (int i = 0; i < 20; i++) {
                String x = secret(r, "@,'\"|;&<>()$`");
                String line = fed(r, x, pick(r, ASKING));
                for (String shown : commandCarriers(line)) {
                    leak(x, line, shown, leaked);
                    checked++;
                }
            }
        }
        assertThat(leaked).isEmpty();
        assertThat(checked).isGreaterThan(2000);
    }

    @Test
    void textFedToFiltersMessagesVariablesAndShortAnswersStay() {
        List<String> changed = new ArrayList<>();
        for (String line : List.of("echo started | tee -a /var/log/login.log", "echo ok | logger -t auth", "grep token <<< \"$line\"",
                "echo \"$TOKEN\" | docker login --password-stdin", "echo hello world | vault login -", "cat <<< \"$(date)\" | grep token",
                "echo 3 | tee /proc/sys/vm/drop_caches", "yes | ssh-keygen -t ed25519 -N '' -f key", "echo yes | apt-get install -y login",
                "sort <<< \"b a\"", "bc <<< 2+2", "read -r TOKEN <<< \"$(cat /run/secrets/t)\"", "echo y | gcloud auth login --no-launch-browser",
                "printf '%s\\n' \"$DB_PASSWORD\" | docker secret create db -", "echo Restarting the auth service | wall",
                "cat /run/secrets/token | docker login --password-stdin", "echo ${VAULT_TOKEN} | vault login -", "yes y | keytool -import -file ca.pem -alias root-ca")) {
            for (String shown : commandCarriers(line)) {
                if (!shown.equals(line)) {
                    changed.add(line + " -> " + shown);
                }
            }
        }
        assertThat(changed).isEmpty();
    }

    // ---- credential files printed to a log ----------------------------------------------------------------------

    /** A random credential file of the family: the password in the column the format gives it. */
    private static String credentialFile(Random r, String x, String y) {
        String u = user(r);
        String q = pick(r, List.of("", "\""));
        return switch (r.nextInt(9)) {
            case 0 -> "# psk.txt\n" + address(r) + pick(r, List.of("\t", "  ", " ")) + x + "\n" + address(r) + "\t" + y;
            case 1 -> pick(r, List.of("https://dav.acme.io/remote.php/webdav", "/mnt/webdav", "https://files.example.org/dav/", "/media/dav"))
                    + pick(r, List.of(" ", "\t")) + u + pick(r, List.of(" ", "\t")) + q + x + q;
            case 2 -> "createUser " + pick(r, List.of("", "-e 0x8000000001020304 ")) + u + " " + pick(r, List.of("MD5", "SHA", "SHA-256", "SHA-512", "SHA224"))
                    + " " + q + x + q + " " + pick(r, List.of("DES", "AES", "AES-256", "AES192")) + " " + q + y + q;
            case 3 -> "$USER1$=/usr/lib/nagios/plugins\n$USER" + (2 + r.nextInt(30)) + "$=" + x;
            case 4 -> ": PSK " + "\"" + x + "\"";
            case 5 -> address(r) + " " + address(r) + " : PSK \"" + x + "\"";
            case 6 -> u + pick(r, List.of(" * ", "\t*\t", " pptpd ")) + x + " *";
            case 7 -> u + ":" + x;
            default -> "machine " + address(r) + " login " + u + " password " + x;
        };
    }

    private static final List<String> HARMLESS_FILES = List.of("$USER1$=/usr/lib/nagios/plugins", "$USER2$=/usr/local/nagios/libexec", "$USER3$=60",
            "10.0.0.1\t8080", "10.0.0.5 web01 web01.acme.io", "192.168.1.0/24 gateway", "vpn.acme.io\tup", "db01.internal 10.0.0.7",
            "/dev/sda1 /mnt ext4 defaults 0 0", "rouser monitor authPriv", "rocommunity public 10.0.0.0/8", "fe80::1%eth0 router",
            "https://dav.acme.io/remote.php/webdav alice", "10.0.0.9 db01 db01.acme.io", "127.0.0.1 localhost", "::1 ip6-localhost ip6-loopback",
            "web01.acme.io ok 12ms", "10.0.0.3:6379 master 0 1700000000 connected", "/data 42G 17G 25G 41% /data", "sshd: ALL");

    @Test
    void credentialFilesPrintedToALogAreHidden() {
        List<String> leaked = new ArrayList<>();
        for (int seed = 0; seed < 40; seed++) {
            Random r = new Random(seed);
            for (int i = 0; i < 20; i++) {
                String x = secret(r, "\"'#$");
                String y = secret(r, "\"'#$");
                String file = credentialFile(r, x, y);
                String prefix = pick(r, List.of("", "", "  ", "\t"));
                List<String> lines = new ArrayList<>();
                for (String l : file.split("\n")) {
                    lines.add(prefix + l);
                }
                String shown = String.join("\n", R.lines(lines));
                leak(x, file, shown, leaked);
                if (file.contains(y)) {
                    leak(y, file, shown, leaked);
                }
                leak(x, file, R.envEntry("CONFIG=" + file), leaked);
            }
        }
        assertThat(leaked).isEmpty();
    }

    @Test
    void addressTablesAndPathMacrosStay() {
        assertThat(changed(HARMLESS_FILES)).isEmpty();
    }

    // ---- protocol transcripts -----------------------------------------------------------------------------------

    private static String transcript(Random r, String x) {
        String u = user(r);
        String plain = Base64.getEncoder().encodeToString((pick(r, List.of("", u)) + "\0" + u + "\0" + x).getBytes(StandardCharsets.UTF_8));
        String nul = pick(r, Character.isDigit(x.charAt(0)) ? List.of("\\x00", "\\u0000", "^@") : List.of("\\x00", "\\u0000", "^@", "\\0")); // \061 is octal
        return switch (r.nextInt(10)) {
            case 0 -> "Connection.StartOk mechanism=PLAIN response=" + nul + u + nul + x + pick(r, List.of(" locale=en_US", "", ", client_properties={}"));
            case 1 -> pick(r, List.of("SASL PLAIN ", "AUTHENTICATE PLAIN ", "C: AUTH PLAIN ", "mechanism PLAIN: ", "sasl PLAIN=")) + plain;
            case 2 -> "HELLO " + pick(r, List.of("2", "3")) + " AUTH " + u + " " + x + pick(r, List.of("", " SETNAME worker-1"));
            case 3 -> "1700000000.123456 [0 10.0.0.7:51234] \"HELLO\" \"3\" \"AUTH\" \"" + u + "\" \"" + x + "\"" + pick(r, List.of("", " \"SETNAME\" \"w\""));
            case 4 -> "MIGRATE 10.0.0." + r.nextInt(255) + " 6379 \"\" 0 5000 AUTH2 " + u + " " + x + " KEYS a:1 a:2";
            case 5 -> "\"MIGRATE\" \"10.0.0.9\" \"6379\" \"\" \"0\" \"5000\" \"AUTH2\" \"" + u + "\" \"" + x + "\" \"KEYS\" \"k\"";
            case 6 -> pick(r, List.of("F 18 PasswordMessage \"", "F\t22\tPasswordMessage\t \"", "PasswordMessage (p) ", "-> PasswordMessage ")) + x
                    + pick(r, List.of("\"", "\"", "", ""));
            case 7 -> pick(r, List.of("a1 LOGIN ", "C: A001 login ")) + u + " " + x;
            case 8 -> pick(r, List.of("PASS ", "C: PASS ", "---> PASS ")) + x;
            default -> pick(r, List.of("AUTH ", "CONFIG SET requirepass ", "ACL SETUSER " + u + " on >")) + x;
        };
    }

    private static final List<String> HARMLESS_WIRE = List.of("HELLO 3 SETNAME worker-1", "\"HELLO\" \"3\"", "MIGRATE 10.0.0.9 6379 \"\" 0 5000 KEYS a:1",
            "Connection.StartOk mechanism=PLAIN locale=en_US", "Connection.Start mechanisms=PLAIN AMQPLAIN", "250-AUTH LOGIN PLAIN CRAM-MD5",
            "B 8 AuthenticationOk", "B 12 AuthenticationMD5Password", "+OK", "AUTH OK", "a1 OK LOGIN completed", "PLAIN text body follows",
            "mechanism PLAIN selected");

    @Test
    void loginsInProtocolTranscriptsAreHidden() {
        List<String> leaked = new ArrayList<>();
        for (int seed = 0; seed < 40; seed++) {
            Random r = new Random(seed);
            for (int i = 0; i < 25; i++) {
                String x = secret(r, "\"'\\^@");
                String line = transcript(r, x);
                String shown = R.lines(List.of(pick(r, PREFIXES) + line)).get(0);
                leak(x, line, shown, leaked);
                if (line.contains("PLAIN") && !line.contains("response")) {
                    String b64 = line.substring(line.lastIndexOf(' ') + 1).replaceFirst("^[A-Za-z]*=", "");
                    assertThat(shown).as(line).doesNotContain(b64);
                }
            }
        }
        assertThat(leaked).isEmpty();
    }

    @Test
    void transcriptLinesWithoutALoginStay() {
        assertThat(changed(HARMLESS_WIRE)).isEmpty();
    }

    // ---- runtime introspection ----------------------------------------------------------------------------------

    private static final List<String> SECRET_FLAGS = List.of("-db-pass", "--password", "--secret", "-token", "--api-key", "--client-secret", "-p",
            "--db-password", "-auth-token", "--pass", "--access-key", "--signing-key");
    private static final List<String> SECRET_NAMES = List.of("DB_PASSWORD", "APP_SECRET", "MAIL_PASSWORD", "API_TOKEN", "REDIS_AUTH", "SecretKey",
            "Password", "ClientSecret", "db.password", "smtp_pass", "AccessToken", "ApiKey");

    private static String dump(Random r, String x) {
        String flag = pick(r, SECRET_FLAGS);
        String name = pick(r, SECRET_NAMES);
        String q = pick(r, List.of("'", "\""));
        return switch (r.nextInt(10)) {
            case 0 -> "{\"cmdline\": [\"/app/server\", \"" + flag + "\", \"" + x + "\", \"-listen\", \":8080\"], \"memstats\": {\"Alloc\": 1234567}}";
            case 1 -> "process.argv: [ '/usr/local/bin/node', '/app/index.js', '" + flag + "', '" + x + "' ]";
            case 2 -> "sys.argv = [" + q + "/app/run.py" + q + ", " + q + flag + q + ", " + q + x + q + ", " + q + "-v" + q + "]";
            case 3 -> "DB_HOST => db\n" + name + " => " + x + " => " + x + "\nAPP_ENV => production";
            case 4 -> "<EventData><Data Name=\"TargetUserName\">" + user(r) + "</Data><Data Name=\"" + name + "\">" + x + "</Data></EventData>";
            case 5 -> pick(r, List.of("<entry key=\"", "<Property Name=\"", "<setting name=\"", "<item key='")).transform(o -> o + name
                    + (o.endsWith("'") ? "'" : "\"") + ">" + x + "</" + o.substring(1, o.indexOf(' ')) + ">");
            case 6 -> "<add key=\"" + name + "\" value=\"" + x + "\" />";
            case 7 -> pick(r, List.of("::add-mask::", "echo \"::add-mask::", "##vso[task.setvariable variable=db;issecret=true]")) + x
                    + pick(r, List.of("", "\""));
            case 8 -> pick(r, List.of("password", "secret", "token", "api key")) + " bits: " + bits(x);
            default -> "[" + q + "/usr/bin/app" + q + ", " + q + flag + q + ",\n  " + q + x + q + "]";
        };
    }

    private static String bits(String x) {
        StringBuilder b = new StringBuilder();
        for (byte c : x.getBytes(StandardCharsets.US_ASCII)) {
            String s = Integer.toBinaryString(c & 0xff);
            b.append(b.length() == 0 ? "" : " ").append("0".repeat(8 - s.length())).append(s);
        }
        return b.toString();
    }

    private static final List<String> HARMLESS_DUMPS = List.of("{\"cmdline\": [\"/app/server\", \"-listen\", \":8080\", \"-v\"]}",
            "process.argv: [ 'node', 'index.js', '--port', '8080' ]", "[\"--password-file\", \"/run/secrets/db\"]", "[\"--token\", \"$TOKEN\"]",
            "DB_HOST => db => db", "APP_ENV => production => production", "DB_PASSWORD => no value => no value",
            "<Data Name=\"TargetUserName\">bob</Data>", "<Data Name=\"LogonType\">3</Data>", "<add key=\"Timeout\" value=\"30\"/>",
            "<entry key=\"timeout\">12</entry>", "<RSAKeyValue><Exponent>AQAB</Exponent></RSAKeyValue>", "::add-mask::${{ secrets.TOKEN }}",
            "echo \"::add-mask::$TOKEN\"", "build bits: 64", "flags: 01000001", "sys.argv = ['run.py', '-v', '--debug']",
            "<param name=\"timeout\" value=\"30\"/>", "[\"-p\", \"8080:80\"]");

    @Test
    void secretsInRuntimeDumpsAreHidden() {
        List<String> leaked = new ArrayList<>();
        for (int seed = 0; seed < 40; seed++) {
            Random r = new Random(seed);
            for (int i = 0; i < 25; i++) {
                String x = secret(r, "\"'<>&\\:=,[]$");
                String text = dump(r, x);
                List<String> lines = new ArrayList<>();
                String prefix = pick(r, PREFIXES);
                for (String l : text.split("\n")) {
                    lines.add(prefix + l);
                }
                leak(x, text, String.join("\n", R.lines(lines)), leaked);
            }
        }
        assertThat(leaked).isEmpty();
    }

    @Test
    void theRsaKeysPrivatePartsAreHiddenInXml() {
        Random r = new Random(7);
        for (int i = 0; i < 30; i++) {
            List<String> parts = new ArrayList<>();
            StringBuilder xml = new StringBuilder("<RSAKeyValue><Modulus>" + b64(r, 128) + "</Modulus><Exponent>AQAB</Exponent>");
            for (String tag : List.of("P", "Q", "DP", "DQ", "InverseQ", "D")) {
                String v = b64(r, tag.equals("D") ? 128 : 64);
                parts.add(v);
                xml.append('<').append(tag).append('>').append(v).append("</").append(tag).append('>');
            }
            xml.append("</RSAKeyValue>");
            String shown = R.lines(List.of(xml.toString())).get(0);
            for (String v : parts) {
                assertThat(shown).as(xml.toString()).doesNotContain(v.substring(0, 8)).doesNotContain(v.substring(v.length() - 12, v.length() - 4));
            }
            assertThat(shown).contains("<Exponent>AQAB</Exponent>");
        }
    }

    @Test
    void ordinaryDumpsAndXmlStay() {
        assertThat(changed(HARMLESS_DUMPS)).isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** What each tool shows of a command: docker_top/docker_events commandLine, history createdBy, sh -c in top, Cmd argv, a log line. */
    private static List<String> commandCarriers(String line) {
        List<String> out = new ArrayList<>();
        for (String field : List.of("commandLine", "createdBy")) {
            ObjectNode o = JSON.objectNode();
            o.put(field, line);
            out.add(R.tree(o).get(field).asString());
        }
        ObjectNode history = JSON.objectNode();
        history.put("createdBy", "/bin/sh -c " + line);
        out.add(R.tree(history).get("createdBy").asString().replaceFirst("^/bin/sh -c ", ""));
        ObjectNode top = JSON.objectNode();
        top.put("commandLine", "sh -c '" + line.replace("'", "'\"'\"'") + "'");
        out.add(R.tree(top).get("commandLine").asString().replace("'\"'\"'", "'").replaceFirst("^sh -c '(.*)'$", "$1"));
        ObjectNode o = JSON.objectNode();
        ArrayNode sh = o.putArray("cmd");
        sh.add("sh").add("-c").add(line);
        out.add(R.tree(o).get("cmd").get(2).asString());
        if (!line.contains("'") && !line.contains("\"")) {
            ObjectNode argv = JSON.objectNode();
            ArrayNode a = argv.putArray("cmd");
            for (String w : line.split(" ")) {
                a.add(w);
            }
            List<String> words = new ArrayList<>();
            for (JsonNode w : R.tree(argv).get("cmd")) {
                words.add(w.asString());
            }
            out.add(String.join(" ", words));
        }
        out.add(R.lines(List.of("2026-11-30T10:00:01Z running: " + line)).get(0).replaceFirst("^2026-11-30T10:00:01Z running: ", ""));
        return out;
    }

    private static List<String> changed(List<String> harmless) {
        List<String> changed = new ArrayList<>();
        for (String line : harmless) {
            List<String> lines = Arrays.asList(line.split("\n", -1));
            List<String> shown = R.lines(lines);
            if (!shown.equals(lines)) {
                changed.add(line + " -> " + shown);
            }
        }
        return changed;
    }

    private static void leak(String secret, String planted, String shown, List<String> leaked) {
        for (int k = 0; k + 8 <= secret.length(); k++) {
            String piece = secret.substring(k, k + 8);
            if (!planted.replace(secret, "").contains(piece) && shown.contains(piece)) {
                leaked.add(planted + " -> " + shown);
                return;
            }
        }
    }

    /** A password of one of several shapes: random letters and digits, a human one, symbols between runs; never a character of {@code avoid}. */
    private static String secret(Random r, String avoid) {
        String v;
        do {
            v = switch (r.nextInt(5)) {
                case 0 -> chars(r, ALNUM, 10 + r.nextInt(14));
                case 1 -> pick(r, List.of("Maple", "Harbor", "Violet", "Copper", "Quartz")) + pick(r, List.of("-", ".", "_", "+"))
                        + pick(r, List.of("river", "ember", "falcon", "tundra")) + (10 + r.nextInt(989)) + pick(r, List.of("!", "?", "", "%"));
                case 2 -> chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 2) + chars(r, "abcdefghijklmnopqrstuvwxyz", 3) + chars(r, "0123456789", 2)
                        + pick(r, List.of("!", "%", "*", "+", ".", "-", "_")) + chars(r, ALNUM, 10);
                case 3 -> chars(r, ALNUM, 6) + chars(r, SYMBOLS, 1) + chars(r, ALNUM, 6) + chars(r, SYMBOLS, 1) + chars(r, ALNUM, 4);
                default -> chars(r, ALNUM + SYMBOLS, 12 + r.nextInt(12));
            };
        } while (!shaped(v, avoid));
        return v;
    }

    private static boolean shaped(String v, String avoid) {
        for (char c : v.toCharArray()) {
            if (avoid.indexOf(c) >= 0) {
                return false;
            }
        }
        char c0 = v.charAt(0);
        return Character.isLetterOrDigit(c0) && Character.isLetterOrDigit(v.charAt(v.length() - 1)) && v.chars().anyMatch(Character::isDigit)
                && v.chars().anyMatch(Character::isUpperCase) && v.chars().anyMatch(Character::isLowerCase);
    }

    private static String user(Random r) {
        return pick(r, List.of("alice", "admin", "deploy", "etl", "svc_app", "ops", "report", "ingest")) + (r.nextBoolean() ? "" : String.valueOf(r.nextInt(999)));
    }

    private static String address(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> "10." + r.nextInt(255) + "." + r.nextInt(255) + "." + (1 + r.nextInt(254));
            case 1 -> "192.168." + r.nextInt(255) + ".0/24";
            case 2 -> pick(r, List.of("vpn", "gw", "peer1", "edge-03")) + "." + pick(r, List.of("acme.io", "example.org", "corp.internal"));
            case 3 -> "fd00:" + Integer.toHexString(r.nextInt(65535)) + "::" + (1 + r.nextInt(99));
            default -> pick(r, List.of("ops", "vpn")) + "@" + pick(r, List.of("acme.io", "example.org"));
        };
    }

    private static String b64(Random r, int bytes) {
        byte[] b = new byte[bytes];
        r.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static String chars(Random r, String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
