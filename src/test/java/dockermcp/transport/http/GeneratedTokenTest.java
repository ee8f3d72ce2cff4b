package dockermcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dockermcp.config.ConfigError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token made when none is configured: strong, owner-only, kept across restarts. */
class GeneratedTokenTest {

    @TempDir
    Path dir;

    @Test
    void isCreatedOwnerOnlyInAnOwnerOnlyFolderAndReusedNextTime() throws Exception {
        Path file = dir.resolve("state/docker-mcp-secure/http-token");
        GeneratedToken.Loaded first = GeneratedToken.loadOrCreate(file);
        assertThat(first.created()).isTrue();
        assertThat(first.token()).matches("[A-Za-z0-9_-]{43}"); // 256 bits, base64url
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(first.toString()).doesNotContain(first.token());
        GeneratedToken.Loaded second = GeneratedToken.loadOrCreate(file);
        assertThat(second.created()).isFalse();
        assertThat(second.token()).isEqualTo(first.token());
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void aTokenFileOthersCanReadIsRefused() throws Exception {
        Path file = dir.resolve("http-token");
        GeneratedToken.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> GeneratedToken.loadOrCreate(file)).isInstanceOf(ConfigError.class).hasMessageContaining("other users");
    }

    @Test
    void twoTokensNeverRepeat() {
        assertThat(GeneratedToken.loadOrCreate(dir.resolve("a")).token()).isNotEqualTo(GeneratedToken.loadOrCreate(dir.resolve("b")).token());
    }
}
