package dockermcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.config.VisibilityRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisibilityPolicyTest {

    private static VisibilityPolicy policy(List<String> allow, List<String> deny, boolean hiddenLabel) {
        return new VisibilityPolicy(new VisibilityRules(allow, deny, List.of(), List.of(), hiddenLabel));
    }

    @Test
    void theHiddenLabelHidesByDefaultAndCanBeIgnored() {
        assertThat(policy(List.of(), List.of(), true).containerVisible("db", Map.of("mcp.hidden", "true"))).isFalse();
        assertThat(policy(List.of(), List.of(), true).containerVisible("db", Map.of("mcp.hidden", "TRUE "))).isFalse();
        assertThat(policy(List.of(), List.of(), true).containerVisible("db", Map.of("mcp.hidden", "false"))).isTrue();
        assertThat(policy(List.of(), List.of(), false).containerVisible("db", Map.of("mcp.hidden", "true"))).isTrue();
        assertThat(policy(List.of(), List.of(), false).hidesNothing()).isTrue();
    }

    @Test
    void denyWinsOverAllowAndAcceptsNameGlobsAndLabelSelectors() {
        VisibilityPolicy p = policy(List.of("web*", "team=platform"), List.of("*-secret", "tier=db*"), true);
        assertThat(p.containerVisible("web-1", Map.of())).isTrue();
        assertThat(p.containerVisible("api", Map.of("team", "platform"))).isTrue();
        assertThat(p.containerVisible("api", Map.of("team", "other"))).isFalse();
        assertThat(p.containerVisible("web-secret", Map.of())).isFalse();
        assertThat(p.containerVisible("web-2", Map.of("tier", "db-primary"))).isFalse();
    }

    @Test
    void globsAreLiteralExceptForStarAndQuestionMark() {
        assertThat(VisibilityPolicy.glob("a.b?c*").matcher("a.bXc-anything").matches()).isTrue();
        assertThat(VisibilityPolicy.glob("a.b").matcher("aXb").matches()).isFalse();
        assertThat(VisibilityPolicy.glob("(x)[y]+").matcher("(x)[y]+").matches()).isTrue();
    }

    @Test
    void imagesAreHiddenWhenAnyReferenceIsDeniedOrNoneIsAllowed() {
        VisibilityPolicy p = new VisibilityPolicy(new VisibilityRules(List.of(), List.of(), List.of("registry.example.com/*"),
                List.of("*:debug"), true));
        assertThat(p.imageVisible(List.of("registry.example.com/app:1"))).isTrue();
        assertThat(p.imageVisible(List.of("registry.example.com/app:1", "registry.example.com/app:debug"))).isFalse();
        assertThat(p.imageVisible(List.of("nginx:1.27"))).isFalse();
        assertThat(p.imageVisible(List.of())).isFalse();
    }
}
