package dockermcp.transport.http;

import dockermcp.config.HttpSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The first check on every path: a path with parameters ({@code /mcp;access_token=...}) is refused with 400 before
 * anything reads or records it, and only the methods served are answered (405 with {@code Allow} otherwise; the
 * servlet default would echo a TRACE, headers included). The SDK serves GET, POST and DELETE on /mcp; no CORS.
 */
final class RequestShapeFilter extends HttpFilter {

    private static final Map<String, Set<String>> METHODS = Map.of(
            HttpSettings.ENDPOINT, Set.of("GET", "POST", "DELETE"),
            HttpSettings.HEALTH, Set.of("GET", "HEAD"));
    private static final Map<String, String> ALLOW = Map.of(HttpSettings.ENDPOINT, "GET, POST, DELETE", HttpSettings.HEALTH, "GET, HEAD");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String uri = request.getRequestURI();
        if (uri.indexOf(';') >= 0 || uri.toLowerCase(Locale.ROOT).contains("%3b")) {
            HttpErrors.sendUnread(request, response, 400, "URL path parameters (';...') are not accepted: use " + HttpSettings.ENDPOINT
                    + " and send the token in the Authorization header.");
            return;
        }
        String path = request.getServletPath();
        Set<String> served = METHODS.get(path);
        if (served != null && !served.contains(request.getMethod())) {
            response.setHeader("Allow", ALLOW.get(path));
            HttpErrors.sendUnread(request, response, 405, "The method " + printable(request.getMethod()) + " is not served on " + path + ": use " + ALLOW.get(path) + ".");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String printable(String method) {
        return method.length() <= 16 && method.chars().allMatch(c -> c >= 'A' && c <= 'Z') ? method : "used";
    }

    /** What a log or audit record may show of the request's target: the path alone, never parameters or a query. */
    static String loggablePath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int cut = uri.indexOf(';');
        String path = cut < 0 ? uri : uri.substring(0, cut);
        return path.length() <= 128 ? path : path.substring(0, 128);
    }
}
