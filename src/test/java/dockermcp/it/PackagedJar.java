package dockermcp.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packaged server (target/docker-mcp-secure.jar, built by mvn package): the one command line that starts it in tests. */
public final class PackagedJar {

    public static final Path JAR = Path.of("target/docker-mcp-secure.jar");

    private PackagedJar() {
    }

    /** The java of this test run. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java JVM-OPTIONS -jar docker-mcp-secure.jar ARGS}. */
    public static List<String> command(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(JAR.toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code java -jar docker-mcp-secure.jar ARGS}. */
    public static List<String> command(String... args) {
        return command(List.of(), args);
    }
}
