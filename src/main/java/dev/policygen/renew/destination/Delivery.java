package dev.policygen.renew.destination;

import dev.policygen.PolicygenException;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.deliver.ImportedArns;
import dev.policygen.renew.report.RenewLog;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a complete new certificate into service at every destination, each the way of its kind
 * ({@link DestinationKind#deliver}). An old IAM server certificate is deleted (with --delete-old,
 * {@link #deleteReplaced}) only after the new one is in service at every destination.
 */
public final class Delivery {
    private final DestinationAws aws;
    private final ImportedArns importedArns;
    private final Clock clock;
    private final RenewLog log;
    private final boolean deleteOld;

    public Delivery(DestinationAws aws, ImportedArns importedArns, Clock clock, RenewLog log, boolean deleteOld) {
        this.aws = aws;
        this.importedArns = importedArns;
        this.clock = clock;
        this.log = log;
        this.deleteOld = deleteOld;
    }

    DestinationAws aws() {
        return aws;
    }

    ImportedArns importedArns() {
        return importedArns;
    }

    Clock clock() {
        return clock;
    }

    RenewLog log() {
        return log;
    }

    /** Whether replaced IAM server certificates are deleted (renew --delete-old). */
    boolean deleteOld() {
        return deleteOld;
    }

    /**
     * Checks with the guard, sending nothing, every request delivering to {@code states} will make (and
     * that local directories can take the files), so a destination the policy does not cover or that
     * cannot be written fails before a certificate is ordered for it.
     */
    public void preflight(String certificate, List<ServiceState> states) throws PolicygenException {
        for (ServiceState state : states) {
            state.destination().preflight(certificate, state, this);
        }
    }

    /** Delivers to one destination; returns where the certificate now is (a path or an ARN). */
    public String deliver(String certificate, IssuedCertificate issued, ServiceState state)
            throws PolicygenException, InterruptedException {
        return state.destination().deliver(certificate, issued, state, this);
    }

    /**
     * With --delete-old, once every destination has the new certificate: deletes the IAM server
     * certificates it replaced on IAM and ELBv2 destinations, except any a destination still uses. Not
     * per destination: two destinations may share an old certificate (a classic ELB and an ALB
     * listener), and deleting it after the first would fail, or break the second, before it is switched.
     *
     * @param inService where each destination's certificate now is, as {@link #deliver} returned it
     */
    public void deleteReplaced(String certificate, List<ServiceState> states, List<String> inService)
            throws PolicygenException, InterruptedException {
        if (!deleteOld) {
            return;
        }
        Set<String> replaced = new LinkedHashSet<>();
        for (ServiceState state : states) {
            Optional<String> previous = state.destination().replacedServerCertificate(state)
                    .filter(arn -> !inService.contains(arn));
            if (previous.isEmpty()) {
                continue;
            }
            if (state.destination().uploaded(previous.get())) {
                replaced.add(previous.get());
            } else {
                // the policy grants deletes under the destination's prefix only, and a certificate someone
                // else put on the listener may be in use elsewhere
                log.info("iam.kept", "cert", certificate, "arn", previous.get(), "reason",
                        "not uploaded by renew under this name prefix");
            }
        }
        for (String previous : replaced) {
            String name = Arns.serverCertificateName(previous);
            aws.deleteServerCertificate(name);
            log.info("iam.deleted", "cert", certificate, "name", name);
        }
    }
}
