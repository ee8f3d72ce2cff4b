package dockermcp.tools.audit;

/**
 * One failed check on one container.
 *
 * @param evidence the inspected field and its value, e.g. {@code HostConfig.PidMode=host}; never an environment value
 */
public record Finding(Check check, String evidence) {
}
