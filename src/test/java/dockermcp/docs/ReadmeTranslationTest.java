package dockermcp.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README.zh-CN.md keeps up with README.md: every environment variable, tool and prompt named there is named here. */
class ReadmeTranslationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private static final Pattern TOOL = Pattern.compile("\\bdocker_[a-z]+(?:_[a-z]+)*\\b");

    @Test
    void everyEnvironmentVariableOfTheEnglishReadmeIsInTheChineseOne() throws IOException {
        Set<String> english = names(VARIABLE, read("README.md"));
        assertThat(english).contains("DOCKER_HOST", "ALLOW_LOCAL_DOCKER", "SECURITY_AUDIT_LOG_FILE"); // the pattern finds them
        assertThat(names(VARIABLE, read("README.zh-CN.md"))).containsAll(english);
    }

    @Test
    void everyToolOfTheEnglishReadmeIsInTheChineseOne() throws IOException {
        Set<String> english = names(TOOL, read("README.md"));
        assertThat(english).hasSizeGreaterThanOrEqualTo(7);
        assertThat(names(TOOL, read("README.zh-CN.md"))).containsAll(english);
    }

    @Test
    void everyPromptIsInBothReadmes() throws IOException {
        for (String prompt : dockermcp.prompts.PromptCatalog.names()) {
            assertThat(read("README.md")).as(prompt).contains("`" + prompt + "`");
            assertThat(read("README.zh-CN.md")).as(prompt).contains("`" + prompt + "`");
        }
    }

    private static Set<String> names(Pattern p, String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file));
    }
}
