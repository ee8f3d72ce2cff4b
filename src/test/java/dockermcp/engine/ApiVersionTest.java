package dockermcp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

    @Test
    void usesTheEnginesVersionWhenWeKnowIt() {
        assertThat(ApiVersion.negotiate(ApiVersion.parse("1.41"), ApiVersion.parse("1.12"))).hasToString("1.41");
    }

    @Test
    void capsNewerEnginesAtTheNewestWeKnowWhenTheyStillAcceptIt() {
        assertThat(ApiVersion.negotiate(ApiVersion.parse("1.52"), ApiVersion.parse("1.44"))).isEqualTo(ApiVersion.NEWEST);
    }

    @Test
    void refusesEnginesOutsideTheOverlap() {
        assertThat(ApiVersion.negotiate(ApiVersion.parse("1.39"), ApiVersion.parse("1.12"))).isNull();
        assertThat(ApiVersion.negotiate(ApiVersion.parse("1.70"), ApiVersion.parse("1.60"))).isNull();
    }

    @Test
    void comparesNumericallyNotAsText() {
        assertThat(ApiVersion.parse("1.9")).isLessThan(ApiVersion.parse("1.10"));
        assertThat(ApiVersion.parse("x.1")).isNull();
    }
}
