package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.AwsFailure;
import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import dev.policygen.UsageException;
import dev.policygen.renew.CertificateResult;
import dev.policygen.renew.deliver.DeliveryFailure;
import dev.policygen.renew.dns.JournalFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exit code of a pass from its certificates' results, and the jitter between passes. */
class RenewSessionTest {
    private static CertificateResult ok(String name, CertificateResult.Outcome outcome) {
        return new CertificateResult(name, outcome, Optional.empty(), "", List.of(), Optional.empty());
    }

    private static CertificateResult failed(String name, PolicygenException failure) {
        return new CertificateResult(name, CertificateResult.Outcome.FAILED, Optional.empty(), failure.getMessage(),
                List.of(), Optional.of(failure));
    }

    private static final PolicygenException AWS = new AwsFailure(AwsFailure.Kind.ACCESS_DENIED, "denied", null);
    private static final PolicygenException JOURNAL = new JournalFailure(Path.of("/state/journal.json"),
            new IOException("disk full"));
    private static final PolicygenException DELIVERY = new DeliveryFailure("www", "cannot write", null);
    private static final PolicygenException USAGE = new UsageException("x", "bad value");
    private static final PolicygenException INPUT = new InputException("config.yaml", "unreadable", null);

    @Test
    void renewedAndSkippedCertificatesExitZero() {
        assertEquals(ExitCode.OK, RenewSession.exitCode(List.of()));
        assertEquals(ExitCode.OK, RenewSession.exitCode(List.of(ok("a", CertificateResult.Outcome.RENEWED),
                ok("b", CertificateResult.Outcome.SKIPPED))));
    }

    @Test
    void eachKindOfFailureHasItsCode() {
        assertEquals(ExitCode.REMOTE, RenewSession.exitCode(List.of(failed("a", AWS))));
        assertEquals(ExitCode.BAD_INPUT, RenewSession.exitCode(List.of(failed("a", JOURNAL))));
        assertEquals(ExitCode.BAD_INPUT, RenewSession.exitCode(List.of(failed("a", DELIVERY))));
        assertEquals(ExitCode.BAD_INPUT, RenewSession.exitCode(List.of(failed("a", INPUT))));
        assertEquals(ExitCode.USAGE, RenewSession.exitCode(List.of(failed("a", USAGE))));
    }

    @Test
    void aRenewedCertificateWhoseCleanUpFailedStillFailsTheRun() {
        CertificateResult renewed = new CertificateResult("a", CertificateResult.Outcome.RENEWED, Optional.empty(),
                "renewed; clean-up failed", List.of("/etc/ssl/a"), Optional.of(AWS));
        assertEquals(ExitCode.REMOTE, RenewSession.exitCode(List.of(renewed, ok("b", CertificateResult.Outcome.SKIPPED))));
    }

    @Test
    void anAwsOrAcmeFailureOutranksLocalOnesWhicheverCameFirst() {
        assertEquals(ExitCode.REMOTE, RenewSession.exitCode(List.of(failed("a", JOURNAL), failed("b", AWS))));
        assertEquals(ExitCode.REMOTE, RenewSession.exitCode(List.of(failed("a", AWS), failed("b", JOURNAL))));
        assertEquals(ExitCode.BAD_INPUT, RenewSession.exitCode(List.of(failed("a", JOURNAL), failed("b", USAGE))));
    }

    private static String refusal(String interval, int concurrency, int route53Rate) {
        RenewCommand options = new RenewCommand();
        options.interval = interval;
        options.concurrency = concurrency;
        options.target.route53Rate = route53Rate;
        java.io.PrintWriter sink = new java.io.PrintWriter(new java.io.StringWriter());
        return org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> new RenewSession(options, sink, sink).run()).getMessage();
    }

    @Test
    void optionsOutOfRangeAreRefusedBeforeAnythingStarts() {
        assertEquals("--interval must be longer than zero", refusal("0s", 8, 5));
        assertEquals("--concurrency takes 1 to 64", refusal("12h", 0, 5));
        assertEquals("--concurrency takes 1 to 64", refusal("12h", 65, 5));
        assertEquals("--route53-rate takes 1 to 100", refusal("12h", 8, 0));
        assertEquals("--route53-rate takes 1 to 100", refusal("12h", 8, 101));
    }

    @Test
    void jitterStaysWithinTenPercentAndAtLeastOneSecond() {
        for (int i = 0; i < 200; i++) {
            long millis = RenewSession.jittered(Duration.ofHours(12)).toMillis();
            assertTrue(millis >= 0.9 * 12 * 3_600_000 && millis <= 1.1 * 12 * 3_600_000, String.valueOf(millis));
        }
        assertEquals(Duration.ofSeconds(1), RenewSession.jittered(Duration.ofMillis(10)));
    }
}
