package dockermcp.tools.audit;

import dockermcp.engine.JsonRead;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Bounds on what the container may consume, how it is restarted and whether its health is watched. */
final class ResourceChecks implements CheckFamily {

    @Override
    public void check(Subject s, Findings out) {
        JsonNode hc = s.hostConfig();
        if (JsonRead.number(hc, "Memory") <= 0) {
            out.add(Check.NO_MEMORY_LIMIT, "HostConfig.Memory=0");
        }
        if (JsonRead.number(hc, "NanoCpus") <= 0 && JsonRead.number(hc, "CpuQuota") <= 0 && JsonRead.text(hc, "CpusetCpus").isEmpty()) {
            out.add(Check.NO_CPU_LIMIT, "HostConfig.NanoCpus=0, CpuQuota=0, CpusetCpus=\"\"");
        }
        if (JsonRead.number(hc, "PidsLimit") <= 0) {
            out.add(Check.NO_PIDS_LIMIT, "HostConfig.PidsLimit=" + (hc.path("PidsLimit").isNumber() ? hc.get("PidsLimit").asLong() : "null"));
        }
        JsonNode restart = hc.path("RestartPolicy");
        String policy = JsonRead.text(restart, "Name");
        long retries = JsonRead.number(restart, "MaximumRetryCount");
        if (policy.equals("always") || policy.equals("unless-stopped") || (policy.equals("on-failure") && retries <= 0)) {
            out.add(Check.RESTART_UNBOUNDED, "HostConfig.RestartPolicy=" + policy + (policy.equals("on-failure") ? ":" + retries : ""));
        }
        List<String> test = JsonRead.strings(s.config().path("Healthcheck"), "Test");
        if (test.isEmpty() || test.get(0).equals("NONE")) {
            out.add(Check.NO_HEALTHCHECK, test.isEmpty() ? "Config.Healthcheck is not set" : "Config.Healthcheck.Test=[NONE]");
        } else {
            JsonNode health = s.container().path("State").path("Health");
            if (JsonRead.text(health, "Status").equals("unhealthy")) {
                out.add(Check.UNHEALTHY, "State.Health.Status=unhealthy, FailingStreak=" + JsonRead.number(health, "FailingStreak"));
            }
        }
    }
}
