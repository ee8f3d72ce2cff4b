package dockermcp.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Docker CLI contexts, read where {@code docker context create} writes them: {@code $DOCKER_CONFIG/contexts/meta/
 * SHA256(name)/meta.json} for the endpoint, {@code contexts/tls/SHA256(name)/docker/} for ca.pem, cert.pem, key.pem.
 */
final class DockerContexts {

    /** One context as the CLI stored it. */
    record Context(String name, String host, boolean skipTlsVerify, Path tlsDir) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path configDir;

    DockerContexts(Path configDir) {
        this.configDir = configDir;
    }

    /** Every stored context, sorted by name. */
    List<Context> all() {
        Path meta = configDir.resolve("contexts/meta");
        List<Context> out = new ArrayList<>();
        if (!Files.isDirectory(meta)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(meta)) {
            for (Path d : dirs) {
                Path file = d.resolve("meta.json");
                if (Files.isRegularFile(file)) {
                    out.add(read(file, null));
                }
            }
        } catch (IOException e) {
            throw new ConfigError("The Docker contexts in " + meta + " cannot be read: make the folder readable by the user running the MCP client, or set DOCKER_CONFIG.");
        }
        out.sort(java.util.Comparator.comparing(Context::name));
        return out;
    }

    /** The context called {@code name}; {@code variable} names the setting that asked for it, for messages. */
    Context named(String name, String variable) {
        Path file = configDir.resolve("contexts/meta").resolve(id(name)).resolve("meta.json");
        if (!Files.isRegularFile(file)) {
            throw new ConfigError(variable + " names the Docker context '" + name + "', which does not exist in " + configDir
                    + ": check 'docker context ls' (and DOCKER_CONFIG if your contexts live elsewhere).");
        }
        return read(file, name);
    }

    private Context read(Path file, String expected) {
        JsonNode meta;
        try {
            meta = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | JacksonException e) {
            throw new ConfigError("The Docker context file " + file + " cannot be read as JSON: recreate the context with 'docker context create'.");
        }
        String name = meta.path("Name").asString("");
        if (name.isEmpty() || (expected != null && !expected.equals(name))) {
            throw new ConfigError("The Docker context file " + file + " does not name its context: recreate it with 'docker context create'.");
        }
        JsonNode docker = meta.path("Endpoints").path("docker");
        String host = docker.path("Host").asString("");
        if (host.isEmpty()) {
            throw new ConfigError("The Docker context '" + name + "' has no Docker endpoint: recreate it with 'docker context create " + name + " --docker host=...'.");
        }
        Path tls = configDir.resolve("contexts/tls").resolve(id(name)).resolve("docker");
        return new Context(name, host, docker.path("SkipTLSVerify").asBoolean(false), Files.isDirectory(tls) ? tls : null);
    }

    /** The folder name the Docker CLI gives a context: the SHA-256 of its name, in hex. */
    static String id(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A context name as a host name: lower case, other characters as '-', at most 32. */
    static String hostName(String context) {
        String n = context.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+", "");
        return n.length() > 32 ? n.substring(0, 32) : n;
    }
}
