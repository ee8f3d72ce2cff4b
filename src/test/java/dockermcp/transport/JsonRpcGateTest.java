package dockermcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.tools.InFlightCalls;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON-RPC gate both transports use: what it refuses, what it passes, how it tags and cancels. */
class JsonRpcGateTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JsonRpcGate gate = new JsonRpcGate(new InFlightCalls());

    private JsonRpcGate.Verdict check(String message) {
        return gate.check(message.getBytes(StandardCharsets.UTF_8), "s1");
    }

    private static JsonNode json(byte[] b) {
        return JSON.readTree(b);
    }

    @Test
    void malformedFramesAreRefusedWithOneSentenceAndTheIdWhenItIsUsable() {
        record Case(String message, int code, String id, String says) {
        }
        for (Case c : java.util.List.of(
                new Case("{not json", -32700, null, "not valid JSON"),
                new Case("[]", -32600, null, "batches are not supported"),
                new Case("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", -32600, null, "batches"),
                new Case("{\"id\":7,\"method\":\"ping\"}", -32600, "7", "JSON-RPC 2.0"),
                new Case("\"text\"", -32600, null, "JSON-RPC 2.0"),
                new Case("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":5}", -32600, "\"a\"", "\"method\" must be a string"),
                new Case("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}", -32600, null, "\"id\" must be"),
                new Case("{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"ping\"}", -32600, null, "\"id\" must be"),
                new Case("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}", -32600, null, "\"id\" must be"),
                new Case("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\"}", -32602, "3", "needs params"),
                new Case("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":1}}", -32602, "3", "params.name"),
                new Case("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"x\",\"arguments\":[1]}}", -32602, "3", "params.arguments"))) {
            assertThat(check(c.message())).as(c.message()).isInstanceOf(JsonRpcGate.Refuse.class);
            JsonRpcGate.Refuse r = (JsonRpcGate.Refuse) check(c.message());
            JsonNode error = json(r.error());
            assertThat(error.get("jsonrpc").asString()).isEqualTo("2.0");
            assertThat(error.get("id").toString()).as(c.message()).isEqualTo(c.id() == null ? "null" : c.id());
            assertThat(error.at("/error/code").asInt()).as(c.message()).isEqualTo(c.code());
            assertThat(error.at("/error/message").asString()).as(c.message()).contains(c.says()).endsWith(".").doesNotContain("Exception");
        }
    }

    @Test
    void aToolCallIsTaggedWithItsSessionAndIdOverwritingWhatTheClientPutThere() {
        JsonRpcGate.Pass p = (JsonRpcGate.Pass) check("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"t\","
                + "\"_meta\":{\"" + InFlightCalls.REQUEST_ID_META + "\":\"other:1\",\"progressToken\":2}}}");
        JsonNode meta = json(p.message()).at("/params/_meta");
        assertThat(meta.get(InFlightCalls.REQUEST_ID_META).asString()).isEqualTo("s1:9");
        assertThat(meta.get("progressToken").asInt()).isEqualTo(2);
        assertThat(p.owesAnswer()).isTrue();
    }

    @Test
    void otherRequestsNotificationsAndRepliesPassUnchanged() {
        for (String m : java.util.List.of("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", "{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}")) {
            JsonRpcGate.Pass p = (JsonRpcGate.Pass) check(m);
            assertThat(new String(p.message(), StandardCharsets.UTF_8)).isEqualTo(m);
        }
        assertThat(((JsonRpcGate.Pass) check("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}")).owesAnswer()).isFalse();
        assertThat(((JsonRpcGate.Pass) check("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")).owesAnswer()).isFalse();
    }

    /** One id rule for requests and cancellations: a string or a 64-bit integer; anything else cancels nothing. */
    @Test
    void aCancellationNamesAValidIdOrNothing() {
        Map<String, String> named = Map.of("7", "7", "\"abc\"", "abc", "9223372036854775807", "9223372036854775807");
        named.forEach((id, key) -> assertThat(check(cancel(id))).as(id).isEqualTo(new JsonRpcGate.Cancel(key)));
        for (String id : java.util.List.of("1.5", "{}", "null", "[1]", "123456789012345678901234567890")) {
            assertThat(check(cancel(id))).as(id).isEqualTo(new JsonRpcGate.Drop());
        }
    }

    private static String cancel(String id) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":" + id + "}}";
    }
}
