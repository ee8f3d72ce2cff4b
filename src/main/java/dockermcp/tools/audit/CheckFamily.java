package dockermcp.tools.audit;

/** A group of related checks: a pure function from what was read about a container to findings. */
interface CheckFamily {

    void check(Subject s, Findings out);
}
