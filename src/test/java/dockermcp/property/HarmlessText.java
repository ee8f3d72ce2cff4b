package dockermcp.property;

import java.util.List;
import java.util.Random;

/**
 * Random harmless configuration and log text of the kinds operators need to see: ports, log levels, time zones,
 * JVM options, profiles, hostnames, public URLs, versions and revisions, UUIDs and request ids.
 */
public final class HarmlessText {

    private final Random r;
    private final SecretCorpus parts;

    public HarmlessText(long seed) {
        this.r = new Random(seed);
        this.parts = new SecretCorpus(seed ^ 0x5eed);
    }

    private static final List<String> LEVELS = List.of("INFO", "WARN", "DEBUG", "ERROR", "info", "warn", "debug", "TRACE");
    private static final List<String> ZONES = List.of("Europe/Berlin", "UTC", "America/New_York", "Asia/Tokyo", "Australia/Sydney");
    private static final List<String> HOSTS = List.of("api.internal.example.com", "db.internal", "orders-7", "web-1.eu-central-1.example.net", "localhost",
            "cache.svc.cluster.local");
    private static final List<String> PROFILES = List.of("prod", "staging", "dev,metrics", "default");
    private static final List<String> PATHS = List.of("/api/v1/orders", "/healthz", "/static/app.css", "/api/v2/users/42/settings", "/metrics");
    private static final List<String> WORDS = List.of("request", "completed", "started", "cache", "miss", "scheduled", "worker", "queue", "retry", "flushed",
            "connected", "listening", "shutdown", "received", "processed", "batch", "orders", "users");

    /** The alphabet of Kubernetes' generated name suffixes. */
    private static final String POD = "bcdfghjklmnpqrstvwxz2456789";

    public String logLine() {
        return switch (r.nextInt(13)) {
            case 10 -> pick("max_tokens=" + (256 << r.nextInt(6)) + " token_ttl=" + (60 * r.nextInt(120)) + " session_timeout=" + r.nextInt(60) + "m auth=ok",
                    "llm call done tokens_used: " + r.nextInt(4096) + " max_tokens: 4096 \"auth_method\":\"" + pick("oauth", "basic", "saml") + "\"",
                    "auth=" + pick("ok", "failed") + " request_id=req_" + parts.chars("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 26) + " method=POST",
                    "password reset requested for user " + pick(WORDS) + ", token expires in " + r.nextInt(60) + " minutes",
                    "loaded /usr/local/lib/python3.11/site-packages/" + pick(WORDS) + "/__init__.py",
                    "GET https://" + pick(HOSTS) + "/api/v2/" + pick(WORDS) + "/" + parts.chars(SecretCorpus.DIGITS, 6) + "?expand=items&page=" + r.nextInt(9),
                    "usage prompt_tokens=" + r.nextInt(4000) + " completion_tokens=" + r.nextInt(900) + " total_tokens=" + r.nextInt(5000),
                    "Public key fingerprint: SHA256:" + parts.chars(SecretCorpus.ALNUM + "+/", 43),
                    "secret '" + pick(WORDS) + "-creds' mounted at /run/secrets",
                    "Successfully rotated credentials for service account " + pick(WORDS) + " (next rotation in " + r.nextInt(48) + "h)",
                    "commit " + parts.chars(SecretCorpus.HEX, 40) + " deployed",
                    "User " + pick(WORDS) + "@example.com logged in via SSO (session " + parts.uuid() + ")",
                    "request " + parts.uuid() + " completed, container " + parts.chars(SecretCorpus.HEX, 12) + " " + pick(WORDS),
                    "key rotation scheduled for job " + parts.uuid(),
                    pick("la clave es obligatoria", "le mot de passe est incorrect", "das Passwort ist abgelaufen", "a senha é inválida",
                            "het wachtwoord is verlopen", "hasło to wymagane pole") + " (user " + pick(WORDS) + ")",
                    "uses: " + pick("actions/checkout@v4", "actions/setup-java@v4.2.1", "docker/login-action@v3") + ", pulled library/" + pick(WORDS)
                            + "@sha256:" + parts.chars(SecretCorpus.HEX, 64) + " and " + pick("nginx", "redis", "postgres") + ":" + r.nextInt(3) + "." + r.nextInt(30) + "." + r.nextInt(9) + "-alpine",
                    "npm install @acme/" + pick(WORDS) + "@" + r.nextInt(5) + "." + r.nextInt(9) + ".0 from " + pick(HOSTS) + ":" + port() + " at 10:" + two() + ":" + two()
                            + " via fe80::1ff:fe23:4567:890a, thread main:Worker" + r.nextInt(9),
                    "Public key fingerprint: SHA256:" + parts.chars(SecretCorpus.ALNUM + "+/", 43) + " (ED25519) for user:" + pick(WORDS),
                    "p a g e " + r.nextInt(9) + " of " + r.nextInt(99) + ", s-o-r-t by name, e.g. a.b.c.d",
                    "ts=2026-11-30T10:00:0" + r.nextInt(10) + "Z level=info msg=\"request completed\" method=POST path=/v1/chat status=200 duration_ms="
                            + r.nextInt(2000) + " max_tokens=4096 prompt_tokens=" + r.nextInt(4000) + " completion_tokens=" + r.nextInt(900),
                    jsonLogLine(),
                    "LOG:  connection authorized: user=" + word() + " database=" + word() + " application_name=psql SSL enabled (protocol=TLSv1.3, bits=256)");
            case 11 -> pick("=", "-", "#", "*", "~").repeat(20 + r.nextInt(100));
            case 12 -> pick("a", "x", "z", "A", ".").repeat(200 + r.nextInt(4000));
            case 0 -> "2024-11-30T10:" + two() + ":" + two() + "." + three() + "Z " + pick(LEVELS) + " [main] " + word() + " " + word() + " on port " + port();
            case 1 -> "level=" + pick(LEVELS).toLowerCase() + " msg=\"" + word() + " " + word() + "\" method=GET path=" + pick(PATHS) + " status=" + pick("200", "404", "503")
                    + " duration=" + r.nextInt(900) + "ms request_id=" + parts.uuid();
            case 2 -> "using time zone " + pick(ZONES) + ", profile " + pick(PROFILES);
            case 3 -> "JVM options: -Xms" + (64 << r.nextInt(4)) + "m -Xmx" + (1 + r.nextInt(4)) + "g -XX:+UseG1GC -XX:MaxRAMPercentage=75.0";
            case 4 -> "GET https://" + pick(HOSTS) + pick(PATHS) + "?page=" + r.nextInt(20) + " " + pick("200", "301") + " " + r.nextInt(90) + "ms";
            case 5 -> "image version " + r.nextInt(5) + "." + r.nextInt(30) + "." + r.nextInt(10) + " revision " + parts.chars(SecretCorpus.HEX, 40);
            case 6 -> "trace_id=" + parts.chars(SecretCorpus.HEX, 32) + " span_id=" + parts.chars(SecretCorpus.HEX, 16) + " " + word();
            case 7 -> "172.18.0." + r.nextInt(255) + " - - [30/Nov/2024:10:00:00 +0000] \"GET " + pick(PATHS) + " HTTP/1.1\" 200 " + r.nextInt(9000)
                    + " \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"";
            case 8 -> "connected to " + pick(HOSTS) + ":" + port() + " in " + r.nextInt(50) + " ms, pool " + r.nextInt(20) + "/20";
            default -> "pulled sha256:" + parts.chars(SecretCorpus.HEX, 64) + " for job " + parts.uuid();
        };
    }

    public String envEntry() {
        return switch (r.nextInt(14)) {
            case 12 -> pick("MAX_TOKENS=" + (256 << r.nextInt(6)), "TOKENIZERS_PARALLELISM=" + pick("true", "false"), "SESSION_TIMEOUT=" + r.nextInt(90) + "m",
                    "TOKEN_EXPIRY=" + (60 * r.nextInt(100)), "OAUTH_ISSUER=https://" + pick(HOSTS), "AUTH_METHOD=" + pick("oauth", "basic", "ldap"),
                    "JWT_TTL=" + r.nextInt(48) + "h", "PASSWORD_MIN_LENGTH=" + (8 + r.nextInt(8)), "API_KEY_HEADER=" + pick("X-Api-Key", "Authorization"));
            case 13 -> pick("HOSTNAME=" + parts.chars(SecretCorpus.HEX, 12), "CONTAINER_ID=" + parts.chars(SecretCorpus.HEX, 64),
                    "INSTANCE_ID=i-0" + parts.chars(SecretCorpus.HEX, 16), "JAVA_TOOL_OPTIONS=-Xmx" + (256 << r.nextInt(3)) + "m -XX:+UseG1GC",
                    "PYTHONPATH=/usr/local/lib/python3.11/site-packages", "PUBLIC_KEY=ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"
                            + parts.chars(SecretCorpus.ALNUM + "+/", 43) + " deploy@" + pick(HOSTS),
                    "POSTGRES_HOST_AUTH_METHOD=" + pick("scram-sha-256", "md5", "trust"),
                    "POD_NAME=" + pick(WORDS) + "-" + parts.chars(POD, 9) + "-" + parts.chars(POD, 5),
                    "TRACE_ID=" + parts.chars(SecretCorpus.HEX, 32), "SPAN_ID=" + parts.chars(SecretCorpus.HEX, 16),
                    "SECRET_NAME=prod/" + pick(WORDS) + "/db", "KEY_ID=alias/" + pick(WORDS) + "-key", "SSH_AUTH_SOCK=/tmp/ssh-" + pick(WORDS) + "/agent.sock");
            case 0 -> "PORT=" + port();
            case 1 -> "LOG_LEVEL=" + pick(LEVELS).toLowerCase();
            case 2 -> "TZ=" + pick(ZONES);
            case 3 -> "JAVA_OPTS=-Xmx" + (1 + r.nextInt(4)) + "g -XX:+UseG1GC -Duser.timezone=" + pick(ZONES);
            case 4 -> "SPRING_PROFILES_ACTIVE=" + pick(PROFILES);
            case 5 -> "APP_HOST=" + pick(HOSTS);
            case 6 -> "PUBLIC_URL=https://" + pick(HOSTS) + pick(PATHS);
            case 7 -> "APP_VERSION=" + r.nextInt(5) + "." + r.nextInt(30) + "." + r.nextInt(10);
            case 8 -> "GIT_COMMIT=" + parts.chars(SecretCorpus.HEX, 40);
            case 9 -> "INSTANCE_ID=" + parts.uuid();
            case 10 -> "REQUEST_TIMEOUT=" + r.nextInt(120) + "s";
            default -> "WORKERS=" + (1 + r.nextInt(16));
        };
    }

    /** A JSON log line with counters and ids under names that hold a secret word: *_tokens, *_key_id, *_auth_method. */
    private String jsonLogLine() {
        return "{\"time\":\"2026-11-30T10:01:0" + r.nextInt(10) + "Z\",\"level\":\"" + pick(LEVELS) + "\",\"model\":\"gpt-4o-mini\",\"max_tokens\":"
                + (256 << r.nextInt(6)) + ",\"usage\":{\"prompt_tokens\":" + r.nextInt(4000) + ",\"completion_tokens\":" + r.nextInt(900)
                + ",\"total_tokens\":" + r.nextInt(5000) + "},\"signing_key_id\":\"" + pick("kid-", "alias/") + word() + "\",\"" + pick("auth_method", "token_auth_method")
                + "\":\"" + pick("oauth", "basic", "private_key_jwt") + "\",\"cache\":" + pick("true", "null", "[1,2]") + ",\"request_id\":\"req_"
                + parts.chars(SecretCorpus.HEX, 16) + "\"}";
    }

    private String port() {
        return pick("80", "443", "8080", "5432", "6379", "3000", "9090", "8443");
    }

    private String two() {
        return String.format("%02d", r.nextInt(60));
    }

    private String three() {
        return String.format("%03d", r.nextInt(1000));
    }

    private String word() {
        return pick(WORDS);
    }

    private String pick(String... options) {
        return options[r.nextInt(options.length)];
    }

    private String pick(List<String> options) {
        return options.get(r.nextInt(options.size()));
    }

    /**
     * Harmless log lines near the third outside test's families: digests and fingerprints, masked values, ordinary query
     * parameters, prose about phrases and keys, short number lists, times and
     * image tags with colons, etcd health lines (kept apart so that the sequences above stay as they were).
     */
    public String keyLogLine() {
        return switch (r.nextInt(12)) {
            case 0 -> "Pulled image sha256:" + parts.chars(SecretCorpus.HEX, 64);
            case 1 -> pick("ssh: host key fingerprint SHA256:", "Host key fingerprint is SHA256:", "ECDSA key fingerprint is SHA256:")
                    + parts.chars(SecretCorpus.ALNUM + "+/", 43);
            case 2 -> pick("Authorization: Bearer <redacted>", "password: ********", "Authorization: Basic [REDACTED]", "X-Api-Key: ***",
                    "authorization: Bearer ${API_TOKEN}");
            case 3 -> "GET https://" + pick(HOSTS) + "/search?q=" + word() + "&page=" + r.nextInt(20) + "&v=2&rd=https://auth.example.com/&sort=date"
                    + " " + pick("200", "304");
            case 4 -> "recovery codes regenerated for user " + r.nextInt(999) + " (10 codes), 2fa " + pick("enabled", "disabled");
            case 5 -> pick("the recovery phrase is shown only once to the user", "seed phrase backup verified for wallet 3",
                    "mnemonic words are checked against the list", "passphrase is required for this key", "Enter the recovery phrase of the wallet");
            case 6 -> "latency buckets [" + r.nextInt(9) + ", " + r.nextInt(99) + ", " + r.nextInt(255) + ", " + r.nextInt(30) + ", " + r.nextInt(7) + "]";
            case 7 -> "2026-11-30 " + two() + ":" + two() + ":" + two() + " pulled postgres:16-alpine, redis:7.2.4 and nginx:1." + r.nextInt(30) + "." + r.nextInt(9);
            case 8 -> "etcd member " + parts.chars(SecretCorpus.HEX, 16) + " is healthy: got healthy result from https://127.0.0.1:2379";
            case 9 -> "Digest: sha256:" + parts.chars(SecretCorpus.HEX, 64) + " Status: Downloaded newer image for " + pick(HOSTS) + "/app:" + r.nextInt(9);
            case 10 -> "listening on [::]:" + port() + " and 0.0.0.0:" + port() + ", peers fe80::1:" + port() + " " + word();
            default -> "key rotation " + pick("scheduled", "done") + " for tenant " + r.nextInt(99) + ", next at 2026-12-" + two().substring(0, 1) + "1 " + two() + ":" + two();
        };
    }

    /**
     * Harmless whole files and dumps next to {@link ConfigDumpCorpus}: XML, env lists, tables, dumps, SQL, banners and
     * traces with no secret in them, and references to variables or placeholders where a secret would be.
     */
    public String dumpText() {
        return switch (r.nextInt(12)) {
            case 0 -> "<property>\n  <name>" + pick("fs.defaultFS", "dfs.replication", "yarn.nodemanager.resource.memory-mb") + "</name>\n  <value>"
                    + pick("hdfs://" + pick(HOSTS) + ":8020", String.valueOf(1 + r.nextInt(8)), String.valueOf(1024 << r.nextInt(4))) + "</value>\n</property>";
            case 1 -> "<appSettings><add key=\"" + pick("LogLevel", "Environment", "MaxRetries") + "\" value=\"" + pick("Information", "Production", "3")
                    + "\" /><entry key=\"jdbc.url\">jdbc:postgresql://" + pick(HOSTS) + ":5432/orders</entry></appSettings>";
            case 2 -> "env:\n- name: LOG_LEVEL\n  value: " + pick(LEVELS).toLowerCase() + "\n- name: TZ\n  value: " + pick(ZONES)
                    + "\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db\n      key: password";
            case 3 -> "id,name,status,port\n" + r.nextInt(99) + "," + word() + ",running," + port() + "\n" + r.nextInt(99) + "," + word() + ",exited," + port();
            case 4 -> "| service | port | status |\n|---|---|---|\n| " + word() + " | " + port() + " | up |";
            case 5 -> "INSERT INTO " + pick("events", "orders") + " (id, name, created_at) VALUES (" + r.nextInt(999) + ", '" + word() + "', '2024-11-30');";
            case 6 -> "array(2) {\n  [\"user\"]=>\n  string(3) \"app\"\n  [\"port\"]=>\n  int(" + port() + ")\n}";
            case 7 -> "+ echo " + pick("done", "building " + word(), "starting") + "\n+ docker push registry.example.com/orders:1." + r.nextInt(9);
            case 8 -> "Server started:\n  listening on port " + port() + "\n  profile " + pick(PROFILES);
            case 9 -> pick("DB_PASSWORD=${DB_PASSWORD}", "password: ${DB_PASSWORD}", "API_TOKEN=$API_TOKEN", "set DB_PASSWORD=%DB_PASSWORD%",
                    "password: {{ .Values.db.password }}", "token: {{ secrets.DEPLOY_TOKEN }}", "password=<redacted>", "token=***", "password: ********",
                    "client_secret: [REDACTED]", "api_key=xxxxxxxx");
            case 10 -> "{\"args\": [\"--port\", \"" + port() + "\", \"--log-level\", \"" + pick(LEVELS).toLowerCase() + "\"]} [\"docker\", \"run\", \"-p\", \"8080:80\", \"nginx\"]";
            default -> "{'user': 'app', 'port': " + port() + ", 'profile': '" + pick(PROFILES) + "'}";
        };
    }
}
