package dockermcp.cli;

/** The --help text. */
final class Help {

    static final String TEXT = """
            docker-mcp-secure: a read-only MCP server for Docker engines.

            Usage:
              docker-mcp-secure             serve MCP on stdin/stdout (what MCP clients run)
              docker-mcp-secure --transport http [--allow-insecure-bind]
                                            serve MCP over Streamable HTTP (also MCP_TRANSPORT=http); MCP_BIND,
                                            MCP_PORT, MCP_AUTH_TOKEN_FILE, MCP_TLS_CERT/MCP_TLS_KEY and limits: docs/HTTP.md
              docker-mcp-secure healthcheck exit 0 if the HTTP server on this machine (MCP_PORT) answers GET /healthz
                                            with ok, else 1: for container health checks, where there is no curl
              docker-mcp-secure --prepare   (launchers: bin/docker-mcp-secure, npx docker-mcp-secure) build the start-up
                                            archive now instead of in the background on the first start
              docker-mcp-secure --version   print the version
              docker-mcp-secure --help      print this help

            Configure it with environment variables, in the "env" block of your MCP client's configuration:
              DOCKER_HOST              remote engine: tcp://HOST:2376, ssh://USER@HOST or unix:///path/docker.sock
              DOCKER_HOSTS_FILE        YAML file of named engines (docs/FLEET.md)
              DOCKER_CONTEXT(S)        Docker CLI contexts as hosts: a name, a,b, or all (DOCKER_CONFIG honoured)
              DOCKER_TLS_VERIFY        1 to use TLS with verification (as the Docker CLI)
              DOCKER_CERT_PATH         folder with ca.pem, cert.pem, key.pem (default ~/.docker)
              ALLOW_LOCAL_DOCKER       true to use this machine's engine (both set: dual-source mode)
              LOCAL_DOCKER_HOST        local socket, if not /var/run/docker.sock, ~/.docker/run/docker.sock
                                       or $XDG_RUNTIME_DIR/docker.sock
              SECURITY_MODE            readonly (default; the only mode)
              SECURITY_AUDIT_LOG       true (default) or false
              SECURITY_AUDIT_LOG_FILE  audit file (default $XDG_STATE_HOME or ~/.local/state/docker-mcp-secure/audit.log)
              LOG_LEVEL                debug, info (default), warn, error; logs go to stderr
              DOCKER_CONNECT_TIMEOUT   default 5s;  DOCKER_REQUEST_TIMEOUT  default 30s
              LOGS_MAX_TAIL            default 1000; LOGS_MAX_BYTES  default 65536
              STATS_CONCURRENCY        default 64
              CACHE_TTL                off (default) or up to 60s: reuse list answers for this long
              SECURITY_AUDIT_LOG_MAX_BYTES, SECURITY_AUDIT_FAIL_OPEN, REDACT_PATTERNS, REDACT_LOG_CONTENT,
              CONTAINER_ALLOW, CONTAINER_DENY, IMAGE_ALLOW, IMAGE_DENY, HONOR_HIDDEN_LABEL: see README.md

            Audit:
              docker-mcp-secure audit verify [--head HASH] FILE
                  check the audit log's hash chain (exit 0 intact, 1 broken); with --head, also that the
                  record whose hash an earlier verify printed as head is still there, unchanged

            Tools (all read-only): docker_list_containers, docker_inspect, docker_logs, docker_stats,
                   docker_top, docker_events, docker_list_images, docker_image_info,
                   docker_list_networks, docker_list_volumes, docker_connection_status,
                   docker_security_audit, docker_swarm_nodes, docker_swarm_services, docker_swarm_tasks
            Prompts: diagnose_container, security_review, troubleshoot_connection
            """;

    private Help() {
    }
}
