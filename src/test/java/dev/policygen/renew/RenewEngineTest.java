package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.AwsFailure;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.pace.RateLimiter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's wiring of the guarded AWS calls, as the renew and cleanup commands use it. */
class RenewEngineTest {
    @Test
    void retriesWorkBeforeTheLogIsWired() throws Exception {
        // zone discovery, the S3 account key and policygen cleanup use aws() before (or without) output()
        FakeRoute53 route53 = new FakeRoute53().zone("Z1COM", "example.com", false);
        route53.failures.add(new AwsFailure(AwsFailure.Kind.THROTTLED, "Throttling", 400, "slow down", null));
        RenewEngine engine = new RenewEngine().clock(Clock.systemUTC(), duration -> { })
                .route53Limit(RateLimiter.unlimited())
                .services(EngineFakes.services(route53), EngineFakes.allowAll(), EngineFakes.SCOPE);
        GuardedAws aws = engine.aws();

        assertEquals(1, aws.zonesFrom("example.com").size());
        assertEquals(Map.of("route53:ListHostedZonesByName", 2L), aws.gate().sentByAction());
    }

    @Test
    void retriesAreLoggedOnceTheLogIsWired() throws Exception {
        FakeRoute53 route53 = new FakeRoute53().zone("Z1COM", "example.com", false);
        route53.failures.add(new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "InternalError", 500, "oops", null));
        java.io.StringWriter text = new java.io.StringWriter();
        RenewEngine engine = new RenewEngine().clock(Clock.systemUTC(), duration -> { })
                .route53Limit(RateLimiter.unlimited())
                .services(EngineFakes.services(route53), EngineFakes.allowAll(), EngineFakes.SCOPE)
                .output(new dev.policygen.renew.report.RenewLog(new java.io.PrintWriter(text, true),
                        dev.policygen.renew.report.RenewLog.Format.TEXT, Clock.systemUTC()),
                        dev.policygen.renew.report.Progress.disabled());
        engine.aws().zonesFrom("example.com");
        org.junit.jupiter.api.Assertions.assertTrue(text.toString().contains("aws.retry"), text.toString());
        org.junit.jupiter.api.Assertions.assertTrue(text.toString().contains("oops"), text.toString());
    }
}
