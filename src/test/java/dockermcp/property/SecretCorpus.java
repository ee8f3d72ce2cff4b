package dockermcp.property;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Secrets by family, made by generators (families, not instances): each call makes new values of the family's
 * shapes, each with the ways a real deployment carries it: an env entry, a label, command arguments and a log
 * line. Used by the property tests and, with a fixed seed, planted on the test engine by SecretCorpusIT.
 */
public final class SecretCorpus {

    /**
     * One planted secret. {@code value} must never come out, nor any 8-character piece of it.
     *
     * @param envName  the variable it is planted under (some harmless-looking: the value alone must give it away)
     * @param envValue what the variable holds (the value, or the value in context: a URL, a connection string)
     * @param args     command arguments carrying it
     * @param logLine  a log line carrying it
     */
    public record Secret(String family, String shape, String value, String envName, String envValue, List<String> args, String logLine) {

        /** The log line wrapped in the middle of the value, as a terminal or a logger wraps a long line. */
        public List<String> wrapped() {
            int at = logLine.indexOf(value) + value.length() / 2;
            return List.of(logLine.substring(0, at), logLine.substring(at));
        }

        public String labelKey() {
            return "com.example." + envName.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        }
    }

    private final Random r;

    public SecretCorpus(long seed) {
        this.r = new Random(seed);
    }

    /** The family generators: each makes one secret of a shape of its family, picked at random. */
    public static final List<String> FAMILIES = List.of("cloud", "vcs-ci-registry", "messaging-webhooks", "saas-ai", "jwt", "connection-strings",
            "url-userinfo", "secret-names", "cli-flags", "key-blocks", "docker-config-json", "password-hashes", "unknown-random", "auth-headers",
            "split-keys", "spaced-keywords", "lookalikes", "nested-json", "url-encoded", "command-forms");

    /** The families a second outside test found (kept apart so that the random sequences of the first stay as they were). */
    public static final List<String> SECOND_ATTACK = List.of("foreign-words", "log-delimiters", "command-passwords", "dsn-pairs", "jwk-private");

    /** Log shapes that still leaked from the second test's re-run (kept apart, as above). */
    public static final List<String> LOG_SPELLINGS = List.of("log-spellings");
    /** Secrets a container prints encoded: hexadecimal bytes apart by ':' or ' ', base64 of several lines. */
    public static final List<String> LOG_ENCODINGS = List.of("log-encodings");

    /** Families found after the second outside test (kept apart so that the earlier random sequences stay as they were). */
    public static final List<String> LATER = List.of("credential-writes", "fourth-attack", "unannounced");
    /** The seventh outside test's families (admin verbs, DSNs, credential columns, transcripts, runtime dumps), kept apart as above. */
    public static final List<String> SEVENTH_ATTACK = List.of("seventh-attack");
    /** Found by the lead's own probes in the ninth round: a word fed on standard input, an escaped multi-line text, a query's user and password. */
    public static final List<String> NINTH_ROUND = List.of("ninth-round");

    /** Every shape of every family, once each, in family order. */
    public List<Secret> everyShape() {
        List<Secret> out = new ArrayList<>();
        for (String f : java.util.stream.Stream.of(FAMILIES, SECOND_ATTACK, LOG_SPELLINGS, LATER, LOG_ENCODINGS, SEVENTH_ATTACK, NINTH_ROUND).flatMap(List::stream).toList()) {
            for (int shape = 0; shape < shapes(f); shape++) {
                out.add(make(f, shape));
            }
        }
        return out;
    }

    /** One secret of a family, of a random shape. */
    public Secret of(String family) {
        return make(family, r.nextInt(shapes(family)));
    }

    public Secret any() {
        return of(FAMILIES.get(r.nextInt(FAMILIES.size())));
    }

    private static int shapes(String family) {
        return switch (family) {
            case "cloud", "vcs-ci-registry", "saas-ai" -> 8;
            case "messaging-webhooks", "secret-names" -> 7;
            case "connection-strings", "cli-flags", "key-blocks", "url-userinfo" -> 5;
            case "auth-headers", "split-keys", "nested-json", "url-encoded" -> 4;
            case "spaced-keywords", "lookalikes" -> 6;
            case "command-forms" -> 7;
            case "foreign-words" -> 8;
            case "log-delimiters" -> 6;
            case "command-passwords" -> 13;
            case "dsn-pairs" -> 5;
            case "log-spellings" -> 10;
            case "credential-writes" -> 8;
            case "fourth-attack" -> 6;
            case "unannounced" -> 6;
            case "seventh-attack" -> 4; // credential columns (psk.txt) need their line: AdminCommandsAndDumpsPropertyTest
            case "ninth-round" -> 3;
            case "log-encodings" -> 2;
            default -> 3;
        };
    }

    private Secret make(String f, int s) {
        return switch (f) {
            case "cloud" -> cloud(s);
            case "vcs-ci-registry" -> vcs(s);
            case "messaging-webhooks" -> messaging(s);
            case "saas-ai" -> saas(s);
            case "jwt" -> jwt(s);
            case "connection-strings" -> connection(s);
            case "url-userinfo" -> url(s);
            case "secret-names" -> names(s);
            case "cli-flags" -> flags(s);
            case "key-blocks" -> keyBlock(s);
            case "docker-config-json" -> dockerConfig(s);
            case "password-hashes" -> hashes(s);
            case "unknown-random" -> unknown(s);
            case "split-keys" -> splitKeys(s);
            case "spaced-keywords" -> spaced(s);
            case "lookalikes" -> lookalikes(s);
            case "nested-json" -> nestedJson(s);
            case "url-encoded" -> urlEncoded(s);
            case "command-forms" -> commandForms(s);
            case "foreign-words" -> foreignWords(s);
            case "log-delimiters" -> logDelimiters(s);
            case "command-passwords" -> commandPasswords(s);
            case "dsn-pairs" -> dsnPairs(s);
            case "jwk-private" -> jwkPrivate(s);
            case "log-spellings" -> logSpellings(s);
            case "credential-writes" -> credentialWrites(s);
            case "fourth-attack" -> fourthAttack(s);
            case "unannounced" -> unannounced(s);
            case "seventh-attack" -> seventhAttack(s);
            case "ninth-round" -> ninthRound(s);
            case "log-encodings" -> logEncodings(s);
            default -> headers(s);
        };
    }

    private Secret token(String family, String shape, String value, String envName, String flag, String logPrefix) {
        return new Secret(family, shape, value, envName, value, List.of(flag, value), logPrefix + value + " " + pick("loaded", "in use", "ok", "(cached)"));
    }

    private Secret cloud(int s) {
        return switch (s) {
            case 0 -> token("cloud", "aws-access-key-id", pick("AKIA", "ASIA") + chars(UPPER + "234567", 16), "AWS_ACCESS_KEY_ID", "--key-id", "using access key ");
            case 1 -> token("cloud", "aws-secret-key", chars(ALNUM + "/+", 40), "AWS_SECRET_ACCESS_KEY", "--aws-secret-access-key", "aws_secret_access_key = ");
            case 2 -> token("cloud", "gcp-api-key", "AIza" + chars(ALNUM + "-_", 35), "MAPS_CONFIG", "--maps", "maps client configured with ");
            case 3 -> token("cloud", "azure-client-secret", chars(ALNUM, 3) + digit() + "Q~" + chars(ALNUM + "_~.-", 34), "AZURE_APP", "--azure-app",
                    "azure app credential ");
            case 4 -> token("cloud", "alibaba-key", "LTAI" + chars(ALNUM, 20), "ALIYUN_ID", "--aliyun", "aliyun access ");
            case 5 -> token("cloud", "digitalocean", "dop_v1_" + chars(HEX, 64), "DO_API", "--do", "doctl auth init ");
            case 6 -> token("cloud", "gcp-oauth-secret", "GOCSPX-" + chars(ALNUM + "-_", 28), "OAUTH_CLIENT", "--oauth-client", "google oauth ");
            default -> token("cloud", "databricks", "dapi" + chars(HEX, 32), "DATABRICKS_HOST_CFG", "--databricks", "databricks workspace ");
        };
    }

    private Secret vcs(int s) {
        return switch (s) {
            case 0 -> token("vcs-ci-registry", "github-classic", "ghp_" + chars(ALNUM, 36), "GH", "--github", "cloning with ");
            case 1 -> token("vcs-ci-registry", "github-fine-grained", "github_pat_" + chars(ALNUM, 22) + "_" + chars(ALNUM, 59), "GH_FG", "--gh", "fine-grained ");
            case 2 -> token("vcs-ci-registry", "gitlab", "glpat-" + chars(ALNUM + "-_", 20), "GITLAB", "--gitlab", "gitlab client ");
            case 3 -> token("vcs-ci-registry", "dockerhub", "dckr_pat_" + chars(ALNUM + "-_", 27), "HUB_LOGIN", "--hub", "docker hub login ");
            case 4 -> token("vcs-ci-registry", "npm", "npm_" + chars(ALNUM, 36), "NPM_CFG", "--registry-cfg", "npm registry ");
            case 5 -> token("vcs-ci-registry", "vault-service", "hvs." + chars(ALNUM + "_-", 90), "VAULT_CFG", "--vault", "vault login ");
            case 6 -> token("vcs-ci-registry", "vault-batch", "hvb." + chars(ALNUM + "_-", 138), "VAULT_BATCH", "--vault-batch", "vault batch ");
            default -> token("vcs-ci-registry", "pypi", "pypi-AgEIcHlwaS5vcmc" + chars(ALNUM + "-_", 70), "PYPI_UPLOAD", "--pypi", "twine upload with ");
        };
    }

    private Secret messaging(int s) {
        return switch (s) {
            case 0 -> token("messaging-webhooks", "slack-bot", "xoxb-" + chars(DIGITS, 12) + "-" + chars(DIGITS, 13) + "-" + chars(ALNUM, 24), "SLACK_APP", "--slack",
                    "slack bot ");
            case 1 -> url("messaging-webhooks", "slack-webhook", "T" + chars(UPPER + DIGITS, 10) + "/B" + chars(UPPER + DIGITS, 10) + "/" + chars(ALNUM, 24),
                    "https://hooks.slack.com/services/", "", "ALERTS_URL");
            case 2 -> url("messaging-webhooks", "discord-webhook", chars(DIGITS, 18) + "/" + chars(ALNUM + "_-", 68),
                    "https://discord.com/api/webhooks/", "", "DISCORD_NOTIFY");
            case 3 -> url("messaging-webhooks", "teams-webhook", uuid() + "@" + uuid() + "/IncomingWebhook/" + chars(HEX, 32) + "/" + uuid(),
                    "https://contoso.webhook.office.com/webhookb2/", "", "TEAMS_CHANNEL");
            case 4 -> token("messaging-webhooks", "telegram-bot", chars(DIGITS, 10) + ":AA" + chars(ALNUM + "_-", 33), "TG_BOT", "--bot", "telegram bot ");
            case 5 -> token("messaging-webhooks", "sendgrid", "SG." + chars(ALNUM + "_-", 22) + "." + chars(ALNUM + "_-", 43), "MAIL_PROVIDER_CFG", "--mail",
                    "sendgrid client ");
            default -> token("messaging-webhooks", "twilio-key", "SK" + chars(HEX, 32), "TWILIO_SID_CFG", "--twilio", "twilio api ");
        };
    }

    private Secret saas(int s) {
        return switch (s) {
            case 0 -> token("saas-ai", "huggingface", "hf_" + chars(LETTERS, 34), "HF_HOME_CFG", "--hf", "hub login ");
            case 1 -> token("saas-ai", "openai-project", "sk-proj-" + chars(ALNUM + "_-", 74) + "T3BlbkFJ" + chars(ALNUM + "_-", 74), "LLM_CFG", "--llm",
                    "openai client ");
            case 2 -> token("saas-ai", "anthropic", "sk-ant-api03-" + chars(ALNUM + "_-", 93) + "AA", "CLAUDE_CFG", "--claude", "anthropic client ");
            case 3 -> token("saas-ai", "stripe-live", "sk_live_" + chars(ALNUM, 24), "PAYMENTS", "--payments", "payment gateway ");
            case 4 -> token("saas-ai", "shopify", "shpat_" + chars(HEX, 32), "SHOP_ADMIN", "--shop", "shopify admin ");
            case 5 -> token("saas-ai", "linear", "lin_api_" + chars(ALNUM, 40), "LINEAR_CFG", "--linear", "linear client ");
            case 6 -> token("saas-ai", "postman", "PMAK-" + chars(HEX, 24) + "-" + chars(HEX, 34), "POSTMAN_CFG", "--postman", "postman sync ");
            default -> token("saas-ai", "groq", "gsk_" + chars(ALNUM, 52), "GROQ_CFG", "--groq", "groq client ");
        };
    }

    private Secret jwt(int s) {
        String header = b64url("{\"alg\":\"" + pick("HS256", "RS256", "ES256") + "\",\"typ\":\"JWT\"}");
        String payload = b64url("{\"sub\":\"" + chars(ALNUM, 12) + "\",\"exp\":" + (1_700_000_000 + r.nextInt(100_000_000)) + "}");
        String token = header + "." + payload + "." + chars(ALNUM + "_-", 43);
        return switch (s) {
            case 0 -> token("jwt", "jwt", token, "CI_JOB_JWT", "--id-token", "session jwt=");
            case 1 -> token("jwt", "jwt-bare", token, "UPSTREAM_IDENTITY", "--identity", "issued ");
            default -> token("jwt", "sentry-org-token", "sntrys_" + b64url("{\"iat\":1700000000,\"url\":\"https://sentry.io\",\"org\":\"" + chars(LOWER, 8) + "\"}")
                    + "_" + chars(ALNUM, 43), "SENTRY_CFG", "--sentry", "sentry cli ");
        };
    }

    private Secret connection(int s) {
        String key = chars(ALNUM + "+/", 86) + "==";
        String pw = password();
        return switch (s) {
            case 0 -> conn("azure-storage", key, "DefaultEndpointsProtocol=https;AccountName=" + chars(LOWER, 10) + ";AccountKey=" + key + ";EndpointSuffix=core.windows.net",
                    "STORAGE");
            case 1 -> {
                String k = chars(ALNUM + "+/", 43) + "=";
                yield conn("service-bus", k, "Endpoint=sb://" + chars(LOWER, 8) + ".servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=" + k,
                        "BUS_ENDPOINT");
            }
            case 2 -> conn("odbc", pw, "Driver={ODBC Driver 18 for SQL Server};Server=tcp:db.internal,1433;UID=app;PWD=" + pw + ";Encrypt=yes", "ODBC");
            case 3 -> conn("ado-net", pw, "Server=db.internal;Database=orders;User Id=app;Password=" + pw + ";TrustServerCertificate=True", "ORDERS_DB");
            default -> conn("jdbc", pw, "jdbc:sqlserver://db.internal:1433;databaseName=orders;user=app;password=" + pw, "JDBC_URL");
        };
    }

    private Secret conn(String shape, String value, String full, String envName) {
        return new Secret("connection-strings", shape, value, envName, full, List.of("--connection", full), "connecting with " + full);
    }

    private Secret url(int s) {
        String pw = password();
        return switch (s) {
            case 0 -> url("url-userinfo", "postgres", pw, "postgres://orders:", "@db.internal:5432/orders", "DATABASE");
            case 1 -> url("url-userinfo", "git-token", chars(ALNUM, 40), "https://", "@git.example.com/team/repo.git", "GIT_REMOTE");
            case 2 -> url("url-userinfo", "sentry-dsn", chars(HEX, 32), "https://", "@o" + chars(DIGITS, 6) + ".ingest.sentry.io/" + chars(DIGITS, 7), "SENTRY");
            case 3 -> url("url-userinfo", "amqp", pw, "amqp://shop:", "@rabbit.internal:5672/", "BROKER");
            default -> url("url-userinfo", "redis", pw, "redis://:", "@cache.internal:6379/0", "CACHE");
        };
    }

    private Secret url(String family, String shape, String value, String before, String after, String envName) {
        String full = before + value + after;
        return new Secret(family, shape, value, envName, full, List.of("--url", full), "posting to " + full + " " + pick("done", "200 OK", "retrying"));
    }

    private Secret names(int s) {
        String pw = password();
        String[][] forms = {
            {"DB_PWD", "db_pwd=" + pw, "--db-pwd"},
            {"PGPASSWORD", "PGPASSWORD=" + pw + " psql -h db", "--pgpassword"},
            {"app_passphrase", "{\"level\":\"info\",\"passphrase\": \"" + pw + "\"}", "--passphrase"},
            {"apikey", "apikey: " + pw, "--apikey"},
            {"JWT_SIGNING", "<password>" + pw + "</password>", "--signing"},
            {"REDIS_CONN", "\"pwd\":\"" + pw + "\",\"user\":\"app\"", "--conn"},
            {"ALERT_WEBHOOK_TOKEN", "webhook token: '" + pw + "'", "--webhook-token"},
        };
        String[] f = forms[s];
        return new Secret("secret-names", f[0].toLowerCase(), pw, f[0], pw, List.of(f[2], pw), f[1]);
    }

    private Secret flags(int s) {
        String pw = password();
        List<String> args = switch (s) {
            case 0 -> List.of("mysql", "-uroot", "-p" + pw, "-h", "db");
            case 1 -> List.of("redis-cli", "-h", "cache", "-a", pw, "ping");
            case 2 -> List.of("curl", "-fsS", "-u", "admin:" + pw, "https://api.example.com/health");
            case 3 -> List.of("sshpass", "-p", pw, "ssh", "deploy@host");
            default -> List.of("redis-server", "--requirepass", pw);
        };
        String line = String.join(" ", args);
        return new Secret("cli-flags", args.get(0), pw, "STARTUP", line, args, "running " + line);
    }

    private Secret keyBlock(int s) {
        String label = List.of("RSA PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "PGP PRIVATE KEY BLOCK", "ENCRYPTED PRIVATE KEY").get(s);
        String body = chars(ALNUM + "+/", 64);
        String block = "-----BEGIN " + label + "-----\n" + (s == 3 ? "Version: GnuPG v2\n\n" : "") + body + "\n" + chars(ALNUM + "+/", 40) + "==\n-----END " + label + "-----";
        return new Secret("key-blocks", label, body, "SERVER_PEM", block, List.of("--key", block), block);
    }

    private Secret dockerConfig(int s) {
        String pw = password();
        String auth = Base64.getEncoder().encodeToString(("robot:" + pw).getBytes(StandardCharsets.UTF_8));
        String json = "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + auth + "\"}}}";
        return switch (s) {
            case 0 -> {
                String blob = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
                yield new Secret("docker-config-json", "config-base64", blob, "REGISTRY_CONFIG_JSON", blob, List.of("--registry-config", blob),
                        "writing registry config " + blob);
            }
            case 1 -> new Secret("docker-config-json", "config-auth", auth, "REGISTRY_CONFIG", json, List.of("--registry-config", json), "config: " + json);
            default -> {
                String blob = Base64.getEncoder().encodeToString(("{\n\t\"auths\": {\n\t\t\"ghcr.io\": {\n\t\t\t\"auth\": \"" + auth + "\"\n\t\t}\n\t}\n}")
                        .getBytes(StandardCharsets.UTF_8));
                yield new Secret("docker-config-json", "config-base64-pretty", blob, "DOCKER_CFG_B64", blob, List.of("--cfg", blob), "cfg " + blob);
            }
        };
    }

    private Secret hashes(int s) {
        String value = switch (s) {
            case 0 -> "$2y$10$" + chars(ALNUM + "./", 53);
            case 1 -> "$apr1$" + chars(ALNUM, 8) + "$" + chars(ALNUM + "./", 22);
            default -> "$argon2id$v=19$m=65536,t=3,p=4$" + chars(ALNUM + "+/", 22) + "$" + chars(ALNUM + "+/", 43);
        };
        return new Secret("password-hashes", s == 0 ? "bcrypt" : s == 1 ? "apr1" : "argon2", value, "BASIC_USERS", "admin:" + value, List.of("--users", "admin:" + value),
                "users file: admin:" + value);
    }

    private Secret unknown(int s) {
        String value = randomKey(24 + r.nextInt(24));
        return switch (s) {
            case 0 -> new Secret("unknown-random", "keyword-before", value, "UPSTREAM_ID", value, List.of("--upstream", value), "the api key is " + value);
            case 1 -> new Secret("unknown-random", "token-word", value, "PARTNER_REF", value, List.of("--partner", value), "partner token " + value + " accepted");
            default -> new Secret("unknown-random", "secret-colon", value, "LICENSE_BLOB", value, List.of(value), "client secret: " + value);
        };
    }

    private Secret headers(int s) {
        String value = randomKey(32);
        return switch (s) {
            case 0 -> new Secret("auth-headers", "bearer", value, "DEFAULT_HEADERS", "Authorization: Bearer " + value,
                    List.of("-H", "Authorization: Bearer " + value), "GET /api HTTP/1.1 Authorization: Bearer " + value);
            case 1 -> {
                String basic = Base64.getEncoder().encodeToString(("admin:" + password()).getBytes(StandardCharsets.UTF_8));
                yield new Secret("auth-headers", "basic", basic, "PROXY_HEADERS", "Authorization: Basic " + basic, List.of("-H", "Authorization: Basic " + basic),
                        "proxy sent Authorization: Basic " + basic);
            }
            case 2 -> new Secret("auth-headers", "x-api-key", value, "EXTRA_HEADERS", "X-Api-Key: " + value, List.of("--header", "X-Api-Key: " + value),
                    "request headers: X-Api-Key: " + value);
            default -> new Secret("auth-headers", "cookie", value, "COOKIE_JAR", "Cookie: sid=" + value + "; theme=dark", List.of("-b", "sid=" + value),
                    "Cookie: sid=" + value + "; theme=dark");
        };
    }

    /** Random keys with '/' and '+' in them (AWS secret access keys), or cut into pieces under 16 characters by / : , ; @. */
    private Secret splitKeys(int s) {
        return switch (s) {
            case 0 -> {
                String v = withSlash(randomKey(40));
                yield new Secret("split-keys", "aws-secret-alone", v, "BACKUP_REF", v, List.of("--ref", v), v);
            }
            case 1 -> {
                String v = withSlash(chars(ALNUM + "+/", 30) + digit() + digit() + "+" + chars(ALNUM, 9));
                yield new Secret("split-keys", "base64-key", v, "SYNC_SETTING", v, List.of(v), "  " + v + "  ");
            }
            case 2 -> {
                String v = cutKey(pick("/", ":", "@"));
                yield new Secret("split-keys", "pieces-same-separator", v, "ARCHIVE_TARGET", v, List.of("--target", v), v);
            }
            default -> {
                String v = randomKey(12) + pick(",", ";") + randomKey(10) + pick("@", ":") + randomKey(11);
                yield new Secret("split-keys", "pieces-mixed-separators", v, "UPSTREAM_SPEC", v, List.of("--spec=" + v), v);
            }
        };
    }

    private String withSlash(String key) {
        int at = 8 + r.nextInt(key.length() - 16);
        return key.substring(0, at) + "/" + key.substring(at + 1);
    }

    private String cutKey(String sep) {
        return randomKey(10 + r.nextInt(5)) + sep + randomKey(10 + r.nextInt(5)) + sep + randomKey(8 + r.nextInt(7));
    }

    /** A keyword and a human password separated only by blanks. */
    private Secret spaced(int s) {
        String pw = password();
        String[] f = switch (s) {
            case 0 -> new String[] {"netrc", "machine git.example.com login deploy password " + pw, "NETRC_LINE"};
            case 1 -> new String[] {"redis-auth", "redis-cli -h cache AUTH " + pw, "CACHE_INIT"};
            case 2 -> new String[] {"sql-identified-by", "ALTER USER 'app'@'%' IDENTIFIED BY '" + pw + "';", "INIT_SQL"};
            case 3 -> new String[] {"mysqladmin", "mysqladmin -u root password " + pw, "DB_BOOTSTRAP"};
            case 4 -> new String[] {"secret-is", "the shared secret is " + pw + " for this week", "ONBOARDING_NOTE"};
            default -> new String[] {"password-blank", pick("Password ", "password ", "PASSWORD ") + pw, "LOGIN_HINT"};
        };
        return new Secret("spaced-keywords", f[0], pw, f[2], f[1], List.of("sh", "-c", f[1]), f[1]);
    }

    /** Tokens and keywords written with fullwidth or Cyrillic and Greek lookalike letters. */
    private Secret lookalikes(int s) {
        String pw = password();
        return switch (s) {
            case 0 -> {
                String v = fullwidth("ghp_" + chars(ALNUM, 36));
                yield new Secret("lookalikes", "fullwidth-github", v, "GH_MIRROR", v, List.of("--mirror", v), "mirror token " + v);
            }
            case 1 -> {
                String v = fullwidth("AKIA" + chars(UPPER + "234567", 16));
                yield new Secret("lookalikes", "fullwidth-aws-id", v, "AWS_MIRROR", v, List.of(v), "using " + v);
            }
            case 2 -> {
                String v = "\u0410\u041a\u0406\u0410" + chars(UPPER + "234567", 16); // Cyrillic А К І А
                yield new Secret("lookalikes", "cyrillic-aws-id", v, "CLOUD_ID", v, List.of("--id", v), "cloud id " + v);
            }
            case 3 -> new Secret("lookalikes", "cyrillic-keyword", pw, "APP_SETTING", "\u0440\u0430ssword=" + pw, List.of("\u0440\u0430ssword=" + pw),
                    "login \u0440\u0430ssword=" + pw);
            case 4 -> new Secret("lookalikes", "greek-keyword", pw, "APP_OPTION", "\u03a4\u039fKEN=" + pw, List.of("--\u03c4oken", pw), "\u03a4\u039fKEN=" + pw);
            default -> new Secret("lookalikes", "fullwidth-keyword", pw, "APP_LINE", fullwidth("password=") + pw, List.of(fullwidth("--password"), pw),
                    fullwidth("password: ") + pw);
        };
    }

    private static String fullwidth(String ascii) {
        StringBuilder sb = new StringBuilder();
        ascii.chars().forEach(c -> sb.append(c == ' ' ? ' ' : (char) (c + 0xfee0)));
        return sb.toString();
    }

    /** JSON held in a JSON string, escaped once or twice, as loggers print a structured message inside another. */
    private Secret nestedJson(int s) {
        String pw = password();
        String key = randomKey(32);
        return switch (s) {
            case 0 -> nested("escaped-once", pw, "{\"msg\":\"{\\\"password\\\":\\\"" + pw + "\\\"}\"}");
            case 1 -> nested("escaped-twice", pw, "{\"log\":\"{\\\"msg\\\":\\\"{\\\\\\\"token\\\\\\\": \\\\\\\"" + pw + "\\\\\\\"}\\\"}\"}");
            case 2 -> nested("escaped-api-key", key, "event={\\\"api_key\\\":\\\"" + key + "\\\",\\\"user\\\":\\\"bob\\\"}");
            default -> nested("escaped-pwd", pw, "\"body\": \"{\\\"user\\\": \\\"app\\\", \\\"pwd\\\": \\\"" + pw + "\\\"}\"");
        };
    }

    private Secret nested(String shape, String value, String json) {
        return new Secret("nested-json", shape, value, "LAST_EVENT", json, List.of("--event", json), json);
    }

    /** Credentials in URL-encoded form: query strings, form bodies, an encoded URL inside a parameter. */
    private Secret urlEncoded(int s) {
        String pw = cap(pick(WORDS)) + pick(WORDS) + chars(DIGITS, 2 + r.nextInt(3));
        String key = randomKey(24 + r.nextInt(12));
        String[] f = switch (s) {
            case 0 -> new String[] {"percent-assignment", pw, "options=user%3Dapp%26password%3D" + pw + "%26ssl%3Dtrue"};
            case 1 -> new String[] {"encoded-url-userinfo", pw, "redirect=https%3A%2F%2Fdeploy%3A" + pw + "%40git.example.com%2Fteam%2Frepo.git"};
            case 2 -> new String[] {"query-token", key, "GET /oauth/callback?state=xyz&access_token=" + key + "&expires_in=3600"};
            default -> new String[] {"form-body", pw, "POST /login user=bob&pass=" + pw + "&remember=1"};
        };
        return new Secret("url-encoded", f[0], f[1], "LAST_REQUEST", f[2], List.of("--request", f[2]), f[2]);
    }

    /** Commands that take a password as an argument or through a pipe. */
    private Secret commandForms(int s) {
        String pw = password();
        String line = switch (s) {
            case 0 -> "htpasswd -b /etc/nginx/.htpasswd admin " + pw;
            case 1 -> "htpasswd -nbB admin " + pw;
            case 2 -> "echo " + pw + " | docker login --password-stdin -u robot registry.example.com";
            case 3 -> "printf '%s' '" + pw + "' | docker login -u robot --password-stdin registry.example.com";
            case 4 -> "openssl enc -aes-256-cbc -k " + pw + " -in backup.tar -out backup.enc";
            case 5 -> "openssl pkcs12 -export -in tls.crt -inkey tls.key -passout pass:" + pw + " -out tls.p12";
            default -> "openssl rsa -in key.pem -passin pass:" + pw + " -out plain.pem";
        };
        String shape = line.substring(0, line.indexOf(' ')) + "-" + s;
        return new Secret("command-forms", shape, pw, "ENTRY_SCRIPT", line, List.of("sh", "-c", line), "+ " + line);
    }

    private static final List<String> FOREIGN = List.of("contraseña", "contrasena", "clave", "senha", "hasło", "haslo", "wachtwoord", "parola", "salasana",
            "lösenord", "losenord", "adgangskode", "passord", "jelszó", "jelszo", "heslo", "şifre", "sifre", "пароль", "κωδικός", "パスワード", "密码", "密碼",
            "口令", "비밀번호", "parolă", "geslo", "lozinka");

    /** The word for password in other languages, in names and log keywords; pre-shared keys and passphrases with blanks. */
    private Secret foreignWords(int s) {
        String pw = password();
        String word = pick(FOREIGN);
        String name = switch (s % 3) {
            case 0 -> word;
            case 1 -> "DB_" + word.toUpperCase(java.util.Locale.ROOT);
            default -> "app_" + word;
        };
        if (s == 6) {
            String phrase = String.join(" ", pick(WORDS), pick(WORDS), pick(WORDS), pick(WORDS), chars(DIGITS, 3));
            return new Secret("foreign-words", "psk-phrase", phrase, pick("WIFI_PSK", "WPA_PSK", "VPN_PSK"), phrase, List.of("--psk", phrase),
                    "passphrase: " + phrase);
        }
        if (s == 7) {
            return new Secret("foreign-words", "psk-key", pw, "NET_PSK", pw, List.of("--psk", pw), "vpn.psk=" + pw);
        }
        return new Secret("foreign-words", "word-" + s, pw, name, pw, List.of("--" + word, pw), word + pick("=", ": ", " = ") + pw);
    }

    /** A value that holds a delimiter (; & ' " `) in a log line, or is told in a sentence. */
    private Secret logDelimiters(int s) {
        String pw = password();
        String held = cap(pick(WORDS)) + chars(DIGITS, 2) + pick(";", "&", "'", "\"", "`") + chars(ALNUM, 6 + r.nextInt(4));
        return switch (s) {
            case 0 -> new Secret("log-delimiters", "delimiter-inside", held, "DB_PASSWORD", held, List.of("--password", held), "password=" + held);
            case 1 -> new Secret("log-delimiters", "delimiter-inside-secret", held, "CLIENT_SECRET", held, List.of("--secret", held),
                    "auth " + pick("secret", "token", "pwd") + "=" + held);
            case 2 -> new Secret("log-delimiters", "told-is-colon", pw, "WELCOME_NOTE", "Your new password is: " + pw, List.of("sh", "-c", "echo Your new password is: " + pw),
                    "Your new password is: " + pw);
            case 3 -> new Secret("log-delimiters", "camel-told", pw, "SETUP_NOTE", "the " + pick("admin", "root", "db") + pick("Password", "Secret", "Token") + " is " + pw,
                    List.of("--note", "the adminPassword was " + pw), "the " + pick("admin", "root", "db") + pick("Password", "Secret", "Token") + pick(" is ", " was ") + pw);
            case 4 -> new Secret("log-delimiters", "json-unicode-escape", pw, "CFG_JSON", "{\"\\u0070assword\":\"" + pw + "\"}",
                    List.of("--cfg", "{\"\\u0070assword\":\"" + pw + "\"}"), "{\"\\u0070assword\":\"" + pw + "\"}");
            default -> {
                String entity = pick("password&#61;", "password&#x3D;", "password&#x3d;", "&quot;password&quot;:&quot;");
                yield new Secret("log-delimiters", "html-entity", pw, "LAST_FORM", entity + pw, List.of("--form", entity + pw), "form " + entity + pw);
            }
        };
    }

    /**
     * A keyword spelt out letter by letter ({@code p a s s w o r d = x}, {@code p-a-s-s}, {@code p.a.s.s}), a password
     * with a blank inside, and a UUID-shaped token right after a credential word (npm's tokens are UUIDs).
     */
    private Secret logSpellings(int s) {
        String pw = password();
        return switch (s) {
            case 0, 1 -> {
                String sep = s == 0 ? " " : pick("-", ".");
                String word = String.join(sep, pick("password", "passwd", "secret", "token").split(""));
                String line = word + pick(" = ", "=", ": ", sep + "=" + sep) + pw;
                yield new Secret("log-spellings", "spaced-letters", pw, "CFG_NOTE", line, List.of("--note", line), pick("cfg: ", "debug ", "note ") + line);
            }
            case 2 -> {
                String value = chars(ALNUM, 6 + r.nextInt(4)) + " " + randomKey(10 + r.nextInt(6));
                // on a command line the value is one argument (a blank inside an argument is the command-line side's)
                yield new Secret("log-spellings", "blank-inside-password", value, "DB_PASSWORD", value, List.of("--password", value.replace(' ', '_')),
                        pick("password=", "db_password=", "PASSWORD: ", "pwd=") + value + pick("", " for user " + pick(WORDS), " (retry " + r.nextInt(9) + ")"));
            }
            case 5, 6 -> {
                String key = s == 5 ? password() : attackStyle();
                String user = pick("system", "scott", "app", "hr", "svc_batch");
                String dsn = user + "/" + key + "@" + pick("ora.internal:1521/XE", "//db.example.com:1521/ORCLPDB1", "orcl", "prod-db:1521/svc.example.com",
                        "(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=XE)))");
                yield new Secret("log-spellings", "oracle-connect-string", key, "CONNECT_ID", dsn, List.of("--connect", dsn),
                        pick("connecting with ", "CONNECT_ID=", "using ") + dsn);
            }
            case 9 -> {
                String key = r.nextBoolean() ? password() : attackStyle();
                String told = pick("la clave es ", "la contraseña es ", "le mot de passe est ", "das Passwort ist ", "Ihr Kennwort ist: ", "a senha é ",
                        "het wachtwoord is ", "hasło to ", "la parola è ", "lösenordet är ", "пароль это ", "ο κωδικός είναι ") + key;
                yield new Secret("log-spellings", "password-told-in-another-language", key, "WELCOME_NOTE", told, List.of("--note", told),
                        pick("INFO ", "notice: ", "[setup] ") + told + pick("", " (cambiar)", " ."));
            }
            case 8 -> {
                String assignment = pick("aws_secret_access_key=" + chars(ALNUM + "+/", 40), "password=" + password(), "db_pwd: " + attackStyle(),
                        "api_key=" + randomKey(32));
                StringBuilder hex = new StringBuilder();
                for (byte b : assignment.getBytes(StandardCharsets.UTF_8)) {
                    hex.append(String.format("%02x", b));
                }
                String dump = hex.toString();
                yield new Secret("log-spellings", "hex-assignment", dump, "SECRET_DUMP", dump, List.of("--secret-hex", dump), pick("dump: ", "payload ", "body hex ") + dump);
            }
            case 7 -> {
                String key = r.nextBoolean() ? password() : attackStyle();
                String pair = pick("svc-account", "backup", "deploy_bot", "admin", "ci.runner") + ":" + key;
                yield new Secret("log-spellings", "bare-user-password", key, "UPSTREAM_AUTH", pair, List.of("--upstream-auth", pair),
                        pick("", "upstream auth ", "credentials ") + pair + pick("", " ok", " (from vault)"));
            }
            default -> {
                String token = uuid();
                String before = s == 3 ? pick("upstream responded, using credential ", "npm token ", "api key: ", "using token ")
                        : pick("registry credentials are ", "auth token ", "the secret is ");
                yield new Secret("log-spellings", "uuid-after-credential-word", token, "NPM_TOKEN", token, List.of("--token", token),
                        r.nextInt(100000) + " level=info " + before + token + pick("", " for retry", " (cached)"));
            }
        };
    }

    private Secret logEncodings(int s) {
        if (s == 0) { // as xxd -p -c1, openssl or a debugger print bytes: the password itself, or a whole assignment
            String text = r.nextBoolean() ? attackStyle() : pick("password=", "db_pwd: ", "api_key=") + password();
            String hex = java.util.HexFormat.ofDelimiter(pick(":", " ")).formatHex(text.getBytes(StandardCharsets.UTF_8));
            hex = r.nextBoolean() ? hex : hex.toUpperCase(java.util.Locale.ROOT);
            return new Secret("log-encodings", "hex-bytes", hex, "PASSWORD_HEX", hex, List.of("--password-hex", hex.replace(' ', ':')), // a blank inside an argument is the command-line side's
                    pick("password (hex): ", "bytes: ", "dump ") + hex + pick("", " (" + text.length() + " bytes)"));
        }
        String text = "user=" + pick(WORDS) + "\n" + pick("password=", "secret: ", "DB_PASSWORD=") + pick(password(), attackStyle()) + "\n" + pick("", "port=5432\n");
        String b64 = java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return new Secret("log-encodings", "base64-of-lines", b64, "CREDENTIALS_B64", b64, List.of("--credentials-b64", b64),
                pick("payload(base64)=", "config ", "env file: ") + b64);
    }

    /** A generated password as password managers make them: capitals, lower case, digits, a symbol, more letters. */
    String attackStyle() {
        return chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4) + chars("abcdefghijklmnopqrstuvwxyz", 6) + chars(DIGITS, 4) + pick("%", "#", "^", "!", "*", "_")
                + chars(ALNUM, 3);
    }

    /** Commands that take a password as a positional argument or a flag's value. */
    private Secret commandPasswords(int s) {
        String pw = password();
        String user = pick("admin", "svc", "backup", "app");
        String line = switch (s) {
            case 0 -> pick("ldapsearch", "ldapadd", "ldapmodify") + " -x -H ldap://ldap:389 -D cn=" + user + ",dc=acme,dc=org -w " + pw + " -b dc=acme,dc=org";
            case 1 -> "ssh-keygen -t ed25519 -N " + pw + " -f /root/.ssh/id_ed25519";
            case 2 -> "ssh-keygen -p -P " + pw + " -N '' -f /root/.ssh/id_rsa";
            case 3 -> "smbclient //files/share -U " + user + "%" + pw + " -c ls";
            case 4 -> "htpasswd " + pick("-bc", "-Bbc", "-cb") + " /etc/nginx/.htpasswd " + user + " " + pw;
            case 5 -> "rabbitmqctl " + pick("add_user", "change_password") + " " + user + " " + pw;
            case 6 -> "net user " + user + " " + pw + " /add";
            case 7 -> "mc alias set store http://minio:9000 " + user + "key " + pw;
            case 8 -> pick("sqlplus", "expdp", "impdp", "rman target", "exp", "imp") + " " + user + "/" + pw + "@" + pick("//ora:1521/XE", "orcl", "prod_db");
            case 9 -> "lftp -u " + user + "," + pw + " sftp://files.example.com";
            case 10 -> "redis-cli -h cache -p 6379 -a " + pw + " ping";
            case 11 -> "echo " + pw + " | passwd --stdin " + user;
            default -> "echo '" + user + ":" + pw + "' | chpasswd";
        };
        String shape = line.substring(0, line.indexOf(' ')) + "-" + s;
        return new Secret("command-passwords", shape, pw, "INIT_CMD", line, List.of("sh", "-c", line), "+ " + line);
    }

    /** User and password pairs in DSN shapes: Oracle thin and TNS, Go MySQL DSNs, an AWS key pair. */
    private Secret dsnPairs(int s) {
        String pw = password();
        String user = pick("app", "scott", "svc_reader");
        String[] f = switch (s) {
            case 0 -> new String[] {"oracle-thin", pw, "jdbc:oracle:thin:" + user + "/" + pw + "@//ora.internal:1521/ORCLPDB1"};
            case 1 -> new String[] {"oracle-tns", pw, user + "/" + pw + "@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=XE)))"};
            case 2 -> new String[] {"go-mysql-tcp", pw, user + ":" + pw + "@tcp(mysql.internal:3306)/app?parseTime=true"};
            case 3 -> new String[] {"go-mysql-unix", pw, user + ":" + pw + "@unix(/var/run/mysqld/mysqld.sock)/app"};
            default -> {
                String secret = chars(ALNUM + "/+", 40);
                yield new String[] {"aws-pair", secret, "AKIA" + chars(UPPER + "234567", 16) + ":" + secret};
            }
        };
        return new Secret("dsn-pairs", f[0], f[1], pick("DATA_SOURCE", "UPSTREAM", "STORE_URL"), f[2], List.of("--source", f[2]), "connecting to " + f[2]);
    }

    /** JSON Web Keys with their private members, in logs and configuration. */
    private Secret jwkPrivate(int s) {
        String d = b64url(chars(ALNUM, 32));
        String jwk = switch (s) {
            case 0 -> "{\"kty\":\"oct\",\"k\":\"" + d + "\",\"alg\":\"HS256\"}";
            case 1 -> "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + b64url(chars(ALNUM, 32)) + "\",\"y\":\"" + b64url(chars(ALNUM, 32)) + "\",\"d\":\"" + d + "\"}";
            default -> "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"" + d + "\",\"x\":\"" + b64url(chars(ALNUM, 32)) + "\"}";
        };
        return new Secret("jwk-private", "jwk-" + s, d, "JWKS_CACHE", jwk, List.of("--jwk", jwk), "loaded key " + jwk);
    }

    /** A password with no keyword near it, written into a credential file or piped into a program that reads one. */
    private Secret credentialWrites(int s) {
        String pw = r.nextBoolean() ? password() : randomKey(10 + r.nextInt(8));
        String user = pick("admin", "svc", "backup", "app");
        String dir = pick("/etc/nginx/", "/srv/app/", "/root/", "~/");
        String line = switch (s) {
            case 0 -> "echo '" + user + ":" + pw + "' > " + dir + ".htpasswd";
            case 1 -> "echo db.internal:5432:orders:" + user + ":" + pw + " > " + dir + ".pgpass";
            case 2 -> "printf '%s\\n' '" + pw + "' > /run/secrets/" + pick("db", "api", "smtp");
            case 3 -> "echo " + pw + " >> " + dir + pick(".aws/credentials", ".git-credentials", ".netrc");
            case 4 -> "echo -n " + pw + " | tee " + pick("-a ", "") + "/run/secrets/" + pick("db", "mq") + " > /dev/null";
            case 5 -> "echo -e '" + pw + "\\n" + pw + "' | passwd " + user;
            case 6 -> "echo " + user + ":" + pw + " | /usr/sbin/chpasswd";
            default -> "echo " + pw + " > " + dir + pick("db_password.txt", "api.token", "secret.txt");
        };
        return new Secret("credential-writes", "write-" + s, pw, "INIT_CMD", line, List.of("sh", "-c", line), "+ " + line);
    }

    /**
     * The fourth outside test's command lines, one line each, planted in every carrier (the wider corpora, and the
     * families that live only in logs or files, are in their property tests): a password glued to a one-letter flag,
     * a positional password after a subcommand, one piped into a program that reads it, Windows and SNMP flags.
     */
    private Secret fourthAttack(int s) {
        String pw = r.nextBoolean() ? password() : randomKey(10 + r.nextInt(8));
        String user = pick("admin", "svc", "backup", "app");
        String line = switch (s) {
            case 0 -> pick("7z x -p", "unrar x -p", "7z a -mhe=on -p") + pw + " " + pick("backup.7z", "data.rar", "out.7z");
            case 1 -> "openssl passwd -" + pick("1", "5", "6") + " " + pw;
            case 2 -> "echo " + pw + " | sudo -S " + pick("apt-get update", "systemctl restart app", "true");
            case 3 -> "winrs -r:srv01 -u:" + user + " -p:" + pw + " ipconfig";
            case 4 -> "schtasks /Create /TN nightly /RU " + user + " /RP " + pw + " /TR backup.exe";
            // one password: a second one after the wrap of a wrapped log line has no program before it on its line (SECURITY.md)
            default -> "snmpwalk -v3 -u " + user + " -l authPriv -a SHA -A " + pw + " 10.0.0.1";
        };
        return new Secret("fourth-attack", "fourth-" + s, pw, "INIT_CMD", line, List.of("sh", "-c", line), "+ " + line);
    }

    /**
     * After the fifth outside test: secrets no keyword next to them announces. A network device's configuration line, a
     * generated key alone in a log line, a random path segment after a word that makes the URL a credential, a connection
     * call in a PHP stack trace, character codes, a password-shaped argument of a program nobody listed.
     */
    private Secret seventhAttack(int s) {
        String pw = r.nextBoolean() ? password() : randomKey(12 + r.nextInt(6));
        String user = pick("admin", "ops", "app") + chars(DIGITS, 3);
        return switch (s) {
            case 0 -> new Secret("seventh-attack", "percona-dsn", pw, "PT_SOURCE", "D=app,t=orders,h=db01,u=" + user + ",p=" + pw,
                    List.of("pt-online-schema-change", "--alter", "ADD COLUMN c INT", "D=app,t=orders,h=db01,u=" + user + ",p=" + pw, "--execute"),
                    "running pt-table-checksum h=db01,u=" + user + ",p=" + pw + ",P=3306");
            case 1 -> new Secret("seventh-attack", "admin-verb", pw, "BOOTSTRAP_CMD", "emqx ctl admins passwd " + user + " " + pw,
                    List.of(pick("ejabberdctl", "prosodyctl", "xmppctl"), "register", user, "localhost", pw), "+ acme-admin set-password " + user + " " + pw);
            case 2 -> new Secret("seventh-attack", "redis-hello", pw, "REDIS_TRACE", "MIGRATE 10.0.0.9 6379 \"\" 0 5000 AUTH2 " + user + " " + pw + " KEYS a",
                    List.of("sh", "-c", "echo HELLO 3 AUTH " + user + " " + pw), "1700000000.123456 [0 10.0.0.7:51234] \"HELLO\" \"3\" \"AUTH\" \"" + user
                    + "\" \"" + pw + "\" \"SETNAME\" \"w\"");
            default -> new Secret("seventh-attack", "argv-dump", pw, "EVENT_XML", "<Data Name=\"Password\">" + pw + "</Data>",
                    List.of("/app/server", "-db-pass", pw), "{\"cmdline\": [\"/app/server\", \"-db-pass\", \"" + pw + "\", \"-listen\", \":8080\"]}");
        };
    }

    /**
     * Found by the lead's probes in the ninth round: one word fed on standard input to a command about a secret (no keyword
     * beside it), a multi-line text logged as one string with its line breaks escaped, a password in a query beside its user.
     */
    private Secret ninthRound(int s) {
        String pw = r.nextBoolean() ? password().replace("#", "-").replace("%", "!") : randomKey(12 + r.nextInt(6));
        String user = pick("admin", "ops", "app") + chars(DIGITS, 3);
        return switch (s) {
            case 0 -> new Secret("ninth-round", "stdin-word", pw, "BOOTSTRAP_CMD", "echo " + pw + " | vault login -",
                    List.of("sh", "-c", "printf '%s' '" + pw + "' | " + pick("op signin --raw", "bw unlock --raw", "vncpasswd -f")),
                    "+ " + pick("htpasswd -i /etc/nginx/.htpasswd " + user, "gcloud secrets versions add db-password --data-file=-", "age -p -o b.age b.tar") + " <<< " + pw);
            case 1 -> new Secret("ninth-round", "escaped-layout", pw, "BOOT_CONFIG", "db:\\n  user: " + user + "\\n  password:\\n    " + pw,
                    List.of("/app/server", "--config-json", "{\"db\":{\"user\":\"" + user + "\",\"password\":\"" + pw + "\"}}"),
                    "{\"level\":\"debug\",\"msg\":\"loaded config:\\nuser: " + user + "\\npassword:\\n  " + pw + "\\nport: 5432\"}");
            default -> new Secret("ninth-round", "query-user-password", pw, "CAMERA_SNAPSHOT_URL", "http://10.0.0.20/cgi-bin/snapshot.cgi?usr=" + user + "&p=" + pw,
                    List.of("curl", "-s", "http://10.0.0.20/cgi-bin/snapshot.cgi?u=" + user + "&p=" + pw + "&f=jpg"),
                    "10.0.0.4 - - [30/Nov/2026:10:00:01 +0000] \"GET /rest/ping.view?u=" + user + "&p=" + pw + "&v=1.16.1&c=app HTTP/1.1\" 200 14");
        };
    }

    private Secret unannounced(int s) {
        String pw = r.nextBoolean() ? password() : randomKey(12 + r.nextInt(6));
        String user = pick("admin", "ops", "app");
        return switch (s) {
            case 0 -> {
                String line = pick("username " + user + " privilege 15 password 0 ", "snmp-server community ", "crypto isakmp key ", "radius-server key ") + pw;
                yield new Secret("unannounced", "device-config", pw, "DEVICE_CFG", line, List.of("sh", "-c", "printf '" + line + "\\n' >> /etc/device.cfg"), line);
            }
            case 1 -> {
                String key = generatedKey(32 + r.nextInt(20));
                yield new Secret("unannounced", "lone-key", key, "UPSTREAM_OPTS", "--client " + key, List.of("/opt/acme/bin/start", "--upstream", "acme", key),
                        pick("client init ok (", "loaded: ", "[upstream] ") + key + pick(")", "", " ready"));
            }
            case 2 -> {
                String key = chars(HEX, 32);
                String url = "https://events." + pick("acme-alerts.com/integration/", "example.net/v2/triggers/", "notify.example.org/incoming/") + key + "/enqueue";
                yield new Secret("unannounced", "path-segment", key, "ALERT_ENDPOINT", url, List.of("curl", "-fsS", "-X", "POST", url), "POST " + url + " -> 202");
            }
            case 3 -> {
                String call = pick("PDO->__construct('mysql:host=db;dbname=shop', '", "mysqli_connect('db', '") + user + "', '" + pw + "')";
                yield new Secret("unannounced", "php-connect", pw, "PHP_BOOT", call, List.of("php", "-r", call + ";"), "#0 /var/www/src/Db.php(12): " + call);
            }
            case 4 -> {
                String codes = codes(pw); // in hexadecimal: a decimal list's pieces (", 35, 10") are found in any list of numbers
                String list = codes("password=") + ", " + codes;
                yield new Secret("unannounced", "char-codes", codes, "PAYLOAD_BYTES", "[]byte{" + list + "}", List.of("node", "-e", "String.fromCharCode(" + list + ")"),
                        "payload bytes: []byte{" + list + "}");
            }
            default -> new Secret("unannounced", "shaped-argument", pw, "BOOT_ARGS", user + " " + pw, List.of("/opt/acme/bin/provision", "create-user", user, pw),
                    "Received CONNECT from c1 (p2, c1, k60, u'" + user + "', p'" + pw + "')");
        };
    }

    /** A generated key of letters and digits, each class at least four times. */
    String generatedKey(int n) {
        while (true) {
            String k = chars(ALNUM, n);
            if (k.chars().filter(Character::isUpperCase).count() >= 4 && k.chars().filter(Character::isLowerCase).count() >= 4
                    && k.chars().filter(Character::isDigit).count() >= 4) {
                return k;
            }
        }
    }

    private static String codes(String text) {
        return String.join(", ", text.chars().mapToObj(c -> "0x" + Integer.toHexString(c)).toList());
    }

    // --- generators of parts

    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String DIGITS = "0123456789";
    static final String LETTERS = LOWER + UPPER;
    static final String ALNUM = LETTERS + DIGITS;
    static final String HEX = "0123456789abcdef";
    private static final List<String> WORDS = List.of("maple", "harbor", "violet", "ember", "quartz", "falcon", "meadow", "copper", "willow", "tundra",
            "saffron", "glacier", "orchid", "cobalt", "juniper", "lantern");

    String chars(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A random key: mixed case and digits, as generated credentials are (at least two digits). */
    String randomKey(int n) {
        String k = chars(ALNUM, n - 2) + digit() + digit();
        return Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }

    /** A human password: words, digits and a symbol, low in entropy. */
    String password() {
        return cap(pick(WORDS)) + pick("-", "_", "!", ".", "#") + pick(WORDS) + chars(DIGITS, 2 + r.nextInt(3)) + pick("", "!", "?", "%");
    }

    private static String cap(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    char digit() {
        return (char) ('0' + r.nextInt(10));
    }

    String uuid() {
        return chars(HEX, 8) + "-" + chars(HEX, 4) + "-4" + chars(HEX, 3) + "-a" + chars(HEX, 3) + "-" + chars(HEX, 12);
    }

    String pick(String... options) {
        return options[r.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    private static String b64url(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Every 8-character piece of a value (pieces that span a line break are left out: no output joins lines). */
    public static List<String> pieces(String value) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 8 <= value.length(); i++) {
            String p = value.substring(i, i + 8);
            if (p.indexOf('\n') < 0) {
                out.add(p);
            }
        }
        if (value.length() < 8) {
            out.add(value);
        }
        return out;
    }

    // --- the third outside test: key material without armour, HTTP authentication schemes, URL and pair secrets (logs)

    /** Families of the third outside test, planted by SecretCorpusIT in logs (kept apart so the sequences above stay as they were). */
    public static final List<String> THIRD_ATTACK_KEYS = List.of("key-material", "auth-schemes", "url-secrets");

    /** Every shape of the third outside test's families, once each. */
    public List<Secret> keyShapes() {
        List<Secret> out = new ArrayList<>();
        for (String f : THIRD_ATTACK_KEYS) {
            for (int shape = 0; shape < keyShapeCount(f); shape++) {
                out.add(keyShape(f, shape));
            }
        }
        return out;
    }

    /** One secret of a third-attack family, of a random shape. */
    public Secret keyShapeOf(String family) {
        return keyShape(family, r.nextInt(keyShapeCount(family)));
    }

    private static int keyShapeCount(String family) {
        return switch (family) {
            case "key-material" -> 9;
            case "auth-schemes" -> 8;
            default -> 7;
        };
    }

    private Secret keyShape(String f, int s) {
        return switch (f) {
            case "key-material" -> keyMaterial(s);
            case "auth-schemes" -> authSchemes(s);
            default -> urlSecrets(s);
        };
    }

    /** Words of the kind BIP39 and diceware lists hold: lower case, 3 to 8 letters. */
    private static final List<String> PHRASE_WORDS = List.of("abandon", "ability", "absorb", "acoustic", "anchor", "apple", "bishop", "candle",
            "dragon", "ember", "falcon", "fossil", "garnet", "harbor", "hollow", "island", "jungle", "kettle", "lemon", "marble", "nectar", "oyster",
            "pillow", "quartz", "saddle", "timber", "umbra", "velvet", "walnut", "yonder", "zephyr", "zebra", "cactus", "divorce", "enroll", "frown");

    private String words(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(pick(PHRASE_WORDS));
        }
        return sb.toString();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    /** A DER structure's first bytes (PKCS#8, PKCS#1, SEC1, PKCS#12, encrypted PKCS#8) followed by random bytes. */
    private byte[] der(int s) {
        int[] head = switch (s) {
            case 0 -> new int[] {0x30, 0x82, 0x04, 0xbe, 0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
            case 1 -> new int[] {0x30, 0x82, 0x04, 0xa4, 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00};
            case 2 -> new int[] {0x30, 0x82, 0x0a, 0x5b, 0x02, 0x01, 0x03, 0x30, 0x82, 0x0a, 0x21, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01};
            default -> new int[] {0x30, 0x82, 0x05, 0x1c, 0x30, 0x4e, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05, 0x0d};
        };
        byte[] b = bytes(600 + r.nextInt(900));
        for (int i = 0; i < head.length; i++) {
            b[i] = (byte) head[i];
        }
        return b;
    }

    private Secret keyMaterial(int s) {
        return switch (s) {
            case 0 -> {
                String phrase = words(pick(12, 15, 18, 21, 24));
                String line = pick("mnemonic: ", "seed phrase: ", "recovery phrase = ", "Secret Recovery Phrase: ", "MNEMONIC=", "wallet mnemonic \"") + phrase;
                yield new Secret("key-material", "mnemonic", phrase, "WALLET_BACKUP", line, List.of("--restore", line), line);
            }
            case 1 -> {
                String phrase = words(pick(12, 24));
                yield new Secret("key-material", "mnemonic-told", phrase, "WALLET_NOTE", "your seed phrase is " + phrase, List.of("--note", "seed phrase is " + phrase),
                        pick("your seed phrase is ", "the recovery phrase was ") + phrase);
            }
            case 2 -> {
                String alphabet = pick("abcdefghijklmnopqrstuvwxyz234567", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
                StringBuilder g = new StringBuilder();
                for (int i = 0; i < 8; i++) {
                    g.append(i == 0 ? "" : " ").append(chars(alphabet, 3)).append(pick("2", "3", "4", "5", "6", "7"));
                }
                String line = pick("authenticator key: ", "TOTP secret: ", "2fa seed = ", "otp secret=") + g;
                yield new Secret("key-material", "base32-groups", g.toString(), "MFA_ENROLL", line, List.of("--enroll", line), line);
            }
            case 3 -> {
                String k = b64(bytes(64));
                yield new Secret("key-material", "tor-hs", k, "ONION_DUMP", "== ed25519v1-secret: type0 == " + k, List.of("--dump", "== ed25519v1-secret: type0 == " + k), "== ed25519v1-secret: type0 == " + k);
            }
            case 4 -> {
                String k = pick("RWRTY0Iy", "RWQAAEIy") + chars(ALNUM + "+/", 150);
                yield new Secret("key-material", "minisign", k, "SIGNER_FILE", "untrusted comment: minisign encrypted secret key\n" + k, List.of("--signer", k),
                        "untrusted comment: minisign encrypted secret key\n" + k);
            }
            case 5 -> {
                StringBuilder a = new StringBuilder("[");
                int n = pick(64, 64, 32);
                for (int i = 0; i < n; i++) {
                    a.append(i == 0 ? "" : pick(", ", ",")).append(r.nextInt(256));
                }
                String arr = a.append(']').toString();
                String line = n == 64 ? arr : pick("keypair: ", "secret key bytes ", "private_key=") + arr;
                yield new Secret("key-material", "byte-array", arr.substring(1, arr.length() - 1), "WALLET_FILE", line, List.of("--keypair", line), line);
            }
            case 6 -> {
                String k = b64(der(r.nextInt(4)));
                yield new Secret("key-material", "der-base64", k, "TLS_BUNDLE", k, List.of("--bundle", k), pick("loaded pfx ", "p12: ", "  ") + k);
            }
            case 7 -> {
                String body = chars(ALNUM + "+/", 64);
                String block = "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"rsa-key-" + chars(DIGITS, 8) + "\"\n" + chars(ALNUM + "+/", 64) + "\n" + body + "\n"
                        + chars(ALNUM + "+/", 40) + "==\n---- END SSH2 ENCRYPTED PRIVATE KEY ----";
                yield new Secret("key-material", "ssh2-key", body, "DEPLOY_KEY_FILE", block, List.of("--key", block), block);
            }
            default -> {
                String lines = b64(der(r.nextInt(3)));
                StringBuilder wrapped = new StringBuilder();
                for (int i = 0; i < lines.length(); i += 64) {
                    wrapped.append(i == 0 ? "" : "\n").append(lines, i, Math.min(lines.length(), i + 64));
                }
                String body = lines.substring(64, 128);
                yield new Secret("key-material", "der-lines", body, "TLS_KEY_BODY", wrapped.toString(), List.of("--key", wrapped.toString()), "  " + wrapped);
            }
        };
    }

    private Secret authSchemes(int s) {
        String key = randomKey(40);
        return switch (s) {
            case 0 -> header("token-token", key, "Authorization: Token token=\"" + key + "\"");
            case 1 -> {
                String mac = chars(ALNUM + "+/", 43) + "=";
                yield header("hawk-mac", mac, "Authorization: Hawk id=\"" + chars(LOWER + DIGITS, 12) + "\", ts=\"" + chars(DIGITS, 10) + "\", nonce=\"" + chars(ALNUM, 6)
                        + "\", mac=\"" + mac + "\"");
            }
            case 2 -> {
                String id = chars(LOWER + DIGITS, 10) + digit() + digit();
                yield header("hawk-id", id, "Server-Authorization: Hawk id=\"" + id + "\", ts=\"" + chars(DIGITS, 10) + "\", mac=\"" + chars(ALNUM + "+/", 43) + "=\"");
            }
            case 3 -> {
                String response = chars(HEX, 32);
                yield header("digest", response, "Authorization: Digest username=\"bob\", realm=\"api\", nonce=\"" + chars(HEX, 16) + "\", uri=\"/v1/items\", response=\""
                        + response + "\", opaque=\"x\"");
            }
            case 4 -> {
                String blob = "TlRMTVNTUAADAAAA" + chars(ALNUM + "+/", 60 + r.nextInt(60));
                yield header("ntlm", blob, pick("Authorization: NTLM ", "Proxy-Authorization: NTLM ") + blob);
            }
            case 5 -> {
                String blob = "YII" + chars(ALNUM + "+/", 120 + r.nextInt(80)) + pick("", "=", "==");
                yield header("negotiate", blob, "Authorization: Negotiate " + blob);
            }
            case 6 -> {
                String sig = chars(HEX, 64);
                yield header("aws4", sig, "Authorization: AWS4-HMAC-SHA256 Credential=AKIA" + chars(UPPER + "234567", 16) + "/20261130/eu-west-1/s3/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=" + sig);
            }
            default -> {
                String sig = chars(ALNUM + "_-", 42) + pick("A", "E", "I") + "=";
                String jwt = b64url("{\"alg\":\"HS256\"}") + "==." + b64url("{\"sub\":\"" + chars(ALNUM, 10) + "\",\"exp\":1900000000}") + "=." + sig;
                yield new Secret("auth-schemes", "jwt-padded", sig, "UPSTREAM_SESSION", jwt, List.of("--session", jwt), pick("upstream call with ", "jwt ", "") + jwt);
            }
        };
    }

    private Secret header(String shape, String value, String line) {
        return new Secret("auth-schemes", shape, value, "LAST_REQUEST_HEADERS", line, List.of("-H", line), pick("> ", "request headers: ", "") + line);
    }

    private Secret urlSecrets(int s) {
        String pw = password();
        return switch (s) {
            case 0 -> {
                String name = pick("code", "hash", "sig", "signature", "X-Amz-Signature", "X-Goog-Signature", "token", "access_token", "id_token", "client_secret", "key");
                String v = name.startsWith("X-") ? chars(HEX, 64) : name.equals("key") ? "AIza" + chars(ALNUM + "-_", 35) : randomKey(32 + r.nextInt(16));
                String line = "10.1.2." + r.nextInt(255) + " - - [30/Nov/2026:10:00:00 +0000] \"GET /download/file.zip?page=" + r.nextInt(9) + "&" + name + "=" + v
                        + "&v=2 HTTP/1.1\" 200 512 \"-\" \"curl/8.5\"";
                yield new Secret("url-secrets", "query-" + name.toLowerCase(java.util.Locale.ROOT), v, "LAST_URL", line, List.of("--url", line), line);
            }
            case 1 -> {
                String v = randomKey(40);
                String url = "https://app.example.com/callback#" + pick("access_token", "id_token", "code") + "=" + v + "&token_type=bearer&expires_in=3600";
                yield new Secret("url-secrets", "fragment", v, "REDIRECT_SEEN", url, List.of("--redirect", url), "redirected to " + url);
            }
            case 2 -> {
                String line = pick("db.internal", "*", "pg-primary.svc") + ":" + pick("5432", "*", "6432") + ":" + pick("app", "*", "orders") + ":" + pick("app", "svc_reader")
                        + ":" + pw;
                yield new Secret("url-secrets", "pgpass", pw, "PGPASS_LINE", line, List.of("--pgpass", line), pick("cannot connect using ", "pgpass: ", "") + line);
            }
            case 3 -> {
                String line = pick("digest:" + pick("super", "admin", "zk") + ":" + pw, "addauth digest " + pick("super", "admin") + ":" + pw);
                yield new Secret("url-secrets", "zookeeper-digest", pw, "ZK_AUTH", line, List.of("--auth", line), "zkCli: " + line);
            }
            case 4 -> {
                String line = pick("root", "admin", "postgres", "elastic") + ":" + pw;
                yield new Secret("url-secrets", "admin-pair", pw, "ETCD_ACCOUNT", line, List.of("--user", line), pick("cannot connect using ", "etcdctl --user ", "login ") + line);
            }
            case 5 -> {
                String blank = pick("\u3000", "\u00a0", "\u2003", "\u202f");
                String line = pick("password", "passwd", "Password") + blank + pw;
                yield new Secret("url-secrets", "unicode-blank", pw, "LOGIN_HINT", line, List.of(line), line);
            }
            default -> {
                String v = randomKey(40);
                String line = pick("Authorization", "authorization", "Proxy-Authorization") + pick(": ", ":", " = ") + pick("token ", "ApiKey ", "Bearer ", "Basic ") + v;
                yield new Secret("url-secrets", "auth-header-token68", v, "DEFAULT_HEADERS", line, List.of("-H", line), "grpc metadata: " + line);
            }
        };
    }

    private int pick(int... options) {
        return options[r.nextInt(options.length)];
    }
}
