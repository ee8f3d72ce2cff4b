package dockermcp.property;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An image's history shows a LABEL instruction as {@code /bin/sh -c #(nop) LABEL key=value with words}, unquoted: a
 * password written into a label's sentence ("db pw is x") must go there as it goes in the label itself, and the labels
 * images really carry must stay as they are (the third outside test saw such a sentence in docker_image_info).
 */
class ImageHistoryLabelsPropertyTest {

    private static final Redactor REDACTOR = new Redactor();
    private static final int SEEDS = 25;

    private static String history(String createdBy) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.putArray("history").addObject().put("createdBy", createdBy);
        REDACTOR.tree(tree);
        return tree.get("history").get(0).get("createdBy").asString();
    }

    @Test
    void aPasswordInALabelsSentenceIsHiddenInTheHistoryStep() {
        List<String> leaks = new ArrayList<>();
        for (int seed = 0; seed < SEEDS; seed++) {
            SecretCorpus g = new SecretCorpus(seed);
            for (int i = 0; i < 40; i++) {
                String pw = i % 2 == 0 ? g.password() : g.attackStyle();
                String key = g.pick("org.opencontainers.image.description", "com.example.note", "description", "info", "summary");
                String sentence = g.pick("db pw is %s", "bootstrap with %s then rotate", "admin login %s (change me)", "initial password %s",
                        "use %s for the staging db", "%s");
                String step = "/bin/sh -c #(nop) LABEL " + key + "=" + sentence.formatted(pw) + g.pick("", " maintainer=ops@example.com");
                String shown = history(step);
                for (String piece : SecretCorpus.pieces(pw)) {
                    if (shown.contains(piece)) {
                        leaks.add(step + "  ->  " + shown);
                        break;
                    }
                }
            }
        }
        assertThat(leaks).as("leaks").isEmpty();
    }

    @Test
    void theLabelsImagesCarryStayAsTheyAreInTheHistoryStep() {
        List<String> changed = new ArrayList<>();
        List<String> labels = new ArrayList<>(TypicalConfig.LABELS);
        labels.addAll(List.of("org.opencontainers.image.description=Official build of Nginx.", "description=A small web server for static files",
                "summary=Provides the latest release of the Red Hat Universal Base Image 9 Minimal.", "org.label-schema.schema-version=1.0"));
        for (String label : labels) {
            String step = "/bin/sh -c #(nop) LABEL " + label;
            String shown = history(step);
            if (!shown.equals(step)) {
                changed.add(step + "  ->  " + shown);
            }
        }
        assertThat(changed).as("harmless labels changed").isEmpty();
    }
}
