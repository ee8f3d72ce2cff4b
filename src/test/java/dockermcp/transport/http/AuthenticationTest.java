package dockermcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Bearer tokens: every way in without the right one is refused, answered in the RFC 6750 form, and audited. */
class AuthenticationTest {

    @TempDir
    Path dir;
    TestServer s;

    @BeforeEach
    void start() throws Exception {
        s = new TestServer(dir, Map.of());
    }

    @AfterEach
    void stop() {
        s.close();
    }

    @Test
    void noTokenIs401WithABearerChallengeAndAnAuditRecord() throws Exception {
        HttpResponse<String> r = s.send(s.post(null, TestServer.INIT));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer "));
        assertThat(TestServer.message(r.body()).at("/error/message").asString()).contains("Authorization: Bearer");
        JsonNode audit = s.auditRecords().get(0);
        assertThat(audit.get("tool").asString()).isEqualTo("http.auth");
        assertThat(audit.get("outcome").asString()).isEqualTo("refused");
        assertThat(audit.get("error").asString()).isEqualTo("missing bearer token");
        assertThat(audit.get("remoteAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(audit.get("transport").asString()).isEqualTo("http");
    }

    @Test
    void wrongTokenIs401InvalidTokenAndTheAuditShowsOnlyItsFingerprint() throws Exception {
        String wrong = "w".repeat(40);
        HttpResponse<String> r = s.send(s.post(wrong, TestServer.INIT));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
        JsonNode audit = s.auditRecords().get(0);
        assertThat(audit.get("error").asString()).isEqualTo("wrong bearer token");
        assertThat(audit.get("tokenFingerprint").asString()).isEqualTo(AccessTokens.fingerprint(wrong));
        assertThat(audit.toString()).doesNotContain(wrong);
    }

    @Test
    void otherAuthSchemesAreNotBearerTokens() throws Exception {
        HttpResponse<String> r = s.send(s.post(null, TestServer.INIT).header("Authorization", "Basic " + TestServer.TOKEN_A));
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void tokenInTheQueryStringIsRefusedEvenWhenItIsRight() throws Exception {
        for (String query : new String[] {"access_token=" + TestServer.TOKEN_A, "token=" + TestServer.TOKEN_A, "x=1&API_KEY=" + TestServer.TOKEN_A}) {
            HttpResponse<String> r = s.send(s.post(TestServer.TOKEN_A, TestServer.INIT).uri(s.uri("/mcp?" + query)));
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_request"));
            assertThat(TestServer.message(r.body()).at("/error/message").asString()).contains("never in the URL");
        }
        assertThat(s.auditRecords()).allSatisfy(a -> assertThat(a.get("error").asString()).isEqualTo("token in query string"));
    }

    @Test
    void eitherConfiguredTokenOpensASession() throws Exception {
        assertThat(s.openSession(TestServer.TOKEN_A)).isNotBlank();
        assertThat(s.openSession(TestServer.TOKEN_B)).isNotBlank();
    }

    @Test
    void repeatedFailuresFromOneAddressAreSlowedDownButNeverCostTheRightToken() throws Exception {
        String session = s.openSession(TestServer.TOKEN_A);
        for (int i = 0; i < 40; i++) { // a web page in the user's browser firing token-less requests at the server
            assertThat(s.send(s.post(null, TestServer.INIT)).statusCode()).isIn(401, 429);
        }
        HttpResponse<String> blocked = s.send(s.post("w".repeat(40), TestServer.INIT));
        for (int i = 0; i < 10 && blocked.statusCode() == 401; i++) { // each failure doubles the wait, so a slow machine catches up
            blocked = s.send(s.post("w".repeat(40), TestServer.INIT));
        }
        assertThat(blocked.statusCode()).as("failures from there are slowed down").isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        for (int i = 0; i < 40; i++) {
            assertThat(s.ping(TestServer.TOKEN_A, session).statusCode()).as("the user's own client, call " + i).isEqualTo(200);
        }
        assertThat(s.send(s.post(TestServer.TOKEN_B, TestServer.INIT)).statusCode()).as("and a new session with the right token").isEqualTo(200);
        assertThat(s.auditRecords().stream().filter(a -> a.get("tool").asString().equals("http.auth")).count())
                .as("refusals during the slow-down are not audited: no log flood").isLessThan(40);
    }
}
