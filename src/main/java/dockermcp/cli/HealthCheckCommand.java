package dockermcp.cli;

import dockermcp.server.Product;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code docker-mcp-secure healthcheck}: GET /healthz of the HTTP server on this machine, for a container's
 * health check (the image has no shell and no curl). Plain HTTP on loopback unless the server has its own TLS
 * (MCP_TLS_CERT), which this check does not speak: there it says so.
 */
final class HealthCheckCommand {

    private HealthCheckCommand() {
    }

    static int run(Map<String, String> env, PrintStream out) {
        if (!env.getOrDefault("MCP_TLS_CERT", "").isBlank()) {
            System.err.println(Product.NAME + ": healthcheck speaks plain HTTP and this server serves TLS (MCP_TLS_CERT): probe GET /healthz with your orchestrator's HTTPS check instead.");
            return 2;
        }
        String port = env.getOrDefault("MCP_PORT", "3000").strip();
        if (!port.matches("[0-9]{1,5}") || port.equals("0")) {
            System.err.println(Product.NAME + ": healthcheck needs the server's fixed port in MCP_PORT (1-65535), not '" + port + "'.");
            return 2;
        }
        String bind = env.getOrDefault("MCP_BIND", "127.0.0.1").strip();
        String host = bind.isEmpty() || bind.equals("0.0.0.0") ? "127.0.0.1" : bind.equals("::") ? "::1" : bind;
        URI uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/healthz");
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout(3000);
            c.setReadTimeout(3000);
            int status = c.getResponseCode();
            String body;
            try (InputStream in = status == 200 ? c.getInputStream() : c.getErrorStream()) {
                body = in == null ? "" : new String(in.readNBytes(64), StandardCharsets.US_ASCII).strip();
            }
            out.println(uri + ": " + status + " " + body);
            out.flush();
            return status == 200 && body.equals("ok") ? 0 : 1;
        } catch (IOException e) {
            out.println(uri + ": no answer");
            out.flush();
            return 1;
        }
    }
}
