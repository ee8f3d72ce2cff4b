package dockermcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * docker_events and docker_top on the unix test engine: a visible container and a hidden one (mcp.hidden=true) are
 * started, exec'd into with a secret on the command line, and one is stopped; the events show the visible one's and
 * nothing of the hidden one's, commands redacted; top lists the visible one's processes with secret arguments
 * redacted and answers for the hidden one exactly as for a missing one; the daemon's own log shows only GETs.
 */
class EventsAndTopIT {

    static final String SHOWN = "dms-events-shown";
    static final String HIDDEN = "dms-events-hidden";
    static final String SECRET = "Pl4ntedEventsSecret42q";

    @TempDir
    static Path state;
    static McpSession session;
    static String hiddenId;
    static String started;

    @BeforeAll
    static void start() throws Exception {
        RealEngines.docker("rm", "-f", SHOWN, HIDDEN);
        started = Instant.now().minusSeconds(2).toString();
        RealEngines.docker("run", "-d", "--network", "none", "--name", SHOWN, "--label", "app=events", "dms-fixture:1",
                "sh", "-c", "sleep 1000000; true", "worker", "--password=" + SECRET);
        hiddenId = RealEngines.docker("run", "-d", "--network", "none", "--name", HIDDEN, "--label", "mcp.hidden=true", "dms-fixture:1", "sleep", "1000000").strip();
        RealEngines.docker("exec", SHOWN, "sh", "-c", "true", "--token=" + SECRET);
        RealEngines.docker("exec", HIDDEN, "true");
        RealEngines.docker("kill", HIDDEN);
        session = McpSession.onLocalEngine(state);
    }

    @AfterAll
    static void stop() throws Exception {
        session.close();
        RealEngines.docker("rm", "-f", SHOWN, HIDDEN);
    }

    @Test
    void eventsShowTheVisibleContainerAndNothingOfTheHiddenOne() {
        McpSession.Reply r = session.call("docker_events", "since", started, "type", "container");
        // the daemon publishes an exec's events as the exec runs; one CI run read the window before they were in it
        for (int attempt = 0; attempt < 20 && !shownExecStarted(r); attempt++) {
            sleep(250);
            r = session.call("docker_events", "since", started, "type", "container");
        }
        assertThat(r.isError()).as(r.text()).isFalse();
        JsonNode events = r.json().get("events");
        assertThat(events.valueStream().filter(e -> SHOWN.equals(e.path("name").asString())).map(e -> e.get("action").asString()))
                .contains("create", "start", "exec_create", "exec_start");
        assertThat(events.valueStream().allMatch(e -> e.get("type").asString().equals("container"))).isTrue();
        assertThat(r.everything()).doesNotContain(HIDDEN, hiddenId.substring(0, 12), SECRET);
        JsonNode exec = events.valueStream().filter(e -> e.get("action").asString().equals("exec_create") && SHOWN.equals(e.path("name").asString()))
                .findFirst().orElseThrow();
        assertThat(exec.get("commandLine").asString()).startsWith("sh -c true").contains("[REDACTED]");
        assertThat(events.valueStream().filter(e -> SHOWN.equals(e.path("name").asString())).findFirst().orElseThrow().at("/attributes/app").asString()).isEqualTo("events");
    }

    @Test
    void theWindowIsClosedAndAtMostAnHour() {
        JsonNode all = session.call("docker_events").json();
        assertThat(Instant.parse(all.get("until").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(Instant.parse(all.get("since").asString())).isEqualTo(Instant.parse(all.get("until").asString()).minusSeconds(3600));
        JsonNode future = session.call("docker_events", "since", "10m", "until", Instant.now().plusSeconds(600).toString()).json();
        assertThat(Instant.parse(future.get("until").asString())).as("until is never later than now").isBeforeOrEqualTo(Instant.now());
        McpSession.Reply tooLong = session.call("docker_events", "since", "2h");
        assertThat(tooLong.isError()).isTrue();
        assertThat(tooLong.text()).contains("longer than one hour").hasLineCount(1);
        assertThat(session.call("docker_events", "since", "1m", "until", "5m").text()).contains("is not before until");
        assertThat(session.call("docker_events", "type", "image").json().get("events").valueStream()
                .allMatch(e -> e.get("type").asString().equals("image"))).isTrue();
    }

    @Test
    void topListsTheProcessesWithSecretArgumentsRedacted() {
        McpSession.Reply r = session.call("docker_top", "container", SHOWN);
        assertThat(r.isError()).as(r.text()).isFalse();
        List<String> commands = r.json().get("processes").valueStream().map(p -> p.get("commandLine").asString()).toList();
        assertThat(commands).anyMatch(c -> c.startsWith("sleep 1000000"));
        assertThat(commands).anyMatch(c -> c.startsWith("sh -c") && c.contains("worker") && c.contains("[REDACTED]"));
        assertThat(r.everything()).doesNotContain(SECRET);
        assertThat(r.json().get("processes").valueStream().allMatch(p -> p.get("pid").asString().matches("\\d+"))).isTrue();
    }

    @Test
    void topOfAHiddenContainerIsAnsweredAsForAMissingOneAndAStoppedOneSaysSo() {
        String hidden = session.call("docker_top", "container", HIDDEN).text();
        String missing = session.call("docker_top", "container", "dms-events-nosuch").text();
        assertThat(hidden.replace(HIDDEN, "X")).isEqualTo(missing.replace("dms-events-nosuch", "X"));
        assertThat(session.call("docker_top", "container", hiddenId.substring(0, 12)).text()).startsWith("No container");
    }

    @Test
    void topOfAStoppedContainerSaysItIsNotRunning() throws Exception {
        RealEngines.docker("rm", "-f", "dms-events-exited");
        RealEngines.docker("run", "--network", "none", "--name", "dms-events-exited", "dms-fixture:1", "true");
        try {
            McpSession.Reply r = session.call("docker_top", "container", "dms-events-exited");
            assertThat(r.isError()).isTrue();
            assertThat(r.text()).isEqualTo("Container 'dms-events-exited' on host 'local' is exited, not running, so it has no processes; docker_logs shows what it did.");
        } finally {
            RealEngines.docker("rm", "-f", "dms-events-exited");
        }
    }

    @Test
    void bothToolsSendOnlyGetsToTheEngine() throws Exception {
        DaemonLog witness = DaemonLog.from(RealEngines.get("UNIX_LOG"));
        assertThat(session.call("docker_events", "since", "5m").isError()).isFalse();
        assertThat(session.call("docker_top", "container", SHOWN).isError()).isFalse();
        List<String> requests = witness.requests();
        assertThat(requests).allSatisfy(q -> assertThat(q).matches("GET /(v1\\.\\d+/)?(version|events\\?.*|containers/.+)"));
        assertThat(requests).anyMatch(q -> q.contains("/events?")).anyMatch(q -> q.endsWith("/top"));
    }

    /** The exec of the visible container is in the answer (the health checks of other fixtures exec too). */
    private static boolean shownExecStarted(McpSession.Reply r) {
        return !r.isError() && r.json().get("events").valueStream()
                .anyMatch(e -> SHOWN.equals(e.path("name").asString()) && "exec_start".equals(e.path("action").asString()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
