package dockermcp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dockermcp.config.Endpoint;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The remedy of a timeout fits where the engine is: no security group between a process and its own loopback. */
class FailuresTest {

    private static String timeoutAt(String dockerHost) {
        Endpoint e = Endpoint.parse("DOCKER_HOST", dockerHost, true);
        return Failures.classify(e, new SocketTimeoutException("Connect timed out"), Duration.ofSeconds(30)).getMessage();
    }

    @Test
    void aTimeoutOnARemoteAddressSuggestsTheFirewallAndAChangedIp() {
        assertThat(timeoutAt("tcp://203.0.113.10:2376")).contains("security group").contains("port 2376");
    }

    @Test
    void aTimeoutOnLoopbackDoesNotSuggestASecurityGroup() {
        for (String host : new String[] {"tcp://127.0.0.1:2376", "tcp://localhost:2376", "tcp://[::1]:2376", "tcp://127.0.0.2:2376"}) {
            assertThat(timeoutAt(host)).as(host).doesNotContain("security group").doesNotContain("your IP")
                    .contains("port 2376 of this machine").endsWith(".");
        }
    }
}
