package dockermcp.tools.audit;

import dockermcp.engine.JsonRead;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What separates the container from the host: namespaces, seccomp, AppArmor, SELinux and device access. */
final class IsolationChecks implements CheckFamily {

    @Override
    public void check(Subject s, Findings out) {
        namespace(s, "NetworkMode", Check.HOST_NETWORK, out);
        namespace(s, "PidMode", Check.HOST_PID, out);
        namespace(s, "IpcMode", Check.HOST_IPC, out);
        namespace(s, "UTSMode", Check.HOST_UTS, out);
        namespace(s, "UsernsMode", Check.HOST_USERNS, out);
        if (s.privileged()) {
            return; // privileged already means no confinement and every device; one finding says it
        }
        List<String> opts = s.securityOptions();
        if (opts.contains("seccomp=unconfined")) {
            out.add(Check.SECCOMP_UNCONFINED, "HostConfig.SecurityOpt has seccomp=unconfined");
        }
        if (opts.contains("apparmor=unconfined")) {
            out.add(Check.APPARMOR_UNCONFINED, "HostConfig.SecurityOpt has apparmor=unconfined");
        } else if (JsonRead.text(s.container(), "AppArmorProfile").equals("unconfined")) {
            out.add(Check.APPARMOR_UNCONFINED, "AppArmorProfile=unconfined");
        }
        // the engine itself adds label=disable to containers sharing the host's PID or IPC namespace: those findings cover it
        if (opts.contains("label=disable") && !s.mode("PidMode").equals("host") && !s.mode("IpcMode").equals("host")) {
            out.add(Check.SELINUX_DISABLED, "HostConfig.SecurityOpt has label=disable");
        }
        List<String> devices = new ArrayList<>();
        for (JsonNode d : s.hostConfig().path("Devices")) {
            devices.add(JsonRead.text(d, "PathOnHost") + ":" + JsonRead.text(d, "PathInContainer") + ":" + JsonRead.text(d, "CgroupPermissions"));
        }
        if (!devices.isEmpty()) {
            out.add(Check.HOST_DEVICE, "HostConfig.Devices=" + String.join(", ", devices));
        }
    }

    private static void namespace(Subject s, String field, Check check, Findings out) {
        if (s.mode(field).equals("host")) {
            out.add(check, "HostConfig." + field + "=host");
        }
    }
}
