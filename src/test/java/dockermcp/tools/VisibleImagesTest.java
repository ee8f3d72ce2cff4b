package dockermcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** References are compared in the full form the engine looks them up by. */
class VisibleImagesTest {

    private static final String DIGEST = "@sha256:" + "ab".repeat(32);

    @Test
    void shortNamesAreDockerHubLibraryImagesTaggedLatest() {
        assertThat(VisibleImages.canonical("nginx")).isEqualTo("docker.io/library/nginx:latest");
        assertThat(VisibleImages.canonical("nginx:1.27")).isEqualTo("docker.io/library/nginx:1.27");
        assertThat(VisibleImages.canonical("library/nginx:1.27")).isEqualTo("docker.io/library/nginx:1.27");
        assertThat(VisibleImages.canonical("docker.io/nginx")).isEqualTo("docker.io/library/nginx:latest");
        assertThat(VisibleImages.canonical("index.docker.io/team/app:2")).isEqualTo("docker.io/team/app:2");
        assertThat(VisibleImages.canonical("team/app")).isEqualTo("docker.io/team/app:latest");
    }

    @Test
    void registriesKeepTheirNameAndPort() {
        assertThat(VisibleImages.canonical("example.com/team/app:2.0")).isEqualTo("example.com/team/app:2.0");
        assertThat(VisibleImages.canonical("localhost:5000/app")).isEqualTo("localhost:5000/app:latest");
        assertThat(VisibleImages.canonical("localhost/app:1")).isEqualTo("localhost/app:1");
    }

    @Test
    void aDigestWinsOverTheTag() {
        assertThat(VisibleImages.canonical("nginx" + DIGEST)).isEqualTo("docker.io/library/nginx" + DIGEST);
        assertThat(VisibleImages.canonical("nginx:1.27" + DIGEST)).isEqualTo("docker.io/library/nginx" + DIGEST);
    }
}
