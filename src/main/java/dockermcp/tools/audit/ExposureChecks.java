package dockermcp.tools.audit;

import dockermcp.engine.JsonRead;
import tools.jackson.databind.JsonNode;

/** Ports published on the host: on every interface, or below 1024. */
final class ExposureChecks implements CheckFamily {

    @Override
    public void check(Subject s, Findings out) {
        // the configured bindings: present whether or not the container runs
        JsonNode bindings = s.hostConfig().path("PortBindings");
        for (String port : bindings.propertyNames()) {
            for (JsonNode b : bindings.path(port)) {
                String ip = JsonRead.text(b, "HostIp");
                String hostPort = JsonRead.text(b, "HostPort");
                String shown = (ip.isEmpty() ? "0.0.0.0" : ip) + ":" + (hostPort.isEmpty() ? "(any)" : hostPort) + "->" + port;
                if (ip.isEmpty() || ip.equals("0.0.0.0") || ip.equals("::") || ip.equals("[::]")) {
                    out.add(Check.PORTS_ALL_INTERFACES, "HostConfig.PortBindings " + shown);
                }
                if (hostPort.matches("\\d{1,5}") && Integer.parseInt(hostPort) > 0 && Integer.parseInt(hostPort) < 1024) {
                    out.add(Check.PRIVILEGED_PORT, "HostConfig.PortBindings " + shown);
                }
            }
        }
    }
}
