package dockermcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.it.RegisteredTools;
import org.junit.jupiter.api.Test;

class HelpTest {

    @Test
    void helpNamesEveryRegisteredTool() {
        assertThat(RegisteredTools.names()).isNotEmpty().allSatisfy(tool -> assertThat(Help.TEXT).contains(tool));
    }
}
