package dev.policygen.renew.deliver;

import dev.policygen.FailureCategory;
import dev.policygen.PolicygenException;

/** A certificate could not be read from or written to a local destination; nothing in service was lost. */
public final class DeliveryFailure extends PolicygenException {
    private static final long serialVersionUID = 1L;

    private final String certificate;

    public DeliveryFailure(String certificate, String message, Throwable cause) {
        super(certificate + ": " + message, cause);
        this.certificate = certificate;
    }

    public String certificate() {
        return certificate;
    }

    @Override
    public FailureCategory category() {
        return FailureCategory.FILE;
    }
}
