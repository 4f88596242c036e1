package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.renew.guard.CallGate;
import dev.policygen.renew.guard.GuardException;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.guard.PolicyGuard;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.renew.pace.RateLimiter;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every AWS request passes the guard, then (Route 53 only) the rate limit, with retries of retryable failures. */
class CallGateTest {
    private static final HostedZoneId COM = new HostedZoneId("Z1111111111111");
    private final FakeRoute53 route53 = new FakeRoute53().zone("Z1111111111111", "example.com", false);
    private final EngineFakes.Services services = EngineFakes.services(route53);

    private static PolicyGuard configGuard() throws Exception {
        return PolicyGuard.generated(RenewPolicy.of(EngineFakes.ownConfig(), List.of()));
    }

    @Test
    void aCallThePolicyDeniesIsNeverSentAndTheErrorSaysWhatAllowsIt() throws Exception {
        GuardedAws aws = EngineFakes.guarded(services, configGuard());
        GuardException e = assertThrows(GuardException.class, () -> aws.change(COM,
                List.of(TxtChange.create("_acme-challenge.shop.example.com", 60, List.of("\"v\"")))));

        assertEquals(List.of(), route53.calls);
        assertEquals(Map.of(), aws.gate().sentByAction());
        String message = e.getMessage();
        assertTrue(message.startsWith("the policy denies route53:ChangeResourceRecordSets on"
                + " arn:aws:route53:::hostedzone/Z1111111111111 [CREATE TXT _acme-challenge.shop.example.com];"
                + " allowed by: policygen generate --client policygen --zone-id-configured"), message);
        assertTrue(message.contains(" --domain shop.example.com=Z1111111111111"), message);
    }

    @Test
    void zoneRecordsStopsAtTheGuardBeforeAnyChangeIsSent() throws Exception {
        GuardedAws aws = EngineFakes.guarded(services, configGuard());
        assertThrows(GuardException.class, () -> new ZoneRecords(aws).publish(COM,
                Map.of("_acme-challenge.shop.example.com", List.of("\"v\""))).requireAll());
        assertEquals(0, route53.count("ChangeResourceRecordSets"));
        // the record the policy allows is written
        new ZoneRecords(aws).publish(COM, Map.of("_acme-challenge.example.com", List.of("\"v\""))).requireAll();
        assertEquals(1, route53.count("ChangeResourceRecordSets"));
        // and so is a DELETE of the set as read with a CREATE of the merged one
        new ZoneRecords(aws).publish(COM, Map.of("_acme-challenge.example.com", List.of("\"w\""))).requireAll();
        assertEquals(2, route53.count("ChangeResourceRecordSets"));
        assertEquals(List.of(TxtChange.Action.DELETE, TxtChange.Action.CREATE),
                route53.changes.get(1).stream().map(TxtChange::action).toList());
    }

    @Test
    void otherDeniedCallsNameActionAndResource() throws Exception {
        GuardedAws aws = EngineFakes.guarded(services, configGuard());
        GuardException e = assertThrows(GuardException.class, () -> aws.deleteServerCertificate("prod-www"));
        assertTrue(e.getMessage().startsWith("the policy denies iam:DeleteServerCertificate on"
                + " arn:aws:iam::123456789012:server-certificate/prod-www"), e.getMessage());
        assertEquals(List.of(), services.serverCertificates().calls);
    }

    /** A call of GuardedAws, for the table below. */
    @FunctionalInterface
    interface Call {
        void send(GuardedAws aws) throws Exception;
    }

    private static PolicyGuard allowOnly(String action, String resource) throws Exception {
        String document = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \""
                + action + "\", \"Resource\": \"" + resource + "\"}]}";
        return PolicyGuard.of(List.of(dev.policygen.model.PolicyReader.read(document, "one.json")),
                RenewPolicy.of(EngineFakes.ownConfig(), List.of()));
    }

    @Test
    void eachCallIsCheckedAsTheActionOnTheResourceAwsAuthorizesItOn() throws Exception {
        String listener = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web/1/2";
        String acm = "arn:aws:acm:eu-west-1:123456789012:certificate/abc";
        String iam = "arn:aws:iam::123456789012:server-certificate/www-20261121T000000Z";
        services.serverCertificates().put("www-20261121T000000Z", "pem");
        Map<String, Call> table = new java.util.LinkedHashMap<>();
        table.put("route53:ListHostedZonesByName *", aws -> aws.zonesFrom("example.com"));
        table.put("route53:ListResourceRecordSets arn:aws:route53:::hostedzone/Z1111111111111",
                aws -> aws.txtRecord(COM, "_acme-challenge.example.com"));
        table.put("route53:ChangeResourceRecordSets arn:aws:route53:::hostedzone/Z1111111111111",
                aws -> aws.change(COM, List.of(TxtChange.create("_acme-challenge.example.com", 60, List.of("\"v\"")))));
        table.put("route53:GetChange arn:aws:route53:::change/C1", aws -> aws.inSync("C1"));
        table.put("iam:GetServerCertificate " + iam, aws -> aws.serverCertificate("www-20261121T000000Z"));
        table.put("iam:ListServerCertificates *", GuardedAws::serverCertificates);
        table.put("iam:UploadServerCertificate arn:aws:iam::123456789012:server-certificate/www-new",
                aws -> aws.uploadServerCertificate("www-new", "pem", "key", ""));
        table.put("iam:DeleteServerCertificate " + iam, aws -> aws.deleteServerCertificate("www-20261121T000000Z"));
        table.put("elasticloadbalancing:DescribeLoadBalancers *", aws -> aws.classicListenerCertificate("web", 443));
        table.put("elasticloadbalancing:SetLoadBalancerListenerSSLCertificate"
                + " arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/web",
                aws -> aws.setClassicListenerCertificate("web", 443, iam));
        table.put("elasticloadbalancing:DescribeListeners *", aws -> aws.listenerDefaultCertificate(listener));
        table.put("elasticloadbalancing:ModifyListener " + listener, aws -> aws.setListenerDefaultCertificate(listener,
                acm));
        table.put("acm:GetCertificate " + acm, aws -> aws.acmCertificate(acm));
        table.put("acm:ImportCertificate " + acm, aws -> aws.importAcmCertificate(java.util.Optional.of(acm), "pem",
                "key", ""));
        table.put("acm:ImportCertificate arn:aws:acm:eu-west-1:123456789012:certificate/*",
                aws -> aws.importAcmCertificate(java.util.Optional.empty(), "pem", "key", ""));
        for (Map.Entry<String, Call> row : table.entrySet()) {
            String[] actionResource = row.getKey().split(" ");
            row.getValue().send(EngineFakes.guarded(services, allowOnly(actionResource[0], actionResource[1])));
            GuardException e = assertThrows(GuardException.class, () -> row.getValue().send(EngineFakes.guarded(
                    services, allowOnly(actionResource[0], actionResource[1] + "-other"))), row.getKey());
            assertTrue(e.getMessage().startsWith("the policy denies " + actionResource[0] + " on " + actionResource[1]),
                    e.getMessage());
        }
        // the read of many names at once is the same request to AWS's authorization as the read of one
        String zoneArn = "arn:aws:route53:::hostedzone/Z1111111111111";
        EngineFakes.guarded(services, allowOnly("route53:ListResourceRecordSets", zoneArn))
                .txtRecords(COM, List.of("_acme-challenge.example.com", "_acme-challenge.www.example.com"));
        GuardException many = assertThrows(GuardException.class, () -> EngineFakes.guarded(services,
                allowOnly("route53:ListResourceRecordSets", zoneArn + "-other"))
                .txtRecords(COM, List.of("_acme-challenge.example.com", "_acme-challenge.www.example.com")));
        assertTrue(many.getMessage().startsWith("the policy denies route53:ListResourceRecordSets on " + zoneArn),
                many.getMessage());
    }

    @Test
    void route53CallsAndTheirRetriesPassTheRateLimitOthersDoNot() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimiter limit = new RateLimiter(1, Duration.ofSeconds(1), clock::nanoTime, clock::sleep);
        GuardedAws aws = new GuardedAws(services, new CallGate(EngineFakes.allowAll(), limit,
                EngineFakes.quickRetry()), EngineFakes.SCOPE);

        aws.zonesFrom("example.com");
        aws.txtRecord(COM, "_acme-challenge.example.com");
        assertEquals(1, clock.sleeps().size());
        route53.failures.add(new AwsFailure(AwsFailure.Kind.THROTTLED, "Throttling", 400, "slow down", null));
        aws.inSync("C1");
        assertEquals(3, clock.sleeps().size());
        for (int i = 0; i < 5; i++) {
            aws.serverCertificates();
            aws.listenerDefaultCertificate("arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/x/1/2");
        }
        assertEquals(3, clock.sleeps().size());
    }

    @Test
    void retryableFailuresAreRetriedAndCountedOthersAreNot() throws Exception {
        GuardedAws aws = EngineFakes.guarded(services);
        route53.failures.add(new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "InternalError", 500, "oops", null));
        route53.failures.add(new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, AwsFailure.PRIOR_REQUEST_NOT_COMPLETE, 400,
                "wait", null));
        aws.zonesFrom("example.com");
        assertEquals(Map.of("route53:ListHostedZonesByName", 3L), aws.gate().sentByAction());

        route53.failures.add(new AwsFailure(AwsFailure.Kind.ACCESS_DENIED, "AccessDenied", 403, "denied", null));
        assertThrows(AwsFailure.class, () -> aws.inSync("C1"));
        assertEquals(1L, aws.gate().sentByAction().get("route53:GetChange"));

        for (int i = 0; i < 3; i++) {
            route53.failures.add(new AwsFailure(AwsFailure.Kind.THROTTLED, "Throttling", 400, "slow down", null));
        }
        AwsFailure last = assertThrows(AwsFailure.class, () -> aws.txtRecord(COM, "_acme-challenge.example.com"));
        assertEquals("slow down", last.getMessage());
        assertEquals(3L, aws.gate().sentByAction().get("route53:ListResourceRecordSets"));
        assertEquals(7, route53.calls.size());

        aws.serverCertificates();
        aws.serverCertificates();
        assertEquals(Map.of("iam:ListServerCertificates", 2L, "route53:GetChange", 1L,
                "route53:ListHostedZonesByName", 3L, "route53:ListResourceRecordSets", 3L),
                aws.gate().sentByAction());
    }
}
