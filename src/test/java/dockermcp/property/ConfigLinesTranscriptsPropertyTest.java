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
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, the fourth outside test's families: daemon config lines ({@code key value} of redis.conf, keepalived,
 * ssh_config; userlist files of postfix, ppp, pgbouncer; Erlang terms), protocol transcripts (IMAP, FTP, POP3, SMTP
 * AUTH, MSSQL procedures, LDAP bind), odd separators ({@code ->}, {@code <-}, {@code :=}, {@code |}, {@code ~},
 * "was set to", {@code setPassword("x")}), password words in other languages and credentials inside env NAMES.
 * Each template is planted with new random passwords of several shapes in logs (and config lines also in an env
 * value and a label); the harmless lines of the same shapes stay as they are.
 */
class ConfigLinesTranscriptsPropertyTest {

    private static final Redactor R = new Redactor();

    /** Daemon configuration files, shown whole in a log, an env value or a label. */
    static final List<String> CONFIG = List.of("bind 0.0.0.0\nrequirepass {p}\nmasterauth {p}", "requirepass \"{p}\"", "masterauth {p}",
            "  masteruser app\n  masterauth {p}", "vrrp_instance VI_1 {\n  authentication {\n    auth_type PASS\n    auth_pass {p8}\n  }\n}",
            "\tauth_pass {p8}", "auth_pass  {p}  ", "requirepass {p} # set by ops", "masterauth '{p}'", "Host bastion\n  User {u}\n  IdentityFile ~/.ssh/id\n  # pass {p}",
            "Host db\n  Password {p}", "  PASSWORD {p}", "passwd {p}", "user admin insecure-password {p}", "stats auth admin:{p}", "secret {p}",
            "auth_token {p};", "set imap_pass={p}", "set smtp_pass = \"{p}\"", "rpcpassword {p}", "BindPW {p}", "bindpw {p}", "rootpw {p}",
            "client_secret {p};", "tls_passphrase {p}", "Passphrase {p}", "ldap_default_authtok {p}", "REQUIREPASS {p}", "; password {p}",
            "requirepass\t{p}", "masterauth {p};", "access_token {p}", "proxy_password {p}",
            "[smtp.gmail.com]:587 {u}@gmail.com:{p}", "[mail.acme.io]:submission {u}:{p}", "smtp.office365.com {u}@acme.io:{p}",
            "@acme.io {u}:{p}", "[smtp.sendgrid.net]:2525\tapikey:{p}", "\"{u}\" * \"{p}\" *", "{u} * {p} *", "{u}\tpptp\t{p}\t*",
            "{u} l2tpd \"{p}\" 10.0.0.0/24", "\"{u}@acme.io\" * \"{p}\" 10.8.0.2", "\"{u}\" \"{p}\"", "  \"{u}\"   \"{p}\"  ", "\"{u}@acme\" \"{p}\"",
            "[{rabbit, [{default_user, <<\"{u}\">>}, {default_pass, <<\"{p}\">>}]}].", "{password, \"{p}\"}", "{ldap, [{password, '{p}'}]}",
            "** {badauth,[{user,<<\"{u}\">>},{pass,<<\"{p}\">>}]}", "{ssl_options, [{password, \"{p}\"}]}", "[{emqx,[{admin_password,\"{p}\"}]}]",
            "Reason: {{badmatch,{error,{auth_failed,[{passwd,<<\"{p}\">>}]}}}}", "{pwd , <<\"{p}\"/utf8>>}", "{secret,\"{p}\"}",
            "ldap_bind_pw {p}", "smtp_password {p}", "RPCPassword {p}", "db_password {p}", "admin_token {p}", "api_token {p};", "  auth_pass {p}  # vrrp",
            "#requirepass {p}", "ServerPassword {p}", "rcon_password \"{p}\"", "sv_password \"{p}\"", "KeyPassphrase {p}", "wpa_psk {p}", "secret_key {p}",
            "\"{u}\" \"SCRAM-SHA-256$4096:{p}\"", "[smtp.mailgun.org]:587 postmaster@acme.io:{p}", "smtp.acme.io:465 {u}:{p}",
            "[email-smtp.eu-west-1.amazonaws.com]:587 {u}:{p}", "{ok, [{password, <<\"{p}\">>}]}", "{:password, \"{p}\"}", "{mqtt_password, \"{p}\"}",
            "{auth, [{pass, \"{p}\"}]}", "  {default_pass, <<\"{p}\">>},", "bind 127.0.0.1\nport 6379\nrequirepass {p}\nappendonly yes", "{u} pppoe {p} *");
    /** Protocol transcripts in a server's or client's log. */
    static final List<String> TRANSCRIPTS = List.of("a001 LOGIN {u} {p}\na001 OK LOGIN completed", "C: A1 login {u} \"{p}\"",
            "* OK IMAP4rev1 ready\nx LOGIN \"{u}@acme.io\" {p}", "C: 3 LOGIN {u} {p}", "USER {u}\r\n331 Password required\r\nPASS {p}\r\n230 Login successful",
            "+OK ready\nUSER {u}\n+OK\nPASS {p}", "---> PASS {p}", "> PASS {p}", "C: PASS {p}", "pass {p}", "[ftp] 10:00:01 PASS {p}", "<- PASS {p}",
            "C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: {bu}\nS: 334 UGFzc3dvcmQ6\nC: {b}", "AUTH LOGIN\n334 VXNlcm5hbWU6\n{bu}\n334 UGFzc3dvcmQ6\n{b}",
            ">>> AUTH LOGIN {bu}\n<<< 334 UGFzc3dvcmQ6\n>>> {b}", "C: AUTH PLAIN {plain}", "AUTH PLAIN\n334 \n{plain}", "a1 AUTHENTICATE PLAIN\n+ \n{plain}",
            "auth plain {plain}", "C: AUTH CRAM-MD5\nS: 334 PDQxOTI5NDIzNDEuMTI4Mjg0NzJAc291cmNlZm91ci5hbmRyZXcuY211LmVkdT4=\nC: {b}",
            "exec sp_addlogin '{u}', '{p}'", "EXEC sp_addlogin @loginame = '{u}', @passwd = '{p}'", "EXEC sp_password NULL, '{p}', '{u}'",
            "exec sp_password @old = NULL, @new = N'{p}', @loginame = '{u}'", "EXEC sp_addlinkedsrvlogin 'SRV', 'false', NULL, '{u}', '{p}'",
            "EXEC master..sp_addlogin N'{u}', N'{p}', 'master'", "EXEC sp_change_users_login 'Auto_Fix', '{u}', NULL, '{p}'",
            "conn=1001 op=0 BIND dn=\"cn={u},dc=acme\" method=128 cred={p}", "ldap_simple_bind_s(ld, \"cn={u},dc=acme\", \"{p}\")",
            "\"AUTH\" \"{p}\"", "1700000000.123456 [0 10.0.0.7:51234] \"AUTH\" \"{u}\" \"{p}\"", "AUTHINFO USER {u}\nAUTHINFO PASS {p}",
            "PRIVMSG NickServ :IDENTIFY {p}", "/msg NickServ IDENTIFY {u} {p}", "AUTHENTICATE \"PLAIN\" \"{plain}\"", "C: a002 AUTHENTICATE PLAIN {plain}",
            "> AUTH PLAIN {plain}", "SMTP: AUTH PLAIN {plain}", "EXEC sp_addlogin @loginame='{u}', @passwd='{p}', @defdb='master'", "exec sp_addlogin '{u}','{p}'",
            "EXEC sp_addapprole 'app', '{p}'", "EXEC sp_setapprole 'app', '{p}'", "CONFIG SET requirepass {p}", "LOGIN {u} {p}", "C: . LOGIN {u} {p}",
            "2026-11-30 10:00:00 [imap] a1 LOGIN {u} {p}", "PASS {p}\r", "<-- PASS {p}", "2026-11-30T10:00:01Z ftp PASS {p}", "A01 login \"{u}\" \"{p}\"",
            "C: AUTH LOGIN {bu}\nS: 334 UGFzc3dvcmQ6\nC: {b}", "AUTH XOAUTH2 {b}", "EXEC sp_password @new = '{p}', @loginame = '{u}'");
    /** A password word and its value with a separator or phrasing the first rules did not read. */
    static final List<String> SEPARATORS = List.of("password -> {p}", "password <- {p}", "password := {p}", "password |{p}", "pass|{p}", "password ~ {p}",
            "admin password was set to {p}", "setPassword(\"{p}\")", "password => {p}", "Password \u2192 {p}", "pwd := '{p}'", "db_password <- \"{p}\"",
            "secret -> {p}", "token ~> {p}", "new password set to {p}", "admin password has been reset to {p}", "password changed to {p}",
            "password is now {p}", "user.setPassword('{p}');", ".withPassword(\"{p}\")", "set_password(\"{p}\")", "conf.password(\"{p}\")",
            "PASSWORD::{p}", "password == {p}", "password\t{p}", "password >> {p}", "Passwd ~= {p}", "PASS | {p}", "password -> '{p}'",
            "the password for admin is {p}", "setSecret(\"{p}\")", "updatePassword(\"{u}\", \"{p}\")", "password => '{p}',", "$password = '{p}' ;",
            "token -> \"{p}\"", "Password <- {p}", "credentials := \"{p}\"", "root password is now {p}", "client_secret ~ {p}", "password==>{p}",
            "user.password(\"{p}\").build()", "password remains {p}");
    /** The word for password in other languages, with the separators those locales use. */
    static final List<String> FOREIGN = List.of("parola d'ordine: {p}", "Parola d\u2019ordine = {p}", "parola chiave: {p}", "mot de passe : {p}",
            "Mot de passe: {p}", "contrase\u00f1a: {p}", "Contrase\u00f1a = {p}", "senha: {p}", "palavra-passe: {p}", "Passwort: {p}", "Kennwort = {p}",
            "wachtwoord: {p}", "has\u0142o: {p}", "l\u00f6senord: {p}", "\u043f\u0430\u0440\u043e\u043b\u044c: {p}", "\u041f\u0430\u0440\u043e\u043b\u044c = {p}",
            "\u5bc6\u7801\uff1a{p}", "\u5bc6\u78bc: {p}", "\u30d1\u30b9\u30ef\u30fc\u30c9\uff1a{p}", "\ube44\ubc00\ubc88\ud638: {p}", "\uc554\ud638: {p}",
            "\u015fifre: {p}", "jelsz\u00f3: {p}", "salasana: {p}", "adgangskode: {p}", "passord: {p}", "heslo: {p}", "geslo: {p}", "lozinka: {p}",
            "parol\u0103: {p}", "\u03ba\u03c9\u03b4\u03b9\u03ba\u03cc\u03c2: {p}", "\u05e1\u05d9\u05e1\u05de\u05d4: {p}", "\u0643\u0644\u0645\u0629 \u0627\u0644\u0645\u0631\u0648\u0631: {p}",
            "\u092a\u093e\u0938\u0935\u0930\u094d\u0921: {p}", "\u0e23\u0e2b\u0e31\u0e2a\u0e1c\u0e48\u0e32\u0e19: {p}", "m\u1eadt kh\u1ea9u: {p}", "kata sandi: {p}",
            "contrasenya: {p}", "parool: {p}", "slapta\u017eodis: {p}", "\u043f\u0430\u0440\u043e\u043b\u0430: {p}", "clave de acceso: {p}", "PAROLA D'ORDINE={p}", "\u30d1\u30b9\u30ef\u30fc\u30c9: {p}",
            "\u5bc6\u7801 = {p}", "Has\u0142o: {p}", "PAROOL: {p}", "Kata Sandi = {p}", "chiave segreta: {p}", "codice segreto = {p}", "clave secreta: {p}",
            "palavra passe: {p}", "kata laluan: {p}", "lykilor\u00f0: {p}", "pasahitza: {p}", "\u0433\u0430\u0441\u043b\u043e: {p}", "\u043b\u043e\u0437\u0438\u043d\u043a\u0430: {p}");
    /** Env NAMES that carry the credential after a credential word. */
    static final List<String> NAMES = List.of("PASSWORD_IS_{n}", "SECRET_{n}", "DB_PASS_{n}", "API_KEY_{n}", "password-is-{n}", "MYSQL_ROOT_PASSWORD_{n}",
            "PW_{n}", "AUTH_TOKEN__{n}", "TOKEN_{n}_X", "passwd.{n}", "ADMIN_PASSWORD_WAS_{n}", "SecretIs{n}");

    static final List<String> HARMLESS_LINES = List.of("PASS: test_login", "[PASS] 12 tests", "--- PASS: TestLogin (0.00s)", "PASS",
            "ok  \tgithub.com/acme/app\t0.012s", " PASS  src/app.test.js", "PASS src/components/Button.test.tsx (5.2 s)", "Tests: 12 passed, 12 total",
            "test result: ok. 12 passed; 0 failed", "AUTH OK", "+OK", "+OK POP3 ready", "C: AUTH LOGIN", "AUTH LOGIN", "S: 334 VXNlcm5hbWU6",
            "S: 235 2.7.0 Authentication successful", "250-AUTH LOGIN PLAIN CRAM-MD5", "250-AUTH=LOGIN PLAIN", "AUTH PLAIN", "a001 OK LOGIN completed",
            "* CAPABILITY IMAP4rev1 AUTH=PLAIN LOGINDISABLED", "331 Password required for ftpuser", "230 Login successful", "530 Login incorrect",
            "USER anonymous", "requirepass \"\"", "auth_pass ${VRRP_PASSWORD}", "auth_type PASS", "auth_type AH", "PasswordAuthentication no",
            "PermitEmptyPasswords no", "ChallengeResponseAuthentication no", "KbdInteractiveAuthentication yes", "PubkeyAuthentication yes",
            "AuthorizedKeysFile .ssh/authorized_keys", "passwd: files systemd", "shadow: files", "auth_basic off;", "auth_basic_user_file /etc/nginx/.htpasswd;",
            "ssl_certificate_key /etc/ssl/private/key.pem;", "ssl_session_cache shared:SSL:10m;", "ssl_session_timeout 1d;", "ssl_session_tickets off;",
            "smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd", "smtp_sasl_auth_enable = yes", "smtp_sasl_security_options = noanonymous",
            "tls-auth-clients no", "tls-key-file /tls/redis.key", "maxclients 10000", "bind 0.0.0.0", "protected-mode yes", "appendonly yes", "save 900 1",
            "secret_key_file /etc/app/secret", "auth_token_ttl 3600", "password_encryption scram-sha-256", "authentication_timeout 1min",
            "auth-user-pass /etc/openvpn/auth.txt", "tls-auth ta.key 0", "password_hash argon2id", "requirepass_file /run/secrets/redis",
            "masterauth ${REDIS_MASTER_PASSWORD}", "requirepass $REDIS_PASSWORD", "auth_pass {{ vrrp_pass }}", "auth_pass <%= @auth_pass %>",
            "# client\tserver\tsecret\t\t\tIP addresses", "# Secrets for authentication using CHAP", "3 * 4 * 5", "[smtp.gmail.com]:587",
            "relayhost = [smtp.gmail.com]:587", "10.0.0.1:8080 10.0.0.2:9090", "localhost:6379 redis:7.2", "\"GET\" \"/healthz\"",
            "{password_hashing_module, rabbit_password_hashing_sha256}", "{auth_backends, [rabbit_auth_backend_internal]}", "{loopback_users, []}",
            "{auth_mechanisms, ['PLAIN', 'AMQPLAIN']}", "{password, undefined}", "{default_pass, <<\"\">>}", "a002 SELECT INBOX",
            "EXEC sp_helplogins", "exec sp_addrolemember 'db_owner', 'app'", "conn=1001 op=0 BIND dn=\"cn=admin,dc=acme\" method=128",
            "conn=1001 op=0 RESULT tag=97 err=0 text=", "BIND dn=\"\" method=128 mech=SIMPLE ssf=0",
            "INFO  [alembic.runtime.migration] Running upgrade 3f2a1b -> 9c8d7e, add password_reset table", "password -> ******",
            "password <- NULL", "password := ?", "password | required", "pass|fail|skip", "password was set to expire", "password was set to ${DB_PASSWORD}",
            "password is required", "password is too short", "password is incorrect", "the password was changed successfully", "setPassword(null)",
            "setPassword(password)", "setPassword(\"\")", "password => [FILTERED]", "password -> <redacted>", "Password reset link sent to user 42",
            "| password | varchar(255) | NO |", "mot de passe oubli\u00e9", "Passwort ge\u00e4ndert", "contrase\u00f1a: ********", "senha: <redacted>",
            "Passwort: (leer)", "password changed to a stronger one", "token -> refresh", "status|pass|ok", "password ~ ****", "x LOGOUT",
            "a003 LOGIN completed", "USER ftp", "+ idling", "334 VXNlcm5hbWU6", "* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS] ready",
            "PASS test_x", "PASS 12/12", "PASS ./tests/login.spec.js", "PASS   tests::login::works", "redis_version:7.2.4", "requirepass yes",
            "masterauth no", "Password: ", "secret -> vault", "token ~> 1.2", "password changed to 42 chars? no", "setPassword(newPassword)",
            "PASS login_test", "ok 1 - PASS", "-NickServ- This nickname is registered, identify via /msg NickServ IDENTIFY <password>",
            "LOGIN FAILED for admin", "LOGIN attempt from 10.0.0.5", "ftp PASS ********", "2026-11-30T10:00:01Z PASS 12 tests", "PASS 42",
            "EXEC sp_addlogin", "AUTHENTICATE PLAIN", "NickServ IDENTIFY", "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready");
    static final List<String> HARMLESS_NAMES = List.of("PASSWORD_MIN_LENGTH", "PASSWORD_RESET_TIMEOUT", "SECRET_NAME", "TOKEN_TTL", "KEY_ALGORITHM",
            "POSTGRES_PASSWORD_FILE", "SECRET_KEY_BASE", "AWS_SECRET_ACCESS_KEY", "MYSQL_ROOT_PASSWORD", "PASSWORD_HASHER", "TOKEN_V2_ENABLED",
            "OAUTH2_TOKEN_URL", "JWT_SECRET_RS256", "SESSION_SECRET_2", "PASS_THROUGH", "ENCRYPTION_KEY_SHA256", "API_KEY_HEADER_NAME",
            "TOKEN_EXPIRY_3600", "SECRET_STORE_K8S", "PASSWORD_POLICY_V1", "DB_PASSWORD_AES256_GCM", "KEYCLOAK_CLIENT_SECRET", "GITHUB_TOKEN",
            "X509_KEY_FILE", "PASSWORD_MAX_AGE_90D", "TOKEN_LIMIT_10K", "SECRET_VERSION_20261130", "PASSWORD_IS_SET", "SECRET_KEY_V2",
            "passwordMinLength", "tokenEndpointUrl", "PASS_MAX_DAYS", "SECRETS_DIR", "KEY_ID_1A2B", "S3_SECRET_KEY", "MINIO_ROOT_PASSWORD");

    @Test
    void configLinesAreHiddenInLogsEnvAndLabels() {
        int n = 0;
        List<String> leaked = new ArrayList<>();
        for (int seed = 0; seed < 6; seed++) {
            Random r = new Random(seed);
            for (String t : CONFIG) {
                Planted p = plant(t, r);
                logLeak(p, leaked);
                if (R.envEntry("CONFIG_FILE=" + p.text).contains(p.needle)) {
                    leaked.add("env: " + p.text);
                }
                ObjectNode labels = JsonNodeFactory.instance.objectNode();
                labels.putObject("labels").put("io.acme.config.file", p.text);
                if (R.tree(labels).toString().contains(p.needle)) {
                    leaked.add("label: " + p.text);
                }
                n++;
            }
        }
        assertThat(leaked).isEmpty();
        assertThat(n).isGreaterThan(300);
    }

    @Test
    void transcriptsSeparatorsAndForeignWordsAreHiddenInLogs() {
        int n = 0;
        List<String> leaked = new ArrayList<>();
        for (int seed = 0; seed < 6; seed++) {
            Random r = new Random(seed);
            for (List<String> family : List.of(TRANSCRIPTS, SEPARATORS, FOREIGN)) {
                for (String t : family) {
                    logLeak(plant(t, r), leaked);
                    n++;
                }
            }
        }
        assertThat(leaked).isEmpty();
        assertThat(n).isGreaterThan(600);
    }

    @Test
    void aCredentialInsideAnEnvNameIsHidden() {
        List<String> leaked = new ArrayList<>();
        for (int seed = 0; seed < 10; seed++) {
            Random r = new Random(seed);
            for (String t : NAMES) {
                String secret = nameSecret(r);
                String name = t.replace("{n}", secret);
                String shown = R.envEntry(name + "=1");
                if (shown.contains(secret.substring(0, 8)) || !shown.contains(Redactor.MARK)) {
                    leaked.add("env: " + shown);
                }
                if (R.lines(List.of("env " + name + "=1")).get(0).contains(secret.substring(0, 8))) {
                    leaked.add("log: " + name);
                }
            }
        }
        assertThat(leaked).isEmpty();
    }

    @Test
    void harmlessLinesOfTheSameShapesStayAsTheyAre() {
        List<String> changed = new ArrayList<>();
        for (String line : HARMLESS_LINES) {
            List<String> lines = Arrays.asList(line.split("\n", -1));
            if (!R.lines(lines).equals(lines)) {
                changed.add(line + " -> " + R.lines(lines));
            }
        }
        assertThat(changed).isEmpty();
    }

    @Test
    void harmlessConfigLinesStayVisibleInEnvAndHarmlessNamesStayWhole() {
        List<String> changed = new ArrayList<>();
        for (String line : HARMLESS_LINES) {
            if (line.contains("PASS") || line.contains("LOGIN") || line.contains("AUTH") || line.contains("334")) {
                continue; // test reports and transcripts come in logs; env values are judged by their name as well
            }
            String entry = "SETTING=" + line;
            if (!R.envEntry(entry).equals(entry)) {
                changed.add(entry + " -> " + R.envEntry(entry));
            }
        }
        for (String name : HARMLESS_NAMES) {
            String shown = R.envEntry(name + "=1");
            if (!shown.startsWith(name + "=")) {
                changed.add(name + " -> " + shown);
            }
        }
        assertThat(changed).isEmpty();
    }

    private record Planted(String text, String needle) {
    }

    private static Planted plant(String template, Random r) {
        String p = password(r);
        String u = "u" + Gen.LOWER.charAt(r.nextInt(26)) + (1000 + r.nextInt(9000));
        String b = b64(p);
        String needle = p;
        if (template.contains("{p8}")) {
            needle = p.substring(0, 8);
        } else if (template.contains("{plain}")) {
            needle = b64("\0" + u + "\0" + p).substring(8);
        } else if (template.contains("{b}")) {
            needle = b;
        }
        String text = template.replace("{p8}", needle).replace("{plain}", b64("\0" + u + "\0" + p)).replace("{bu}", b64(u)).replace("{b}", b)
                .replace("{u}", u).replace("{p}", p);
        return new Planted(text, needle);
    }

    /** Passwords as people and generators make them: with symbols, letters and digits, a random key, a word with digits. */
    static String password(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> pick(r, Gen.UPPER, 3) + pick(r, Gen.LOWER, 4) + pick(r, Gen.DIGITS, 4) + "#%^*-_+".charAt(r.nextInt(7)) + pick(r, Gen.UPPER + Gen.LOWER, 5);
            case 1 -> pick(r, Gen.UPPER + Gen.LOWER + Gen.DIGITS, 24);
            case 2 -> pick(r, Gen.LOWER, 7) + pick(r, Gen.DIGITS, 3) + pick(r, Gen.LOWER, 3);
            default -> pick(r, Gen.LOWER + Gen.DIGITS, 10) + "!" + pick(r, Gen.UPPER, 2);
        };
    }

    private static String nameSecret(Random r) {
        return r.nextBoolean() ? pick(r, Gen.UPPER, 3) + pick(r, Gen.LOWER, 4) + pick(r, Gen.DIGITS, 4) + "_" + pick(r, Gen.UPPER + Gen.LOWER, 5)
                : pick(r, Gen.UPPER + Gen.DIGITS, 16);
    }

    private static String pick(Random r, String alphabet, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void logLeak(Planted p, List<String> leaked) {
        String out = String.join("\n", R.lines(Arrays.asList(p.text.split("\n", -1))));
        for (int i = 0; i + 8 <= p.needle.length(); i++) {
            if (out.contains(p.needle.substring(i, i + 8))) {
                leaked.add(p.text + " => " + out);
                return;
            }
        }
    }
}
