package dockermcp.prompts;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/** troubleshoot_connection: the user guide's troubleshooting cases, driven by docker_connection_status. */
final class TroubleshootConnectionPrompt implements DockerPrompt {

    static final String NAME = "troubleshoot_connection";

    @Override
    public McpSchema.Prompt prompt() {
        return DockerPrompt.listing(NAME, "Troubleshoot a Docker connection",
                "Check whether each configured Docker engine answers and walk through the user guide's troubleshooting steps for the ones that do not.",
                List.of(PromptArgs.hostArgument()));
    }

    @Override
    public String text(PromptArgs a) {
        String args = a.toolArgs(false);
        return "Check the connection to " + (a.host() == null ? "every configured Docker engine" : "the Docker engine '" + a.host() + "'")
                + " and help me fix what does not work.\n\n"
                + "1. Call docker_connection_status" + (args.isEmpty() ? "" : " (" + args + ")") + ". For each engine, report whether it is reachable, "
                + "its version and latency, and every warning it lists.\n"
                + "2. For each engine that is not reachable, use the error kind and message it gives and walk me through the matching case:\n"
                + "- Connection timeout (kind timeout, ETIMEDOUT): on the server, check that the daemon listens on the port (netstat -tlnp | grep 2375, or 2376 with TLS); "
                + "check that the cloud security group or firewall lets my IP in; check whether my public IP has changed (curl https://api.ipify.org).\n"
                + "- Connection refused (kind connection_refused, ECONNREFUSED): check that Docker runs (sudo systemctl status docker), that /etc/docker/daemon.json is valid "
                + "and lists the host address, and that a systemd override (/etc/systemd/system/docker.service.d/override.conf) does not set -H as well, which stops the daemon from starting.\n"
                + "- My IP address changed (a home or office address): get the current one (curl https://api.ipify.org), update the security group rule that allows it, "
                + "then call docker_connection_status again.\n"
                + "- For any other kind (tls, unknown_host, no_socket, permission_denied, ...), follow the remedy sentence docker_connection_status gives.\n"
                + "3. If the assistant does not show the Docker tools at all, the cause is on the client side: check the JSON syntax of the MCP configuration file, "
                + "check that the configured command starts on its own in a terminal, then restart the assistant.\n\n"
                + "The commands above are for me to run on my machines: you cannot run them, and the docker-mcp-secure tools only read. "
                + "Never suggest opening port 2375 to 0.0.0.0/0; for an engine on another machine recommend TLS on port 2376 limited to my IP.";
    }
}
