package dockermcp.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 7, outside attack 4 (F09, F11, F15): a credential word in a structure position (a table header, a JSON
 * {@code name}/{@code key}/{@code field} member, an XML element, a SQL clause, a YAML key over a list, a flag before a
 * line continuation) marks its value position as secret, whatever the line layout; the same structures with harmless
 * names stay visible. {@code {S}} is the planted secret, {@code {U}} a user name; every template is tried with a
 * human password and a random token, for several seeds, through {@link Redactor#lines} (a log) and, for the JSON
 * objects, inside an env value and a label.
 */
class MultiLineStructuresTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final int SEEDS = 8;

    /** Tables, aligned CLI output, TSV and key/value listings. */
    static final List<String> TABLES = List.of(
            "+-------+------------------+\n| user  | password         |\n+-------+------------------+\n| {U} | {S} |\n+-------+------------------+",
            "+----+------+--------+\n| id | name | secret |\n+====+======+========+\n| 1  | {U}  | {S}    |\n| 2  | bob  | {S}    |\n+----+------+--------+",
            "| Name | Token |\n|:-----|------:|\n| deploy | {S} |",
            "USERNAME   PASSWORD            ROLE\n{U}     {S}   admin",
            "NAME        HOST        PASSWORD\nprimary     db01        {S}\nreplica     db02        {S}",
            "user        pass                 created\n{U}         {S}    2026-11-30",
            "ACCOUNT   API KEY                                   CREATED\nci        {S}   3d",
            "id\tname\ttoken\texpires\n7\tci\t{S}\t2027-01-01",
            "{UUID}\t{T}\tacme.onmicrosoft.com",
            "{T}\t2027-01-01T00:00:00Z",
            "ci-deploy\t{T}",
            "AccessKeyId\tSecretAccessKey\tSessionToken\nASIAIOSFODNN7EXAMPLE\t{S}\t{T}",
            "NAME      | VALUE\n----------+------------------\nDB_PASS   | {S}",
            "Key                  Value\n---                  -----\nadmin_password       {S}\nlisten_port          8080",
            "KEY             VALUE\nLOG_LEVEL       info\nSMTP_PASSWORD   {S}",
            "Parameter    | Value\n-------------+----------\nport         | 5432\npassword     | {S}",
            "FIELD          VALUE\nusername       {U}\npassword       {S}",
            "Property\tValue\nuser\t{U}\nsecret\t{S}",
            "| Setting | Value |\n|---|---|\n| api_key | {S} |",
            "ID  NAME  CREATED\nx  db_password  1m\n# value: {S}",
            "name: db_password\nvalue: {S}",
            "credentials:\n  - {U}\n  - {S}",
            "passwords:\n- {S}\n- {S}",
            "  api_tokens:\n    - \"{S}\"\n  port: 80",
            "auth:\n  tokens:\n    - {S}\n  ttl: 30s",
            "- name: DB_PASSWORD\n  value: {S}",
            "env:\n  - name: API_KEY\n    value: \"{S}\"\n  - name: LOG_LEVEL\n    value: info",
            "- name: SMTP_PASS\n  # from vault\n  value: '{S}'",
            "SERVICE   USER      PASSWD\nredis     default   {S}",
            "name,token\nci,{S}",
            "| Secret Name | Secret Value |\n|---|---|\n| DB_PASSWORD | {S} |",
            "VARIABLE            VALUE\nPGPASSWORD          {S}",
            "Option      | Value\n------------+-------\nrequirepass | {S}",
            "key | value\n--- | ---\nclient_secret | {S}",
            "ACCESS KEY             SECRET KEY\nAKIAIOSFODNN7EXAMPLE   {S}",
            "Credentials:\n  - {U}:{S}",
            "PASSWORDS:\n  - \'{S}\'",
            "+-----------+----------+\n| Variable  | Value    |\n+-----------+----------+\n| password  | {S}      |\n+-----------+----------+");

    /** Values on a line of their own after the clause, flag, element or key that names them. */
    static final List<String> SPLIT = List.of(
            "CREATE USER {U}\n  IDENTIFIED BY\n  '{S}';",
            "ALTER USER {U} IDENTIFIED BY\n'{S}';",
            "create role {U} with login password\n  '{S}';",
            "ALTER ROLE {U} WITH PASSWORD\n    '{S}'",
            "mysql -h db \\\n  -u {U} \\\n  -p{S} \\\n  app",
            "mysql -h db -u {U} \\\n  --password={S} \\\n  app",
            "psql --host db \\\n  --password \\\n  {S}",
            "curl -sS https://api.example.com \\\n  -H \"Authorization: Bearer {S}\"",
            "app --db-password \\\n    {S} \\\n    --port 80",
            "redis-cli -h cache \\\n  -a {S} ping",
            "=====================================\n Generated admin credentials:\n   {U} / {S}\n=====================================",
            "***********************\n* Generated password: *\n*                     *\n*   {S}   *\n***********************",
            "Your new credentials:\n  {U}:{S}",
            "+------------------------------+\n| Initial root password:       |\n| {S}             |\n+------------------------------+",
            "<credentials>\n  <user>{U}</user>\n  <pass>\n    {S}\n  </pass>\n</credentials>",
            "<password>\n{S}\n</password>",
            "<ApiKey>{S}\n</ApiKey>",
            "<db:Password>\n   {S}</db:Password>",
            "{\n  \"credentials\": {\n    \"pass\"\n      :\n      \"{S}\"\n  }\n}",
            "{\n  \"password\":\n    \"{S}\"\n}",
            "{\"apiKey\"\n: \"{S}\"}",
            "{\n  \"client_secret\" :\n\n  \"{S}\",\n  \"port\": 80\n}",
            "ALTER LOGIN {U} WITH PASSWORD =\n  \'{S}\';",
            "docker login registry.example.com \\\n  --username ci \\\n  --password {S}",
            "sshpass -p \\\n  {S} ssh host",
            "<secret encrypted=\"false\">\n  {S}\n</secret>",
            "{\n  \"auth\": {\n    \"token\":\n      \"{S}\"\n  }\n}",
            "*************************************\n*  Your API token:                 *\n*  {S}  *\n*************************************",
            "##########\n# Admin password:\n# {S}\n##########");

    /** JSON objects whose name member names the secret and whose value member holds it, in any order and layout. */
    static final List<String> JSON = List.of(
            "{\"msg\":\"cfg\",\"env\":[{\"name\":\"DB_PASSWORD\",\"value\":\"{S}\"}]}",
            "{\"spec\": {\"containers\": [{\"env\": [{\"name\": \"API_KEY\", \"value\": \"{S}\"}]}]}}",
            "{\"value\": \"{S}\", \"name\": \"GITHUB_TOKEN\"}",
            "[{\"Key\":\"api_token\",\"Value\":\"{S}\"},{\"Key\":\"env\",\"Value\":\"prod\"}]",
            "{\"Tags\":[{\"Key\":\"db-pass\",\"Value\":\"{S}\"}]}",
            "{\"Parameter\":{\"Name\":\"/prod/db/password\",\"Type\":\"SecureString\",\"Value\":\"{S}\",\"Version\":3}}",
            "{\"field\":\"smtp.password\",\"new_value\":\"{S}\"}",
            "{\"field\": \"apiKey\", \"old_value\": \"{S}\", \"new_value\": \"{S}\"}",
            "{\"level\":\"info\",\"key\":\"SECRET_KEY\",\"val\":\"{S}\"}",
            "{\"variable\":\"CI_DEPLOY_TOKEN\",\"value\":\"{S}\",\"protected\":true}",
            "{\"ParameterKey\":\"DbPassword\",\"ParameterValue\":\"{S}\"}",
            "{\"OptionName\":\"MasterUserPassword\",\"OptionValue\":\"{S}\"}",
            "{\"setting\":\"auth_token\",\"data\":\"{S}\"}",
            "{\n  \"name\": \"DB_PASSWORD\",\n  \"value\": \"{S}\"\n}",
            "[\n  {\n    \"value\":\n      \"{S}\",\n    \"name\": \"REDIS_AUTH\"\n  }\n]",
            "{\"name\":\"WEBHOOK_SECRET\",\"valueFrom\":null,\"value\":\"{S}\"}",
            "{\"log\":\"{\\\"name\\\":\\\"DB_PASSWORD\\\",\\\"value\\\":\\\"{S}\\\"}\"}",
            "{\"NAME\": \"PGPASSWORD\", \"VALUE\": \"{S}\"}",
            "{\"key\": \"password\", \"value\": {\"plain\": \"{S}\"}}",
            "{\"name\":\"token\",\"value\":[\"{S}\"]}",
            "{\"headers\":[{\"name\":\"Authorization\",\"value\":\"Bearer {S}\"}]}",
            "{\"cookies\":[{\"name\":\"session_id\",\"value\":\"{S}\"}]}",
            "{\"Environment\":{\"Variables\":[{\"Name\":\"STRIPE_SECRET\",\"Value\":\"{S}\"}]}}",
            "{\"secrets\":[{\"key\":\"db-password\",\"data\":\"{S}\"}]}",
            "{\"changes\":[{\"attribute\":\"api_key\",\"from\":\"{S}\",\"to\":\"{S}\"}]}",
            "{\n  \"Key\": \"SlackWebhookToken\",\n  \"Value\": \"{S}\"\n}",
            "{\"id\":\"client_secret\",\"current\":\"{S}\"}",
            "  {\"name\": \"DB_PASSWORD\",\n   \"value\": \"{S}\"},\n  {\"name\": \"PORT\", \"value\": \"80\"}");

    /** Look-alikes with nothing secret: must come back unchanged. */
    static final List<String> HARMLESS = List.of(
            "CONTAINER ID   IMAGE          COMMAND                  CREATED         STATUS         PORTS                  NAMES\n"
                    + "4f1c2a9b7d3e   nginx:1.27     \"/docker-entrypoint.…\"   2 minutes ago   Up 2 minutes   0.0.0.0:8080->80/tcp   web",
            "NAME                 READY   STATUS    RESTARTS   AGE\napi-7d9f8b6c5-x2kqz  1/1     Running   0          3d",
            "ID                            NAME         CREATED         UPDATED\nk3x9q2m1v8z7w6y5u4t3s2r1   db_password  2 minutes ago   2 minutes ago",
            "NAME        TYPE     DATA   AGE\ndb-creds    Opaque   2      5d",
            "+----+-------+--------+\n| id | name  | status |\n+----+-------+--------+\n| 1  | alice | active |\n+----+-------+--------+",
            "KEY             VALUE\nLOG_LEVEL       info\nSERVER_PORT     8080",
            "Parameter    | Value\n-------------+----------\nport         | 5432\nmax_conn     | 100",
            "Key                  Value\n---                  -----\nlisten_port          8080\nlog_level            debug",
            "env:\n  - name: LOG_LEVEL\n    value: info\n  - name: TZ\n    value: Europe/Berlin",
            "- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db\n      key: password",
            "- name: API_KEY_FILE\n  value: /run/secrets/api_key",
            "tokens:\n  - access\n  - refresh",
            "dependencies:\n  - name: redis\n    version: 17.3.2",
            "{\"name\":\"LOG_LEVEL\",\"value\":\"debug\"}",
            "{\"name\":\"password_policy\",\"value\":\"strict\"}",
            "{\"name\":\"PASSWORD_MIN_LENGTH\",\"value\":\"12\"}",
            "{\"name\":\"TOKEN_TTL\",\"value\":\"15m\"}",
            "{\"field\":\"status\",\"old_value\":\"pending\",\"new_value\":\"active\"}",
            "{\"field\":\"password\",\"new_value\":\"[REDACTED]\"}",
            "{\"name\":\"API_TOKEN\",\"value\":\"${API_TOKEN}\"}",
            "{\n  \"name\": \"SERVER_PORT\",\n  \"value\": \"8080\"\n}",
            "{\"level\":\"info\",\"msg\":\"password changed\",\"user\":\"alice\",\"request_id\":\"7b3e1c2a-9f4d-4e8b-a6c5-1d2e3f4a5b6c\"}",
            "{\"event\":\"token refreshed\",\"token_type\":\"Bearer\",\"expires_in\":3600}",
            "CREATE USER app\n  IDENTIFIED WITH caching_sha2_password;",
            "CREATE TABLE users (\n  id serial,\n  password_hash text\n);",
            "ALTER TABLE accounts\n  ADD COLUMN password_reset_at timestamptz;",
            "docker run -d \\\n  --name web \\\n  -p 8080:80 \\\n  nginx:1.27",
            "./configure --prefix=/usr \\\n  --with-openssl \\\n  --enable-shared",
            "psql --host db \\\n  --username app \\\n  --dbname shop",
            "<password-policy>\n  <min-length>12</min-length>\n</password-policy>",
            "<user>\n  alice\n</user>",
            "<tokenEndpoint>\n  https://login.example.com/oauth2/token\n</tokenEndpoint>",
            "{\n  \"password_min_length\":\n    12\n}",
            "=====================================\n Server started:\n   listening on 0.0.0.0:8080\n=====================================",
            "Generated 42 files in 1.3s",
            "level=info msg=\"token refreshed\" expires_in=3600 token_type=Bearer",
            "| test | result |\n|---|---|\n| login | ok |",
            "NAME      | VALUE\n----------+---------\nLOG_LEVEL | debug\nTZ        | UTC",
            "FIELD          VALUE\nusername       alice\nport           5432",
            "Property\tValue\nuser\talice\ntimeout\t30s",
            "USER    ROLE     CREATED\nalice   admin    2026-11-30",
            "+------+---------+\n| name | version |\n+------+---------+\n| api  | 2.14.1  |\n+------+---------+",
            "{\"name\":\"API_KEY_FILE\",\"value\":\"/run/secrets/api_key\"}",
            "{\"Name\":\"/prod/db/host\",\"Type\":\"String\",\"Value\":\"db.internal\"}",
            "{\"field\":\"password_updated_at\",\"new_value\":\"2026-11-30T10:00:00Z\"}",
            "[\n  {\n    \"name\": \"SECRET_NAME\",\n    \"value\": \"app-db-credentials\"\n  }\n]",
            "<password>\n${DB_PASSWORD}\n</password>",
            "CREATE USER app\n  IDENTIFIED BY\n  '${MYSQL_PASSWORD}';",
            "==================\n Password reset:\n   done\n==================",
            "HOST        PORT   STATUS\ndb01        5432   up\ndb02        5432   down",
            "NAME\tIMAGE\tSTATUS\nweb\tnginx:1.27\tUp 3 hours",
            "2026-11-30T10:00:00Z\t4bf92f3577b34da6a3ce929d0e0e4736\tGET /api/v1/orders 200",
            "ID\tNAME\tDRIVER\n3f9c2ab7e4d1\tbridge\tbridge",
            "secrets:\n  - db_password\n  - api_key",
            "volumes:\n  - /data:/var/lib/postgresql/data\n  - logs:/var/log",
            "SERVICE   USER      ROLE\nredis     default   admin",
            "VARIABLE            VALUE\nPGHOST              db\nPGPORT              5432",
            "Option      | Value\n------------+-------\nmaxmemory   | 2gb",
            "{\"headers\":[{\"name\":\"Content-Type\",\"value\":\"application/json\"}]}",
            "{\"cookies\":[{\"name\":\"theme\",\"value\":\"dark\"}]}",
            "{\"Environment\":{\"Variables\":[{\"Name\":\"STAGE\",\"Value\":\"prod\"}]}}",
            "{\"changes\":[{\"attribute\":\"replicas\",\"from\":\"2\",\"to\":\"3\"}]}",
            "{\"name\":\"api_key_rotation_days\",\"value\":\"90\"}",
            "{\"name\":\"AUTH_ENABLED\",\"value\":\"true\"}",
            "{\"name\":\"OIDC_ISSUER\",\"value\":\"https://accounts.google.com\"}",
            "{\"name\":\"SESSION_COOKIE_SECURE\",\"value\":\"true\"}",
            "<enabled>\n  true\n</enabled>",
            "<passwordEncoder>\n  bcrypt\n</passwordEncoder>",
            "GRANT SELECT ON shop.* TO \'app\'@\'%\';",
            "psql -h db \\\n  -c \'select 1\'",
            "curl -fsS \\\n  -H \'Accept: application/json\' \\\n  https://api.example.com/health",
            "java -Xmx1g \\\n  -Dspring.profiles.active=prod \\\n  -jar app.jar",
            "kubectl get secret db-creds \\\n  -o jsonpath=\'{.metadata.name}\'",
            "==========================\n Build info:\n   version 2.14.1\n==========================",
            "*****************\n* Token refresh: *\n*  scheduled  *\n*****************",
            "Password requirements:\n  - at least 12 characters\n  - one digit",
            "tokens:\n  - name: ci\n    scopes: [read]",
            "secrets:\n  - source: db_password\n    target: /run/secrets/db",
            "NAME      | VALUE\n----------+------\nreplicas  | 3",
            "id\tname\ttoken_type\n1\tci\tbearer",
            "+-----------+----------+\n| Variable  | Value    |\n+-----------+----------+\n| port      | 3306     |\n+-----------+----------+",
            "USER     PID %CPU %MEM COMMAND\nroot       1  0.0  0.1 /bin/sh",
            "REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\nnginx        1.27      4f1c2a9b7d3e   2 weeks ago   188MB",
            "NETWORK ID     NAME      DRIVER    SCOPE\n3f9c2ab7e4d1   bridge    bridge    local",
            "KEY_ID      ALGORITHM   CREATED\nk-01        RS256       2026-11-30",
            "- name: TOKEN_AUDIENCE\n  value: api://default",
            "- name: PASSWORD_MIN_LENGTH\n  value: \"12\"",
            "{\"field\":\"password\",\"message\":\"must be at least 12 characters\"}",
            "{\"errors\":[{\"field\":\"token\",\"code\":\"expired\"}]}",
            "{\"name\":\"secret\",\"type\":\"string\",\"required\":true}",
            "{\"name\":\"password\",\"in\":\"query\",\"schema\":{\"type\":\"string\"}}",
            "{\"name\":\"password\",\"value\":\"\"}",
            "Key                Value\n---                -----\ntoken_policies     [\"default\"]\ntoken_ttl          768h",
            "Password policy:\n  - min length 12\n  - rotate every 90 days",
            "{\"name\":\"TOKEN_ENDPOINT\",\"value\":\"https://login.example.com/oauth2/token\"}",
            "{\"field\":\"email\",\"old_value\":\"a@example.com\",\"new_value\":\"b@example.com\"}",
            "<password-hash-algorithm>\n  argon2id\n</password-hash-algorithm>",
            "user        pass   created\nalice       yes    2026-11-30",
            "| Name | Token |\n|---|---|\n| deploy | ${DEPLOY_TOKEN} |",
            "IDENTIFIED BY\n  RANDOM PASSWORD;",
            "{\n  \"password\":\n    \"${DB_PASSWORD}\"\n}",
            "  api_tokens:\n    - ${CI_TOKEN}\n  port: 80",
            "ALTER USER app\n  ACCOUNT LOCK;",
            "user       password   changed\nalice      yes        2026-11-30",
            "mysql -h db \\\n  -u app \\\n  shop");

    @Test
    void everyStructureHidesTheValueItNames() {
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Random rnd = new Random(seed);
            for (List<String> family : List.of(TABLES, SPLIT, JSON)) {
                for (String template : family) {
                    for (String secret : List.of(humanPassword(rnd), token(rnd))) {
                        String random = token(rnd);
                        String text = template.replace("{S}", secret).replace("{T}", random).replace("{U}", "u" + rnd.nextInt(1000))
                                .replace("{UUID}", new java.util.UUID(rnd.nextLong(), rnd.nextLong()).toString());
                        String out = String.join("\n", REDACTOR.lines(Arrays.asList(text.split("\n", -1))));
                        if (template.contains("{S}") && leaks(out, secret) || template.contains("{T}") && leaks(out, random)) {
                            leaks.add(out);
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(3 * 20 * SEEDS);
        assertThat(leaks).as("leaks").isEmpty();
    }

    @Test
    void theSameJsonObjectsInAnEnvValueOrALabelAreJudgedTheSameWay() {
        List<String> leaks = new ArrayList<>();
        Random rnd = new Random(7);
        for (String template : JSON) {
            String secret = humanPassword(rnd);
            String value = template.replace("{S}", secret);
            ObjectNode tree = JsonNodeFactory.instance.objectNode();
            tree.putArray("Env").add("APP_CONFIG=" + value);
            tree.putObject("Labels").put("com.example.bootstrap", value);
            REDACTOR.tree(tree);
            if (leaks(tree.toString(), secret)) {
                leaks.add(tree.toString());
            }
        }
        assertThat(leaks).as("leaks").isEmpty();
    }

    @Test
    void lookAlikesWithNothingSecretStayVisible() {
        List<String> changed = new ArrayList<>();
        for (String text : HARMLESS) {
            List<String> in = Arrays.asList(text.split("\n", -1));
            List<String> out = REDACTOR.lines(in);
            if (!out.equals(in)) {
                changed.add(String.join("\n", out));
            }
        }
        assertThat(HARMLESS).hasSizeGreaterThanOrEqualTo(TABLES.size() + SPLIT.size() + JSON.size());
        assertThat(changed).as("changed").isEmpty();
    }

    @Test
    void harmlessJsonObjectsInAnEnvValueStayVisible() {
        List<String> changed = new ArrayList<>();
        for (String text : HARMLESS) {
            if (text.startsWith("{") && !text.contains("${")) {
                String entry = "APP_CONFIG=" + text;
                if (!REDACTOR.envEntry(entry).equals(entry)) {
                    changed.add(REDACTOR.envEntry(entry));
                }
            }
        }
        assertThat(changed).as("changed").isEmpty();
    }

    private static boolean leaks(String out, String secret) {
        return out.contains(secret) || out.contains(secret.substring(2, 10));
    }

    /** A password a person chose: a word, digits, a symbol, more letters. */
    static String humanPassword(Random rnd) {
        String[] words = {"Walnut", "harbor", "Quokka", "zephyr", "Tundra", "mosaic"};
        String symbols = "!#%+-_.@";
        return words[rnd.nextInt(words.length)] + (1000 + rnd.nextInt(9000)) + symbols.charAt(rnd.nextInt(symbols.length()))
                + Character.toString('A' + rnd.nextInt(26)) + "x" + (char) ('a' + rnd.nextInt(26)) + rnd.nextInt(10);
    }

    static String token(Random rnd) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
