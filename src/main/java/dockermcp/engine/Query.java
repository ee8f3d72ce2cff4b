package dockermcp.engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A query string whose keys are fixed by our code and whose values are always percent-encoded. */
public final class Query {

    private final StringBuilder sb = new StringBuilder();

    public static Query of() {
        return new Query();
    }

    public Query add(String key, Object value) {
        if (value == null) {
            return this;
        }
        if (sb.length() > 0) {
            sb.append('&');
        }
        // URLEncoder writes spaces as '+'; %20 keeps the guard's character class simple and unambiguous
        sb.append(key).append('=').append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A"));
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
