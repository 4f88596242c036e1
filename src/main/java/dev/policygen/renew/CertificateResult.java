package dev.policygen.renew;

import dev.policygen.FailureCategory;
import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How one certificate's renewal ended: renewed (to these locations), skipped (not due, or only
 * reported in a dry run), or failed with the reason. A renewal whose clean-up failed is renewed but
 * carries that failure too, so the run's exit code still reports it.
 */
public record CertificateResult(String certificate, Outcome outcome, Optional<Instant> expiry, String detail,
        List<String> locations, Optional<PolicygenException> failure) {
    public enum Outcome { RENEWED, SKIPPED, FAILED }

    public CertificateResult {
        locations = List.copyOf(locations);
    }

    /**
     * The failure that speaks for a pass: the first from AWS, the CA or the policy guard, which needs the
     * operator most, whichever certificate came first; else the first failure; none when every certificate
     * was renewed or not due (clean-up included).
     */
    public static Optional<PolicygenException> decidingFailure(List<CertificateResult> results) {
        PolicygenException first = null;
        for (CertificateResult result : results) {
            if (result.failure().isPresent()) {
                PolicygenException failure = result.failure().get();
                if (failure.category() == FailureCategory.REMOTE) {
                    return Optional.of(failure);
                }
                first = first != null ? first : failure;
            }
        }
        return Optional.ofNullable(first);
    }

    static CertificateResult skipped(String certificate, Optional<Instant> expiry, String detail) {
        return new CertificateResult(certificate, Outcome.SKIPPED, expiry, detail, List.of(), Optional.empty());
    }

    static CertificateResult failed(String certificate, Optional<Instant> expiry, PolicygenException failure) {
        return new CertificateResult(certificate, Outcome.FAILED, expiry, reason(failure), List.of(),
                Optional.of(failure));
    }

    /** The failure as one line; a bad input value at its {@code FILE:LINE:COL}, as config errors are. */
    static String reason(PolicygenException failure) {
        return failure instanceof InputException input ? input.located() : failure.getMessage();
    }
}
