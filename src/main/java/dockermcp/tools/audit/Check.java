package dockermcp.tools.audit;

import static dockermcp.tools.audit.Severity.CRITICAL;
import static dockermcp.tools.audit.Severity.HIGH;
import static dockermcp.tools.audit.Severity.LOW;
import static dockermcp.tools.audit.Severity.MEDIUM;

/**
 * Every check the audit makes: its id, the CIS Docker Benchmark number where one exists (the numbering
 * docker-bench-security uses), its severity, why it matters and the compose key or docker run flag that fixes it.
 */
public enum Check {
    PRIVILEGED("privileged", "5.4", CRITICAL, "runs privileged",
            "A privileged container has every capability, every host device and no seccomp, AppArmor or SELinux confinement: root inside is root on the host.",
            "compose: remove `privileged: true`; docker run: drop `--privileged`; grant only needed capabilities with `cap_add` / `--cap-add`."),
    DOCKER_SOCKET("docker-socket", "5.31", CRITICAL, "mounts the Docker socket",
            "Whoever can talk to the Docker socket can start a privileged container mounting the host's root: it is root on the host and bypasses every other setting.",
            "compose: remove the socket from `volumes:`; docker run: drop `-v .../docker.sock:...`; if the API is needed, mount a read-only socket proxy instead."),
    CAP_DANGEROUS("cap-add-dangerous", "5.3", CRITICAL, "adds capabilities that allow escaping the container",
            "ALL, SYS_ADMIN, SYS_MODULE, SYS_RAWIO and DAC_READ_SEARCH let a process mount file systems, load kernel modules, touch raw memory or read any host file: known escapes use exactly these.",
            "compose: remove them from `cap_add:` and set `cap_drop: [ALL]`; docker run: drop `--cap-add`, use `--cap-drop ALL` and add back only what the program needs."),
    CAP_ADDED("cap-add", "5.3", HIGH, "adds capabilities beyond Docker's default set",
            "Each capability beyond Docker's default set widens what root in the container can do to the host's kernel (network configuration, tracing, the clock, raw I/O).",
            "compose: trim `cap_add:` to what the program needs, with `cap_drop: [ALL]`; docker run: the same with `--cap-add` / `--cap-drop ALL`."),
    HOST_NETWORK("host-network", "5.9", HIGH, "shares the host's network namespace",
            "The container can bind every host interface, reach services listening on the host's loopback and, with NET_RAW, see the host's traffic.",
            "compose: remove `network_mode: host`; docker run: drop `--network host`; use a user-defined network and publish only the ports needed."),
    HOST_PID("host-pid", "5.15", HIGH, "shares the host's process namespace",
            "The container sees every host process with its command line and environment, and can signal (or, with SYS_PTRACE, trace) them.",
            "compose: remove `pid: host`; docker run: drop `--pid host`."),
    HOST_IPC("host-ipc", "5.16", HIGH, "shares the host's IPC namespace",
            "Shared memory and semaphores of host processes become readable and writable from the container.",
            "compose: remove `ipc: host` (use `ipc: shareable` between the containers that need it); docker run: drop `--ipc host`."),
    HOST_UTS("host-uts", "5.20", MEDIUM, "shares the host's UTS namespace",
            "The container can change the hostname and domain name that every process on the host sees.",
            "compose: remove `uts: host`; docker run: drop `--uts host`."),
    HOST_USERNS("host-userns", "5.30", MEDIUM, "opts out of user-namespace remapping",
            "On an engine with userns-remap, this container's root is the host's real root instead of an unprivileged host user.",
            "compose: remove `userns_mode: host`; docker run: drop `--userns host`."),
    SECCOMP_UNCONFINED("seccomp-unconfined", "5.21", HIGH, "runs without a seccomp profile",
            "Without seccomp every system call reaches the kernel, including those most kernel exploits need (keyctl, bpf, userfaultfd, unshare).",
            "compose: remove `seccomp:unconfined` from `security_opt:`; docker run: drop `--security-opt seccomp=unconfined`; if one call is needed, write a profile allowing just it."),
    APPARMOR_UNCONFINED("apparmor-unconfined", "5.1", HIGH, "runs without an AppArmor profile",
            "AppArmor's docker-default profile blocks mounts and writes to /proc and /sys; unconfined removes that layer.",
            "compose: remove `apparmor:unconfined` from `security_opt:`; docker run: drop `--security-opt apparmor=unconfined` (or name a profile)."),
    SELINUX_DISABLED("selinux-disabled", "5.2", HIGH, "has SELinux labelling disabled",
            "On an SELinux host, labels keep the container's processes away from host files and other containers; label=disable turns that off.",
            "compose: remove `label:disable` from `security_opt:`; docker run: drop `--security-opt label=disable`."),
    HOST_PATH_RW("host-path-rw", "5.5", CRITICAL, "mounts a sensitive host directory read-write",
            "Writing to the host's /, /etc, /usr, /boot, /lib, /proc, /sys, /dev, /run or Docker's state lets the container change the host itself (a user, a cron job, a kernel setting).",
            "compose: remove the entry from `volumes:` or mount only the file needed with `:ro`; docker run: the same with `-v SRC:DST:ro` (`--mount ...,readonly`)."),
    HOST_PATH_RO("host-path-ro", "5.5", MEDIUM, "mounts a sensitive host directory read-only",
            "Reading the host's /, /etc, /proc, /sys or /root exposes password hashes, keys and the configuration of the host and its other services.",
            "compose `volumes:` / docker run `-v`: mount only the files the container needs, not the whole directory."),
    HOST_DEVICE("host-device", "5.17", HIGH, "has host devices",
            "A host device node gives direct access to disks, memory or kernel interfaces, around the container's file-system isolation.",
            "compose: remove entries from `devices:`; docker run: drop `--device`; keep only what is needed, read-only (`:r`) where possible."),
    SHARED_PROPAGATION("shared-propagation", "5.19", MEDIUM, "mounts a volume with shared propagation",
            "Mounts made under a shared mount propagate between container and host, so the container can change the host's mount table.",
            "compose `volumes:` / docker run `-v`, `--mount bind-propagation=`: drop `shared`/`rshared` and keep the default `rprivate`."),
    NO_NEW_PRIVILEGES("no-new-privileges", "5.25", MEDIUM, "can gain privileges through setuid programs",
            "Without no-new-privileges a setuid-root program in the container can raise a process back to root even when the container runs as another user.",
            "compose: `security_opt: [\"no-new-privileges:true\"]`; docker run: `--security-opt no-new-privileges`."),
    ROOT_USER("root-user", "4.1", MEDIUM, "runs as root",
            "Root in the container is root to the host's kernel: any escape, writable host mount or added capability is then used with full rights.",
            "compose: `user: \"1000:1000\"`; docker run: `--user 1000` (a non-root uid); or `USER` in the Dockerfile."),
    SSHD("sshd", "5.6", MEDIUM, "runs an SSH server",
            "An SSH daemon in a container is one more way in, with its own keys, passwords and patches to manage; docker exec covers maintenance.",
            "remove the SSH server from the image and its command (compose `command:` / docker run arguments); use `docker exec` for maintenance."),
    WRITABLE_ROOTFS("writable-rootfs", "5.12", LOW, "has a writable root file system",
            "A writable root file system lets an intruder replace the container's programs and keep tools or backdoors in it.",
            "compose: `read_only: true` with `tmpfs:` for scratch paths; docker run: `--read-only --tmpfs /tmp`."),
    PORTS_ALL_INTERFACES("ports-all-interfaces", "5.13", MEDIUM, "publishes ports on all host interfaces",
            "A port bound to 0.0.0.0 or :: is reachable from every network the host is on, not only the one meant to reach the service.",
            "compose: `ports: [\"127.0.0.1:8080:80\"]`; docker run: `-p 127.0.0.1:8080:80` (bind one address)."),
    PRIVILEGED_PORT("privileged-port", "5.7", LOW, "publishes a privileged host port",
            "Host ports below 1024 are reserved for root-owned system services; mapping one can shadow such a service.",
            "compose `ports:` / docker run `-p`: publish on a host port of 1024 or above (e.g. 8080:80), with a proxy in front if 80/443 are needed."),
    NO_MEMORY_LIMIT("no-memory-limit", "5.10", MEDIUM, "has no memory limit",
            "One container can take all of the host's memory and get other containers or host services killed.",
            "compose: `mem_limit: 512m` (`deploy.resources.limits.memory` in swarm); docker run: `--memory 512m`."),
    NO_CPU_LIMIT("no-cpu-limit", "5.11", LOW, "has no CPU limit",
            "One container can take every CPU and starve the others.",
            "compose: `cpus: 1.0`; docker run: `--cpus 1`."),
    NO_PIDS_LIMIT("no-pids-limit", "5.28", MEDIUM, "has no process limit",
            "Without a PIDs limit a fork bomb in the container exhausts the host's process table.",
            "compose: `pids_limit: 200`; docker run: `--pids-limit 200`."),
    NO_HEALTHCHECK("no-healthcheck", "5.26", LOW, "has no health check",
            "Without a health check a hung or tampered-with service keeps running unnoticed.",
            "compose: `healthcheck:`; docker run: `--health-cmd ...`; or `HEALTHCHECK` in the Dockerfile."),
    UNHEALTHY("unhealthy", "5.26", MEDIUM, "is unhealthy",
            "The container's own health check fails: it may be broken, overloaded or tampered with.",
            "read its logs (docker_logs) and health-check output (docker inspect); a person decides whether to restart or replace it."),
    RESTART_UNBOUNDED("restart-unbounded", "5.14", LOW, "restarts without a bound",
            "`always`, `unless-stopped` and `on-failure` without a count restart a crashing container forever, hiding attacks and failures and loading the host.",
            "compose: `restart: on-failure:5` (`deploy.restart_policy.max_attempts` in swarm); docker run: `--restart on-failure:5`."),
    IMAGE_LATEST("image-latest", "", LOW, "runs an image by the latest tag",
            "`latest` (or no tag) names whatever was pushed last: nobody can tell which code runs, and the next pull silently changes it.",
            "compose: `image: app:1.4.2` or `app@sha256:...`; docker run: the same pinned reference."),
    IMAGE_UNTAGGED("image-untagged", "", LOW, "runs an untagged image",
            "An image without a tag cannot be traced to a build or release, nor looked up by a vulnerability scanner by name.",
            "compose `image:` / docker run: use a tagged, versioned image built by your pipeline."),
    SECRET_ENV("secret-env", "", MEDIUM, "passes secrets in environment variables",
            "Environment variables are shown by docker inspect, inherited by every child process and copied into crash reports and logs.",
            "compose: declare them under the top-level `secrets` key and grant them to the service, mounted as files; docker run: mount a read-only file with `-v` and pass its path (`*_FILE` variables)."),
    IMAGE_HISTORY_SECRETS("image-history-secrets", "4.10", MEDIUM, "has secret-looking build arguments or ENV in its image history",
            "ARG and ENV values are stored in the image history: anyone who can pull the image can read them.",
            "rebuild the image passing secrets with `RUN --mount=type=secret` (BuildKit; compose `build.secrets`) instead of ARG/ENV.");

    private final String id;
    private final String cis;
    private final Severity severity;
    private final String title;
    private final String why;
    private final String fix;

    Check(String id, String cis, Severity severity, String title, String why, String fix) {
        this.id = id;
        this.cis = cis;
        this.severity = severity;
        this.title = title;
        this.why = why;
        this.fix = fix;
    }

    public String id() {
        return id;
    }

    /** The CIS Docker Benchmark recommendation number, or "" where the benchmark has none. */
    public String cis() {
        return cis;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public String why() {
        return why;
    }

    public String fix() {
        return fix;
    }

    Finding found(String evidence) {
        return new Finding(this, evidence);
    }
}
