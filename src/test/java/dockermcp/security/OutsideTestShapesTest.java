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
}
