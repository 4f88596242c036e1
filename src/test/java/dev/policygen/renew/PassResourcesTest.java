package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.AwsFailure;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.pace.RateLimiter;
import dev.policygen.renew.report.RenewLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guarded AWS calls a pass and a clean-up are wired with: retried, and each retry logged. */
class PassResourcesTest {
    private static RenewLog log(StringWriter text) {
        return new RenewLog(new PrintWriter(text, true), RenewLog.Format.TEXT, Clock.systemUTC());
    }

    @Test
    void aThrottledCallIsRetried() throws Exception {
        // zone discovery, the S3 account key and policygen cleanup use these calls before any certificate
        FakeRoute53 route53 = new FakeRoute53().zone("Z1COM", "example.com", false);
        route53.failures.add(new AwsFailure(AwsFailure.Kind.THROTTLED, "Throttling", 400, "slow down", null));
        GuardedAws aws = PassResources.guarded(EngineFakes.services(route53), EngineFakes.allowAll(),
                EngineFakes.SCOPE, RateLimiter.unlimited(), duration -> { }, log(new StringWriter()));

        assertEquals(1, aws.zonesFrom("example.com").size());
        assertEquals(Map.of("route53:ListHostedZonesByName", 2L), aws.gate().sentByAction());
    }

    @Test
    void retriesAreLogged() throws Exception {
        FakeRoute53 route53 = new FakeRoute53().zone("Z1COM", "example.com", false);
        route53.failures.add(new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "InternalError", 500, "oops", null));
        StringWriter text = new StringWriter();
        GuardedAws aws = PassResources.guarded(EngineFakes.services(route53), EngineFakes.allowAll(),
                EngineFakes.SCOPE, RateLimiter.unlimited(), duration -> { }, log(text));
        aws.zonesFrom("example.com");
        org.junit.jupiter.api.Assertions.assertTrue(text.toString().contains("aws.retry"), text.toString());
        org.junit.jupiter.api.Assertions.assertTrue(text.toString().contains("oops"), text.toString());
    }
}
