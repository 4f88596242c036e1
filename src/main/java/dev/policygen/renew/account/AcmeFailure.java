package dev.policygen.renew.account;

import dev.policygen.FailureCategory;
import dev.policygen.PolicygenException;

/** The ACME server refused a request or could not be reached; the CLI exits with 4. */
public final class AcmeFailure extends PolicygenException {
    private static final long serialVersionUID = 1L;

    public AcmeFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public AcmeFailure(String message) {
        super(message);
    }

    @Override
    public FailureCategory category() {
        return FailureCategory.REMOTE;
    }
}
