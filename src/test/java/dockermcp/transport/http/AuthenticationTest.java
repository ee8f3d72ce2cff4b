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
    void repeatedFailuresFromOneAddressAreSlowedDownForEveryoneThere() throws Exception {
        for (int i = 0; i < AuthFailures.FREE_FAILURES; i++) {
            assertThat(s.send(s.post("w".repeat(40), TestServer.INIT)).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> sixth = s.send(s.post("w".repeat(40), TestServer.INIT));
        assertThat(sixth.statusCode()).isEqualTo(401); // evaluated, and now the address is shut out for a second
        HttpResponse<String> blocked = s.send(s.post(TestServer.TOKEN_A, TestServer.INIT));
        assertThat(blocked.statusCode()).as("even the right token waits: guessing must not get faster").isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).hasValue("1");
        Thread.sleep(1100);
        assertThat(s.send(s.post(TestServer.TOKEN_A, TestServer.INIT)).statusCode()).isEqualTo(200);
        assertThat(s.auditRecords()).hasSize(AuthFailures.FREE_FAILURES + 1); // the blocked attempt is not audited: no log flood
    }
}
