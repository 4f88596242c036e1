package dev.policygen.renew.destination;

import dev.policygen.PolicygenException;
import dev.policygen.renew.acme.IssuedCertificate;
import java.util.Optional;

/**
 * One configured destination with the behaviour of its kind: what it has in service, how a new
 * certificate gets there, how it is named in messages, and what it adds to the renew policy. Every
 * request it makes goes through {@link DestinationAws}, so the guard sees it first.
 */
public interface DestinationKind {

    /** Where the destination is, for messages, when nothing is in service there yet. */
    String describe();

    /** The ARN the config gives this destination, if any; the run's account is taken from such ARNs. */
    Optional<String> configuredArn();

    /** The certificate this destination has in service now, read with read-only requests. */
    ServiceState read(String certificate, ServiceReader reader) throws PolicygenException, InterruptedException;

    /**
     * Checks with the guard, sending nothing, every request {@link #deliver} will make (and, for local
     * files, that the directory can take them), so a destination the policy does not cover or that
     * cannot be written fails before a certificate is ordered for it.
     */
    void preflight(String certificate, ServiceState state, Delivery delivery) throws PolicygenException;

    /** Puts {@code issued} into service; returns where it now is (a path or an ARN). */
    String deliver(String certificate, IssuedCertificate issued, ServiceState state, Delivery delivery)
            throws PolicygenException, InterruptedException;

    /**
     * The IAM server certificate that delivering here takes out of service, which --delete-old may
     * delete once every destination has the new one; empty for kinds that never replace one.
     */
    default Optional<String> replacedServerCertificate(ServiceState state) {
        return Optional.empty();
    }

    /**
     * True for an IAM server certificate this destination uploaded itself: only those are read and,
     * with --delete-old, deleted, as its policy covers no other.
     */
    default boolean uploaded(String serverCertificateArn) {
        return false;
    }

    /** Adds the generate options that grant this destination's requests. */
    void grant(PolicyGrants grants);
}
