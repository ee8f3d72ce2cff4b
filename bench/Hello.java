import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The JVM floor for the cold-start benchmark: the smallest Java program that speaks the same stdio
 * handshake as the server. It answers every JSON-RPC request line ({@code "id":N}) with an empty
 * result and ignores notifications, so the bench drives it exactly like the real server
 * (initialize, notifications/initialized, tools/list). Not part of the product.
 */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            int i = line.indexOf("\"id\":");
            if (i < 0) {
                continue;
            }
            int j = i + 5;
            int k = j;
            while (k < line.length() && Character.isDigit(line.charAt(k))) {
                k++;
            }
            System.out.print("{\"jsonrpc\":\"2.0\",\"id\":" + line.substring(j, k) + ",\"result\":{}}\n");
            System.out.flush();
        }
    }
}
