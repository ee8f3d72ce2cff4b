package dockermcp.security.secrets;

/**
 * The user-info part of URLs: {@code scheme://user:password@host} and also {@code scheme://TOKEN@host} (a Sentry
 * DSN key, a Git token), since the part before '@' is where URLs carry credentials. The whole user info goes.
 */
final class UrlCredentials {

    private static final int MAX_AUTHORITY = 1024;

    private UrlCredentials() {
    }

    static void find(char[] t, Spans spans) {
        int n = t.length;
        int from = 0;
        while (true) {
            int sep = KeyBlocks.indexOf(t, "://", from, n);
            if (sep < 0) {
                return;
            }
            int start = sep + 3;
            int at = -1;
            int i = start;
            while (i < n && i - start < MAX_AUTHORITY) {
                char c = t[i];
                // '?' and '#' do not end the scan: a raw password may hold them, and the '@' after them still ends the user info
                if (c == '/' || Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`') {
                    break;
                }
                if (c == '@') {
                    at = i;
                }
                i++;
            }
            if (at > start) {
                spans.add(start, at);
            }
            from = sep + 3; // the next "://" may be inside this authority (a "//" stops the scan there)
        }
    }
}
