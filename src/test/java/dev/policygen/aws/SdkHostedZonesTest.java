package dev.policygen.aws;

import dev.policygen.testing.FakeClock;
import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.HostedZones;
import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.cloud.TxtRecord;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.sandbox.FaultSettings;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.SandboxBuilder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SdkHostedZones} through {@link SdkAwsServices} against the sandbox's Route 53, for real. */
class SdkHostedZonesTest {
    static final HostedZoneId ZONE = new HostedZoneId("Z0EXAMPLE0000000000001");
    static final HostedZoneId OTHER = new HostedZoneId("Z0EXAMPLE0000000000002");
    static final CredentialSource.Fixed SANDBOX_KEYS = new CredentialSource.Fixed(Sandbox.DEFAULT_ACCESS_KEY_ID,
            Sandbox.DEFAULT_SECRET_ACCESS_KEY);

    @TempDir
    Path dir;

    private static Sandbox start(SandboxBuilder builder) throws Exception {
        return builder.zone("example.com", ZONE.id()).zone("example.org", OTHER.id()).build().start();
    }

    private static SdkAwsServices services(Sandbox sandbox) throws Exception {
        return SdkAwsServices.builder(SANDBOX_KEYS).region("eu-west-1")
                .endpoint(Optional.of(URI.create(sandbox.ports().apiUrl()))).build();
    }

    private List<String> calls(Path log) throws Exception {
        return Files.readAllLines(log);
    }

    @Test
    void findsZonesReadsAndChangesTxtRecordsOneRequestEach() throws Exception {
        Path log = dir.resolve("calls.jsonl");
        FakeClock clock = new FakeClock(Instant.now());
        try (Sandbox sandbox = start(Sandbox.builder().callLog(log).insyncDelay(Duration.ofMillis(400)).clock(clock));
                SdkAwsServices aws = services(sandbox)) {
            HostedZones zones = aws.hostedZones();
            assertEquals(List.of(new HostedZones.Zone(ZONE, "example.com", false),
                    new HostedZones.Zone(OTHER, "example.org", false)), zones.zonesFrom("example.com"));
            assertEquals(1, calls(log).size());
            assertTrue(calls(log).get(0).contains("\"action\":\"route53:ListHostedZonesByName\""), calls(log).get(0));

            assertEquals(TxtRecord.absent("_acme-challenge.example.com"),
                    zones.txtRecord(ZONE, "_acme-challenge.example.com"));

            String changeId = zones.change(ZONE, List.of(
                    TxtChange.create("_acme-challenge.example.com", 60, List.of("\"token-a\"", "\"token-b\"")),
                    TxtChange.create("_acme-challenge.www.example.com", 30, List.of("\"token-c\"")),
                    TxtChange.create("\\052.example.com", 120, List.of("\"wild\""))));
            assertTrue(changeId.startsWith("C") && !changeId.contains("/"), changeId);
            assertEquals(3, calls(log).size(), "one request for the whole batch");

            assertEquals(new TxtRecord("_acme-challenge.example.com", 60, List.of("\"token-a\"", "\"token-b\"")),
                    zones.txtRecord(ZONE, "_acme-challenge.example.com"));
            assertEquals(new TxtRecord("_acme-challenge.www.example.com", 30, List.of("\"token-c\"")),
                    zones.txtRecord(ZONE, "_acme-challenge.www.example.com"));
            // Route 53 answers "\052.example.com." for the wildcard name
            assertEquals(new TxtRecord("\\052.example.com", 120, List.of("\"wild\"")),
                    zones.txtRecord(ZONE, "\\052.example.com"));
            // the list goes on past a missing name to the next set; that set is not the answer
            assertEquals(TxtRecord.absent("_acme-challenge.a.example.com"),
                    zones.txtRecord(ZONE, "_acme-challenge.a.example.com"));
            assertEquals(7, calls(log).size());

            assertFalse(zones.inSync(changeId), "PENDING until the sandbox's INSYNC delay has passed");
            clock.advance(Duration.ofMillis(500));
            assertTrue(zones.inSync(changeId));
            assertEquals(9, calls(log).size());

            String deleted = zones.change(ZONE, List.of(TxtChange.delete(
                    zones.txtRecord(ZONE, "_acme-challenge.www.example.com"))));
            assertFalse(deleted.equals(changeId));
            assertEquals(TxtRecord.absent("_acme-challenge.www.example.com"),
                    zones.txtRecord(ZONE, "_acme-challenge.www.example.com"));

            // a set replaced only as read: DELETE of it and CREATE of the new one, in one batch
            TxtRecord read = zones.txtRecord(ZONE, "_acme-challenge.example.com");
            zones.change(ZONE, List.of(TxtChange.delete(read),
                    TxtChange.create("_acme-challenge.example.com", 60, List.of("\"token-a\""))));
            assertEquals(new TxtRecord("_acme-challenge.example.com", 60, List.of("\"token-a\"")),
                    zones.txtRecord(ZONE, "_acme-challenge.example.com"));
            AwsFailure stale = assertThrows(AwsFailure.class, () -> zones.change(ZONE, List.of(TxtChange.delete(read),
                    TxtChange.create("_acme-challenge.example.com", 60, List.of("\"token-c\"")))));
            assertEquals(Optional.of("InvalidChangeBatch"), stale.code());
            AwsFailure exists = assertThrows(AwsFailure.class, () -> zones.change(ZONE, List.of(
                    TxtChange.create("_acme-challenge.example.com", 60, List.of("\"token-c\"")))));
            assertEquals(Optional.of("InvalidChangeBatch"), exists.code());
            assertEquals(new TxtRecord("_acme-challenge.example.com", 60, List.of("\"token-a\"")),
                    zones.txtRecord(ZONE, "_acme-challenge.example.com"), "a refused batch changes nothing");
            assertEquals(1, aws.clientsBuilt(), "only the Route 53 client is built");
        }
    }

    @Test
    void readsTheTxtSetsOfManyNamesWithOneRequest() throws Exception {
        Path log = dir.resolve("calls.jsonl");
        try (Sandbox sandbox = start(Sandbox.builder().callLog(log)); SdkAwsServices aws = services(sandbox)) {
            HostedZones zones = aws.hostedZones();
            zones.change(ZONE, List.of(
                    TxtChange.create("_acme-challenge.a-b.example.com", 300, List.of("\"theirs\"")),
                    TxtChange.create("_acme-challenge.m.example.com", 60, List.of("\"m\"")),
                    TxtChange.create("zz.example.com", 60, List.of("\"after\""))));
            List<TxtRecord> read = zones.txtRecords(ZONE, List.of("_acme-challenge.www.example.com",
                    "_acme-challenge.a-b.example.com", "_acme-challenge.example.com", "_acme-challenge.m.example.com"));
            assertEquals(2, calls(log).size(), "one change, one read");
            // in Route 53's order: com.example._acme-challenge. < com.example.a-b. < com.example.m. < com.example.www.
            assertEquals(List.of(TxtRecord.absent("_acme-challenge.example.com"),
                    new TxtRecord("_acme-challenge.a-b.example.com", 300, List.of("\"theirs\"")),
                    new TxtRecord("_acme-challenge.m.example.com", 60, List.of("\"m\"")),
                    TxtRecord.absent("_acme-challenge.www.example.com")), read);
            assertTrue(calls(log).get(1).contains("\"action\":\"route53:ListResourceRecordSets\""), calls(log).get(1));
        }
    }

    @Test
    void leavesOutNamesPastThePagesEnd() throws Exception {
        try (Sandbox sandbox = start(Sandbox.builder()); SdkAwsServices aws = services(sandbox)) {
            HostedZones zones = aws.hostedZones();
            List<TxtChange> filler = new java.util.ArrayList<>();
            for (int i = 0; i < SdkHostedZones.MAX_SETS + 5; i++) {
                filler.add(TxtChange.create(String.format("_acme-challenge.b%03d.example.com", i), 60,
                        List.of("\"f\"")));
            }
            zones.change(ZONE, filler);
            zones.change(ZONE, List.of(TxtChange.create("_acme-challenge.c.example.com", 60, List.of("\"c\""))));
            List<TxtRecord> read = zones.txtRecords(ZONE, List.of("_acme-challenge.a.example.com",
                    "_acme-challenge.b000.example.com", "_acme-challenge.c.example.com",
                    "_acme-challenge.b304.example.com"));
            // the page holds b000 to b299 and the next starts at b300: a and b000 are settled, b304 and c are not
            assertEquals(List.of(TxtRecord.absent("_acme-challenge.a.example.com"),
                    new TxtRecord("_acme-challenge.b000.example.com", 60, List.of("\"f\""))), read);
        }
    }

    @Test
    void theWarmUpSendsNothingAndLeavesTheClientWorking() throws Exception {
        Path log = dir.resolve("calls.jsonl");
        try (Sandbox sandbox = start(Sandbox.builder().callLog(log)); SdkAwsServices aws = services(sandbox)) {
            aws.warmUpRoute53().join();
            assertEquals(4, aws.warmedUp, "every request shape stopped just before the wire");
            assertTrue(!Files.exists(log) || calls(log).isEmpty(), "nothing reached the sandbox");
            assertEquals(1, aws.clientsBuilt());
            assertEquals(2, aws.hostedZones().zonesFrom("example.com").size());
            assertEquals(TxtRecord.absent("a.example.com"), aws.hostedZones().txtRecord(ZONE, "a.example.com"));
            assertEquals(2, calls(log).size());
            assertEquals(1, aws.clientsBuilt(), "the warmed client is the one used");
        }
    }

    @Test
    void accessDeniedCarriesCodeStatusAndTheCall() throws Exception {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Action": "route53:ListHostedZonesByName", "Resource": "*"}]}
                """);
        try (Sandbox sandbox = start(Sandbox.builder().policy(policy)); SdkAwsServices aws = services(sandbox)) {
            HostedZones zones = aws.hostedZones();
            assertEquals(2, zones.zonesFrom("example.com").size());
            AwsFailure denied = assertThrows(AwsFailure.class, () -> zones.change(ZONE, List.of(
                    TxtChange.create("_acme-challenge.example.com", 60, List.of("\"x\"")))));
            assertEquals(AwsFailure.Kind.ACCESS_DENIED, denied.kind());
            assertEquals(Optional.of("AccessDenied"), denied.code());
            assertEquals(403, denied.status());
            assertFalse(denied.retryable());
            assertTrue(denied.getMessage().startsWith("Route 53 ChangeResourceRecordSets on hostedzone/" + ZONE
                    + ": AccessDenied: User: arn:aws:iam::123456789012:user/policygen-sandbox is not authorized to "
                    + "perform: route53:ChangeResourceRecordSets"), denied.getMessage());
            assertFalse(denied.getMessage().contains("\n"));
        }
    }

    @Test
    void throttlingIsRetryableAndTheSdkDoesNotRetry() throws Exception {
        Path log = dir.resolve("calls.jsonl");
        // on a clock that stands still, so a cold SDK or a stall between the two calls cannot let a second pass
        try (Sandbox sandbox = start(Sandbox.builder().callLog(log).faults(new FaultSettings(1, 0, 0, Duration.ZERO))
                .clock(new FakeClock(Instant.now())));
                SdkAwsServices aws = services(sandbox)) {
            HostedZones zones = aws.hostedZones();
            zones.zonesFrom("example.com");
            AwsFailure throttled = assertThrows(AwsFailure.class, () -> zones.txtRecord(ZONE, "example.com"));
            assertEquals(AwsFailure.Kind.THROTTLED, throttled.kind());
            assertEquals(Optional.of("Throttling"), throttled.code());
            assertEquals(400, throttled.status());
            assertTrue(throttled.retryable());
            assertEquals("Route 53 ListResourceRecordSets on hostedzone/" + ZONE + ": Throttling: Rate exceeded",
                    throttled.getMessage());
            assertEquals(2, calls(log).size(), "no SDK retry:\n" + calls(log));
        }
    }

    @Test
    void priorRequestNotCompleteIsARetryableServiceError() throws Exception {
        try (Sandbox sandbox = start(Sandbox.builder().faults(new FaultSettings(0, 1.0, 0, Duration.ZERO)));
                SdkAwsServices aws = services(sandbox)) {
            AwsFailure busy = assertThrows(AwsFailure.class, () -> aws.hostedZones().change(ZONE, List.of(
                    TxtChange.create("_acme-challenge.example.com", 60, List.of("\"x\"")))));
            assertEquals(AwsFailure.Kind.SERVICE_ERROR, busy.kind());
            assertEquals(Optional.of(AwsFailure.PRIOR_REQUEST_NOT_COMPLETE), busy.code());
            assertEquals(400, busy.status());
            assertTrue(busy.retryable());
            assertTrue(busy.getMessage().startsWith("Route 53 ChangeResourceRecordSets on hostedzone/" + ZONE
                    + ": PriorRequestNotComplete: "), busy.getMessage());
        }
    }

    @Test
    void missingZoneAndChangeAreNotFound() throws Exception {
        try (Sandbox sandbox = start(Sandbox.builder()); SdkAwsServices aws = services(sandbox)) {
            AwsFailure zone = assertThrows(AwsFailure.class,
                    () -> aws.hostedZones().txtRecord(new HostedZoneId("Z9NOSUCHZONE"), "a.example.com"));
            assertEquals(AwsFailure.Kind.NOT_FOUND, zone.kind());
            assertEquals(Optional.of("NoSuchHostedZone"), zone.code());
            AwsFailure change = assertThrows(AwsFailure.class, () -> aws.hostedZones().inSync("C0NOSUCHCHANGE"));
            assertEquals(AwsFailure.Kind.NOT_FOUND, change.kind());
            assertTrue(change.getMessage().startsWith("Route 53 GetChange on change/C0NOSUCHCHANGE: NoSuchChange"),
                    change.getMessage());
        }
    }

    @Test
    void noListenerIsUnreachableAndRetryable() throws Exception {
        try (SdkAwsServices aws = SdkAwsServices.builder(SANDBOX_KEYS)
                .endpoint(Optional.of(URI.create("http://127.0.0.1:1"))).build()) {
            AwsFailure failure = assertThrows(AwsFailure.class, () -> aws.hostedZones().zonesFrom("example.com"));
            assertEquals(AwsFailure.Kind.UNREACHABLE, failure.kind());
            assertEquals(0, failure.status());
            assertTrue(failure.retryable());
            assertTrue(failure.getMessage().startsWith("Route 53 ListHostedZonesByName on example.com: no answer: "),
                    failure.getMessage());
        }
    }

    @Test
    void anHttpsEndpointIsTrustedThroughTheExtraCaFile() throws Exception {
        try (Sandbox sandbox = start(Sandbox.builder().httpsPort(0))) {
            Optional<URI> https = Optional.of(URI.create(sandbox.ports().httpsUrl()));
            try (SdkAwsServices aws = SdkAwsServices.builder(SANDBOX_KEYS).endpoint(https)
                    .extraCa(Optional.of(sandbox.ports().caCertificate())).build()) {
                assertEquals(ZONE, aws.hostedZones().zonesFrom("example.com").get(0).id());
            }
            try (SdkAwsServices aws = SdkAwsServices.builder(SANDBOX_KEYS).endpoint(https).build()) {
                AwsFailure untrusted = assertThrows(AwsFailure.class, () -> aws.hostedZones().zonesFrom("example.com"));
                assertEquals(AwsFailure.Kind.UNREACHABLE, untrusted.kind());
            }
        }
    }
}
