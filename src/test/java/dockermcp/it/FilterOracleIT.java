package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import static dockermcp.it.RealEngines.docker;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncCompletionSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7's side channels, on the unix test engine: a filter or a name lookup that matched the raw value would answer
 * "1 or 0" for a guess at a redacted part. Here a right guess and a wrong one get the same answer, step after step,
 * while harmless names and labels still filter as before.
 */
class FilterOracleIT {

    private static final String TOKEN = "ghp_wuR3kT9xQ2mZ7vB4nL8pY6cJ1hF5dS0aE3gK";
    private static final String SECRET_NAME = "oracle-a2-" + TOKEN;
    private static final String PLAIN = "oracle-plain";
    private static final String VOLUME = "oracle-vol-" + TOKEN;
    private static final String IMAGE = "oracle-img:" + TOKEN;

    @TempDir
    static Path state;
    static McpSession session;

    @BeforeAll
    static void createFixtures() throws Exception {
        removeFixtures();
        docker("run", "-d", "--name", SECRET_NAME, "--network", "none", "--label", "db.password=4711", "--label", "team=oracle",
                "dms-fixture:1", "sleep", "1000000");
        docker("run", "-d", "--name", PLAIN, "--network", "none", "--label", "team=oracle", "--label", "oracle.tier=front", "dms-fixture:1", "sleep", "1000000");
        docker("volume", "create", VOLUME);
        docker("commit", PLAIN, IMAGE); // an image of its own: a tag on a shared fixture image would change other tests' answers
        session = McpSession.onLocalEngine(state);
    }

    @AfterAll
    static void removeFixtures() throws Exception {
        if (session != null) {
            session.close();
        }
        docker("rm", "-f", SECRET_NAME, PLAIN);
        docker("volume", "rm", "-f", VOLUME);
        docker("rmi", IMAGE);
    }

    private static JsonNode containers(Object... kv) {
        var r = session.call("docker_list_containers", kv);
        assertThat(r.isError()).as(r.text()).isFalse();
        assertThat(r.everything()).doesNotContain("ghp_wu").doesNotContain("4711");
        return r.json().get("containers");
    }

    private static List<String> names(JsonNode containers) {
        return containers.valueStream().map(c -> c.get("name").asString()).toList();
    }

    @Test
    void theEngineItselfWouldAnswerTheProbe() throws Exception {
        // the channel is real: the engine matches the raw name and the raw label value
        assertThat(docker("ps", "-q", "--filter", "name=oracle-a2-ghp_wu")).isNotBlank();
        assertThat(docker("ps", "-q", "--filter", "name=oracle-a2-ghp_wx")).isBlank();
        assertThat(docker("ps", "-q", "--filter", "label=db.password=4711")).isNotBlank();
    }

    @Test
    void noPrefixOfTheTokenTellsARightGuessFromAWrongOne() {
        for (int i = "oracle-a2-".length() + 1; i <= SECRET_NAME.length(); i += 3) {
            String right = SECRET_NAME.substring(0, i);
            String wrong = right.substring(0, i - 1) + (right.charAt(i - 1) == 'x' ? 'y' : 'x');
            assertThat(containers("name", right)).as(right).isEqualTo(containers("name", wrong));
        }
        assertThat(containers("name", SECRET_NAME)).as("the whole raw name").isEqualTo(containers("name", "oracle-a2-" + "x".repeat(TOKEN.length())));
    }

    @Test
    void aGuessAtASecretLabelValueGetsTheSameAnswerRightOrWrong() {
        assertThat(containers("label", "db.password=4711")).isEqualTo(containers("label", "db.password=0000")).isEmpty();
        assertThat(names(containers("label", "db.password"))).as("the key is shown, so it filters").hasSize(1);
        assertThat(names(containers("label", "db.password=[REDACTED]"))).as("the marker matches as shown").hasSize(1);
    }

    @Test
    void harmlessNamesAndLabelsFilterAsBefore() {
        assertThat(names(containers("name", "oracle-pl"))).containsExactly(PLAIN);
        assertThat(names(containers("name", "/oracle-plain"))).containsExactly(PLAIN);
        assertThat(names(containers("name", "racle"))).as("the other one is shown as the marker: its harmless part too").containsExactly(PLAIN);
        assertThat(names(containers("name", "[REDACTED]"))).as("the marker matches as shown").hasSize(1).doesNotContain(PLAIN);
        assertThat(names(containers("label", "team=oracle"))).hasSize(2).contains(PLAIN);
        assertThat(names(containers("label", "oracle.tier=front"))).containsExactly(PLAIN);
        assertThat(names(containers("label", "oracle.tier=fron"))).isEmpty();
        assertThat(names(containers("label", "oracle.tier"))).containsExactly(PLAIN);
        assertThat(names(containers("name", "oracle-plain", "status", "running"))).containsExactly(PLAIN);
        assertThat(names(containers("name", "oracle-plain", "status", "exited"))).isEmpty();
    }

    @Test
    void aContainerWithASecretInItsNameIsAddressedByItsIdNotItsRawName() {
        JsonNode listed = containers("label", "db.password").get(0);
        var byRaw = session.call("docker_inspect", "container", SECRET_NAME);
        var byWrong = session.call("docker_inspect", "container", "oracle-a2-" + "x".repeat(TOKEN.length()));
        assertThat(byRaw.isError()).as(byRaw.text()).isTrue();
        assertThat(byWrong.isError()).isTrue();
        assertThat(byRaw.text()).doesNotContain("ghp_wu");
        var byId = session.call("docker_inspect", "container", listed.get("id").asString());
        assertThat(byId.isError()).as(byId.text()).isFalse();
        assertThat(byId.everything()).doesNotContain("ghp_wu").doesNotContain("4711");
        var logs = session.call("docker_logs", "container", SECRET_NAME);
        assertThat(logs.isError()).isTrue();
    }

    @Test
    void completionOffersTheIdOfAContainerWhoseNameHoldsASecret() {
        AsyncCompletionSpecification spec = session.prompts().mcpCompletions().stream()
                .filter(c -> c.referenceKey().equals(new McpSchema.PromptReference("diagnose_container"))).findFirst().orElseThrow();
        String id = containers("label", "db.password").get(0).get("id").asString();
        List<String> all = complete(spec, "");
        assertThat(all).contains(PLAIN, id);
        assertThat(String.join(",", all)).doesNotContain("ghp_");
        assertThat(complete(spec, "oracle-a2-ghp_wu")).isEqualTo(complete(spec, "oracle-a2-ghp_wx")).isEmpty();
    }

    private static List<String> complete(AsyncCompletionSpecification spec, String prefix) {
        return spec.completionHandler().apply(null, new McpSchema.CompleteRequest(new McpSchema.PromptReference("diagnose_container"),
                new McpSchema.CompleteRequest.CompleteArgument("container", prefix), new McpSchema.CompleteRequest.CompleteContext(Map.of()))).block()
                .completion().values();
    }

    @Test
    void aVolumeNameFilterMatchesTheShownName() {
        var right = session.call("docker_list_volumes", "name", "oracle-vol-ghp_wu");
        var wrong = session.call("docker_list_volumes", "name", "oracle-vol-ghp_wx");
        assertThat(right.json().get("volumes")).isEqualTo(wrong.json().get("volumes")).isEmpty();
        var marked = session.call("docker_list_volumes", "name", "[REDACTED]");
        assertThat(marked.json().get("count").asInt()).as("it is listed, as shown").isGreaterThanOrEqualTo(1);
        assertThat(marked.everything()).doesNotContain("ghp_wu");
    }

    @Test
    void anImageWithASecretInATagIsNeverInAReferenceFilteredAnswer() throws Exception {
        var right = session.call("docker_list_images", "reference", "oracle-img:ghp_wu*");
        var wrong = session.call("docker_list_images", "reference", "oracle-img:ghp_wx*");
        assertThat(right.json().get("images")).isEqualTo(wrong.json().get("images")).isEmpty();
        assertThat(session.call("docker_list_images", "reference", "oracle-img").json().get("images")).isEmpty();
        var harmless = session.call("docker_list_images", "reference", "dms-fixture");
        assertThat(harmless.json().get("count").asInt()).as(harmless.text()).isGreaterThanOrEqualTo(1);
        String id = docker("images", "-q", IMAGE).strip();
        assertThat(id).hasSize(12);
        var all = session.call("docker_list_images");
        assertThat(all.everything()).as("listed unfiltered, redacted").contains(id).doesNotContain("ghp_wu");
    }
}
