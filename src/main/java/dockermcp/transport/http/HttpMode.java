package dockermcp.transport.http;

import dockermcp.cli.Options;
import dockermcp.config.ConfigError;
import dockermcp.config.Settings;

/** MCP over Streamable HTTP (being built: see issue 4). */
public final class HttpMode {

    private HttpMode() {
    }

    public static int serve(Settings settings, Options options) {
        throw new ConfigError("the HTTP transport is not available in this build: use stdio (the default).");
    }
}
