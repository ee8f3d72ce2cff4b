package dockermcp.engine;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The read-only rule, checked on every request before a byte is sent: GET (and HEAD on /_ping)
 * to an explicit list of read endpoints, with a query made only of known read parameters.
 */
public final class RequestGuard {

    private static final Pattern CONTAINER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,252}");
    private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@-]{0,511}");
    private static final Pattern ALLOWED_PATH = Pattern.compile(
            "(/v1\\.\\d{1,2})?/(_ping|version|info|containers/json|images/json|nodes|services|tasks|events|networks|volumes"
                    + "|containers/" + CONTAINER.pattern() + "/(json|logs|stats|top)"
                    + "|images/" + IMAGE.pattern() + "/(json|history))");
    private static final Pattern QUERY = Pattern.compile("([a-z-]+=[A-Za-z0-9%._~-]*)(&[a-z-]+=[A-Za-z0-9%._~-]*)*");
    private static final Set<String> QUERY_KEYS = Set.of(
            "all", "filters", "size", "stdout", "stderr", "tail", "since", "until", "timestamps", "stream", "one-shot", "status");

    private RequestGuard() {
    }

    /** Throws REFUSED unless this request is one the read-only server may send. */
    public static void check(String method, String path, String query) throws EngineException {
        boolean methodOk = method.equals("GET") || (method.equals("HEAD") && path.equals("/_ping"));
        if (!methodOk || !pathAllowed(path) || !queryAllowed(query)) {
            throw new EngineException(EngineException.Kind.REFUSED,
                    "docker-mcp-secure refused to send " + abbreviate(method) + " " + abbreviate(path)
                            + " because it is not a read-only request on its allow-list; nothing was sent to the engine.");
        }
    }

    static boolean pathAllowed(String path) {
        return ALLOWED_PATH.matcher(path).matches() && !path.contains("..") && !path.contains("//");
    }

    static boolean queryAllowed(String query) {
        if (query == null || query.isEmpty()) {
            return true;
        }
        if (!QUERY.matcher(query).matches()) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (!QUERY_KEYS.contains(pair.substring(0, pair.indexOf('=')))) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }
}
