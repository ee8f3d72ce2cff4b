package dockermcp.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The failed-login backoff and the per-token rate, on a clock the test moves. */
class AbuseCountersTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void failuresBeyondTheFreeOnesBlockForDoublingTimesUpToAMinute() {
        AuthFailures f = new AuthFailures(now::get);
        for (int i = 0; i < AuthFailures.FREE_FAILURES; i++) {
            f.failed("a");
            assertThat(f.blockedMillis("a")).isZero();
        }
        long[] expected = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
        for (long e : expected) {
            f.failed("a");
            assertThat(f.blockedMillis("a")).isEqualTo(e);
            advance(e);
            assertThat(f.blockedMillis("a")).isZero();
        }
        assertThat(f.blockedMillis("b")).as("other addresses are not affected").isZero();
    }

    @Test
    void tenQuietMinutesClearTheAddress() {
        AuthFailures f = new AuthFailures(now::get);
        for (int i = 0; i <= AuthFailures.FREE_FAILURES; i++) {
            f.failed("a");
        }
        assertThat(f.blockedMillis("a")).isPositive();
        advance(TimeUnit.MINUTES.toMillis(11));
        f.failed("a");
        assertThat(f.blockedMillis("a")).as("counting starts again").isZero();
    }

    @Test
    void theRateAllowsTheBurstThenOneRequestPerIntervalWithTheRightWait() {
        RateLimiter r = new RateLimiter(60, 3, now::get); // one per second, three at once
        assertThat(r.acquire("t")).isZero();
        assertThat(r.acquire("t")).isZero();
        assertThat(r.acquire("t")).isZero();
        assertThat(r.acquire("t")).isEqualTo(1000);
        assertThat(r.acquire("u")).as("per caller").isZero();
        advance(500);
        assertThat(r.acquire("t")).isEqualTo(500);
        advance(500);
        assertThat(r.acquire("t")).isZero();
        advance(60_000);
        for (int i = 0; i < 3; i++) {
            assertThat(r.acquire("t")).as("refilled to the burst, not beyond").isZero();
        }
        assertThat(r.acquire("t")).isPositive();
    }

    @Test
    void aQuotaGrantsUnderTheCallersShareAndTheWholeOnly() {
        Quota q = new Quota(2, 3);
        assertThat(q.acquire("a")).isEqualTo(Quota.Grant.GRANTED);
        assertThat(q.acquire("a")).isEqualTo(Quota.Grant.GRANTED);
        assertThat(q.acquire("a")).as("a's share is used up").isEqualTo(Quota.Grant.CALLER_FULL);
        assertThat(q.acquire("b")).as("b keeps its share").isEqualTo(Quota.Grant.GRANTED);
        assertThat(q.acquire("c")).as("the whole is used up").isEqualTo(Quota.Grant.ALL_FULL);
        assertThat(q.held("c")).as("a refusal holds nothing").isZero();
        q.release("a");
        assertThat(q.acquire("c")).isEqualTo(Quota.Grant.GRANTED);
        assertThat(q.held()).isEqualTo(3);
        q.release("nobody");
        assertThat(q.held()).as("releasing what was never granted changes nothing").isEqualTo(3);
    }

    @Test
    void tokensAreMatchedByDigestAndFingerprintedWithoutTheToken() {
        AccessTokens t = AccessTokens.of(java.util.List.of("x".repeat(40), "y".repeat(40)));
        assertThat(t.match("y".repeat(40))).hasValue(AccessTokens.fingerprint("y".repeat(40)));
        assertThat(t.match("y".repeat(39))).isEmpty();
        assertThat(t.match("")).isEmpty();
        assertThat(t.match(null)).isEmpty();
        assertThat(AccessTokens.fingerprint("x".repeat(40))).matches("sha256:[0-9a-f]{12}").doesNotContain("xxx");
    }

    @Test
    void tokenLikeQueryParametersAreRecognised() {
        assertThat(BearerAuthFilter.tokenInQuery("access_token=abc")).isTrue();
        assertThat(BearerAuthFilter.tokenInQuery("a=1&Token=abc")).isTrue();
        assertThat(BearerAuthFilter.tokenInQuery("a=1;api%5Fkey=abc")).isTrue();
        assertThat(BearerAuthFilter.tokenInQuery("session=1&tokens_used=2")).isFalse();
        assertThat(BearerAuthFilter.tokenInQuery(null)).isFalse();
    }
}
