package dockermcp.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.security.Redactor;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What echo or printf writes into a credential file or pipes into a password reader is hidden without a keyword
 * (the generated family is {@code credential-writes} in SecretCorpus); other writes and pipes stay as they are.
 */
class CredentialWritesTest {

    private final Redactor r = new Redactor();

    private String history(String line) {
        return r.tree(JsonNodeFactory.instance.objectNode().put("createdBy", "/bin/sh -c " + line)).get("createdBy").asString();
    }

    @Test
    void writesIntoCredentialFilesAndPasswordReadersAreHiddenTheFileStays() {
        for (String line : List.of("echo 'svc:Qx7walnut' > /etc/nginx/.htpasswd", "echo db:5432:app:app:Qx7walnut >> ~/.pgpass",
                "printf '%s\\n' 'Qx7walnut' > /run/secrets/db", "echo Qx7walnut | tee -a /root/.netrc > /dev/null", "echo Qx7walnut | chpasswd",
                "echo -e 'Qx7walnut\\nQx7walnut' | passwd root", "echo Qx7walnut > /srv/app/api.token", "echo Qx7walnut > ~/.aws/credentials")) {
            String out = history(line);
            assertThat(out).as(line).doesNotContain("Qx7walnut").contains(Redactor.MARK);
            assertThat(r.lines(List.of("+ " + line)).get(0)).as(line).doesNotContain("Qx7walnut");
        }
        assertThat(history("echo Qx7walnut > /run/secrets/db")).endsWith("> /run/secrets/db");
    }

    @Test
    void otherWritesAndPipesStayVisible() {
        for (String line : List.of("echo hello world > /tmp/x", "echo 'app:x:1000:1000::/home/app:/bin/sh' >> /etc/passwd",
                "echo 'Europe/Berlin' > /etc/timezone && make 2>&1 | tee build.log", "echo 'listen 8080;' > /etc/nginx/conf.d/port.conf",
                "printf '%s\\n' 'deb http://deb.debian.org/debian bookworm main' > /etc/apt/sources.list", "cat /etc/os-release | grep VERSION",
                "echo done | tee -a /var/log/setup.log", "echo keyboard-configuration keyboard-configuration/layout select German | debconf-set-selections")) {
            assertThat(history(line)).as(line).isEqualTo("/bin/sh -c " + line);
        }
    }
}
