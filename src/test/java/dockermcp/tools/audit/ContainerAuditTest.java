package dockermcp.tools.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import dockermcp.security.Redactor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The checks over engine answers recorded from the test daemon (src/test/resources/audit), and variations of them. */
class ContainerAuditTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ObjectNode recorded(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/audit", name + ".json")));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static List<String> ids(Subject s) {
        return ContainerAudit.findings(s).stream().map(f -> f.check().id()).toList();
    }

    private static Finding only(Subject s) {
        List<Finding> f = ContainerAudit.findings(s);
        assertThat(f).hasSize(1);
        return f.get(0);
    }

    @Test
    void aPlainDockerRunFailsTheBaselineChecks() throws Exception {
        // docker run -d --network none dms-fixture:1 sleep 1000000
        Subject s = new Subject(recorded("container-default"), recorded("image-fixture"), null, null);
        assertThat(ids(s)).containsExactly("no-new-privileges", "root-user", "no-memory-limit", "no-pids-limit", "writable-rootfs",
                "no-cpu-limit", "no-healthcheck");
        assertThat(RiskScore.of(ContainerAudit.findings(s))).isEqualTo(6 + 6 + 6 + 6 + 2 + 2 + 2);
        assertThat(ContainerAudit.findings(s).get(1).evidence()).isEqualTo("Config.User and the image's Config.User=\"\" (root by default)");
    }

    @Test
    void theHardenedContainerPassesEveryCheck() throws Exception {
        Subject s = new Subject(recorded("container-hardened"), recorded("image-fixture"), json("[]"), null);
        assertThat(ContainerAudit.findings(s)).isEmpty();
        assertThat(RiskScore.of(List.of())).isZero();
    }

    @Test
    void privilegedWithTheSocketIsTwoCriticalFindingsAndNothingItImplies() throws Exception {
        // the engine adds label=disable to a privileged container: privileged covers it, it is not counted twice
        ObjectNode c = recorded("container-priv-sock");
        assertThat(c.at("/HostConfig/SecurityOpt").toString()).contains("label=disable");
        List<Finding> f = ContainerAudit.findings(Subject.of(c));
        assertThat(f).extracting(x -> x.check().id()).containsExactly("privileged", "docker-socket");
        assertThat(f.get(1).evidence()).endsWith("-> /var/run/docker.sock (read-write)");
        assertThat(RiskScore.of(f)).isEqualTo(60);
    }

    @Test
    void anSshServerIsFoundInTheProcessList() throws Exception {
        Finding f = only(new Subject(recorded("container-hardened"), null, null, recorded("top-sshd")));
        assertThat(f.check()).isEqualTo(Check.SSHD);
        assertThat(f.evidence()).isEqualTo("process list CMD=sh /tmp/sshd -D");
        ObjectNode top = recorded("top-sshd");
        ((tools.jackson.databind.node.ArrayNode) top.at("/Processes/0")).set(7, "ssh -N tunnel@example.com");
        assertThat(ids(new Subject(recorded("container-hardened"), null, null, top))).as("an ssh client is not a server").isEmpty();
    }

    @Test
    void portsOnAllInterfacesAndPrivilegedHostPorts() throws Exception {
        ObjectNode c = recorded("container-hardened");
        ((ObjectNode) c.get("HostConfig")).set("PortBindings", json("{'80/tcp':[{'HostIp':'','HostPort':'80'}],'9000/tcp':[{'HostIp':'127.0.0.1','HostPort':'9000'}]}"));
        List<Finding> f = ContainerAudit.findings(Subject.of(c));
        assertThat(f).extracting(x -> x.check().id()).containsExactly("ports-all-interfaces", "privileged-port");
        assertThat(f.get(0).evidence()).isEqualTo("HostConfig.PortBindings 0.0.0.0:80->80/tcp");
        ((ObjectNode) c.get("HostConfig")).set("PortBindings", json("{'8080/tcp':[{'HostIp':'127.0.0.1','HostPort':'8080'}]}"));
        assertThat(ids(Subject.of(c))).isEmpty();
    }

    @Test
    void sharedPropagationAndSensitiveHostPaths() throws Exception {
        ObjectNode c = recorded("container-hardened");
        c.set("Mounts", json("[{'Type':'bind','Source':'/srv/data','Destination':'/data','RW':true,'Propagation':'rshared'},"
                + "{'Type':'bind','Source':'/etc/','Destination':'/host-etc','RW':true,'Propagation':'rprivate'},"
                + "{'Type':'bind','Source':'/proc','Destination':'/host-proc','RW':false,'Propagation':'rprivate'},"
                + "{'Type':'bind','Source':'/etc/nginx/conf.d','Destination':'/conf','RW':false,'Propagation':'rprivate'},"
                + "{'Type':'volume','Name':'v','Source':'/var/lib/docker/volumes/v/_data','Destination':'/v','RW':true}]"));
        List<Finding> f = ContainerAudit.findings(Subject.of(c));
        assertThat(f).extracting(x -> x.check().id()).containsExactly("host-path-rw", "host-path-ro", "shared-propagation");
        assertThat(f.get(0).evidence()).isEqualTo("Mounts /etc/ -> /host-etc (read-write)");
    }

    @Test
    void capabilitiesBeyondTheDefaultSetAndTheOnesThatEscape() throws Exception {
        ObjectNode c = recorded("container-hardened");
        ((ObjectNode) c.get("HostConfig")).set("CapAdd", json("['CAP_SYS_ADMIN','NET_ADMIN','NET_BIND_SERVICE']"));
        List<Finding> f = ContainerAudit.findings(Subject.of(c));
        assertThat(f).extracting(x -> x.check().id()).containsExactly("cap-add-dangerous", "cap-add");
        assertThat(f.get(0).evidence()).isEqualTo("HostConfig.CapAdd has CAP_SYS_ADMIN");
        assertThat(f.get(1).evidence()).isEqualTo("HostConfig.CapAdd has NET_ADMIN");
    }

    @Test
    void oldColonSpellingOfSecurityOptionsCounts() throws Exception {
        ObjectNode c = recorded("container-hardened");
        ((ObjectNode) c.get("HostConfig")).set("SecurityOpt", json("['no-new-privileges:true','seccomp:unconfined','apparmor:unconfined']"));
        assertThat(ids(Subject.of(c))).containsExactly("seccomp-unconfined", "apparmor-unconfined");
    }

    @Test
    void secretLookingNamesAreNamedAndTheirValuesNeverRead() throws Exception {
        ObjectNode c = recorded("container-hardened");
        ((ObjectNode) c.get("Config")).set("Env", json("['DB_PASSWORD=hunter2','GITHUB_TOKEN=ghp_x','DB_PASSWORD_FILE=/run/secrets/db','LANG=C']"));
        JsonNode history = json("[{'CreatedBy':'|1 NPM_TOKEN=npm_abc /bin/sh -c npm ci'},{'CreatedBy':'/bin/sh -c #(nop)  ENV API_KEY=xyz PLAIN=1'},"
                + "{'CreatedBy':'ARG SIGNING_KEY'},{'CreatedBy':'/bin/sh -c apk add curl'}]");
        List<Finding> f = ContainerAudit.findings(new Subject(c, null, history, null));
        assertThat(f).extracting(x -> x.check().id()).containsExactly("secret-env", "image-history-secrets");
        assertThat(f.get(0).evidence()).isEqualTo("Config.Env names DB_PASSWORD, GITHUB_TOKEN (values not shown)");
        assertThat(f.get(1).evidence()).isEqualTo("image history sets NPM_TOKEN, API_KEY, SIGNING_KEY (values not shown)");
        assertThat(f.toString()).doesNotContain("hunter2", "ghp_x", "npm_abc", "xyz");
    }

    @Test
    void latestAndUntaggedImages() throws Exception {
        for (String ref : List.of("app", "app:latest", "registry.example.com:5000/team/app")) {
            ObjectNode c = recorded("container-hardened");
            ((ObjectNode) c.get("Config")).put("Image", ref);
            assertThat(ids(Subject.of(c))).as(ref).containsExactly("image-latest");
        }
        for (String ref : List.of("registry.example.com:5000/team/app:1.2", "app@sha256:" + "a".repeat(64))) {
            ObjectNode c = recorded("container-hardened");
            ((ObjectNode) c.get("Config")).put("Image", ref);
            assertThat(ids(Subject.of(c))).as(ref).isEmpty();
        }
        ObjectNode c = recorded("container-hardened");
        ((ObjectNode) c.get("Config")).put("Image", "sha256:" + "b".repeat(64));
        assertThat(ids(new Subject(c, json("{'RepoTags':[]}"), null, null))).containsExactly("image-untagged");
        assertThat(ids(new Subject(c, json("{'RepoTags':['app:1.2']}"), null, null))).isEmpty();
    }

    @Test
    void theImageUserCountsWhenTheContainerSetsNone() throws Exception {
        ObjectNode c = recorded("container-hardened");
        ((ObjectNode) c.get("Config")).put("User", "");
        assertThat(ids(new Subject(c, json("{'Config':{'User':'app'}}"), null, null))).isEmpty();
        assertThat(ids(new Subject(c, json("{'Config':{'User':'0:0'}}"), null, null))).containsExactly("root-user");
        ((ObjectNode) c.get("Config")).put("User", "root:app");
        assertThat(ids(Subject.of(c))).containsExactly("root-user");
    }

    @Test
    void restartWithoutBoundAndUnhealthy() throws Exception {
        ObjectNode c = recorded("container-hardened");
        ((ObjectNode) c.get("HostConfig")).set("RestartPolicy", json("{'Name':'on-failure','MaximumRetryCount':0}"));
        ((ObjectNode) c.get("State")).set("Health", json("{'Status':'unhealthy','FailingStreak':4}"));
        List<Finding> f = ContainerAudit.findings(Subject.of(c));
        assertThat(f).extracting(x -> x.check().id()).containsExactly("unhealthy", "restart-unbounded");
        assertThat(f.get(0).evidence()).isEqualTo("State.Health.Status=unhealthy, FailingStreak=4");
        assertThat(f.get(1).evidence()).isEqualTo("HostConfig.RestartPolicy=on-failure:0");
    }

    @Test
    void theScoreIsTheSumOfWeightsCappedAt100() {
        List<Finding> all = Arrays.stream(Check.values()).map(k -> k.found("x")).toList();
        assertThat(RiskScore.of(all)).isEqualTo(100);
        assertThat(RiskScore.of(List.of(Check.PRIVILEGED.found("x"), Check.NO_CPU_LIMIT.found("y")))).isEqualTo(32);
    }

    @Test
    void everyCheckHasAUniqueIdAReasonAndAFixAndIsDocumentedWithItsWeight() throws Exception {
        String doc = Files.readString(Path.of("docs/SECURITY-AUDIT.md"));
        assertThat(Arrays.stream(Check.values()).map(Check::id).distinct().count()).isEqualTo(Check.values().length);
        for (Check k : Check.values()) {
            assertThat(k.why()).as(k.id()).isNotBlank();
            assertThat(k.fix()).as(k.id()).containsAnyOf("compose", "docker");
            // the registry redacts every answer: the catalogue's own words must come through it unchanged
            for (String text : List.of(k.id(), k.title(), k.why(), k.fix(), "- " + k.id() + " [" + k.severity().label() + "]: " + k.title())) {
                assertThat(new Redactor().text(text)).as(k.id()).isEqualTo(text);
            }
            assertThat(doc).as("docs/SECURITY-AUDIT.md row for " + k.id())
                    .contains("| `" + k.id() + "` | " + (k.cis().isEmpty() ? "–" : k.cis()) + " | " + k.severity().label() + " (" + k.severity().weight() + ") |");
        }
    }
}
