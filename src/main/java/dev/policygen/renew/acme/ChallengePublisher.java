package dev.policygen.renew.acme;

import dev.policygen.PolicygenException;
import java.util.List;

/** Puts an order's DNS-01 values where the CA looks for them, and takes them away again. */
public interface ChallengePublisher {
    /** Called once per order with every DNS-01 record of the order; returns when all are visible (INSYNC). */
    void publish(List<ChallengeRecord> records) throws PolicygenException, InterruptedException;

    /** Called once all authorizations are final (valid or invalid), before finalizing; idempotent. */
    void withdraw() throws PolicygenException, InterruptedException;
}
