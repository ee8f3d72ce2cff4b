package dockermcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The handshake preparation reads and writes the SDK's own message types, as the handshake will. */
class HandshakePrepTest {

    @Test
    void itReadsAnInitializeRequestAndWritesTheAnswersTheHandshakeSends() throws Exception {
        List<String> answers = HandshakePrep.prepare();
        assertThat(answers.get(0)).contains("\"protocolVersion\":\"2025-11-25\"", "\"name\":\"" + Product.NAME + "\"", "\"tools\":{\"listChanged\":false}");
        assertThat(answers.get(1)).contains("\"tools\":[{\"name\":\"prep\"", "\"readOnlyHint\":true", "\"inputSchema\"", "\"outputSchema\"");
    }
}
