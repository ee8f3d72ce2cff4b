package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, the eighth outside test's families 1 and 5: a secret's name and its value in sibling fields that a format ties
 * together (a CEF label and its field, a header line naming the column of the rows under it, pickle and PHP serialized
 * strings, a one-member type wrapper, a JSON patch on a secret path, a YAML anchor, a key/value array), and keys files
 * ({@code <id> <type> <secret>}, a padded {@code Key Content : x}), with random names, labels, programs, values and carriers;
 * and the same shapes holding harmless data, which stay as they are.
 */
class SiblingFieldsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final int ROUNDS = 200;

    private static String secretName(Gen g) {
        return g.pick("password", "passwd", "secret", "api_key", "apiKey", "token", "db_password", "client_secret", "PASSWORD", "pwd",
                "auth_token", "private_key", "contraseña", "senha", "passphrase", "access_token", "segreto", "wachtwoord");
    }

    private static String plainName(Gen g) {
        return g.pick("user", "host", "port", "app", "region", "uri", "status", "method", "bytes", "duration", "role", "db", "path", "agent");
    }

    /** A generated password or key of any shape the families carry. */
    static String secret(Gen g) {
        return switch (g.between(0, 3)) {
            case 0 -> g.string(Gen.UPPER, 1, 2) + g.string(Gen.LOWER, 3, 4) + g.string(Gen.DIGITS, 2, 2) + g.pick("!", "#", "_", ".", "-", "*", "%", "+", "~")
                    + g.string(Gen.LOWER, 2, 4) + g.string(Gen.UPPER, 2, 5) + g.string(Gen.DIGITS, 1, 2) + g.string(Gen.ALNUM, 2, 4);
            case 1 -> g.string(Gen.ALNUM, 14, 30) + g.string(Gen.DIGITS, 1, 2) + g.string(Gen.UPPER, 1, 1) + g.string(Gen.LOWER, 2, 2);
            case 2 -> g.pick("Cobalt", "Maple", "Violet", "Harbor", "Umber") + g.pick(".", "-", "_") + g.pick("willow", "ember", "quartz") + g.between(100, 9999);
            default -> g.string(Gen.LOWER, 4, 6) + "-" + g.string(Gen.LOWER, 4, 6) + "-" + g.string(Gen.LOWER, 4, 6) + g.between(10, 99);
        };
    }

    private static String prefix(Gen g) {
        return g.pick("", "2026-11-30T10:00:0" + g.between(0, 9) + "Z INFO ", "Nov 30 10:00:08 gw01 app[" + g.between(100, 9999) + "]: ", "DEBUG ");
    }

    @Test
    void aLabelledFieldUnderASecretLabelIsHidden() {
        Gen g = new Gen(901);
        for (int i = 0; i < ROUNDS; i++) {
            String value = secret(g);
            int k = g.between(1, 6);
            String field = g.pick("cs", "cn", "flexString", "deviceCustomString", "cfp", "c6a") + k;
            String pair = field + "Label=" + secretName(g) + " " + field + "=" + value;
            String other = "cs" + (k + 1) + "Label=" + plainName(g) + " cs" + (k + 1) + "=" + g.pick("orders", "eu-1", "42");
            String cef = prefix(g) + "CEF:0|" + g.pick("Acme", "Contoso", "Initech") + "|" + g.pick("Gateway", "WAF", "IdP") + "|4." + g.between(0, 9)
                    + "|100|Login|5|src=10.0.0." + g.between(1, 250) + " suser=u" + g.between(1, 999) + " "
                    + (g.bool() ? pair + " " + other : other + " " + pair);
            assertHidden(cef, value);
        }
    }

    @Test
    void aColumnNamedSecretByAHeaderLineIsHiddenInTheRowsUnderIt() {
        Gen g = new Gen(902);
        for (int i = 0; i < ROUNDS; i++) {
            String sep = g.pick("\t", ",", " | ");
            int cols = g.between(2, 6);
            int at = g.between(0, cols - 1);
            StringBuilder head = new StringBuilder(sep.equals("\t") && g.bool() ? "#fields\t" : "");
            StringBuilder row = new StringBuilder();
            String value = secret(g).replace(",", "").replace("|", "");
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    head.append(sep);
                    row.append(sep);
                }
                head.append(c == at ? secretName(g) : plainName(g) + c);
                row.append(c == at ? value : g.pick("10.0.0.4", "api" + g.between(1, 999), "/v1/orders", "GET", "200", "eu-west-1"));
            }
            String text = head + "\n" + (g.bool() ? row : row + "\n" + row);
            assertHidden(text, value);
        }
    }

    @Test
    void serializedStringsAfterASecretKeyAreHidden() {
        Gen g = new Gen(903);
        for (int i = 0; i < ROUNDS; i++) {
            String value = secret(g).replace("'", "").replace("\"", "");
            String name = secretName(g).replace("ñ", "n");
            String user = "u" + g.between(1, 999);
            String php = "a:3:{s:4:\"user\";s:" + user.length() + ":\"" + user + "\";s:" + name.length() + ":\"" + name + "\";s:" + value.length()
                    + ":\"" + value + "\";s:4:\"port\";i:" + g.between(1000, 9999) + ";}";
            assertHidden(prefix(g) + php, value);
            String pickle = "(dp0\nS'user'\np1\nS'" + user + "'\np2\nsS'" + name + "'\np3\n" + (g.bool() ? "S'" + value + "'" : "V" + value) + "\np4\ns.";
            assertHidden(pickle, value);
        }
    }

    @Test
    void aTypedWrapperPatchAnchorOrKeyValueArrayUnderASecretNameIsHidden() {
        Gen g = new Gen(904);
        for (int i = 0; i < ROUNDS; i++) {
            String value = secret(g);
            String name = secretName(g);
            String type = g.pick("S", "stringValue", "Value", "string", "value", "N", "B");
            assertHidden(prefix(g) + "{\"Item\": {\"pk\": {\"S\": \"user#" + g.between(1, 999) + "\"}, \"" + name + "\": {\"" + type + "\": \"" + value
                    + "\"}, \"active\": {\"BOOL\": true}}}", value);
            String path = g.pick("/spec/template/spec/containers/0/env/" + g.between(0, 9) + "/value", "/data/" + name, "/stringData/" + name,
                    "/spec/config/" + name, "/secrets/" + name + "/value");
            String op = "{\"op\": \"" + g.pick("replace", "add") + "\", \"path\": \"" + path + "\", \"value\": \"" + value + "\"}";
            assertHidden(prefix(g) + "[" + op + ", {\"op\": \"add\", \"path\": \"/metadata/labels/rotated\", \"value\": \"true\"}]", value);
            String anchor = g.pick("pgpw", "dbpw", "a1", "cred", "x");
            String key = g.pick("x-db-secret", "x-common", "x-password", "defaults", "x-" + plainName(g));
            String user = g.pick("POSTGRES_PASSWORD", "DB_PASS", "MYSQL_ROOT_PASSWORD", "REDIS_SECRET", "password");
            assertHidden(key + ": &" + anchor + " " + value + "\nservices:\n  db:\n    environment:\n      " + user + ": *" + anchor, value);
            assertHidden("[{\"" + g.pick("Name", "name", "key", "Key") + "\":\"" + name + "\",\"" + g.pick("Value", "value") + "\":\"" + value + "\"}]",
                    value);
        }
    }

    @Test
    void keysFileRowsAndPaddedKeyLinesAreHidden() {
        Gen g = new Gen(905);
        for (int i = 0; i < ROUNDS; i++) {
            String value = secret(g);
            String type = g.pick("M", "MD5", "SHA1", "SHA256", "AES128CMAC", "md5");
            String hex = g.string("0123456789ABCDEF", 40, 40);
            String keys = g.pick("", "# ntp.keys\n", "# /etc/chrony.keys\n") + "1 SHA1 " + hex + "\n" + g.between(2, 99) + " " + type + " " + value
                    + g.pick("", "  # pool", " 10.0.0.1");
            assertHidden(keys, value);
            assertHidden(keys, hex);
            String label = g.pick("Key Content", "Security key", "Passphrase", "Pre-shared key", "Secret");
            assertHidden("    " + label + " ".repeat(g.between(2, 12)) + ": " + value, value);
        }
    }

    @Test
    void harmlessSiblingFieldsStay() {
        Gen g = new Gen(906);
        for (int i = 0; i < ROUNDS; i++) {
            String plain = g.pick("orders", "eu-west-1", "42", "GET", "api" + g.between(1, 999), "true");
            List<String> texts = List.of(
                    "src=10.0.0." + g.between(1, 250) + " cs1Label=" + plainName(g) + " cs1=" + plain,
                    "#fields\tts\tuid\t" + plainName(g) + "\n1764500000.1\tC8a\t" + plain,
                    "name,region,port\nweb-" + g.between(1, 9) + ",eu-west-1," + g.between(80, 9000),
                    "a:2:{s:4:\"user\";s:3:\"bob\";s:4:\"port\";i:" + g.between(1000, 9999) + ";}",
                    "(dp0\nS'user'\np1\nS'" + plain + "'\np2\ns.",
                    "{\"Item\": {\"pk\": {\"S\": \"user#" + g.between(1, 999) + "\"}, \"" + plainName(g) + "\": {\"S\": \"" + plain + "\"}}}",
                    "[{\"op\": \"replace\", \"path\": \"/spec/replicas\", \"value\": \"" + g.between(1, 9) + "\"}]",
                    "x-" + plainName(g) + ": &" + g.pick("port", "img", "defaults") + " " + g.pick("5432", "nginx:1.27", "postgres:16") + "\nservices:\n  db:\n    image: *img",
                    "    Authentication         : WPA2-Personal\n    Security key           : Present",
                    g.between(1, 9) + " " + g.pick("GET", "INFO", "OK") + " " + g.pick("/healthz", "done", "started"));
            for (String text : texts) {
                assertThat(String.join("\n", REDACTOR.lines(List.of(text.split("\n", -1))))).as(text).isEqualTo(text);
            }
        }
    }

    static void assertHidden(String text, String secret) {
        LinePairsAndDumpsPropertyTest.assertHidden(text, secret); // read as log lines and as one text
    }
}
