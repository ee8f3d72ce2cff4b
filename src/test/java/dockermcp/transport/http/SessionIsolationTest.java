package dockermcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A session belongs to the token that opened it: its id is useless with any other token. */
class SessionIsolationTest {

    @TempDir
    Path dir;

    @Test
    void anotherTokensSessionIdIsAnswered404LikeAnUnknownOneAndAudited() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of())) {
            String sessionOfA = s.openSession(TestServer.TOKEN_A);
            HttpResponse<String> asB = s.ping(TestServer.TOKEN_B, sessionOfA);
            HttpResponse<String> unknown = s.ping(TestServer.TOKEN_B, "00000000-0000-0000-0000-000000000000");
            assertThat(asB.statusCode()).isEqualTo(404);
            assertThat(asB.body()).as("no oracle: same answer as an unknown id").isEqualTo(unknown.body());

            HttpResponse<String> deleteAsB = s.send(s.post(TestServer.TOKEN_B, "").header("Mcp-Session-Id", sessionOfA).DELETE());
            assertThat(deleteAsB.statusCode()).isEqualTo(404);
            assertThat(s.ping(TestServer.TOKEN_A, sessionOfA).statusCode()).as("A's session survives").isEqualTo(200);

            JsonNode audit = s.auditRecords().stream().filter(a -> a.get("tool").asString().equals("http.session")).findFirst().orElseThrow();
            assertThat(audit.get("outcome").asString()).isEqualTo("refused");
            assertThat(audit.get("session").asString()).isEqualTo(sessionOfA);
            assertThat(audit.get("tokenFingerprint").asString()).isEqualTo(AccessTokens.fingerprint(TestServer.TOKEN_B));
        }
    }

    @Test
    void aSessionIdNeverIssuedIsNotPassedOn() throws Exception {
        try (TestServer s = new TestServer(dir, Map.of())) {
            assertThat(s.ping(TestServer.TOKEN_A, "made-up").statusCode()).isEqualTo(404);
            assertThat(s.send(s.post(TestServer.TOKEN_A, "").header("Mcp-Session-Id", "made-up").DELETE()).statusCode()).isEqualTo(404);
        }
    }
}
