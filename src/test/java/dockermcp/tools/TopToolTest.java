package dockermcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** docker_top's process command lines go through the redactor's command-line rule, as a container's command does. */
class TopToolTest {

    @Test
    void secretArgumentsOfAProcessAreRedactedAndTheRestKept() {
        ObjectNode out = (ObjectNode) JsonMapper.builder().build().readTree("""
                {"host":"local","container":"db","count":2,"processes":[
                 {"pid":"101","ppid":"1","user":"root","time":"00:00:01","commandLine":"mysqld --password=Tr0ub4dor-x9Qz --port=3306"},
                 {"pid":"102","ppid":"101","user":"root","time":"00:00:00","commandLine":"worker -token ghp_abcdefghijklmnopqrstuvwxyz0123456789 --verbose"}]}""");
        new Redactor().tree(out);
        String text = TopTool.render(out);
        assertThat(text).contains("mysqld [REDACTED] --port=3306", "--verbose", "101  1  root").doesNotContain("Tr0ub4dor", "ghp_abcdef");
        assertThat(text).startsWith("2 processes in container 'db' on host 'local':");
    }
}
