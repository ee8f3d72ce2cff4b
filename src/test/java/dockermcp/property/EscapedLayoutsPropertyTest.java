package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: a multi-line text logged as one string, its line breaks and tabs escaped ({@code \n}, {@code \r\n}, {@code \t};
 * {@code \\n} when the string was encoded twice, JSON inside JSON): a name on one escaped line and its value on the next, a
 * config file, a protocol transcript, a key block, a value printed alone under its heading. The layouts the detector
 * knows with real line breaks are read through the escapes too; no 8-character piece of a planted secret may survive. Texts
 * with escaped line breaks and no secret (stack traces, Windows paths, configuration without credentials) stay as they are.
 */
class EscapedLayoutsPropertyTest {

    private static final Redactor R = new Redactor();

    /** A multi-line layout with the secret {@code x} in it, lines joined by real line breaks and tabs. */
    private static String layout(Gen g, String x) {
        String user = g.pick("svc", "deploy", "app", "root", "etl") + g.between(1, 99);
        return switch (g.between(0, 9)) {
            case 0 -> g.pick("admin", "db", "smtp", "auth") + ":\n  user: " + user + "\n  " + g.pick("password", "secret", "token", "passphrase") + ":\n    " + x
                    + "\n  port: 5432";
            case 1 -> "user=" + user + "\n" + g.pick("password", "passwd", "db_password", "secret") + "=" + x + "\nport=5432";
            case 2 -> g.pick("Username", "Login", "User") + ": " + user + "\n" + g.pick("Password", "Passphrase", "Token", "API key") + ": " + x;
            case 3 -> "USER " + user + "\r\nPASS " + x + "\r\n" + g.pick("LIST", "QUIT", "SYST");
            case 4 -> "\t" + g.pick("PASSWORD", "SECRET_KEY", "DB_PASS", "api_token") + "\t" + x + "\n\tPORT\t5432";
            case 5 -> "[client]\nuser=" + user + "\n" + g.pick("password", "pass", "pwd") + " = " + x + "\n";
            case 6 -> g.pick("Your new API key:", "Initial admin password:", "Generated token:", "Root password:") + "\n" + x
                    + "\n" + g.pick("Store it safely.", "Change it after the first login.", "It will not be shown again.");
            case 7 -> "export " + g.pick("DB_PASSWORD", "API_SECRET", "REDIS_AUTH", "APP_TOKEN") + "=" + x + "\nexport PORT=8080";
            case 8 -> "-----BEGIN PRIVATE KEY-----\n" + x + g.string(Gen.ALNUM, 40, 40) + "\n" + g.string(Gen.ALNUM + "+/", 64, 64)
                    + "\n-----END PRIVATE KEY-----";
            default -> "spring:\n  datasource:\n    username: " + user + "\n    password: " + x + "\n    url: jdbc:postgresql://db:5432/app";
        };
    }

    /** The layout as one logged string: its breaks escaped once or twice, quotes escaped, inside a log record. */
    private static String logged(Gen g, String text) {
        boolean twice = g.bool();
        String once = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        String escaped = twice ? once.replace("\\", "\\\\").replace("\"", "\\\"") : once;
        return switch (g.between(0, 3)) {
            case 0 -> "{\"level\":\"debug\",\"msg\":\"" + g.pick("loaded config", "response", "stdout", "file") + ": " + escaped + "\"}";
            case 1 -> "time=2026-11-30T10:00:01Z level=info msg=\"" + escaped + "\"";
            case 2 -> "DEBUG sent \"" + escaped + "\" to peer";
            default -> "{\"log\":\"" + escaped + "\",\"stream\":\"stdout\"}";
        };
    }

    /** A password or key of several shapes: letters and digits with a sign, never a quote, a blank or a backslash. */
    private static String secret(Gen g) {
        return g.string(Gen.UPPER, 2, 2) + g.string(Gen.LOWER, 3, 3) + g.string(Gen.DIGITS, 2, 2) + g.pick("!", "%", "*", "+", ".", "-", "_", "#")
                + g.string(Gen.ALNUM, 8, 14);
    }

    @Test
    void layoutsLoggedAsOneEscapedStringLoseTheirSecret() {
        List<String> leaked = new ArrayList<>();
        int checked = 0;
        for (int seed = 0; seed < 600; seed++) {
            Gen g = new Gen(seed);
            String x = secret(g);
            String line = logged(g, layout(g, x));
            String shown = R.lines(List.of(line)).get(0);
            for (int k = 0; k + 8 <= x.length(); k++) {
                if (shown.contains(x.substring(k, k + 8))) {
                    leaked.add(line + " -> " + shown);
                    break;
                }
            }
            checked++;
        }
        assertThat(leaked).isEmpty();
        assertThat(checked).isEqualTo(600);
    }

    @Test
    void escapedTextsWithoutASecretStayAsTheyAre() {
        List<String> harmless = List.of("Error: boom\n    at run (/app/src/index.js:42:7)\n    at process.processTicksAndRejections (node:internal/process:95:5)",
                "java.lang.IllegalStateException: closed\n\tat com.acme.Pool.take(Pool.java:88)\n\tat com.acme.Main.main(Main.java:12)",
                "C:\\new\\temp\\report.txt", "C:\\Users\\tom\\AppData\\Roaming\\npm\\node_modules", "host: db\nport: 5432\npool: 20\nssl: require",
                "line one\nline two\r\nline three", "GET /healthz 200\nGET /metrics 200", "key\tvalue\nmode\tprod\nregion\teu-west-1",
                "password reset requested for alice\nmail sent", "token refresh scheduled\nnext run in 300 s", "Traceback (most recent call last):\n  File \"app.py\", line 9, in <module>\n    main()\nValueError: bad port");
        List<String> changed = new ArrayList<>();
        for (int seed = 0; seed < 200; seed++) {
            Gen g = new Gen(seed);
            String line = logged(g, g.pick(harmless));
            String shown = R.lines(List.of(line)).get(0);
            if (!shown.equals(line)) {
                changed.add(line + " -> " + shown);
            }
        }
        assertThat(changed).isEmpty();
    }
}
