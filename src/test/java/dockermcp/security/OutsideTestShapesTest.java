package dockermcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shapes an outside test got through (docs/SECURITY.md), one example each, next to the harmless text it found
 * hidden. The families behind them are generated in {@code SecretCorpus} (property tests, SecretCorpusIT); these are
 * the reported cases, kept as they were reported.
 */
class OutsideTestShapesTest {

    private final Redactor r = new Redactor();

    @Test
    void reportedLeaksAreHiddenInLogs() {
        List<String[]> cases = List.of(
                new String[] {"Xk9fQ2mP7vL4nR8tW3yB6c/D1zQ9oRNbMUpU8Jbh", "Xk9fQ2mP"},
                new String[] {"password Walnut7", "Walnut7"},
                new String[] {"redis-cli AUTH Walnut7", "Walnut7"},
                new String[] {"ALTER USER app IDENTIFIED BY 'Walnut7'", "Walnut7"},
                new String[] {"machine api.example.com login deploy password Walnut7", "Walnut7"},
                new String[] {"the secret is Walnut7", "Walnut7"},
                new String[] {"ｇｈｐ＿Ｘｋ９ｆＱ２ｍＰ７ｖＬ４ｎＲ８ｔＷ３ｙＢ６ｃＤ１ｚＱ９ｏＲＮｂＭＵｐＵ８Ｊ", "ｇｈｐ＿Ｘｋ９ｆ"},
                new String[] {"\u0440\u0430ssword=Walnut7", "Walnut7"},
                new String[] {"{\"msg\":\"{\\\"password\\\":\\\"Walnut7\\\"}\"}", "Walnut7"},
                new String[] {"{\"log\":\"{\\\\\\\"token\\\\\\\": \\\\\\\"Walnut7\\\\\\\"}\"}", "Walnut7"},
                new String[] {"options=password%3DWalnut7%26ssl%3Dtrue", "Walnut7"},
                new String[] {"next=https%3A%2F%2Fdeploy%3AWalnut7%40git.example.com%2Frepo", "Walnut7"},
                new String[] {"htpasswd -b /etc/nginx/.htpasswd admin Walnut7", "Walnut7"},
                new String[] {"htpasswd -nbB admin Walnut7", "Walnut7"},
                new String[] {"echo Walnut7 | docker login --password-stdin -u robot", "Walnut7"},
                new String[] {"printf '%s' Walnut7 | docker login -u robot --password-stdin", "Walnut7"},
                new String[] {"openssl enc -aes-256-cbc -k Walnut7 -in x", "Walnut7"},
                new String[] {"openssl rsa -passin pass:Walnut7 -in key.pem", "Walnut7"},
                new String[] {"mysqladmin -u root password Walnut7", "Walnut7"});
        for (String[] c : cases) {
            assertThat(r.lines(List.of(c[0])).get(0)).as(c[0]).doesNotContain(c[1]).contains(Redactor.MARK);
        }
    }

    @Test
    void reportedLeaksAreHiddenInConfiguration() {
        for (String entry : List.of("BACKUP_REF=Xk9fQ2mP7vL4nR8tW3yB6c/D1zQ9oRNbMUpU8Jbh", "ARCHIVE=Xk9fQ2mP:7vL4nR8t@W3yB6cD1z;Qa81bcR2",
                "GH_MIRROR=ｇｈｐ＿Ｘｋ９ｆＱ２ｍＰ７ｖＬ４ｎＲ８ｔＷ３ｙＢ６ｃＤ１ｚＱ９ｏＲＮｂＭＵｐＵ８Ｊ", "INIT_SQL=CREATE USER app IDENTIFIED BY 'Walnut7'")) {
            assertThat(r.envEntry(entry)).as(entry).endsWith("=" + Redactor.MARK);
        }
        assertThat(r.tree(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("createdBy",
                "/bin/sh -c htpasswd -nbB admin Walnut7 > /etc/htpasswd")).toString()).doesNotContain("Walnut7");
    }

    @Test
    void aCommandIsJudgedAfterTheEntrypointItIsGivenTo() {
        // the third outside run planted the program as ENTRYPOINT and its arguments as CMD: "-w X" alone says nothing
        List<List<String>> commands = List.of(List.of("ldapsearch", "-x", "-D", "cn=admin,dc=acme", "-w", "Walnut7!x"),
                List.of("net", "user", "admin", "Walnut7!x", "/add"), List.of("redis-cli", "-h", "cache", "-a", "Walnut7!x", "ping"),
                List.of("htpasswd", "-bc", "/etc/nginx/.htpasswd", "admin", "Walnut7!x"),
                List.of("openssl", "enc", "-aes-256-cbc", "-k", "Walnut7!x", "-in", "f"), List.of("sshpass", "-p", "Walnut7!x", "ssh", "host"));
        for (List<String> argv : commands) {
            for (int cut = 1; cut < argv.size(); cut++) { // every split between the entrypoint and the command
                var node = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                argv.subList(0, cut).forEach(node.putArray("entrypoint")::add);
                argv.subList(cut, argv.size()).forEach(node.putArray("command")::add);
                assertThat(r.tree(node).toString()).as(argv + " cut at " + cut).doesNotContain("Walnut7").contains(argv.get(0));
            }
        }
    }

    @Test
    void reportedFalsePositivesStayVisible() {
        for (String line : List.of("max_tokens=4096 token_ttl=3600 session_timeout=30m auth=ok request_id=req_01HZX3KQ9V7M2NQ8",
                "tokens_used: 512 \"auth_method\":\"oauth\"", "=".repeat(80), "-".repeat(80), "#".repeat(80), "A".repeat(5000), "a".repeat(5000),
                "loaded /usr/local/lib/python3.11/site-packages/requests/__init__.py", "password reset requested for user bob",
                "Config.Env names DB_PASSWORD, API_TOKEN (values not shown)", "set the password (optional) later")) {
            assertThat(r.lines(List.of(line)).get(0)).as(line).isEqualTo(line);
        }
        for (String entry : List.of("MAX_TOKENS=4096", "TOKENIZERS_PARALLELISM=false", "JAVA_TOOL_OPTIONS=-Xmx512m -XX:+UseG1GC", "HOSTNAME=3f2a1b9c0d4e",
                "OAUTH_ISSUER=https://issuer.example.com", "PUBLIC_KEY=ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host",
                "CONTAINER_ID=3f2a1b9c0d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8", "INSTANCE_ID=i-0abc123def4567890", "SESSION_TIMEOUT=30m",
                "TOKEN_EXPIRY=3600", "PYTHONPATH=/usr/local/lib/python3.11/site-packages")) {
            assertThat(r.envEntry(entry)).as(entry).isEqualTo(entry);
        }
        for (String hidden : List.of("PASSWORD=1234", "DB_PASSWORD=secret", "MAX_TOKENS=Walnut7", "OAUTH_ISSUER=https://u:Walnut7@issuer.example.com",
                "PUBLIC_KEY=ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl password=Walnut7")) {
            assertThat(r.envEntry(hidden)).as(hidden).endsWith("=" + Redactor.MARK);
        }
    }

    /** The second outside test's leaks (docs/SECURITY.md), one example each. */
    @Test
    void secondAttackLeaksAreHiddenInLogs() {
        String pw = "Walnut7#Qx";
        List<String[]> cases = List.of(
                new String[] {"contraseña=" + pw, pw}, new String[] {"hasło: " + pw, pw}, new String[] {"パスワード=" + pw, pw},
                new String[] {"senha=" + pw, pw}, new String[] {"wachtwoord: " + pw, pw}, new String[] {"пароль=" + pw, pw},
                new String[] {"passphrase: maple harbor violet 753", "harbor violet"}, new String[] {"vpn.psk=" + pw, pw},
                new String[] {"password=ab;qWS4xgNmsz", "qWS4xgNm"}, new String[] {"password=ab&qWS4xgNmsz", "qWS4xgNm"},
                new String[] {"password=ab'qWS4xgNmsz", "qWS4xgNm"}, new String[] {"password=ab\"qWS4xgNmsz", "qWS4xgNm"},
                new String[] {"password=ab`qWS4xgNmsz", "qWS4xgNm"}, new String[] {"Your new password is: " + pw, pw},
                new String[] {"the adminPassword is " + pw, pw}, new String[] {"{\"\\u0070assword\":\"" + pw + "\"}", pw},
                new String[] {"password&#61;" + pw, pw}, new String[] {"password&#x3D;" + pw, pw}, new String[] {"&quot;password&quot;:&quot;" + pw + "&quot;", pw},
                new String[] {"ldapsearch -x -D cn=admin,dc=acme -w " + pw, pw}, new String[] {"ldapadd -x -D cn=admin -w " + pw + " -f x.ldif", pw},
                new String[] {"ssh-keygen -t ed25519 -N " + pw + " -f k", pw}, new String[] {"ssh-keygen -p -P " + pw + " -N '' -f k", pw},
                new String[] {"smbclient //h/s -U bob%" + pw, pw}, new String[] {"htpasswd -Bbc file admin " + pw, pw},
                new String[] {"rabbitmqctl add_user svc " + pw, pw}, new String[] {"rabbitmqctl change_password svc " + pw, pw},
                new String[] {"net user admin " + pw + " /add", pw}, new String[] {"mc alias set s3 http://minio:9000 AKEY " + pw, pw},
                new String[] {"sqlplus system/" + pw + "@//ora:1521/XE", pw}, new String[] {"expdp scott/" + pw + "@orcl", pw},
                new String[] {"app/" + pw + "@(DESCRIPTION=(ADDRESS=(HOST=ora)))", pw}, new String[] {"lftp -u backup," + pw + " sftp://h", pw},
                new String[] {"redis-cli -h r -p 6379 -a " + pw + " ping", pw}, new String[] {"sh -c \"echo " + pw + " | passwd --stdin root\"", pw},
                new String[] {"echo 'admin:" + pw + "' | chpasswd", pw}, new String[] {"RUN echo 'svc:" + pw + "' | chpasswd", pw},
                new String[] {"jdbc:oracle:thin:liusb/" + pw + "@//ora.internal:1521/ORCLPDB1", pw},
                new String[] {"iahiw:PBQYjcztwa7936@Oej@tcp(mysql.internal:3306)/app", "PBQYjczt"}, new String[] {"app:" + pw + "@unix(/run/mysqld.sock)/db", pw},
                new String[] {"AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUt"},
                new String[] {"{\"kty\":\"oct\",\"k\":\"70lPTXubdiVCdO6orD_OQYMe0MSq0ctLhbU4j3TaPj3\",\"alg\":\"HS256\"}", "70lPTXub"},
                new String[] {"{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2\",\"d\":\"jpsQnnGQmL-YBIffH1136cLNF3PcnnE5I8aaCkh0zxI\"}", "jpsQnnGQ"},
                new String[] {"{\"kty\":\"RSA\",\"n\":\"0vx7\",\"e\":\"AQAB\",\"d\":\"X4cTteJYq\",\"p\":\"83i-7IvMq\",\"qi\":\"GyM_p6JrXq\"}", "83i-7IvM"});
        for (String[] c : cases) {
            assertThat(r.lines(List.of(c[0])).get(0)).as(c[0]).doesNotContain(c[1]).contains(Redactor.MARK);
        }
        assertThat(r.lines(List.of("password: |", "  " + pw)).get(1)).doesNotContain(pw);
        assertThat(r.lines(List.of("password: >-", "    " + pw)).get(1)).doesNotContain(pw);
        assertThat(r.lines(List.of("password=ab;Server=db")).get(0)).isEqualTo("password=[REDACTED];Server=db");
    }

    @Test
    void secondAttackLeaksAreHiddenInConfiguration() {
        for (String entry : List.of("contraseña=Walnut7#Qx", "hasło=Walnut7#Qx", "パスワード=Walnut7#Qx", "κωδικός=Walnut7#Qx", "DB_CLAVE=Walnut7#Qx",
                "WIFI_PSK=kvumm yglzvrl fmtwlmo irfxrch 408", "vpn.psk=Walnut7", "CFG_JSON={\"\\u0070assword\":\"BINPtfrchh4835!ww6\"}",
                "ORACLE_URL=jdbc:oracle:thin:liusb/PVEKahkzrn9285^xyS@//ora.internal:1521/ORCLPDB1")) {
            assertThat(r.envEntry(entry)).as(entry).endsWith("=" + Redactor.MARK);
        }
        String named = r.envEntry("TOKEN_ghp_OqvKeoxWq8Zt3LmN0pQrS7uVwXyZaB1cD2eF=1");
        assertThat(named).startsWith("TOKEN_").doesNotContain("OqvKeoxW");
        assertThat(r.tree(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().set("labels",
                tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("ci.ghp_OqvKeoxWq8Zt3LmN0pQrS7uVwXyZaB1cD2eF", "1"))).toString())
                .doesNotContain("OqvKeoxW");
    }

    @Test
    void secondAttackFalsePositivesStayVisible() {
        for (String entry : List.of("POSTGRES_HOST_AUTH_METHOD=scram-sha-256", "POD_NAME=api-6b7f9c8d5-q2w8e", "TRACE_ID=4bf92f3577b34da6a3ce929d0e0e4736",
                "SPAN_ID=00f067aa0ba902b7", "SECRET_NAME=prod/app/db", "KEY_ID=alias/app-key", "SSH_AUTH_SOCK=/tmp/ssh-agent.sock")) {
            assertThat(r.envEntry(entry)).as(entry).isEqualTo(entry);
        }
        for (String line : List.of("prompt_tokens=1203 completion_tokens=311 total_tokens=1514 max_tokens=4096",
                "Public key fingerprint: SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8", "secret 'db-creds' mounted at /run/secrets")) {
            assertThat(r.lines(List.of(line)).get(0)).as(line).isEqualTo(line);
        }
        for (String hidden : List.of("SECRET_ID=4bf92f3577b34da6a3ce929d0e0e4736", "KEY_ID=Xk9fQ2mP7vL4nR8tW3yB6c/D1zQ9oRNbMUpU8Jbh", "SECRET_NAME=Prod/Walnut7#Qx")) {
            assertThat(r.envEntry(hidden)).as(hidden).endsWith("=" + Redactor.MARK);
        }
    }

    /** The third outside test's key material, authentication schemes and URL secrets (docs/SECURITY.md), one example each. */
    @Test
    void thirdAttackKeyMaterialAndSchemesAreHiddenInLogs() {
        List<String[]> cases = List.of(
                new String[] {"mnemonic: stone yonder jungle hollow ember hollow harbor pillow tiger ember walnut apple", "pillow tiger"},
                new String[] {"my seed phrase is stone yonder jungle hollow ember hollow harbor pillow tiger ember walnut apple", "yonder jungle"},
                new String[] {"authenticator key: 5ntu wvuv qbrf 3kq7 abcd efgh ijkl mnop", "qbrf 3kq7"},
                new String[] {"== ed25519v1-secret: type0 == GWSQif4USQeHYX5tvTYLDMoX3aLCsNW8tEImTml8MWehnZ3jF02r1shPqhc/jIdCnKj80p+gC8C7cLDywGKHuQ==", "GWSQif4U"},
                new String[] {"[242, 51, 51, 3, 181, 36, 171, 254, 217, 103, 100, 32, 39, 46, 153, 86, 15, 26, 201, 158, 255, 72, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, "
                        + "11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41]", "181, 36,"},
                new String[] {"MIIJQgIBADANBgkqhkiG9w0BAQEFAASCCSwwggkoAgEAAoICAQC7VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvuN"
                        + "MoSfm76oqFvAp8Gy0iz5sxjZmSnXyCdPEovGhLa0VzMaQ8s+CLOyS56YyCFGeJZqgtzJ6GR3eqoYSW9b9UMvkBpZODSctWSNGj3P7jRFDO5VoTwCQAWbFnOj", "AASCCSww"},
                new String[] {"upstream call with eyJhbGciOiJIUzI1NiJ9==.eyJzdWIiOiAiU3RDYVNldm1DdiIsICJleHAiOiAxOTAwMDAwMDAwfQ==.TPgeea7SmeR8PprQN4dCwdG8ArnuaJ4Bf8psyWDO40E=",
                        "TPgeea7S"},
                new String[] {"> Authorization: Token token=\"mUu3xhfJV2h1RWqyqlvXdwpA4mdv7Iq9Nkb5sy9F\"", "mUu3xhfJ"},
                new String[] {"> Authorization: Hawk id=\"dh37fgj492je\", ts=\"1353832234\", nonce=\"j4h3g2\", mac=\"BHlNIYdqFU/KPKb4+JZxNkuKd2fe49XkX2gUQvuwpUA6\"", "IYdqFU/K"},
                new String[] {"> Authorization: Hawk id=\"dh37fgj492je\", ts=\"1353832234\", mac=\"x\"", "dh37fgj4"},
                new String[] {"> Authorization: Digest username=\"bob\", realm=\"api\", uri=\"/\", response=\"6629fae49393a05397450978507c4ef1\"", "6629fae4"},
                new String[] {"> Authorization: NTLM TlRMTVNTUAADAAAAomCU0QdA0IYwAz7mXv3+uEVFw/IDkHAeAScLInwXHqUe7KwEnA35Dm7kMxiPfKSmFwDhZjcYcEIO5uAW", "HqUe7KwE"},
                new String[] {"Authorization: AWS4-HMAC-SHA256 Credential=AKIAABCDEFGH12345678/20261130/eu-west-1/s3/aws4_request, SignedHeaders=host;x-amz-date, "
                        + "Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024", "fe5f80f7"},
                new String[] {"\"GET /download/file.zip?X-Expires=3600&code=AXYVL2jcEzfPQ3ts83jCbiNIwRhYw9VzPlswB014&v=2 HTTP/1.1\" 200", "AXYVL2jc"},
                new String[] {"\"GET /download/file.zip?X-Expires=3600&hash=3Z1OXfsjr3yz4dhxtLQsvItHH8sagQdq79PS4b2s&v=2 HTTP/1.1\" 200", "3Z1OXfsj"},
                new String[] {"74461 ERROR cannot connect using db.internal:5432:app:tlcnce:JPIktmrf8369^nN1O", "JPIktmrf"},
                new String[] {"35166 ERROR cannot connect using digest:lwoukl:JCBjukue4351%ukJ1", "JCBjukue"},
                new String[] {"19454 ERROR cannot connect using root:FARmjcip2242*BYtG", "FARmjcip"},
                new String[] {"password\u3000JVRiplbl2681#iwSW", "JVRiplbl"});
        for (String[] c : cases) {
            assertThat(r.lines(List.of("x", c[0], "y")).get(1)).as(c[0]).doesNotContain(c[1]).contains(Redactor.MARK);
        }
        List<String> minisign = r.lines(List.of("untrusted comment: minisign encrypted secret key",
                "RWRTY0Iyi7op/Hj8g8uhfjjYCn0tCSsOyw2zD7+jmaDNMWNbyhCVY7PjmcA9M/+AED8L4zKkiRJdsHn8Pfuaj/wIg5gfvnmucmpL/U06pitNoFhA73YdWuLzl0yJwBe"));
        assertThat(minisign.get(1)).doesNotContain("i7op");
        List<String> ssh2 = r.lines(List.of("---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----", "Comment: \"rsa-key-2026\"",
                "P2/56wAAAi4AAAA3aWYtbW9kbntzaWdue3JzYS1wa2NzMS1zaGExfSxlbmNyeXB0e3JzYS1wa2NzMXYyLW9hZXB9fQ", "---- END SSH2 ENCRYPTED PRIVATE KEY ----"));
        assertThat(ssh2.get(2)).isEqualTo(Redactor.MARK);
        assertThat(ssh2.get(1)).isEqualTo("Comment: \"rsa-key-2026\"");
    }

    /** What the third outside test found hidden in this area: a mask, a fingerprint or a digest next to the following line; ordinary query parameters. */
    @Test
    void thirdAttackFalsePositivesNearKeysStayVisible() {
        List<String> log = List.of("Certificate for api.example.com valid until 2027-02-28 (issuer: R11)",
                "ssh: host key fingerprint SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s",
                "Pulled image sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", "git checkout 3f786850e387550fdab836ed7e6dc881de23001b",
                "ssl.keystore.password = [hidden]", "password: ********", "Authorization: Bearer <redacted>", "password_file=/run/secrets/db_password",
                "GET /search?q=docs&page=2&v=2&rd=https://auth.example.com/ 200");
        assertThat(r.lines(log)).isEqualTo(log);
    }

    /** The third outside test's leaks in whole files and dumps (docs/SECURITY.md), as reported, in logs and in one env value. */
    @Test
    void thirdAttackConfigDumpsAreHidden() {
        String pw = "XVJaiqey8498!0Tyy";
        List<String> dumps = List.of("<property>\n  <name>fs.s3a.secret.key</name>\n  <value>" + pw + "</value>\n</property>",
                "<packageSourceCredentials><feed><add key=\"Username\" value=\"ci\" /><add key=\"ClearTextPassword\" value=\"" + pw + "\" /></feed></packageSourceCredentials>",
                "<appSettings><add key=\"DbPassword\" value=\"" + pw + "\"/></appSettings>", "<entry key=\"jdbc.password\">" + pw + "</entry>",
                "<Password><![CDATA[" + pw + "]]></Password>", "env:\n- name: DB_PASSWORD\n  value: \"" + pw + "\"\n- name: LOG_LEVEL\n  value: info",
                "user,password,role\napp," + pw + ",admin", "| user | password |\n|---|---|\n| app | " + pw + " |", "[\"password\"]=>\n  string(17) \"" + pw + "\"",
                "{\"args\": [\"--db-password\", \"" + pw + "\", \"--port\", \"5432\"]}",
                "INSERT INTO users (email, password, role) VALUES ('a@b.c', '" + pw + "', 'admin')", "SET PASSWORD FOR 'app'@'%' = PASSWORD('" + pw + "');",
                "Password for the elastic user (reset with `bin/elasticsearch-reset-password -u elastic`):\n  " + pw + "\n",
                "basicAuth credentials are \"admin\", \"" + pw + "\", it is recommended you change this in your config.js!",
                "+ echo " + pw + "\n+ docker login --username ci --password-stdin");
        for (String d : dumps) {
            assertThat(String.join("\n", r.lines(List.of(d.split("\n", -1))))).as(d).doesNotContain(pw.substring(0, 8)).contains(Redactor.MARK);
            assertThat(r.envEntry("CONFIG_FILE=" + d)).as(d).doesNotContain(pw.substring(0, 8));
        }
        // the name of the setting and SQL's FOR were hidden in place of the value: now the value goes and they stay
        assertThat(r.lines(List.of("<add key=\"ClearTextPassword\" value=\"" + pw + "\" />")).get(0)).isEqualTo("<add key=\"ClearTextPassword\" value=\"[REDACTED]\" />");
        assertThat(r.lines(List.of("SET PASSWORD FOR 'app'@'%' = '" + pw + "';")).get(0)).isEqualTo("SET PASSWORD FOR 'app'@'%' = '[REDACTED]';");
    }

    @Test
    void thirdAttackReferencesToVariablesAndPlaceholdersStayVisible() {
        for (String line : List.of("DB_PASSWORD=${DB_PASSWORD}", "DB_PASSWORD=$DB_PASSWORD", "set DB_PASSWORD=%DB_PASSWORD%", "password: {{ .Values.db.password }}",
                "password=<redacted>", "password=***", "password: ********", "api_key=xxxxxxxx", "client_secret: [REDACTED]")) {
            assertThat(r.lines(List.of(line)).get(0)).as(line).isEqualTo(line);
        }
        // a default inside a reference is a value, a working default password is a password, a random name in ${…} is no variable
        for (String line : List.of("DB_PASSWORD=${DB_PASSWORD:-Walnut7x}", "password=changeme", "password=$walnut7x", "token=${Xk9fQ2mP7vL4nR8tW3yB6}")) {
            assertThat(r.lines(List.of(line)).get(0)).as(line).contains(Redactor.MARK);
        }
    }

    @Test
    void thirdAttackLogFalsePositivesStayVisible() {
        for (String line : List.of(
                "{\"time\":\"2026-11-30T10:01:02Z\",\"level\":\"INFO\",\"msg\":\"completion\",\"model\":\"gpt-4o-mini\",\"max_tokens\":4096,"
                        + "\"usage\":{\"prompt_tokens\":812,\"completion_tokens\":233,\"total_tokens\":1045},\"request_id\":\"req_8f2b1c3d4e5f6a7b\"}",
                "2026-11-30 10:01:03.789 UTC [27] LOG:  connection authorized: user=app database=app application_name=psql SSL enabled "
                        + "(protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)",
                "a senha é inválida (user started)")) {
            assertThat(r.lines(List.of(line)).get(0)).as(line).isEqualTo(line);
        }
    }

    @Test
    void aValueAfterAJsonKeyEndsWhereTheJsonValueEnds() {
        assertThat(r.lines(List.of("{\"password\":12345678,\"user\":\"bob\",\"port\":5432}")).get(0))
                .isEqualTo("{\"password\":" + Redactor.MARK + ",\"user\":\"bob\",\"port\":5432}");
        assertThat(r.lines(List.of("{\"secret\":Walnut7x9]}")).get(0)).isEqualTo("{\"secret\":" + Redactor.MARK + "]}");
        assertThat(r.lines(List.of("password=ab,\"user\":\"bob\"")).get(0)).isEqualTo("password=" + Redactor.MARK + ",\"user\":\"bob\"");
    }

    @Test
    void anAssignmentAfterAColonIsJudgedByItsOwnName() {
        assertThat(r.lines(List.of("auth ok: user=app db=main")).get(0)).isEqualTo("auth ok: user=app db=main");
        assertThat(r.lines(List.of("authorized: password=Walnut7x")).get(0)).isEqualTo("authorized: password=" + Redactor.MARK);
        assertThat(r.lines(List.of("password: hunter2=x")).get(0)).isEqualTo("password: " + Redactor.MARK);
        assertThat(r.lines(List.of("password: Ab=cd")).get(0)).isEqualTo("password: " + Redactor.MARK);
        assertThat(r.lines(List.of("password: admin=Walnut7")).get(0)).isEqualTo("password: " + Redactor.MARK);
        assertThat(r.lines(List.of("secret: dGVzdA==")).get(0)).isEqualTo("secret: " + Redactor.MARK);
    }

    @Test
    void encodedSecretsInLogsAreHiddenWhole() {
        String hex = "59:58:56:78:69:6b:76:6e:30:34:35:33:25:6e:32:7a:47";
        assertThat(r.lines(List.of("password (hex): " + hex)).get(0)).isEqualTo("password (hex): " + Redactor.MARK);
        assertThat(r.lines(List.of("dump " + hex.replace(':', ' '))).get(0)).doesNotContain("59 58 56 78");
        String assignment = java.util.HexFormat.ofDelimiter(":").formatHex("user=admin\npassword=Walnut7#Qx\n".getBytes());
        assertThat(r.lines(List.of("bytes: " + assignment)).get(0)).isEqualTo("bytes: " + Redactor.MARK);
        String b64 = java.util.Base64.getEncoder().encodeToString("user=admin\npassword=UGCyzoak9079#Ovq8\n".getBytes());
        assertThat(r.lines(List.of("payload(base64)=" + b64)).get(0)).isEqualTo("payload(base64)=" + Redactor.MARK);
    }

    @Test
    void harmlessEncodedTextStaysVisible() {
        for (String line : List.of("CONFIG_B64 " + java.util.Base64.getEncoder().encodeToString("{\"logLevel\":\"info\",\"port\":8080}".getBytes()),
                "MD5 key fingerprint 9f:3c:2a:1b:4d:5e:6f:70:81:92:a3:b4:c5:d6:e7:f8",
                "serial: 04:8a:2e:91:cc:f0:13:57:9b:de:ad:be:ef:00:11:22",
                "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u",
                "bytes 20 30 40 50 60 70 80 90 sent")) {
            assertThat(r.lines(List.of(line)).get(0)).as(line).isEqualTo(line);
        }
    }
}
