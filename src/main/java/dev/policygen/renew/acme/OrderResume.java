package dev.policygen.renew.acme;

import java.util.Optional;
import org.shredzone.acme4j.Status;

/**
 * What to do with an order an earlier runner created and did not finish, by its status at the CA
 * (RFC 8555 §7.1.6). Only the new key is ever missing: the account key is shared by the config, so any
 * runner may continue the order, and the CA finalizes it with any CSR for its identifiers.
 */
public enum OrderResume {
    /** pending: its authorizations are validated as a new order's would be, in this runner's wave. */
    CONTINUE_AUTHORIZATIONS,
    /** ready: finalized with a new key and CSR. */
    FINALIZE,
    /**
     * processing or valid: the CA issued (or is issuing) a certificate for a key that died with the
     * runner, so a new order is unavoidable; counted apart from the orders that were never made.
     */
    REISSUE,
    /** invalid, expired, gone (404), or for other names: a new order, as if there had been none. */
    NEW;

    /** The decision for an order the CA reports as {@code status}; empty status: the CA no longer has it. */
    public static OrderResume decide(Optional<Status> status) {
        if (status.isEmpty()) {
            return NEW;
        }
        return switch (status.get()) {
            case PENDING -> CONTINUE_AUTHORIZATIONS;
            case READY -> FINALIZE;
            case PROCESSING, VALID -> REISSUE;
            default -> NEW;
        };
    }
}
