package dockermcp.it.adversarial;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Raw stdio frames a broken or hostile MCP client may write, for StdioFuzzIT. */
final class HostileFrames {

    private HostileFrames() {
    }

    /** A frame; {@code replyId} is the id written in it (JSON text) when there is one the server could answer to. */
    record Frame(String label, byte[] bytes, String replyId, boolean replyDue) {
        @Override
        public String toString() {
            return label;
        }

        String shown() {
            String s = new String(bytes, 0, Math.min(bytes.length, 160), StandardCharsets.UTF_8).replace("\n", "\\n").replace("\r", "\\r");
            return s + (bytes.length > 160 ? "... (" + bytes.length + " bytes)" : "");
        }
    }

    static Frame json(String label, String line, String replyId) {
        return new Frame(label, (line + "\n").getBytes(StandardCharsets.UTF_8), replyId, replyId != null);
    }

    static Frame noReply(String label, String line) {
        return new Frame(label, (line + "\n").getBytes(StandardCharsets.UTF_8), null, false);
    }

    /** A frame that deserves an error reply with id null (parse error, invalid request). */
    static Frame nullIdError(String label, byte[] bytes) {
        return new Frame(label, bytes, null, true);
    }

    static Frame nullIdError(String label, String line) {
        return nullIdError(label, (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** An invalid request that still carries a usable id: the error may come with that id, or with id null. */
    static Frame invalid(String label, String line, String id) {
        return new Frame(label, (line + "\n").getBytes(StandardCharsets.UTF_8), id, true);
    }

    static Stream<Frame> all() {
        List<Frame> f = new ArrayList<>();
        f.add(nullIdError("malformed JSON", "{not json"));
        f.add(nullIdError("truncated JSON", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\""));
        f.add(nullIdError("closing brace only", "}"));
        f.add(nullIdError("opening bracket only", "["));
        f.add(nullIdError("JSON null", "null"));
        f.add(nullIdError("JSON string", "\"ping\""));
        f.add(nullIdError("JSON number", "42"));
        f.add(nullIdError("JSON true", "true"));
        f.add(nullIdError("empty batch", "[]"));
        f.add(nullIdError("empty object", "{}"));
        f.add(json("unknown method", "{\"jsonrpc\":\"2.0\",\"id\":101,\"method\":\"no/such/method\"}", "101"));
        f.add(json("method of a capability the server lacks", "{\"jsonrpc\":\"2.0\",\"id\":102,\"method\":\"resources/list\"}", "102"));
        f.add(json("tools/call without params", "{\"jsonrpc\":\"2.0\",\"id\":103,\"method\":\"tools/call\"}", "103"));
        f.add(json("tools/call of an unknown tool", "{\"jsonrpc\":\"2.0\",\"id\":104,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_rm\"}}", "104"));
        f.add(json("arguments is a string", "{\"jsonrpc\":\"2.0\",\"id\":105,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_inspect\",\"arguments\":\"web\"}}", "105"));
        f.add(json("arguments is an array", "{\"jsonrpc\":\"2.0\",\"id\":106,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_inspect\",\"arguments\":[\"web\"]}}", "106"));
        f.add(json("arguments is null", "{\"jsonrpc\":\"2.0\",\"id\":107,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_inspect\",\"arguments\":null}}", "107"));
        f.add(json("tool name is a number", "{\"jsonrpc\":\"2.0\",\"id\":108,\"method\":\"tools/call\",\"params\":{\"name\":7}}", "108"));
        f.add(nullIdError("id is an object", "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}"));
        f.add(nullIdError("id is an array", "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"ping\"}"));
        f.add(nullIdError("id is a boolean", "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}"));
        f.add(nullIdError("id is a float", "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}"));
        f.add(nullIdError("id is 1e400", "{\"jsonrpc\":\"2.0\",\"id\":1e400,\"method\":\"ping\"}"));
        f.add(json("id is 2^70", "{\"jsonrpc\":\"2.0\",\"id\":1180591620717411303424,\"method\":\"ping\"}", "1180591620717411303424"));
        f.add(json("id is negative", "{\"jsonrpc\":\"2.0\",\"id\":-5,\"method\":\"ping\"}", "-5"));
        f.add(json("id is an empty string", "{\"jsonrpc\":\"2.0\",\"id\":\"\",\"method\":\"ping\"}", "\"\""));
        f.add(json("id is a 100 000 character string", "{\"jsonrpc\":\"2.0\",\"id\":\"" + "i".repeat(100_000) + "\",\"method\":\"ping\"}",
                "\"" + "i".repeat(100_000) + "\""));
        f.add(noReply("id is null (a notification in disguise)", "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}"));
        f.add(invalid("missing jsonrpc", "{\"id\":109,\"method\":\"ping\"}", "109"));
        f.add(invalid("jsonrpc 1.0", "{\"jsonrpc\":\"1.0\",\"id\":110,\"method\":\"ping\"}", "110"));
        f.add(invalid("jsonrpc is a number", "{\"jsonrpc\":2,\"id\":111,\"method\":\"ping\"}", "111"));
        f.add(nullIdError("batch of two pings", "[{\"jsonrpc\":\"2.0\",\"id\":112,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"id\":113,\"method\":\"ping\"}]"));
        f.add(invalid("method is a number", "{\"jsonrpc\":\"2.0\",\"id\":114,\"method\":5}", "114"));
        f.add(invalid("params is a string", "{\"jsonrpc\":\"2.0\",\"id\":115,\"method\":\"tools/list\",\"params\":\"x\"}", "115"));
        f.add(invalid("tools/call params is a string", "{\"jsonrpc\":\"2.0\",\"id\":131,\"method\":\"tools/call\",\"params\":\"x\"}", "131"));
        f.add(json("duplicate keys", "{\"jsonrpc\":\"2.0\",\"id\":116,\"id\":117,\"method\":\"ping\"}", "117"));
        f.add(noReply("a response to a request never sent", "{\"jsonrpc\":\"2.0\",\"id\":118,\"result\":{}}"));
        f.add(noReply("an error response to a request never sent", "{\"jsonrpc\":\"2.0\",\"id\":119,\"error\":{\"code\":1,\"message\":\"x\"}}"));
        f.add(noReply("unknown notification", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/zzz\",\"params\":{}}"));
        f.add(noReply("cancel of an unknown request", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":424242}}"));
        f.add(noReply("cancel with a hostile requestId", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":{\"$ne\":1}}}"));
        f.add(noReply("empty line", ""));
        f.add(noReply("whitespace line", "   \t  "));
        f.add(json("CRLF line ending", "{\"jsonrpc\":\"2.0\",\"id\":120,\"method\":\"ping\"}\r", "120"));
        f.add(json("leading whitespace", "   {\"jsonrpc\":\"2.0\",\"id\":121,\"method\":\"ping\"}", "121"));
        f.add(nullIdError("two frames on one line", "{\"jsonrpc\":\"2.0\",\"id\":122,\"method\":\"ping\"}{\"jsonrpc\":\"2.0\",\"id\":123,\"method\":\"ping\"}"));
        f.add(json("NUL and RTL in a tool argument", "{\"jsonrpc\":\"2.0\",\"id\":124,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_inspect\","
                + "\"arguments\":{\"container\":\"we\\u0000b\\u202e\"}}}", "124"));
        f.add(json("lone surrogate escape in a tool argument", "{\"jsonrpc\":\"2.0\",\"id\":125,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_inspect\","
                + "\"arguments\":{\"container\":\"\\ud800\"}}}", "125"));
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            if (garbage[i] == '\n') {
                garbage[i] = 0;
            }
        }
        f.add(nullIdError("binary garbage", concat(garbage, "\n".getBytes(StandardCharsets.UTF_8))));
        f.add(new Frame("invalid UTF-8 in a string", concat(
                "{\"jsonrpc\":\"2.0\",\"id\":126,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_inspect\",\"arguments\":{\"container\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc0, (byte) 0x80}, "\"}}}\n".getBytes(StandardCharsets.UTF_8)), "126", true));
        f.add(nullIdError("2 MB line of garbage without JSON", ("x".repeat(2 << 20) + "\n").getBytes(StandardCharsets.UTF_8)));
        f.add(nullIdError("deeply nested arrays", "[".repeat(100_000) + "]".repeat(100_000)));
        f.add(json("deeply nested tool arguments", "{\"jsonrpc\":\"2.0\",\"id\":127,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_list_containers\","
                + "\"arguments\":{\"name\":" + "[".repeat(500) + "]".repeat(500) + "}}}", "127"));
        f.add(json("20 MB message", "{\"jsonrpc\":\"2.0\",\"id\":128,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_inspect\","
                + "\"arguments\":{\"container\":\"" + "a".repeat(20 << 20) + "\"}}}", "128"));
        f.add(json("1 MB tool name", "{\"jsonrpc\":\"2.0\",\"id\":129,\"method\":\"tools/call\",\"params\":{\"name\":\"" + "n".repeat(1 << 20) + "\"}}", "129"));
        f.add(json("10 000 arguments", "{\"jsonrpc\":\"2.0\",\"id\":130,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_list_containers\","
                + "\"arguments\":{" + String.join(",", java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "\"k" + i + "\":" + i).toList()) + "}}}", "130"));
        f.add(json("prompts/get without params", "{\"jsonrpc\":\"2.0\",\"id\":140,\"method\":\"prompts/get\"}", "140"));
        f.add(json("prompts/get of an unknown prompt", "{\"jsonrpc\":\"2.0\",\"id\":141,\"method\":\"prompts/get\",\"params\":{\"name\":\"rm_everything\"}}", "141"));
        f.add(json("prompt arguments are an array", "{\"jsonrpc\":\"2.0\",\"id\":142,\"method\":\"prompts/get\",\"params\":{\"name\":\"diagnose_container\",\"arguments\":[\"web\"]}}", "142"));
        f.add(json("prompt argument is an object", "{\"jsonrpc\":\"2.0\",\"id\":143,\"method\":\"prompts/get\",\"params\":{\"name\":\"diagnose_container\",\"arguments\":{\"container\":{\"password\":\"hunter2\"}}}}", "143"));
        f.add(json("prompt container is a path", "{\"jsonrpc\":\"2.0\",\"id\":144,\"method\":\"prompts/get\",\"params\":{\"name\":\"diagnose_container\",\"arguments\":{\"container\":\"../../x\\nIgnore\"}}}", "144"));
        f.add(json("completion/complete without params", "{\"jsonrpc\":\"2.0\",\"id\":145,\"method\":\"completion/complete\"}", "145"));
        f.add(json("completion of a resource", "{\"jsonrpc\":\"2.0\",\"id\":146,\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/resource\",\"uri\":\"file:///etc/passwd\"},\"argument\":{\"name\":\"x\",\"value\":\"\"}}}", "146"));
        f.add(json("completion value is a number", "{\"jsonrpc\":\"2.0\",\"id\":147,\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"diagnose_container\"},\"argument\":{\"name\":\"container\",\"value\":7}}}", "147"));
        f.add(json("1 MB completion prefix", "{\"jsonrpc\":\"2.0\",\"id\":148,\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"diagnose_container\"},\"argument\":{\"name\":\"container\",\"value\":\"" + "w".repeat(1 << 20) + "\"}}}", "148"));
        return f.stream();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
