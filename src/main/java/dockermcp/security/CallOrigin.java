package dockermcp.security;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who made a tool call, as far as the transport knows: for the audit log.
 *
 * @param transport        "stdio" or "http"
 * @param session          the MCP session id
 * @param client           the client's {@code clientInfo} name and version from initialize: the client chooses it, so
 *                         it is kept printable, redacted and at most {@value #CLIENT_MAX} characters long
 * @param remoteAddress    the peer address (HTTP only)
 * @param tokenFingerprint a short hash of the bearer token (HTTP only), never the token
 */
public record CallOrigin(String transport, String session, String client, String remoteAddress, String tokenFingerprint) {

    /** Transport-context keys an HTTP transport fills in for each request. */
    public static final String REMOTE_ADDRESS = "dockermcp.remoteAddress";
    public static final String TOKEN_FINGERPRINT = "dockermcp.tokenFingerprint";
    public static final String TRANSPORT = "dockermcp.transport";

    public static final CallOrigin UNKNOWN = new CallOrigin("stdio", null, null, null, null);
    public static final int CLIENT_MAX = 64;
    private static final Redactor BUILT_IN = new Redactor();

    public CallOrigin {
        client = client == null ? null : clientName(client, BUILT_IN);
    }

    /** The same origin with the client name also passed through the operator's patterns (REDACT_PATTERNS). */
    public CallOrigin redacted(Redactor redactor) {
        return client == null ? this : new CallOrigin(transport, session, clientName(client, redactor), remoteAddress, tokenFingerprint);
    }

    /** Redacted before it is cut, so a secret cut in half cannot slip past a rule that needs all of it. */
    private static String clientName(String name, Redactor redactor) {
        String printable = (name.length() > 1024 ? name.substring(0, 1024) : name).replaceAll("[\\p{Cntrl}\\p{Cf}\\u2028\\u2029]", "?");
        String redacted = redactor.text(printable);
        if (redacted.length() <= CLIENT_MAX) {
            return redacted;
        }
        int cut = Character.isHighSurrogate(redacted.charAt(CLIENT_MAX - 4)) ? CLIENT_MAX - 4 : CLIENT_MAX - 3;
        return redacted.substring(0, cut) + "...";
    }

    public static CallOrigin of(McpAsyncServerExchange exchange) {
        if (exchange == null) {
            return UNKNOWN;
        }
        McpSchema.Implementation info = exchange.getClientInfo();
        McpTransportContext ctx = exchange.transportContext();
        Object transport = ctx == null ? null : ctx.get(TRANSPORT);
        return new CallOrigin(transport == null ? "stdio" : transport.toString(), exchange.sessionId(),
                info == null ? null : info.name() + (info.version() == null ? "" : "/" + info.version()),
                ctx == null ? null : string(ctx.get(REMOTE_ADDRESS)), ctx == null ? null : string(ctx.get(TOKEN_FINGERPRINT)));
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    /** The non-empty fields, for an audit record. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transport", transport);
        if (session != null) {
            m.put("session", session);
        }
        if (client != null) {
            m.put("client", client);
        }
        if (remoteAddress != null) {
            m.put("remoteAddress", remoteAddress);
        }
        if (tokenFingerprint != null) {
            m.put("tokenFingerprint", tokenFingerprint);
        }
        return m;
    }
}
