import dockermcp.security.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Diagnostic, not part of the product: how long the server's redaction pass takes on one real tool
 * answer, outside the server. Input: one docker_list_containers answer line saved by
 * {@code bench/bench.py --only warm --save-answer FILE}. It re-runs what ToolRegistry.call does to every
 * result, Redactor.tree on the structured part and Redactor.text on the text, and prints the time per call.
 *
 * <pre>
 *   javac -cp target/docker-mcp-secure.jar -d /tmp/rc bench/RedactorCost.java
 *   java -XX:TieredStopAtLevel=1 -cp target/docker-mcp-secure.jar:/tmp/rc RedactorCost FILE   # C1 only, as the launcher runs
 *   java -cp target/docker-mcp-secure.jar:/tmp/rc RedactorCost FILE                           # default JIT
 * </pre>
 */
public final class RedactorCost {

    private RedactorCost() {
    }

    public static void main(String[] args) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode answer = json.readTree(Files.readString(Path.of(args[0])));
        String structured = answer.path("result").path("structuredContent").toString();
        String text = answer.path("result").path("content").path(0).path("text").asString();
        Redactor redactor = new Redactor();
        System.out.printf("structured %d bytes, text %d bytes%n", structured.length(), text.length());
        for (int round = 1; round <= 6; round++) {
            int n = 300;
            long tree = 0;
            long free = 0;
            for (int i = 0; i < n; i++) {
                JsonNode t = json.readTree(structured);
                long t0 = System.nanoTime();
                redactor.tree(t);
                long t1 = System.nanoTime();
                redactor.text(text);
                long t2 = System.nanoTime();
                tree += t1 - t0;
                free += t2 - t1;
            }
            System.out.printf("round %d: Redactor.tree %.2f ms + Redactor.text %.2f ms per answer%n", round, tree / 1e6 / n, free / 1e6 / n);
        }
    }
}
