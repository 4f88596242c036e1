package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.guard.CallGate;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.pace.RateLimiter;
import dev.policygen.renew.pace.Retry;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, an account-wide Route 53 budget: a Throttling answer lowers the rate of every later Route 53
 * request of the pass, and AccessDenied, InvalidInput and InvalidChangeBatch are sent once, never retried.
 */
class Route53BudgetTest {
    private static final HostedZoneId COM = new HostedZoneId("Z1111111111111");
    private final FakeRoute53 route53 = new FakeRoute53().zone("Z1111111111111", "example.com", false);
    private final FakeClock clock = new FakeClock();
    private final RateLimiter limit = new RateLimiter(5, Duration.ofMillis(1100), clock::nanoTime, clock::sleep);
    private final GuardedAws aws;

    Route53BudgetTest() throws Exception {
        aws = new GuardedAws(EngineFakes.services(route53), new CallGate(EngineFakes.allowAll(), limit,
                Retry.standard(clock::sleep)), EngineFakes.SCOPE);
    }

    @Test
    void aThrottlingAnswerLowersTheRateOfEveryLaterRequestThenItRecovers() throws Exception {
        double ceiling = limit.currentRate();
        route53.failures.add(new AwsFailure(AwsFailure.Kind.THROTTLED, "Throttling", 400, "Rate exceeded", null));

        long before = clock.nanoTime();
        aws.inSync("C1");
        double waited = (clock.nanoTime() - before) / 1e9;

        assertEquals(2, route53.count("GetChange"), "retried once");
        // the retry's jittered back-off (and the halved rate's spacing) pass on the fake clock, and the rate
        // grows back meanwhile: at most half the ceiling plus that growth, which must stay below the ceiling
        assertTrue(waited < 4, "the retry waited " + waited + " s, too long to tell a halving from recovery");
        assertTrue(limit.currentRate() <= ceiling / 2 + 0.5 * waited + 1e-9,
                "halved: " + limit.currentRate() + " after " + waited + " s");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(ceiling, limit.currentRate(), 1e-9, "back at the ceiling, never above it");
    }

    @Test
    void otherRoute53FailuresDoNotLowerTheRate() throws Exception {
        double ceiling = limit.currentRate();
        route53.failures.add(new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "InternalError", 500, "oops", null));
        aws.inSync("C1");
        assertEquals(ceiling, limit.currentRate(), 1e-9);
    }

    @Test
    void accessDeniedInvalidInputAndInvalidChangeBatchAreSentOnceNeverRetried() {
        List<AwsFailure> finalFailures = List.of(
                new AwsFailure(AwsFailure.Kind.ACCESS_DENIED, "AccessDenied", 403, "User ... is not authorized", null),
                new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "InvalidInput", 400, "bad input", null),
                new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "InvalidChangeBatch", 400, "refused", null));
        int sent = 0;
        for (AwsFailure failure : finalFailures) {
            route53.failures.add(failure);
            AwsFailure thrown = assertThrows(AwsFailure.class, () -> aws.change(COM,
                    List.of(TxtChange.create("_acme-challenge.example.com", 60, List.of("\"v\"")))));
            sent++;
            assertEquals(failure, thrown);
            assertEquals(sent, route53.count("ChangeResourceRecordSets"), failure.code() + " sent once");
        }
        assertEquals(List.of(), clock.sleeps(), "no backoff either");
    }
}
