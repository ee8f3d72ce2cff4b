package dockermcp.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Completion values: prefix-filtered, distinct, sorted, at most 100 with hasMore and the total. */
class CompletionValuesTest {

    @Test
    void valuesStartWithTheTypedPrefixAndAreSortedOnce() {
        McpSchema.CompleteResult r = ArgumentCompletion.matching(List.of("web-2", "db", "web-1", "web-1", ""), "web");
        assertThat(r.completion().values()).containsExactly("web-1", "web-2");
        assertThat(r.completion().total()).isEqualTo(2);
        assertThat(r.completion().hasMore()).isFalse();
    }

    @Test
    void anEmptyPrefixOffersEverything() {
        assertThat(ArgumentCompletion.matching(List.of("b", "a"), "").completion().values()).containsExactly("a", "b");
        assertThat(ArgumentCompletion.matching(List.of("b", "a"), null).completion().values()).containsExactly("a", "b");
    }

    @Test
    void moreThanAHundredAreCutWithHasMore() {
        List<String> names = IntStream.range(0, 250).mapToObj(i -> String.format("c%03d", i)).toList();
        McpSchema.CompleteResult r = ArgumentCompletion.matching(names, "c");
        assertThat(r.completion().values()).hasSize(100).startsWith("c000").endsWith("c099");
        assertThat(r.completion().total()).isEqualTo(250);
        assertThat(r.completion().hasMore()).isTrue();
    }
}
