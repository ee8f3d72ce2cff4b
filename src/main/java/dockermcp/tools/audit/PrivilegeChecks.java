package dockermcp.tools.audit;

import dockermcp.engine.JsonRead;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** What the container's processes may do: privileged mode, capabilities, no-new-privileges, the user, an SSH server. */
final class PrivilegeChecks implements CheckFamily {

    /** Docker's default capability set: adding one of these back after --cap-drop ALL is the recommended practice. */
    static final Set<String> DEFAULT_CAPS = Set.of("CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID",
            "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE");
    static final Set<String> ESCAPE_CAPS = Set.of("ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_RAWIO", "DAC_READ_SEARCH");

    @Override
    public void check(Subject s, Findings out) {
        if (s.privileged()) {
            out.add(Check.PRIVILEGED, "HostConfig.Privileged=true");
        } else {
            capabilities(s, out); // a privileged container has them all: one finding says it
        }
        List<String> opts = s.securityOptions();
        if (!opts.contains("no-new-privileges") && !opts.contains("no-new-privileges=true")) {
            out.add(Check.NO_NEW_PRIVILEGES, "HostConfig.SecurityOpt=" + opts + " (a daemon-wide --no-new-privileges is not visible here)");
        }
        user(s, out);
        sshd(s, out);
    }

    private static void capabilities(Subject s, Findings out) {
        List<String> escape = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        for (String cap : JsonRead.strings(s.hostConfig(), "CapAdd")) {
            String c = cap.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
            if (ESCAPE_CAPS.contains(c)) {
                escape.add(cap);
            } else if (!DEFAULT_CAPS.contains(c)) {
                extra.add(cap);
            }
        }
        if (!escape.isEmpty()) {
            out.add(Check.CAP_DANGEROUS, "HostConfig.CapAdd has " + String.join(", ", escape));
        }
        if (!extra.isEmpty()) {
            out.add(Check.CAP_ADDED, "HostConfig.CapAdd has " + String.join(", ", extra));
        }
    }

    /** The container's user, else the image's: empty, 0 or root (with any group) is root. */
    private static void user(Subject s, Findings out) {
        String user = JsonRead.text(s.config(), "User");
        String field = "Config.User";
        if (user.isEmpty() && !s.image().isMissingNode()) {
            user = JsonRead.text(s.image().path("Config"), "User");
            field = "Config.User and the image's Config.User";
        }
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        if (name.isEmpty() || name.equals("0") || name.equals("root")) {
            out.add(Check.ROOT_USER, field + "=" + (user.isEmpty() ? "\"\" (root by default)" : user));
        }
    }

    /** A process whose command line names an sshd program (or its "sshd: ..." title). */
    private static void sshd(Subject s, Findings out) {
        JsonNode top = s.processes();
        List<String> titles = JsonRead.strings(top, "Titles");
        int cmd = Math.max(titles.indexOf("CMD"), titles.indexOf("COMMAND"));
        if (cmd < 0) {
            return;
        }
        for (JsonNode row : top.path("Processes")) {
            String line = row.path(cmd).asString("");
            for (String token : line.strip().split("\\s+")) {
                String base = token.substring(token.lastIndexOf('/') + 1);
                if (base.equals("sshd") || base.equals("sshd:")) {
                    out.add(Check.SSHD, "process list CMD=" + (line.length() > 80 ? line.substring(0, 80) + "..." : line));
                    return;
                }
            }
        }
    }
}
