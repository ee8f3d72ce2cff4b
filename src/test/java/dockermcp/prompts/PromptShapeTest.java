package dockermcp.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Requests the SDK would answer vaguely are answered with one sentence before it sees them. */
class PromptShapeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String problem(String json) {
        ObjectNode msg = (ObjectNode) JSON.readTree(json);
        return PromptShape.problem(msg.get("method").asString(), msg);
    }

    @Test
    void anUnknownPromptIsNamedWithTheOnesThatExist() {
        assertThat(problem("{\"method\":\"prompts/get\",\"params\":{\"name\":\"nope\"}}"))
                .isEqualTo("Invalid params: there is no prompt 'nope'; this server has diagnose_container, security_review, troubleshoot_connection (see prompts/list).");
        assertThat(problem("{\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"nope\"},\"argument\":{\"name\":\"a\",\"value\":\"\"}}}"))
                .startsWith("Invalid params: there is no prompt 'nope'");
    }

    @Test
    void malformedRequestsAreRefused() {
        assertThat(problem("{\"method\":\"prompts/get\",\"params\":{\"name\":7}}")).startsWith("Invalid params: prompts/get needs params");
        assertThat(problem("{\"method\":\"prompts/get\",\"params\":{\"name\":\"security_review\",\"arguments\":[1]}}"))
                .isEqualTo("Invalid params: params.arguments must be an object of argument names and string values.");
        assertThat(problem("{\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"security_review\"}}}"))
                .startsWith("Invalid params: completion/complete needs params");
        assertThat(problem("{\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"x://y\"},\"argument\":{\"name\":\"a\",\"value\":\"\"}}}"))
                .isEqualTo("Invalid params: this server completes prompt arguments only (ref/prompt); it has no resources.");
    }

    @Test
    void anArgumentThePromptDoesNotTakeCannotBeCompleted() {
        assertThat(problem("{\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"troubleshoot_connection\"},\"argument\":{\"name\":\"container\",\"value\":\"w\"}}}"))
                .isEqualTo("Invalid params: prompt 'troubleshoot_connection' has no argument 'container'; it takes host.");
    }

    @Test
    void wellFormedRequestsAndOtherMethodsPass() {
        assertThat(problem("{\"method\":\"prompts/get\",\"params\":{\"name\":\"diagnose_container\",\"arguments\":{\"container\":\"web\"}}}")).isNull();
        assertThat(problem("{\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"diagnose_container\"},\"argument\":{\"name\":\"container\",\"value\":\"w\"}}}")).isNull();
        assertThat(problem("{\"method\":\"tools/list\"}")).isNull();
        assertThat(problem("{\"method\":\"prompts/list\"}")).isNull();
    }
}
