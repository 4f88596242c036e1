package dev.policygen.sandbox;

import dev.policygen.testing.FakeClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.Route53Exception;

/** Calls decided by policygen's evaluator against --policy files, logged line by line. */
class SandboxAuthorizationTest {
    private static final String PRINCIPAL = "arn:aws:iam::123456789012:user/policygen-sandbox";
    private static final String TXT_ONLY = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "ListZones", "Effect": "Allow", "Action": "route53:ListHostedZones", "Resource": "*"},
              {"Sid": "ChallengeTxt", "Effect": "Allow", "Action": "route53:ChangeResourceRecordSets",
               "Resource": "arn:aws:route53:::hostedzone/%s",
               "Condition": {"ForAllValues:StringEquals": {
                 "route53:ChangeResourceRecordSetsNormalizedRecordNames": ["_acme-challenge.example.com"],
                 "route53:ChangeResourceRecordSetsRecordTypes": ["TXT"]}}},
              {"Sid": "NoOtherZone", "Effect": "Deny", "Action": "route53:*",
               "Resource": "arn:aws:route53:::hostedzone/%s"}]}
            """.formatted(SandboxClients.ZONE_ID, SandboxClients.OTHER_ZONE_ID);

    @TempDir
    Path directory;

    @Test
    void aTxtOnlyPolicyAllowsTheChallengeAndDeniesEverythingElseWithAwsMessages() throws Exception {
        Path policy = directory.resolve("policy.json");
        Files.writeString(policy, TXT_ONLY);
        Path log = directory.resolve("calls.jsonl");
        try (Sandbox sandbox = SandboxClients.start(Sandbox.builder().policy(policy).callLog(log));
                Route53Client route53 = SandboxClients.plain(sandbox)) {
            route53.listHostedZones();
            SandboxSdkTest.change(route53, SandboxClients.ZONE_ID, ChangeAction.UPSERT,
                    SandboxSdkTest.txt("_acme-challenge.Example.com.", 10, "\"ok\""));

            ResourceRecordSet aRecord = ResourceRecordSet.builder().name("_acme-challenge.example.com").type(RRType.A)
                    .ttl(60L).resourceRecords(ResourceRecord.builder().value("192.0.2.1").build()).build();
            Route53Exception typeDenied = assertThrows(Route53Exception.class, () -> SandboxSdkTest.change(route53,
                    SandboxClients.ZONE_ID, ChangeAction.UPSERT, aRecord));
            assertEquals(403, typeDenied.statusCode());
            assertEquals("AccessDenied", typeDenied.awsErrorDetails().errorCode());
            assertEquals("User: " + PRINCIPAL + " is not authorized to perform: route53:ChangeResourceRecordSets on "
                    + "resource: arn:aws:route53:::hostedzone/" + SandboxClients.ZONE_ID + " because no identity-based "
                    + "policy allows the route53:ChangeResourceRecordSets action",
                    typeDenied.awsErrorDetails().errorMessage());

            assertThrows(Route53Exception.class, () -> SandboxSdkTest.change(route53, SandboxClients.ZONE_ID,
                    ChangeAction.UPSERT, SandboxSdkTest.txt("www.example.com", 10, "\"no\"")));

            Route53Exception explicit = assertThrows(Route53Exception.class, () -> SandboxSdkTest.change(route53,
                    SandboxClients.OTHER_ZONE_ID, ChangeAction.UPSERT,
                    SandboxSdkTest.txt("_acme-challenge.example.org", 10, "\"no\"")));
            assertEquals("User: " + PRINCIPAL + " is not authorized to perform: route53:ChangeResourceRecordSets on "
                    + "resource: arn:aws:route53:::hostedzone/" + SandboxClients.OTHER_ZONE_ID + " with an explicit deny "
                    + "in an identity-based policy", explicit.awsErrorDetails().errorMessage());

            Route53Exception wildcardOnly = assertThrows(Route53Exception.class,
                    () -> route53.listHostedZonesByName(r -> r.dnsName("example.com")));
            assertEquals("User: " + PRINCIPAL + " is not authorized to perform: route53:ListHostedZonesByName because "
                    + "no identity-based policy allows the route53:ListHostedZonesByName action",
                    wildcardOnly.awsErrorDetails().errorMessage());
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(6, lines.size(), "one line per request:\n" + String.join("\n", lines));
        assertTrue(lines.get(0).contains("\"action\":\"route53:ListHostedZones\"") && lines.get(0).contains(
                "\"resource\":\"*\"") && lines.get(0).contains("\"decision\":\"allowed\"")
                && lines.get(0).contains("\"sid\":\"ListZones\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"decision\":\"allowed\"") && lines.get(1).contains("\"sid\":\"ChallengeTxt\"")
                && lines.get(1).contains("\"route53:ChangeResourceRecordSetsNormalizedRecordNames\":"
                        + "[\"_acme-challenge.example.com\"]") && lines.get(1).contains("\"status\":200"), lines.get(1));
        assertTrue(lines.get(2).contains("\"decision\":\"implicit-deny\"") && lines.get(2).contains("\"status\":403")
                && lines.get(2).contains("\"route53:ChangeResourceRecordSetsRecordTypes\":[\"A\"]"), lines.get(2));
        assertTrue(lines.get(4).contains("\"decision\":\"explicit-deny\"") && lines.get(4).contains(
                "\"sid\":\"NoOtherZone\""), lines.get(4));
    }

    @Test
    void throttlingAboveTheConfiguredRate() throws Exception {
        FaultSettings twoPerSecond = new FaultSettings(2, 0, 0, java.time.Duration.ZERO);
        // on a clock that stands still, so a slow machine cannot spread the three calls over a second
        FakeClock clock = new FakeClock(java.time.Instant.now());
        try (Sandbox sandbox = SandboxClients.start(Sandbox.builder().faults(twoPerSecond).clock(clock));
                Route53Client route53 = SandboxClients.plain(sandbox)) {
            route53.listHostedZones();
            route53.listHostedZones();
            Route53Exception throttled = assertThrows(Route53Exception.class, route53::listHostedZones);
            assertEquals(400, throttled.statusCode());
            assertEquals("Throttling", throttled.awsErrorDetails().errorCode());
            assertEquals("Rate exceeded", throttled.awsErrorDetails().errorMessage());
            assertTrue(throttled.isThrottlingException(), "the SDK must see it as throttling, to back off");
            clock.advance(java.time.Duration.ofSeconds(1));
            route53.listHostedZones(); // a second later the window has room again
        }
    }

    @Test
    void injectedFaultsAreSeededAndLookLikeAws() throws Exception {
        FaultSettings always = new FaultSettings(0, 1, 0, java.time.Duration.ZERO);
        try (Sandbox sandbox = SandboxClients.start(Sandbox.builder().faults(always));
                Route53Client route53 = SandboxClients.plain(sandbox)) {
            Route53Exception prior = assertThrows(Route53Exception.class, () -> SandboxSdkTest.change(route53,
                    SandboxClients.ZONE_ID, ChangeAction.UPSERT, SandboxSdkTest.txt("x.example.com", 10, "\"x\"")));
            assertEquals("PriorRequestNotComplete", prior.awsErrorDetails().errorCode());
            route53.listHostedZones(); // only changes get PriorRequestNotComplete
        }
        FaultSettings serverErrors = new FaultSettings(0, 0, 1, java.time.Duration.ZERO);
        try (Sandbox sandbox = SandboxClients.start(Sandbox.builder().faults(serverErrors));
                Route53Client route53 = SandboxClients.plain(sandbox)) {
            Route53Exception failure = assertThrows(Route53Exception.class, route53::listHostedZones);
            assertEquals(500, failure.statusCode());
        }
    }
}
