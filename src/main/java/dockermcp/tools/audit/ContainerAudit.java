package dockermcp.tools.audit;

import java.util.List;

/** Runs every check family over one container. Pure: the same engine answers always give the same findings. */
public final class ContainerAudit {

    private static final List<CheckFamily> FAMILIES = List.of(new PrivilegeChecks(), new IsolationChecks(), new MountChecks(),
            new ExposureChecks(), new ResourceChecks(), new ImageChecks());

    private ContainerAudit() {
    }

    public static List<Finding> findings(Subject s) {
        Findings out = new Findings();
        for (CheckFamily f : FAMILIES) {
            f.check(s, out);
        }
        return out.list();
    }
}
