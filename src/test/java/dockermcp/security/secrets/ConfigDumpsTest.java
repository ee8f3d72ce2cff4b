package dockermcp.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dump scanners on hostile text: each of their keywords repeated without end (an unclosed tag, a header with no
 * rows, a statement with no values) ends, and each keyword repeated with its rule's whole shape is hidden each time.
 */
class ConfigDumpsTest {

    static final List<String> UNITS = List.of("<name>", "<name>password</name>", "<name>password</name><value>", " key=\"password\"", " key=\"password\" value=\"",
            " name='token'>", "<![CDATA[", "<password><![CDATA[", "- name: DB_PASSWORD\n", "name: TOKEN\n  value: ", "[\"password\"]=>\n", "[password] => ",
            "\"--password\", \"", "\"-p\", \"", "a,password\n", "| user | password |\n", "INSERT INTO t (password) VALUES (", "INSERT INTO t (password) VALUES ('x',",
            "PASSWORD FOR ", "password:\n", "generated password: ", "credentials are \"a\", \"", "+ echo x\n", "+ echo x\n+ docker login --password-stdin\n",
            "${", "%", "{{", "key: ");

    @Test
    void everyKeywordRepeatedWithoutEndIsReadInBoundedStretches() {
        for (String unit : UNITS) {
            char[] t = unit.repeat(Math.max(1, 100_000 / unit.length())).toCharArray();
            Spans spans = new Spans();
            ConfigDumps.find(t, Keywords.RULES.in(t), spans);
            int[] m = Placeholders.shown(t, spans).merged();
            assertThat(m.length % 2).as(unit).isZero();
            for (int i = 0; i < m.length; i += 2) {
                assertThat(m[i]).as(unit).isLessThan(m[i + 1]);
                assertThat(m[i + 1]).as(unit).isLessThanOrEqualTo(t.length);
            }
        }
    }

    @Test
    void aRuleThatMatchesOnEveryRepetitionHidesEachValue() {
        String unit = "<entry key=\"jdbc.password\">Walnut7x9Q</entry>\n";
        char[] t = unit.repeat(2000).toCharArray();
        Spans spans = new Spans();
        ConfigDumps.find(t, Keywords.RULES.in(t), spans);
        assertThat(spans.apply(new String(t), "#")).doesNotContain("Walnut7x9Q");
        String table = "user,password\n" + "app,Walnut7x9Q\n".repeat(TableColumns.MAX_ROWS + 5);
        Spans rows = new Spans();
        ConfigDumps.find(table.toCharArray(), Keywords.RULES.in(table.toCharArray()), rows);
        assertThat(rows.merged().length / 2).as("rows hidden after one header: at most MAX_ROWS").isEqualTo(TableColumns.MAX_ROWS);
    }
}
