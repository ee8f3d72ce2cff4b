package dockermcp.property;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Secrets inside whole configuration files and debug dumps, the name and the value apart (a third outside test
 * found them leaking): XML, Kubernetes env lists, CSV and Markdown tables, PHP/Python/Ruby dumps, JSON argument
 * arrays, SQL, start-up banners and shell traces. Each family is a generator: names, layouts, neighbours and values
 * are drawn afresh for each seed. The whole text is carried by one env or label value and printed into a log; the
 * command arguments only name the file.
 */
public final class ConfigDumpCorpus {

    public static final List<String> FAMILIES = List.of("xml-config", "k8s-env-yaml", "tables", "debug-dumps", "json-args", "sql-statements",
            "startup-banners", "shell-traces");

    private final SecretCorpus parts;

    public ConfigDumpCorpus(long seed) {
        this.parts = new SecretCorpus(seed ^ 0xd0_4d05L);
    }

    /** Every shape of every family, once each. */
    public List<SecretCorpus.Secret> everyShape() {
        List<SecretCorpus.Secret> out = new ArrayList<>();
        for (String f : FAMILIES) {
            for (int s = 0; s < shapes(f); s++) {
                out.add(make(f, s));
            }
        }
        return out;
    }

    private static int shapes(String family) {
        return switch (family) {
            case "xml-config", "debug-dumps", "sql-statements", "startup-banners" -> 5;
            case "tables", "shell-traces" -> 4;
            default -> 3;
        };
    }

    private SecretCorpus.Secret make(String f, int s) {
        return switch (f) {
            case "xml-config" -> xml(s);
            case "k8s-env-yaml" -> yaml(s);
            case "tables" -> table(s);
            case "debug-dumps" -> dump(s);
            case "json-args" -> jsonArgs(s);
            case "sql-statements" -> sql(s);
            case "startup-banners" -> banner(s);
            default -> trace(s);
        };
    }

    private SecretCorpus.Secret of(String family, String shape, String value, String text) {
        String file = shape + "." + parts.pick("txt", "conf", "out");
        return new SecretCorpus.Secret(family, shape, value, parts.pick("CONFIG_DUMP", "APP_SETTINGS_FILE", "BOOT_LOG", "INIT_SCRIPT"), text,
                List.of("--config", "/etc/app/" + file), text);
    }

    private SecretCorpus.Secret xml(int s) {
        String v = value();
        String ind = parts.pick("", "  ", "    ");
        return switch (s) {
            case 0 -> of("xml-config", "name-then-value", v, "<configuration>\n" + ind + "<property>\n" + ind + "  <name>" + parts.pick("fs.defaultFS", "dfs.replication")
                    + "</name>\n" + ind + "  <value>" + parts.pick("hdfs://nn:8020", "3") + "</value>\n" + ind + "</property>\n" + ind + "<property>\n" + ind + "  <name>"
                    + parts.pick("fs.s3a.secret.key", "javax.jdo.option.ConnectionPassword", "ssl.keystore.password", "hadoop.http.authentication.signature.secret",
                            "fs.azure.account.key.acme.blob.core.windows.net")
                    + "</name>\n" + ind + "  <value>" + v + "</value>\n" + ind + "</property>\n</configuration>");
            case 1 -> of("xml-config", "add-key-value", v, "<" + parts.pick("appSettings", "packageSourceCredentials") + ">\n" + ind + "<add key=\"LogLevel\" value=\"Information\" />\n"
                    + ind + "<add key=\"" + parts.pick("ClearTextPassword", "DbPassword", "ApiSecret", "StorageAccessKey", "SmtpPassword", "ClientSecret") + "\" value=\"" + v + "\""
                    + parts.pick(" />", "/>") + "\n</" + "appSettings>");
            case 2 -> of("xml-config", "entry-key", v, "<properties>" + parts.pick("\n", "") + "<entry key=\"jdbc.url\">jdbc:postgresql://db:5432/app</entry>"
                    + parts.pick("\n", "") + "<entry key=\"" + parts.pick("jdbc.password", "mail.smtp.password", "api.token", "oauth.client.secret") + "\">" + v
                    + "</entry></properties>");
            case 3 -> {
                String element = parts.pick("Password", "Secret", "ApiToken", "passphrase", "db-password");
                yield of("xml-config", "cdata", v, "<Connection>" + parts.pick("\n  ", "") + "<User>app</User><" + element + "><![CDATA[" + v + "]]></" + element + "></Connection>");
            }
            default -> of("xml-config", "attribute", v, "<" + parts.pick("datasource", "user", "connection", "bean") + " name=\"" + parts.pick("app", "main") + "\" "
                    + parts.pick("password", "pwd", "secret", "passphrase", "apiKey") + "=" + parts.pick("\"" + v + "\"", "'" + v + "'") + " maxPool=\"10\"/>");
        };
    }

    private SecretCorpus.Secret yaml(int s) {
        String v = value();
        String name = parts.pick("DB_PASSWORD", "API_TOKEN", "SECRET_KEY_BASE", "SMTP_PASS", "STRIPE_API_KEY", "REDIS_AUTH");
        String q = parts.pick("\"" + v + "\"", "'" + v + "'", v);
        String ind = parts.pick("", "  ", "      ");
        return switch (s) {
            case 0 -> of("k8s-env-yaml", "env-list", v, ind + "env:\n" + ind + "- name: LOG_LEVEL\n" + ind + "  value: info\n" + ind + "- name: " + name + "\n" + ind + "  value: "
                    + q + "\n" + ind + "- name: TZ\n" + ind + "  value: UTC");
            case 1 -> of("k8s-env-yaml", "env-list-quoted-name", v, ind + "env:\n" + ind + "  - name: \"" + name + "\"\n" + ind + "    value: " + q + "\n" + ind
                    + "  - name: DB_PASSWORD_REF\n" + ind + "    valueFrom:\n" + ind + "      secretKeyRef: {name: db, key: password}");
            default -> of("k8s-env-yaml", "containers-env", v, "containers:\n- name: app\n  image: app:1.4\n  env:\n  - name: " + name + "\n    value: " + q + "\n  ports:\n  - containerPort: 8080");
        };
    }

    private SecretCorpus.Secret table(int s) {
        String header = parts.pick("password", "secret", "token", "api_key", "Password", "client secret");
        List<String> cols = new ArrayList<>(List.of("user", "role", "email", "id").subList(0, 1 + (s % 3)));
        int at = parts.pick(List.of(0, 1, cols.size())) ;
        cols.add(Math.min(at, cols.size()), header);
        int secretCol = cols.indexOf(header);
        String sep = switch (s) {
            case 0 -> ",";
            case 1 -> ";";
            case 2 -> "\t";
            default -> " | ";
        };
        boolean md = s == 3;
        StringBuilder sb = new StringBuilder(md ? "| " + String.join(" | ", cols) + " |\n|" + "---|".repeat(cols.size()) + "\n" : String.join(sep, cols) + "\n");
        int rows = 1 + parts.pick(List.of(0, 1, 2, 3));
        String v = null;
        for (int r = 0; r < rows; r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < cols.size(); c++) {
                cells.add(c == secretCol ? (v = value()) : parts.pick("app", "admin", "ops@example.com", "7", "viewer"));
            }
            sb.append(md ? "| " + String.join(" | ", cells) + " |" : String.join(sep, cells)).append('\n');
        }
        return of("tables", md ? "markdown" : "csv-" + s, v, sb.toString().stripTrailing());
    }

    private SecretCorpus.Secret dump(int s) {
        String v = value();
        String name = parts.pick("password", "passwd", "db_password", "secret", "api_key", "client_secret", "token");
        return switch (s) {
            case 0 -> of("debug-dumps", "php-var-dump", v, "array(3) {\n  [\"user\"]=>\n  string(3) \"app\"\n  [\"" + name + "\"]=>\n  string(" + v.length() + ") \"" + v
                    + "\"\n  [\"port\"]=>\n  int(5432)\n}");
            case 1 -> of("debug-dumps", "php-print-r", v, "Array\n(\n    [user] => app\n    [" + name + "] => " + v + "\n    [port] => 5432\n)");
            case 2 -> of("debug-dumps", "python-repr", v, "settings = {'user': 'app', '" + name + "': '" + v + "', 'port': 5432}");
            case 3 -> of("debug-dumps", "ruby-symbols", v, "{:user=>\"app\", :" + name + parts.pick("=>", " => ") + "\"" + v + "\", :port=>5432}");
            default -> of("debug-dumps", "ruby-strings", v, "{\"user\"=>\"app\", \"" + name + "\"=>\"" + v + "\"}");
        };
    }

    private SecretCorpus.Secret jsonArgs(int s) {
        String v = value();
        String flag = parts.pick("--db-password", "--password", "--api-key", "--token", "--client-secret", "--auth-token", "--secret");
        return switch (s) {
            case 0 -> of("json-args", "args-object", v, "{\"args\": [\"--port\", \"5432\", \"" + flag + "\", \"" + v + "\", \"--verbose\"]}");
            case 1 -> of("json-args", "short-p", v, "[\"" + parts.pick("mysql", "mysqldump", "mysqladmin") + "\", \"-u\", \"root\", \"-p\", \"" + v + "\", \"app\"]");
            default -> of("json-args", "exec-form", v, "\"Cmd\":[\"/app/server\",\"" + flag + "\",\"" + v + "\"]");
        };
    }

    private SecretCorpus.Secret sql(int s) {
        String v = value().replace("'", "");
        return switch (s) {
            case 0 -> {
                String col = parts.pick("password", "password_hash", "api_key", "secret", "token");
                List<String> cols = new ArrayList<>(List.of("email", "role"));
                cols.add(parts.pick(List.of(0, 1, 2)), col);
                StringBuilder vals = new StringBuilder();
                for (String c : cols) {
                    vals.append(vals.isEmpty() ? "" : ", ").append(c.equals(col) ? "'" + v + "'" : c.equals("email") ? "'a@b.c'" : "'admin'");
                }
                yield of("sql-statements", "insert-by-position", v, parts.pick("INSERT INTO", "insert into") + " " + parts.pick("users", "`users`", "public.accounts") + " ("
                        + String.join(", ", cols) + ") " + parts.pick("VALUES", "values") + " (" + vals + ")" + parts.pick(";", "", ", ('x@y.z', 'viewer', 'other')"));
            }
            case 1 -> of("sql-statements", "set-password-for", v, "SET PASSWORD FOR '" + parts.pick("app", "root") + "'@'" + parts.pick("%", "localhost") + "' = "
                    + parts.pick("PASSWORD('" + v + "')", "'" + v + "'") + ";");
            case 2 -> of("sql-statements", "create-user-identified", v, "CREATE USER '" + parts.pick("app", "report") + "'@'%' IDENTIFIED BY '" + v + "';");
            case 3 -> of("sql-statements", "alter-role-password", v, parts.pick("ALTER ROLE", "ALTER USER") + " " + parts.pick("app", "reporter") + " "
                    + parts.pick("", "WITH ") + "PASSWORD '" + v + "';");
            default -> of("sql-statements", "create-role-login", v, "STATEMENT:  CREATE ROLE " + parts.pick("app", "etl") + " LOGIN PASSWORD '" + v + "' VALID UNTIL 'infinity'");
        };
    }

    private SecretCorpus.Secret banner(int s) {
        String v = parts.chars(SecretCorpus.ALNUM + "_*-+=", 12 + parts.pick(List.of(0, 4, 8))) + parts.digit();
        return switch (s) {
            case 0 -> of("startup-banners", "password-on-next-line", v, "Password for the " + parts.pick("elastic", "admin", "kibana_system") + " user (reset with `"
                    + parts.pick("bin/elasticsearch-reset-password -u elastic", "reset.sh") + "`):\n  " + v + "\n\nHTTP CA certificate SHA-256 fingerprint:\n  "
                    + parts.chars(SecretCorpus.HEX, 64));
            case 1 -> {
                String hex = parts.chars(SecretCorpus.HEX, 32);
                yield of("startup-banners", "jenkins-initial", hex, "*".repeat(61) + "\n\nJenkins initial setup is required. An admin user has been created and a password generated.\n"
                        + "Please use the following password to proceed to installation:\n\n" + hex + "\n\nThis may also be found at: /var/jenkins_home/secrets/initialAdminPassword");
            }
            case 2 -> {
                String token = Base64.getEncoder().encodeToString(parts.chars(SecretCorpus.ALNUM, 150).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                yield of("startup-banners", "enrollment-token", token, "• Copy the following enrollment token and paste it into Kibana in your browser (valid for the next 30 minutes):\n  "
                        + token + "\n");
            }
            case 3 -> of("startup-banners", "credentials-are", v, parts.pick("basicAuth", "Basic auth") + " credentials are \"" + parts.pick("admin", "root") + "\", \"" + v
                    + "\", it is recommended you change this in your config.js!");
            default -> of("startup-banners", "generated-password", v, parts.pick("admin password generated: ", "Generated password for user 'admin': ",
                    "[Entrypoint]: GENERATED ROOT PASSWORD: ", "GF_SECURITY_ADMIN_PASSWORD generated: ", "Generated default admin password: ") + v);
        };
    }

    private SecretCorpus.Secret trace(int s) {
        String v = value();
        String plus = parts.pick("+", "++", "+++");
        return switch (s) {
            case 0 -> of("shell-traces", "echo-into-stdin", v, plus + " echo " + parts.pick(v, "'" + v + "'") + "\n" + plus + " "
                    + parts.pick("docker login --username ci --password-stdin registry.example.com", "helm registry login ghcr.io -u ci --password-stdin",
                            "passwd --stdin deploy"));
            case 1 -> of("shell-traces", "printf-into-stdin", v, plus + " printf %s " + v + "\n" + plus + " docker login -u ci --password-stdin");
            case 2 -> of("shell-traces", "export", v, plus + " export " + parts.pick("TOKEN", "API_TOKEN", "DB_PASSWORD", "DEPLOY_SECRET") + "=" + v);
            default -> of("shell-traces", "env-prefix", v, plus + " " + parts.pick("PGPASSWORD", "MYSQL_PWD", "REDISCLI_AUTH") + "=" + v + " " + parts.pick("psql -h db -U app", "mysql -h db", "redis-cli -h cache"));
        };
    }

    /** A value of the kinds generated or chosen passwords have: human, random, or random with a symbol. */
    private String value() {
        return switch (parts.pick(List.of(0, 1, 2))) {
            case 0 -> parts.password();
            case 1 -> parts.randomKey(16 + parts.pick(List.of(0, 4, 8, 16)));
            default -> parts.chars(SecretCorpus.UPPER, 3) + parts.chars(SecretCorpus.LOWER, 5) + parts.chars(SecretCorpus.DIGITS, 4) + parts.pick("!", "#", "%", "^", "*", "-", "_", "+")
                    + parts.chars(SecretCorpus.ALNUM, 4);
        };
    }
}
