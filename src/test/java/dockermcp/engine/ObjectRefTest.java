package dockermcp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectRefTest {

    @ParameterizedTest
    @ValueSource(strings = {"../../images/create", "web?x=1", "a/b", "--help", "-f", "web#x", "web;rm -rf /", "$(id)", "`id`",
            "web\r\nHost: x", "web\u0000", "..", ".hidden", "web%2F..", "wеb" /* Cyrillic e */, "web\u202e", " web", "web "})
    void hostileContainerNamesAreRefused(String value) {
        assertThatThrownBy(() -> ObjectRef.container(value))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(EngineException.Kind.BAD_INPUT))
                .hasMessageContaining("docker_list_containers")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r", "\u0000"));
    }

    @Test
    void emptyAndOverlongNamesAreRefused() {
        assertThatThrownBy(() -> ObjectRef.container("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ObjectRef.container("a".repeat(10_000))).hasMessageContaining("10000 characters");
        assertThatThrownBy(() -> ObjectRef.image("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ObjectRef.image("a".repeat(100_000))).hasMessageContaining("100000 characters");
    }

    @Test
    void dockerNamesAndIdsPass() throws Exception {
        assertThat(ObjectRef.container("/web")).isEqualTo("web");
        assertThat(ObjectRef.container("my_app.1-db")).isEqualTo("my_app.1-db");
        assertThat(ObjectRef.container("5e396b93b800")).isEqualTo("5e396b93b800");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "nginx:1.27", "library/nginx:latest", "example.com/team/app:2.0", "localhost:5000/app",
            "app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "sha256:a2046f4ea7bf", "a2046f4ea7bf"})
    void imageReferencesPass(String ref) throws Exception {
        assertThat(ObjectRef.image(ref)).isEqualTo(ref);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../containers/create", "nginx/../../x", "nginx?x=1", "nginx#a", "NGINX", "nginx:", "a//b", "-f",
            "nginx:latest/json", "nginx latest", "nginx\n"})
    void hostileImageReferencesAreRefused(String ref) {
        assertThatThrownBy(() -> ObjectRef.image(ref)).isInstanceOf(EngineException.class).hasMessageContaining("docker_list_images");
    }
}
