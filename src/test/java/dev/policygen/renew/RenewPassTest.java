package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.PolicygenException;
import dev.policygen.renew.account.AcmeFailure;
import dev.policygen.renew.acme.ChallengePublisher;
import dev.policygen.renew.acme.ChallengeRecord;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.acme.OrderRequest;
import dev.policygen.renew.acme.RenewalWindow;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.config.ConfiguredDomain;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.config.KeyType;
import dev.policygen.renew.deliver.ImportedArns;
import dev.policygen.renew.deliver.PemFiles;
import dev.policygen.renew.destination.Delivery;
import dev.policygen.renew.destination.ServiceReader;
import dev.policygen.renew.dns.ChallengeZones;
import dev.policygen.renew.dns.ChangeWaiter;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.report.Progress;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.renew.state.Journal;
import dev.policygen.route53.CertificateName;
import dev.policygen.route53.HostedZoneId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run over several certificates with a scripted CA: failures stay per certificate, leftovers go first, stop. */
class RenewPassTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final HostedZoneId ZONE = new HostedZoneId("Z1COM");

    @TempDir
    Path dir;

    private final FakeRoute53 route53 = new FakeRoute53().zone("Z1COM", "example.com", false);
    private final StringWriter logText = new StringWriter();
    private Journal journal;
    private final ScriptedCa ca = new ScriptedCa();

    /** Publishes one value per name, checks they are in Route 53, withdraws, issues; or fails as scripted. */
    final class ScriptedCa implements CertificateIssuer {
        final Set<String> failing = Collections.synchronizedSet(new java.util.HashSet<>());
        final List<String> ordered = Collections.synchronizedList(new ArrayList<>());
        final java.util.concurrent.atomic.AtomicInteger orders = new java.util.concurrent.atomic.AtomicInteger();
        Consumer<String> onIssue = name -> { };
        /** The CA's answer to renewal information; null makes it fail as an ARI outage. */
        Optional<RenewalWindow> window = Optional.empty();

        @Override
        public IssuedCertificate issue(OrderRequest request, ChallengePublisher publisher)
                throws PolicygenException, InterruptedException {
            String first = request.names().get(0);
            int order = orders.incrementAndGet();
            ordered.add(first);
            onIssue.accept(first);
            List<ChallengeRecord> records = new ArrayList<>();
            for (String name : request.names()) {
                String bare = name.startsWith("*.") ? name.substring(2) : name;
                // unique per order, as the CA's tokens are
                records.add(new ChallengeRecord(bare, "_acme-challenge." + bare, "digest-" + name + "-" + order));
            }
            publisher.publish(records);
            for (ChallengeRecord record : records) {
                assertTrue(route53.values("Z1COM", record.recordName()).contains("\"" + record.value() + "\""));
            }
            if (failing.contains(first)) {
                publisher.withdraw();
                throw new AcmeFailure("the CA did not validate " + first + " (invalid)");
            }
            publisher.withdraw();
            try {
                String[] names = request.names().toArray(new String[0]);
                return TestCertificates.issued(NOW, NOW.plus(Duration.ofDays(90)), names);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Optional<RenewalWindow> renewalInfo(X509Certificate certificate) throws AcmeFailure {
            if (window == null) {
                throw new AcmeFailure("renewal information unavailable");
            }
            return window;
        }
    }

    @BeforeEach
    void open() throws Exception {
        journal = Journal.open(dir.resolve("state"), Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        journal.close();
    }

    private CertificateConfig certificate(String name) throws Exception {
        return certificate(name, name + ".example.com");
    }

    private CertificateConfig certificate(String name, String domain) throws Exception {
        return new CertificateConfig(name, List.of(new ConfiguredDomain(CertificateName.parse(domain),
                Optional.of(ZONE))), KeyType.EC_P256, 30, List.of(new Destination.Files(dir.resolve(name))));
    }

    private RenewPass run(int concurrency, List<CertificateConfig> certificates) throws Exception {
        return run(new PassOptions(false, false, false, Optional.empty(), concurrency), certificates);
    }

    private RenewPass run(PassOptions options, List<CertificateConfig> certificates) throws Exception {
        GuardedAws aws = EngineFakes.guarded(EngineFakes.services(route53));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RenewLog log = new RenewLog(new PrintWriter(logText, true), RenewLog.Format.TEXT, clock);
        ImportedArns arns = ImportedArns.in(dir.resolve("state"));
        PassParts parts = new PassParts(options, clock, log, Progress.disabled(), ca, aws,
                new ServiceReader(aws, arns),
                new Delivery(aws, arns, clock, log, false), new ChallengeZones(aws), new ZoneRecords(aws),
                new ChangeWaiter(aws, clock, d -> { }, Duration.ofMinutes(1)), journal);
        return new RenewPass(certificates, Map.of(), parts);
    }

    private static Map<String, CertificateResult.Outcome> outcomes(List<CertificateResult> results) {
        Map<String, CertificateResult.Outcome> outcomes = new java.util.LinkedHashMap<>();
        results.forEach(r -> outcomes.put(r.certificate(), r.outcome()));
        return outcomes;
    }

    /**
     * Issue 13: the orders of a pass publish in one wave, one change out and one clean-up per zone; a
     * certificate whose challenge the CA finds invalid fails alone, its values removed in that clean-up.
     */
    @Test
    void aWaveIsOneChangeOutAndOneCleanUpAndAnInvalidChallengeFailsOnlyItsCertificate() throws Exception {
        ca.failing.add("b.example.com");
        List<CertificateConfig> certificates = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            certificates.add(certificate(name));
        }

        List<CertificateResult> results = run(8, certificates).run();

        assertEquals(Map.of("a", CertificateResult.Outcome.RENEWED, "b", CertificateResult.Outcome.FAILED,
                "c", CertificateResult.Outcome.RENEWED, "d", CertificateResult.Outcome.RENEWED,
                "e", CertificateResult.Outcome.RENEWED), outcomes(results));
        assertEquals(1, logText.toString().lines().filter(l -> l.contains("event=wave ")).count(), logText.toString());
        assertEquals(1, route53.count("ListResourceRecordSets"), route53.calls.toString());
        assertEquals(2, route53.count("ChangeResourceRecordSets"), route53.calls.toString());
        assertEquals(1, route53.count("GetChange"), route53.calls.toString());
        assertEquals(5, route53.changes.get(0).size(), "every order's name in the one change out");
        assertEquals(5, route53.changes.get(1).size(), "and in the one clean-up, b's too");
        assertTrue(route53.records.get(ZONE).isEmpty());
        assertEquals(List.of(), journal.leftovers());
    }

    @Test
    void aCertificateWaitingForItsWaveGivesItsWorkSlotToTheNext() throws Exception {
        List<CertificateConfig> certificates = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d")) {
            certificates.add(certificate(name));
        }

        List<CertificateResult> results = run(1, certificates).run();

        assertTrue(results.stream().allMatch(r -> r.outcome() == CertificateResult.Outcome.RENEWED), results.toString());
        assertEquals(1, logText.toString().lines().filter(l -> l.contains("event=wave ")).count(),
                "with --concurrency 1 the four orders still meet in one wave: " + logText);
        assertEquals(2, route53.count("ChangeResourceRecordSets"));
    }

    @Test
    void oneCertificateFailingDoesNotStopTheOthers() throws Exception {
        ca.failing.add("b.example.com");
        List<CertificateConfig> certificates = List.of(certificate("a"), certificate("b"), certificate("c"));

        List<CertificateResult> results = run(2, certificates).run();

        assertEquals(Map.of("a", CertificateResult.Outcome.RENEWED, "b", CertificateResult.Outcome.FAILED,
                "c", CertificateResult.Outcome.RENEWED), outcomes(results));
        assertEquals(List.of("a", "b", "c"), results.stream().map(CertificateResult::certificate).toList());
        assertEquals("the CA did not validate b.example.com (invalid)", results.get(1).detail());
        assertTrue(Files.exists(dir.resolve("a").resolve(PemFiles.CERT)));
        assertTrue(Files.exists(dir.resolve("c").resolve(PemFiles.CERT)));
        assertTrue(!Files.exists(dir.resolve("b").resolve(PemFiles.CERT)));
        // every value withdrawn, the journal empty
        for (String name : List.of("a", "b", "c")) {
            assertEquals(List.of(), route53.values("Z1COM", "_acme-challenge." + name + ".example.com"));
        }
        assertEquals(List.of(), journal.leftovers());
        // a second run finds all but b valid
        List<CertificateResult> again = run(2, certificates).run();
        assertEquals(Map.of("a", CertificateResult.Outcome.SKIPPED, "b", CertificateResult.Outcome.FAILED,
                "c", CertificateResult.Outcome.SKIPPED), outcomes(again));
    }

    @Test
    void aDefectInOneCertificateLetsTheOthersFinishBeforeItIsReported() throws Exception {
        ca.onIssue = name -> {
            if (name.startsWith("b.")) {
                throw new IllegalStateException("defect");
            }
        };
        List<CertificateConfig> certificates = List.of(certificate("a"), certificate("b"), certificate("c"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(1, certificates).run());

        assertEquals("defect", e.getMessage());
        assertEquals(List.of("a.example.com", "b.example.com", "c.example.com"), ca.ordered);
        assertTrue(Files.exists(dir.resolve("c").resolve(PemFiles.CERT)));
        assertEquals(List.of(), route53.values("Z1COM", "_acme-challenge.c.example.com"));
    }

    @Test
    void aFailedCleanUpKeepsTheCertificateRenewedReportsItAndLeavesItToTheNextRun() throws Exception {
        dev.policygen.AwsFailure denied = new dev.policygen.AwsFailure(
                dev.policygen.AwsFailure.Kind.ACCESS_DENIED, "AccessDenied", 403, "denied", null);
        route53.beforeChange.add(() -> { });
        route53.beforeChange.add(() -> route53.changeFailures.add(denied));
        route53.beforeChange.add(() -> route53.changeFailures.add(denied));

        CertificateResult result = run(1, List.of(certificate("a"))).run().get(0);

        assertEquals(CertificateResult.Outcome.RENEWED, result.outcome());
        assertEquals(Optional.of(denied), result.failure());
        assertTrue(result.detail().endsWith("; clean-up failed, the next run retries it: denied"), result.detail());
        assertTrue(Files.exists(dir.resolve("a").resolve(PemFiles.CERT)));
        assertEquals(1, journal.leftovers().size());
        assertEquals(List.of("\"digest-a.example.com-1\""), route53.values("Z1COM", "_acme-challenge.a.example.com"));

        List<CertificateResult> next = run(1, List.of(certificate("a"))).run();
        assertEquals(CertificateResult.Outcome.SKIPPED, next.get(0).outcome());
        assertEquals(List.of(), route53.values("Z1COM", "_acme-challenge.a.example.com"));
        assertEquals(List.of(), journal.leftovers());
    }

    @Test
    void certificatesSharingAChallengeNameAtOnceKeepEachOthersValues() throws Exception {
        route53.put("Z1COM", "_acme-challenge.example.com", 300, "\"theirs\"");
        List<CertificateConfig> certificates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            certificates.add(certificate("apex" + i, "example.com"));
            certificates.add(certificate("wild" + i, "*.example.com"));
        }
        // the CA checks each certificate's own value is there while it validates (ScriptedCa.issue)
        List<CertificateResult> results = run(6, certificates).run();

        assertTrue(results.stream().allMatch(r -> r.outcome() == CertificateResult.Outcome.RENEWED),
                results.toString());
        assertEquals(List.of("\"theirs\""), route53.values("Z1COM", "_acme-challenge.example.com"));
        assertEquals(List.of(), journal.leftovers());
    }

    /** Issue 10 item 13: a files destination that cannot be written fails before the order, wasting no issuance. */
    @Test
    void anUnwritableFilesDestinationFailsBeforeAnythingIsOrdered() throws Exception {
        Files.writeString(dir.resolve("blocked"), "a file where the certificate's folder should be");
        CertificateConfig blocked = new CertificateConfig("a", List.of(new ConfiguredDomain(
                CertificateName.parse("a.example.com"), Optional.of(ZONE))), KeyType.EC_P256, 30,
                List.of(new Destination.Files(dir.resolve("blocked").resolve("a"))));

        List<CertificateResult> results = run(1, List.of(blocked, certificate("b"))).run();

        assertEquals(Map.of("a", CertificateResult.Outcome.FAILED, "b", CertificateResult.Outcome.RENEWED),
                outcomes(results));
        assertEquals("a: cannot write the certificate files in " + dir.resolve("blocked").resolve("a") + ": "
                + dir.resolve("blocked") + " is not a directory", results.get(0).detail());
        assertEquals(List.of("b.example.com"), ca.ordered);
    }

    @Test
    void aDryRunOrdersNothing() throws Exception {
        journal.record("old", ZONE, Map.of("_acme-challenge.old.example.com", List.of("\"crashed\"")));
        route53.put("Z1COM", "_acme-challenge.old.example.com", 60, "\"crashed\"");
        List<CertificateResult> results = run(new PassOptions(false, false, true, Optional.empty(), 2),
                List.of(certificate("a"))).run();
        assertEquals(CertificateResult.Outcome.SKIPPED, results.get(0).outcome());
        assertEquals("dry run; would renew: no certificate in service at " + dir.resolve("a"),
                results.get(0).detail());
        assertEquals(List.of(), ca.ordered);
        // no change anywhere: the leftover stays in Route 53 and in the journal for the next real run
        assertEquals(List.of(), route53.calls);
        assertEquals(1, journal.leftovers().size());
        assertTrue(logText.toString().contains("would-clean"), logText.toString());
    }

    @Test
    void theCasWindowRenewsAValidCertificateAndAnAriOutageDoesNotStopTheRun() throws Exception {
        List<CertificateConfig> certificates = List.of(certificate("a"));
        run(1, certificates).run();
        ca.ordered.clear();

        ca.window = null;
        List<CertificateResult> outage = run(1, certificates).run();
        assertEquals(CertificateResult.Outcome.SKIPPED, outage.get(0).outcome());
        assertTrue(logText.toString().contains("ari.unavailable"), logText.toString());

        ca.window = Optional.of(new RenewalWindow(NOW.minusSeconds(60), NOW.plusSeconds(3600), Optional.empty(),
                Optional.empty()));
        List<CertificateResult> due = run(1, certificates).run();
        assertEquals(CertificateResult.Outcome.RENEWED, due.get(0).outcome());
        assertTrue(due.get(0).detail().startsWith("renewed: the CA's renewal information says renew"),
                due.get(0).detail());
        assertEquals(List.of("a.example.com"), ca.ordered);
    }

    @Test
    void leftoversOfAnEarlierRunAreRemovedFirstKeepingOthersValues() throws Exception {
        String leftover = "_acme-challenge.old.example.com";
        journal.record("old", ZONE, Map.of(leftover, List.of("\"crashed\"")));
        route53.put("Z1COM", leftover, 60, "\"theirs\"", "\"crashed\"");
        List<List<String>> seenAtIssue = new ArrayList<>();
        ca.onIssue = name -> seenAtIssue.add(route53.values("Z1COM", leftover));

        List<CertificateResult> results = run(1, List.of(certificate("a"))).run();

        assertEquals(CertificateResult.Outcome.RENEWED, results.get(0).outcome());
        assertEquals(List.of(List.of("\"theirs\"")), seenAtIssue);
        assertEquals(List.of("\"theirs\""), route53.values("Z1COM", leftover));
        assertEquals(List.of(), journal.leftovers());
    }

    @Test
    void leftoversThatCannotBeRemovedAreReportedAndKept() throws Exception {
        String leftover = "_acme-challenge.old.example.com";
        journal.record("old", ZONE, Map.of(leftover, List.of("\"crashed\"")));
        route53.put("Z1COM", leftover, 60, "\"crashed\"");
        route53.changeFailures.add(new dev.policygen.AwsFailure(dev.policygen.AwsFailure.Kind.ACCESS_DENIED,
                "AccessDenied", 403, "denied", null));

        List<CertificateResult> results = run(1, List.of(certificate("a"))).run();

        assertEquals(Map.of("a", CertificateResult.Outcome.RENEWED, "(leftovers)", CertificateResult.Outcome.FAILED),
                outcomes(results));
        assertEquals(1, journal.leftovers().size());
    }

    @Test
    void stopLetsTheCertificateUnderWayFinishAndStartsNoMore() throws Exception {
        List<CertificateConfig> certificates = List.of(certificate("a"), certificate("b"), certificate("c"));
        RenewPass run = run(1, certificates);
        ca.onIssue = name -> run.stop();

        List<CertificateResult> results = run.run();

        assertEquals(List.of("a.example.com"), ca.ordered);
        assertEquals(CertificateResult.Outcome.RENEWED, results.get(0).outcome());
        for (CertificateResult skipped : results.subList(1, 3)) {
            assertEquals(CertificateResult.Outcome.SKIPPED, skipped.outcome());
            assertEquals("stopped before it started (SIGTERM)", skipped.detail());
        }
        assertTrue(run.stopping());
        assertEquals(List.of(), route53.values("Z1COM", "_acme-challenge.a.example.com"));
    }
}
