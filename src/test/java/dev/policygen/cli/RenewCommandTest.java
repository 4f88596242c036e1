package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.AwsFailure;
import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import dev.policygen.UsageException;
import dev.policygen.renew.CertificateResult;
import dev.policygen.renew.deliver.DeliveryFailure;
import dev.policygen.renew.dns.JournalFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exit code of a pass from its certificates' results, and the options refused before anything starts. */
class RenewCommandTest {
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
        assertEquals(ExitCode.OK, RenewCommand.exitCode(List.of()));
        assertEquals(ExitCode.OK, RenewCommand.exitCode(List.of(ok("a", CertificateResult.Outcome.RENEWED),
                ok("b", CertificateResult.Outcome.SKIPPED))));
    }

    @Test
    void eachKindOfFailureHasItsCode() {
        assertEquals(ExitCode.REMOTE, RenewCommand.exitCode(List.of(failed("a", AWS))));
        assertEquals(ExitCode.BAD_INPUT, RenewCommand.exitCode(List.of(failed("a", JOURNAL))));
        assertEquals(ExitCode.BAD_INPUT, RenewCommand.exitCode(List.of(failed("a", DELIVERY))));
        assertEquals(ExitCode.BAD_INPUT, RenewCommand.exitCode(List.of(failed("a", INPUT))));
        assertEquals(ExitCode.USAGE, RenewCommand.exitCode(List.of(failed("a", USAGE))));
    }

    @Test
    void aRenewedCertificateWhoseCleanUpFailedStillFailsTheRun() {
        CertificateResult renewed = new CertificateResult("a", CertificateResult.Outcome.RENEWED, Optional.empty(),
                "renewed; clean-up failed", List.of("/etc/ssl/a"), Optional.of(AWS));
        assertEquals(ExitCode.REMOTE, RenewCommand.exitCode(List.of(renewed, ok("b", CertificateResult.Outcome.SKIPPED))));
    }

    @Test
    void anAwsOrAcmeFailureOutranksLocalOnesWhicheverCameFirst() {
        assertEquals(ExitCode.REMOTE, RenewCommand.exitCode(List.of(failed("a", JOURNAL), failed("b", AWS))));
        assertEquals(ExitCode.REMOTE, RenewCommand.exitCode(List.of(failed("a", AWS), failed("b", JOURNAL))));
        assertEquals(ExitCode.BAD_INPUT, RenewCommand.exitCode(List.of(failed("a", JOURNAL), failed("b", USAGE))));
    }

    private static String refusal(String interval, int concurrency, int route53Rate) {
        RenewCommand options = new RenewCommand();
        options.interval = interval;
        options.concurrency = concurrency;
        options.target.route53Rate = route53Rate;
        return org.junit.jupiter.api.Assertions.assertThrows(UsageException.class, options::request).getMessage();
    }

    @Test
    void optionsOutOfRangeAreRefusedBeforeAnythingStarts() {
        assertEquals("--interval must be longer than zero", refusal("0s", 8, 5));
        assertEquals("--concurrency takes 1 to 64", refusal("12h", 0, 5));
        assertEquals("--concurrency takes 1 to 64", refusal("12h", 65, 5));
        assertEquals("--route53-rate takes 1 to 100", refusal("12h", 8, 0));
        assertEquals("--route53-rate takes 1 to 100", refusal("12h", 8, 101));
    }
}
