package dockermcp.engine;

/**
 * What docker_logs asks an engine for; values are already validated.
 *
 * @param since unix seconds (may carry a fraction), or null
 * @param until unix seconds, or null
 */
public record LogOptions(int tail, String since, String until, boolean timestamps, boolean stdout, boolean stderr) {
}
