package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, the third outside test's command lines: a password passed by a short flag after a login verb or to a
 * program that takes it so, quoted or not, as {@code user:x} after a user flag, {@code cert:x} after a certificate flag,
 * or by position, is hidden in every carrier of a command (docker_top's and docker_events' {@code commandLine}, image
 * history's {@code createdBy}, an argv {@code Cmd}); ordinary commands with the same flags stay as they are.
 */
class CommandLinePasswordsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> LOGINS = List.of("podman login", "crane auth login ghcr.io", "oc login https://api.ocp:6443", "docker login reg.io",
            "buildah login quay.io", "helm registry login r.io", "cf login -a https://api.cf", "dotnet nuget add source https://x/index.json");
    private static final List<String> PROGRAMS = List.of("cqlsh", "bcp db.dbo.t out f.dat -S db", "mosquitto_pub -h mq -t a", "rabbitmqadmin", "unzip", "sqlcmd -S db",
            "ipmitool -H bmc -I lanplus", "influx -host db", "mongosh --host db");
    private static final List<String> FLAGS = List.of("-p", "-P", "-w");
    private static final List<String> USER_FLAGS = List.of("-u", "--user", "--proxy-user", "--creds");
    private static final List<String> USERS = List.of("ci", "dev", "admin", "svc", "app", "");

    @Test
    void passwordsOnCommandLinesAreHiddenInEveryCarrier() {
        int checked = 0;
        for (int seed = 0; seed < 25; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            Random r = new Random(seed);
            for (int i = 0; i < 40; i++) {
                String secret = secret(parts, r);
                String line = command(parts, r, secret);
                for (String shown : carriers(line)) {
                    assertHidden(secret, line, shown);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(3000);
    }

    @Test
    void ordinaryCommandsWithTheSameFlagsStayAsTheyAre() {
        List<String> changed = new ArrayList<>();
        int total = 0;
        for (int seed = 0; seed < 25; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            Random r = new Random(seed);
            for (int i = 0; i < 40; i++) {
                String line = harmless(parts, r);
                total++;
                for (String shown : carriers(line)) {
                    if (!shown.equals(line)) {
                        changed.add(line + " -> " + shown);
                    }
                }
            }
        }
        assertThat(changed).as("of " + total).isEmpty();
    }

    /**
     * A script given to {@code sh -c '…'} writes the quotes of its own code as {@code '"'"'} or {@code '\''} (the outside
     * test's {@code perl -e 'DBI->connect('"'"'dbi:…'"'"', '"'"'user'"'"', '"'"'x'"'"')'}): the password inside is hidden
     * in the command carriers and in a log line that prints the command; the same quoting around harmless words stays.
     */
    @Test
    void aPasswordQuotedInsideASingleQuotedShellScriptIsHidden() {
        List<String> idioms = List.of("'\"'\"'", "'\\''");
        int checked = 0;
        List<String> changed = new ArrayList<>();
        for (int seed = 0; seed < 25; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            Random r = new Random(seed);
            for (int i = 0; i < 20; i++) {
                String x = secret(parts, r);
                String user = parts.pick(USERS.subList(0, USERS.size() - 1));
                String code = switch (r.nextInt(5)) {
                    case 0 -> "perl -MDBI -e 'DBI->connect('dbi:Pg:dbname=app;host=db','" + user + "','" + x + "')'";
                    case 1 -> "python3 -c 'import psycopg2; psycopg2.connect(host='db', user='" + user + "', password='" + x + "')'";
                    case 2 -> parts.pick(List.of("PASSPHRASE", "PGPASSWORD", "MYSQL_PWD")) + "='" + x + "' " + parts.pick(List.of("duplicity /data file:///b", "psql -h db", "mysql -h db"));
                    case 3 -> "mysql -h db -u " + user + " --password='" + x + "' -e 'select 1'";
                    default -> "node -e 'require('pg').connect({user: '" + user + "', password: '" + x + "'})'";
                };
                String idiom = parts.pick(idioms);
                String script = "sh -c '" + code.replace("'", idiom) + "'";
                List<String> shown = new ArrayList<>(quotedOnce(script));
                shown.add(REDACTOR.lines(List.of("+ " + script, "done")).get(0));
                for (String out : shown) {
                    assertHidden(x, script, out);
                    checked++;
                }
                String harmless = "sh -c '" + parts.pick(List.of("echo 'it's fine'", "printf 'a b' > /tmp/x", "grep -q 'ready' /var/log/app.log",
                        "su - app -c 'cd /srv && ./run'")).replace("'", idiom) + "'";
                for (String out : quotedOnce(harmless)) {
                    if (!out.equals(harmless)) {
                        changed.add(harmless + " -> " + out);
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(25 * 20 * 3);
        assertThat(changed).isEmpty();
    }

    /** A script quoted once, as docker_top/docker_events print it (commandLine) and as an image's history holds it (createdBy). */
    private static List<String> quotedOnce(String script) {
        List<String> out = new ArrayList<>();
        ObjectNode top = JSON.objectNode();
        top.put("commandLine", script);
        out.add(REDACTOR.tree(top).get("commandLine").asString());
        ObjectNode step = JSON.objectNode();
        step.put("createdBy", "/bin/sh -c " + script);
        out.add(REDACTOR.tree(step).get("createdBy").asString().substring("/bin/sh -c ".length()));
        return out;
    }

    /** The text of docker_inspect is rendered from the redacted structure and read once more: JSON syntax must come out whole. */
    @Test
    void theTextPassNeverRedactsAcrossJsonSyntax() {
        tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        for (int seed = 0; seed < 25; seed++) {
            SecretCorpus parts = new SecretCorpus(seed);
            Random r = new Random(seed);
            for (int i = 0; i < 40; i++) {
                String line = command(parts, r, secret(parts, r)).replace("'", "").replace("\"", "");
                ObjectNode o = JSON.objectNode();
                ArrayNode a = o.putArray("cmd");
                for (String w : line.split(" ")) {
                    a.add(w);
                }
                ArrayNode shown = (ArrayNode) REDACTOR.tree(o).get("cmd");
                String rendered = "command: " + shown;
                String text = REDACTOR.text(rendered);
                JsonNode reread = mapper.readTree(text.substring("command: ".length()));
                assertThat(reread.size()).as(rendered + " -> " + text).isEqualTo(shown.size());
            }
        }
    }

    private static String secret(SecretCorpus parts, Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> parts.password(); // Maple-harbor12!
            case 1 -> parts.chars(SecretCorpus.ALNUM, 10 + r.nextInt(10));
            case 2 -> parts.chars(SecretCorpus.LOWER, 8 + r.nextInt(6)); // a plain word: only its place says it is a password
            default -> parts.chars(SecretCorpus.ALNUM, 6) + "!" + parts.chars(SecretCorpus.ALNUM, 6);
        };
    }

    /** A command of one of the shapes, the secret in its password place. */
    private static String command(SecretCorpus parts, Random r, String x) {
        String user = parts.pick(USERS.subList(0, USERS.size() - 1));
        String q = parts.pick(List.of("", "'", "\""));
        return switch (r.nextInt(13)) {
            case 12 -> "pwsh -c $pw = ConvertTo-SecureString " + q + x + q + " -AsPlainText -Force";
            case 0 -> parts.pick(LOGINS) + " -u " + user + " " + parts.pick(FLAGS.subList(0, 1)) + " " + q + x + q;
            case 1 -> parts.pick(PROGRAMS) + " -u " + user + " " + parts.pick(FLAGS) + " " + q + x + q + " a.zip";
            case 2 -> "mysql -u" + user + " -p'" + x + "' -e 'select 1'";
            case 3 -> parts.pick(List.of("curl", "etcdctl", "skopeo copy")) + " " + parts.pick(USER_FLAGS) + " " + q + parts.pick(USERS) + ":" + x + q + " https://x";
            case 4 -> "curl " + parts.pick(List.of("-E", "--cert")) + " " + q + parts.pick(List.of("client.pem", "/etc/ssl/me.crt", "c.p12")) + ":" + x + q + " https://x";
            case 5 -> "pulumi config set --secret " + parts.pick(List.of("dbPassword", "apiKey", "token")) + " " + x;
            case 6 -> "mosquitto_passwd -b /etc/mosquitto/pw " + user + " " + x;
            case 7 -> "wpa_passphrase " + parts.pick(List.of("home", "office-5g", "lab")) + " " + x;
            case 8 -> "xfreerdp /v:host /u:" + user + " /p:" + x;
            case 9 -> "net use \\\\files\\share /user:" + user + " " + x;
            case 10 -> "printf '" + user + "\\n" + x + "\\n' > /tmp/a && openvpn --auth-user-pass /tmp/a";
            default -> "app --password=" + q + x + q + " --port 8080";
        };
    }

    /** Commands with -p, -P, -u, -E and friends that carry no password. */
    private static String harmless(SecretCorpus parts, Random r) {
        int port = 1024 + r.nextInt(60000);
        return switch (r.nextInt(9)) {
            case 0 -> "ssh -p " + port + " deploy@" + parts.pick(List.of("web1", "db.internal", "10.0.0.4"));
            case 1 -> "mkdir -p /srv/" + parts.chars(SecretCorpus.LOWER, 5) + "/data";
            case 2 -> "docker run -p " + port + ":80 -u 1000:1000 nginx:1.27";
            case 3 -> "psql -h db -p 5432 -U " + parts.pick(List.of("app", "postgres")) + " -d app";
            case 4 -> "curl -k -sS https://auth.example.com/login";
            case 5 -> "redis-cli -h cache -p 6379 ping";
            case 6 -> "tar -xzf app.tgz -C /opt && chown -R app:app /opt/app";
            case 7 -> "cqlsh -u cassandra -p " + port + " cass"; // a number is not taken for a password
            default -> "curl -E /etc/ssl/client.pem --cacert /etc/ssl/ca.pem https://x";
        };
    }

    /** What each tool shows of the command: docker_top/docker_events commandLine, history createdBy, Cmd argv. */
    private static List<String> carriers(String line) {
        List<String> out = new ArrayList<>();
        for (String field : List.of("commandLine", "createdBy")) {
            ObjectNode o = JSON.objectNode();
            o.put(field, line);
            out.add(REDACTOR.tree(o).get(field).asString());
        }
        ObjectNode top = JSON.objectNode(); // ps shows the argv of sh -c '…' with the script's own quotes nested: '"'"'
        top.put("commandLine", "sh -c '" + line.replace("'", "'\"'\"'") + "'");
        out.add(REDACTOR.tree(top).get("commandLine").asString().replace("'\"'\"'", "'").replaceFirst("^sh -c '(.*)'$", "$1"));
        ObjectNode o = JSON.objectNode();
        ArrayNode sh = o.putArray("cmd");
        sh.add("sh").add("-c").add(line);
        out.add(REDACTOR.tree(o).get("cmd").get(2).asString());
        if (!line.contains("'") && !line.contains("\"") && !line.contains("&&")) {
            ObjectNode argv = JSON.objectNode();
            ArrayNode a = argv.putArray("cmd");
            for (String w : line.split(" ")) {
                a.add(w);
            }
            List<String> words = new ArrayList<>();
            for (JsonNode w : REDACTOR.tree(argv).get("cmd")) {
                words.add(w.asString());
            }
            out.add(String.join(" ", words));
        }
        return out;
    }

    private static void assertHidden(String secret, String line, String shown) {
        assertThat(shown).as(line).doesNotContain(secret);
        for (int k = 0; k + 8 <= secret.length(); k++) {
            String piece = secret.substring(k, k + 8);
            if (!line.replace(secret, "").contains(piece)) {
                assertThat(shown).as(line + ": a piece " + piece).doesNotContain(piece);
            }
        }
    }
}
