package dockermcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** notifications/cancelled over HTTP abandons the named call of the same session, and its request to the engine. */
class CancellationTest {

    @TempDir
    Path dir;

    @Test
    void aCancelledCallReleasesItsEngineRequest() throws Exception {
        try (ServerSocket silentEngine = new ServerSocket(0);
             TestServer s = new TestServer(dir, Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + silentEngine.getLocalPort()))) {
            String session = s.openSession(TestServer.TOKEN_A);
            CompletableFuture<HttpResponse<String>> call = s.client.sendAsync(s.post(TestServer.TOKEN_A,
                    "{\"jsonrpc\":\"2.0\",\"id\":41,\"method\":\"tools/call\",\"params\":{\"name\":\"docker_list_containers\",\"arguments\":{}}}")
                    .header("Mcp-Session-Id", session).build(), HttpResponse.BodyHandlers.ofString());
            Socket engineSide = silentEngine.accept();
            InputStream in = engineSide.getInputStream();
            StringBuilder request = new StringBuilder();
            while (!request.toString().contains("\r\n\r\n")) {
                request.append((char) in.read());
            }
            CompletableFuture<Boolean> released = CompletableFuture.supplyAsync(() -> {
                try (in) {
                    while (in.read() >= 0) {
                        // the read ends when the server gives up the connection
                    }
                } catch (Exception ignored) {
                    // reset counts as released too
                }
                return true;
            });

            // another session naming the same request id cancels nothing
            String other = s.openSession(TestServer.TOKEN_A);
            assertThat(s.send(s.post(TestServer.TOKEN_A, cancel(41)).header("Mcp-Session-Id", other)).statusCode()).isEqualTo(202);
            Thread.sleep(300);
            assertThat(released).isNotDone();

            assertThat(s.send(s.post(TestServer.TOKEN_A, cancel(41)).header("Mcp-Session-Id", session)).statusCode()).isEqualTo(202);
            assertThat(released.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(call.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    private static String cancel(int id) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":" + id + ",\"reason\":\"user\"}}";
    }
}
