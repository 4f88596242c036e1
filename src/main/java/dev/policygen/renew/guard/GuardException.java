package dev.policygen.renew.guard;

import dev.policygen.FailureCategory;
import dev.policygen.PolicygenException;

/**
 * The renewer was about to send an AWS request its policy denies, so it did not send it. The CLI
 * reports it with exit code 4 (AWS or ACME failure), like the AccessDenied AWS would have answered:
 * a renewal that stops on either needs the same operator action, a policy that allows the call.
 */
public final class GuardException extends PolicygenException {
    private static final long serialVersionUID = 1L;

    GuardException(String message) {
        super(message);
    }

    @Override
    public FailureCategory category() {
        return FailureCategory.REMOTE;
    }
}
