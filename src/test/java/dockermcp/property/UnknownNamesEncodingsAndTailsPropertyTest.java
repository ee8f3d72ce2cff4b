package dockermcp.property;

import static dockermcp.property.SiblingFieldsPropertyTest.assertHidden;
import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, the eighth outside test's families 2 to 4: names the name test did not know in free text (a secret word of another
 * language, {@code _CODE}, {@code _PIN}, {@code _PW2}) after {@code setenv}, {@code export}, {@code declare -x}, {@code =>}
 * and {@code :}, and a random value exported under any upper-case name; encodings with no keyword (a NUL-joined argv in hex,
 * byte lists under a key name or decoding to a password, a Thread dataset, base64 keystores and DER private keys); and a value
 * line alone in a tail window. Their harmless look-alikes stay.
 */
class UnknownNamesEncodingsAndTailsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final int ROUNDS = 200;

    private static String unknownName(Gen g) {
        String stem = g.pick("ENROLL", "JOIN", "LICENSE", "ALARM", "DOOR", "SYSDBA", "VAULT", "APP", "ADMIN", "unlock", "admin");
        return switch (g.between(0, 2)) {
            case 0 -> Character.isUpperCase(stem.charAt(1)) ? stem + g.pick("_CODE", "_PIN", "_PW", "_PW2", "_PIN2", "_code", "_pin")
                    : stem + g.pick("_code", "_pin", "_pw", "Code", "Pin", "Pw", "Pw2");
            case 1 -> g.pick("SEGRETO", "GEHEIMNIS", "RAHASIA", "ANGOU", "parole", "KATALALUAN", "contraseña", "senha", "hasło", "wachtwoord",
                    "lösenord", "salasana", "jelszó", "şifre", "пароль", "密码", "パスワード", "비밀번호", "MAT_KHAU", "CHIAVE", "KATA_SANDI", "SIFRE")
                    + g.pick("", "_APP", "_DB", "Db", "_1");
            default -> g.pick("APP_", "DB_", "X_", "") + g.pick("GEHEIMNIS", "SEGRETO", "RAHASIA", "PWRD", "CONTRASENA");
        };
    }

    @Test
    void aValueUnderANameOfAnotherLanguageOrASecretTailIsHiddenInFreeText() {
        Gen g = new Gen(921);
        for (int i = 0; i < ROUNDS * 2; i++) {
            String name = unknownName(g);
            String value = SiblingFieldsPropertyTest.secret(g).replace("'", "").replace("\"", "");
            String q = g.pick("", "'", "\"");
            String line = switch (g.between(0, 5)) {
                case 0 -> "setenv " + name + " " + value;
                case 1 -> "export " + name + "=" + q + value + q;
                case 2 -> "declare -x " + name + "=\"" + value + "\"";
                case 3 -> "  " + name + " => " + value;
                case 4 -> name + ": " + value;
                default -> g.pick("+ ", "$ ", "# ") + "export " + name + "=" + q + value + q;
            };
            assertHidden(g.pick("", "2026-11-30T10:00:01Z INFO ", "[entrypoint] ") + line, value);
        }
    }

    /** The word for password in another language, then the value after a blank, in a sentence: {@code Benutzer deploy, Kennwort x}. */
    @Test
    void aValueAfterTheWordForPasswordInAnotherLanguageAndABlankIsHidden() {
        Gen g = new Gen(927);
        for (int i = 0; i < ROUNDS; i++) {
            String word = g.pick("Kennwort", "Passwort", "contraseña", "senha", "hasło", "wachtwoord", "lösenord", "salasana", "jelszó", "şifre", "пароль",
                    "密码", "パスワード", "비밀번호", "parola", "lozinka", "heslo");
            String value = SiblingFieldsPropertyTest.secret(g).replace("'", "").replace("\"", "");
            String user = g.pick("Benutzer", "usuario", "utilisateur", "пользователь", "用户", "ユーザー", "user") + " " + g.pick("deploy", "admin", "svc");
            assertHidden(g.pick("", "Zugangsdaten: ", "INFO ", "[setup] ") + user + g.pick(", ", " ", "; ") + word + " " + value
                    + g.pick("", " ", ".", " (temporary)"), value);
        }
        for (String sentence : List.of("Kennwort vergessen? Hier klicken", "das Passwort ist abgelaufen", "пароль неверный", "la clave pública del servidor",
                "密码 错误", "パスワード を 変更しました", "senha alterada com sucesso", "hasło wygasło")) {
            assertThat(REDACTOR.text(sentence)).as(sentence).isEqualTo(sentence);
        }
    }

    @Test
    void aRandomValueExportedUnderAnyUpperCaseNameIsHidden() {
        Gen g = new Gen(922);
        for (int i = 0; i < ROUNDS; i++) {
            String name = g.pick("FOO", "WIDGET", "ACME", "SVC", "X") + "_" + g.pick("BAR", "VAL", "CFG", "OPT", "ONE") + g.between(0, 9);
            String value = g.string(Gen.UPPER, 1, 1) + g.string(Gen.LOWER, 1, 1) + g.string(Gen.DIGITS, 1, 1) + g.string(Gen.ALNUM, 13, 30);
            assertHidden(g.pick("export ", "setenv ", "declare -x ") + name + g.pick("=", " ").replace(" ", g.bool() ? " " : "=") + value, value);
        }
    }

    @Test
    void encodingsWithNoKeywordAreHidden() {
        Gen g = new Gen(923);
        for (int i = 0; i < ROUNDS; i++) {
            String value = SiblingFieldsPropertyTest.secret(g);
            String argv = g.pick("redis-cli\0-h\0cache01\0-a\0" + value + "\0ping", "mysql\0-uroot\0-p" + value, "sshpass\0-p\0" + value + "\0ssh\0host",
                    "curl\0-u\0admin:" + value + "\0http://db", "psql\0postgresql://app:" + value + "@db/app");
            String hex = HexFormat.of().withUpperCase().formatHex(argv.getBytes(StandardCharsets.UTF_8));
            assertHidden("type=PROCTITLE msg=audit(1764500002.789:" + g.between(100, 9999) + "): proctitle=" + (g.bool() ? hex : hex.toLowerCase()),
                    hex);
            StringBuilder bytes = new StringBuilder();
            for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                bytes.append(bytes.isEmpty() ? "" : " ").append(b & 0xff);
            }
            assertHidden(g.pick("DEBUG auth: ", "") + g.pick("password", "secret", "token", "creds") + " bytes [" + bytes + "]", bytes.toString());
            String assignment = g.pick("password=", "token: ", "secret ") + SiblingFieldsPropertyTest.secret(g);
            StringBuilder assignmentBytes = new StringBuilder(); // no name before the list: what it decodes to tells
            for (char c : assignment.toCharArray()) {
                assignmentBytes.append(assignmentBytes.isEmpty() ? "" : " ").append((int) c);
            }
            assertHidden(g.pick("msg=", "got ") + "[" + assignmentBytes + "]", assignmentBytes.toString());
            StringBuilder key = new StringBuilder();
            int count = g.pick(16, 32);
            for (int k = 0; k < count; k++) {
                key.append(k == 0 ? "" : ", ").append(g.between(0, 255));
            }
            assertHidden("advanced:\n  pan_id: " + g.between(1000, 9999) + "\n  " + g.pick("network_key", "app_key", "encryption_key", "s2_key") + ": ["
                    + key + "]", key.toString());
            String dataset = "0e08000000000001000000030000" + g.string("0123456789abcdef", 2, 2) + "35060004001fffe00208" + g.string("0123456789abcdef", 16, 16)
                    + "0708fd" + g.string("0123456789abcdef", 14, 14) + "0510" + g.string("0123456789abcdef", 32, 32);
            assertHidden(g.pick("Active dataset: ", "dataset_tlvs = ", "Dataset ") + dataset, dataset);
            byte[] der = new byte[g.between(60, 200)];
            for (int k = 0; k < der.length; k++) {
                der[k] = (byte) g.between(0, 255);
            }
            byte[] head = g.pick(new byte[] {(byte) 0xfe, (byte) 0xed, (byte) 0xfe, (byte) 0xed, 0, 0, 0, 2}, new byte[] {(byte) 0xce, (byte) 0xce,
                (byte) 0xce, (byte) 0xce, 0, 0, 0, 2}, new byte[] {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06}, new byte[] {0x30, (byte) 0x82, 0x04,
                (byte) 0xbd, 0x02, 0x01, 0x00, 0x30}, new byte[] {0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20, 0x11});
            System.arraycopy(head, 0, der, 0, head.length);
            String b64 = Base64.getEncoder().encodeToString(der);
            assertHidden(g.pick("", "DEBUG settings=", "loaded ") + b64, b64);
        }
    }

    @Test
    void aPasswordShapedValueAloneInATailWindowIsHidden() {
        Gen g = new Gen(924);
        for (int i = 0; i < ROUNDS * 2; i++) {
            String value = g.string(Gen.UPPER, 1, 2) + g.string(Gen.LOWER, 3, 4) + g.string(Gen.DIGITS, 2, 2) + g.pick("-", "_", ".", "*", "~", "#", "!")
                    + g.string(Gen.LOWER, 2, 4) + g.string(Gen.UPPER, 2, 5) + g.string(Gen.DIGITS, 1, 1) + g.string(Gen.ALNUM, 1, 3);
            String line = switch (g.between(0, 6)) {
                case 0 -> " ".repeat(g.between(2, 8)) + value;
                case 1 -> g.between(2, 12) * 2 + ") \"" + value + "\"";
                case 2 -> "  '" + value + "');";
                case 3 -> value + g.pick("", " \\");
                case 4 -> "\"" + value + "\"" + g.pick(",", "", "}");
                case 5 -> " ".repeat(g.between(10, 20)) + value;
                default -> "    " + value + "\n  role: superuser";
            };
            assertHidden(g.pick("", "\n", "\n\n") + line, value);
        }
    }

    @Test
    void harmlessLookAlikesStay() {
        Gen g = new Gen(925);
        HarmlessText harmless = new HarmlessText(926);
        for (int i = 0; i < ROUNDS; i++) {
            StringBuilder counts = new StringBuilder();
            for (int k = 0; k < g.between(8, 20); k++) {
                counts.append(k == 0 ? "" : ", ").append(g.between(0, 255));
            }
            List<String> texts = List.of(
                    "latencies [" + counts + "]",
                    "latencies ms: [" + counts.toString().replace(",", "") + "]",
                    "    " + g.pick("VGhlIHF1aWNrIGJyb3du", "IGZveCBqdW1wcyBvdmVy", "OpenJDK17U-jdk_x64_linux_hotspot_17.0.9_9.tar.gz"),
                    "id\tname\ttoken_type\n1\tci\tbearer",
                    "| Name | Token |\n|---|---|\n| deploy | ${DEPLOY_TOKEN} |",
                    "ldshpp. sstutwgpsw, hblvknwmdafj\nnqiwq,",
                    "sha256 " + g.string("0123456789abcdef", 64, 64),
                    "commit " + g.string("0123456789abcdef", 40, 40),
                    "    " + g.pick("completed", "started", "OpenJDK17U", "v1.2.3", "eu-west-1", "/var/lib/data", "Connection-Pool"),
                    g.between(1, 9) + ") \"" + g.pick("user", "svc" + g.between(1, 999), "password", "orders") + "\"",
                    "export " + g.pick("PATH=/usr/local/bin:/usr/bin", "LANG=C.UTF-8", "JAVA_OPTS=-Xmx512m", "EXIT_CODE=0", "HTTP_CODE=404",
                            "COUNTRY_CODE=DE", "NODE_ENV=production", "GOFLAGS=-mod=mod"),
                    g.pick("STATUS_CODE", "ERROR_CODE", "exit_code", "LANG_CODE") + ": " + g.pick("0", "200", "E42", "en"),
                    "  " + g.pick("4f3c2a1b-9d8e-4b7a-8c6d-5e4f3a2b1c0d", "2026-11-30T10:00:01Z"),
                    harmless.logLine());
            for (String text : texts) {
                assertThat(String.join("\n", REDACTOR.lines(List.of(text.split("\n", -1))))).as(text).isEqualTo(text);
            }
        }
    }
}
