package dockermcp.tools.audit;

import dockermcp.engine.JsonRead;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** What the container sees of the host's files: the Docker socket, sensitive directories, propagation, its own root. */
final class MountChecks implements CheckFamily {

    /** CIS 5.5's list, plus the run-time and engine state directories. */
    static final Set<String> SENSITIVE = Set.of("/", "/boot", "/dev", "/etc", "/lib", "/lib64", "/usr", "/bin", "/sbin", "/proc", "/sys",
            "/root", "/run", "/var/run", "/var/lib/docker", "/var/lib/containerd");

    @Override
    public void check(Subject s, Findings out) {
        for (JsonNode m : s.container().path("Mounts")) {
            String type = JsonRead.text(m, "Type");
            String source = JsonRead.text(m, "Source");
            String destination = JsonRead.text(m, "Destination");
            boolean rw = JsonRead.flag(m, "RW");
            String shown = "Mounts " + source + " -> " + destination + (rw ? " (read-write)" : " (read-only)");
            if (type.equals("bind") || type.isEmpty()) {
                if (isDockerSocket(source) || isDockerSocket(destination)) {
                    out.add(Check.DOCKER_SOCKET, shown);
                } else if (SENSITIVE.contains(normalized(source))) {
                    out.add(rw ? Check.HOST_PATH_RW : Check.HOST_PATH_RO, shown);
                }
            }
            String propagation = JsonRead.text(m, "Propagation");
            if (propagation.equals("shared") || propagation.equals("rshared")) {
                out.add(Check.SHARED_PROPAGATION, "Mounts " + destination + " propagation=" + propagation);
            }
        }
        if (!JsonRead.flag(s.hostConfig(), "ReadonlyRootfs")) {
            out.add(Check.WRITABLE_ROOTFS, "HostConfig.ReadonlyRootfs=false");
        }
    }

    private static boolean isDockerSocket(String path) {
        return path.equals("docker.sock") || path.endsWith("/docker.sock");
    }

    private static String normalized(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
