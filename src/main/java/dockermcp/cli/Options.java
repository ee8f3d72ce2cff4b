package dockermcp.cli;

import dockermcp.config.ConfigError;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line: what to do, and the flags that choose a transport.
 *
 * @param command           serve, help, version, train, prepare, healthcheck or audit-verify
 * @param transport         stdio or http (flag --transport, else MCP_TRANSPORT, else stdio)
 * @param allowInsecureBind --allow-insecure-bind: serve HTTP without TLS on a non-loopback address
 * @param file              the file of {@code audit verify FILE}
 * @param auditHead         the head hash of {@code audit verify --head HASH FILE}, or null
 */
public record Options(String command, String transport, boolean allowInsecureBind, String file, String auditHead) {

    private static final String AUDIT_USAGE = "usage: docker-mcp-secure audit verify [--head HASH] FILE";

    public static Options parse(List<String> args, Map<String, String> env) {
        String command = "serve";
        String transport = env.getOrDefault("MCP_TRANSPORT", "").strip().toLowerCase(Locale.ROOT);
        boolean insecure = false;
        String file = null;
        String head = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--help", "-h" -> command = "help";
                case "--version", "-V" -> command = "version";
                case "--train" -> command = "train";
                case "--prepare" -> command = "prepare";
                case "healthcheck" -> command = "healthcheck";
                case "--allow-insecure-bind" -> insecure = true;
                case "--transport" -> {
                    if (i + 1 >= args.size()) {
                        throw new ConfigError("--transport needs a value: stdio or http.");
                    }
                    transport = args.get(++i).toLowerCase(Locale.ROOT);
                }
                case "audit" -> {
                    if (i + 2 >= args.size() || !args.get(i + 1).equals("verify")) {
                        throw new ConfigError(AUDIT_USAGE);
                    }
                    command = "audit-verify";
                    i += 2;
                    if (args.get(i).equals("--head")) {
                        if (i + 2 >= args.size() || !dockermcp.security.AuditChain.isHash(args.get(i + 1))) {
                            throw new ConfigError("--head needs the 64-digit hash an earlier 'audit verify' printed as head; " + AUDIT_USAGE + ".");
                        }
                        head = args.get(i + 1);
                        i += 2;
                    }
                    file = args.get(i);
                }
                default -> {
                    if (a.startsWith("--transport=")) {
                        transport = a.substring("--transport=".length()).toLowerCase(Locale.ROOT);
                    } else {
                        throw new ConfigError("unknown option '" + a + "': run docker-mcp-secure --help for usage.");
                    }
                }
            }
        }
        if (transport.isEmpty()) {
            transport = "stdio";
        }
        if (!transport.equals("stdio") && !transport.equals("http")) {
            throw new ConfigError("transport '" + transport + "' is not supported: use stdio (the default) or http (--transport http or MCP_TRANSPORT=http).");
        }
        return new Options(command, transport, insecure, file, head);
    }
}
