package dev.policygen.renew.deliver;

import dev.policygen.PolicygenException;
import dev.policygen.aws.AwsFailure;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.cloud.ServerCertificates;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.guard.GuardException;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.report.RenewLog;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Puts a complete new certificate into service at every destination: files replaced atomically, a
 * new IAM server certificate installed on its listener, an ACM certificate re-imported in place. An
 * old IAM server certificate is deleted (with --delete-old) only after the new one is in service.
 */
public final class Delivery {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String ENTITY_EXISTS = "EntityAlreadyExists";
    private static final int NAME_ATTEMPTS = 5;

    private final GuardedAws aws;
    private final ImportedArns importedArns;
    private final Clock clock;
    private final RenewLog log;
    private final boolean deleteOld;

    public Delivery(GuardedAws aws, ImportedArns importedArns, Clock clock, RenewLog log, boolean deleteOld) {
        this.aws = aws;
        this.importedArns = importedArns;
        this.clock = clock;
        this.log = log;
        this.deleteOld = deleteOld;
    }

    /**
     * Checks with the guard, sending nothing, every request delivering to {@code states} will make, so
     * a destination the policy does not cover fails before a certificate is ordered for it.
     */
    public void preflight(List<ServiceState> states) throws GuardException {
        for (ServiceState state : states) {
            Destination destination = state.destination();
            if (destination instanceof Destination.IamServerCertificate iam) {
                aws.check(aws.uploadCall(iam.namePrefix() + "-" + STAMP.format(clock.instant())));
                if (iam.elb().isPresent()) {
                    aws.check(aws.classicListenerCall(iam.elb().get().name()));
                }
                Optional<String> previous = state.location();
                if (deleteOld && previous.isPresent() && ServiceReader.ours(destination, previous.get())) {
                    aws.check(aws.deleteCall(Arns.serverCertificateName(previous.get())));
                }
            } else if (destination instanceof Destination.Elbv2 elbv2) {
                Optional<String> current = state.location().filter(Arns::isAcmCertificate);
                aws.check(aws.importCall(current));
                if (current.isEmpty()) {
                    aws.check(aws.modifyListenerCall(elbv2.listenerArn()));
                }
            } else if (destination instanceof Destination.Acm acm) {
                aws.check(aws.importCall(acm.certificateArn().isPresent() ? acm.certificateArn() : state.location()));
            }
        }
    }

    /** Delivers to one destination; returns where the certificate now is (a path or an ARN). */
    public String deliver(String certificate, IssuedCertificate issued, ServiceState state)
            throws PolicygenException, InterruptedException {
        Destination destination = state.destination();
        if (destination instanceof Destination.Files files) {
            try {
                PemFiles.write(files.dir(), issued.certificatePem(), issued.chainPem(), issued.fullchainPem(),
                        issued.privateKeyPem());
            } catch (IOException e) {
                throw new DeliveryFailure(certificate, "cannot write the certificate files in " + files.dir() + ": "
                        + e.getMessage(), e);
            }
            return files.dir().toString();
        }
        if (destination instanceof Destination.IamServerCertificate iam) {
            ServerCertificates.Metadata uploaded = upload(iam.namePrefix(), issued);
            log.info("iam.uploaded", "cert", certificate, "name", uploaded.name(), "arn", uploaded.arn());
            if (iam.elb().isPresent()) {
                Destination.ClassicElb elb = iam.elb().get();
                aws.setClassicListenerCertificate(elb.name(), elb.port(), uploaded.arn());
                log.info("elb.installed", "cert", certificate, "elb", elb.name(), "port", elb.port());
            }
            deleteReplaced(certificate, state, uploaded.arn());
            return uploaded.arn();
        }
        if (destination instanceof Destination.Elbv2 elbv2) {
            Optional<String> current = state.location().filter(Arns::isAcmCertificate);
            // re-importing into the listener's ACM certificate keeps every binding; anything else gets a new one
            String arn = aws.importAcmCertificate(current, issued.certificatePem(), issued.privateKeyPem(),
                    issued.chainPem());
            if (current.isEmpty()) {
                aws.setListenerDefaultCertificate(elbv2.listenerArn(), arn);
                log.info("elbv2.installed", "cert", certificate, "listener", elbv2.listenerArn(), "arn", arn);
            }
            return arn;
        }
        Destination.Acm acm = (Destination.Acm) destination;
        Optional<String> target = acm.certificateArn().isPresent() ? acm.certificateArn()
                : state.location();
        String arn = aws.importAcmCertificate(target, issued.certificatePem(), issued.privateKeyPem(),
                issued.chainPem());
        if (target.isEmpty()) {
            try {
                importedArns.put(certificate, arn);
            } catch (IOException e) {
                throw new DeliveryFailure(certificate, "imported as " + arn + " but cannot remember it for the next "
                        + "run (add certificateArn: " + arn + " to the config): " + e.getMessage(), e);
            }
            log.info("acm.imported", "cert", certificate, "arn", arn, "hint", "add certificateArn to the config");
        }
        return arn;
    }

    /**
     * Uploads as PREFIX-STAMP. The stamp has whole seconds, so a run right after another (--force-issue)
     * can meet its own name; the next seconds are tried rather than losing the certificate just issued.
     */
    private ServerCertificates.Metadata upload(String prefix, IssuedCertificate issued)
            throws PolicygenException, InterruptedException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (int attempt = 0; ; attempt++) {
            String name = prefix + "-" + STAMP.format(now.plusSeconds(attempt));
            try {
                return aws.uploadServerCertificate(name, issued.certificatePem(), issued.privateKeyPem(),
                        issued.chainPem());
            } catch (AwsFailure e) {
                if (attempt == NAME_ATTEMPTS - 1 || !e.code().filter(ENTITY_EXISTS::equals).isPresent()) {
                    throw e;
                }
            }
        }
    }

    /**
     * With --delete-old, the IAM server certificate the new one replaced; it is out of service by now.
     * Only one this destination uploaded (its name prefix) is deleted: the policy grants no other, and
     * a certificate someone else put on the listener may be in use elsewhere.
     */
    private void deleteReplaced(String certificate, ServiceState state, String replacement)
            throws PolicygenException, InterruptedException {
        Optional<String> previous = state.location();
        if (!deleteOld || previous.isEmpty() || !Arns.isServerCertificate(previous.get())
                || previous.get().equals(replacement)) {
            return;
        }
        if (!ServiceReader.ours(state.destination(), previous.get())) {
            log.info("iam.kept", "cert", certificate, "arn", previous.get(), "reason",
                    "not uploaded by renew under this name prefix");
            return;
        }
        String name = Arns.serverCertificateName(previous.get());
        aws.deleteServerCertificate(name);
        log.info("iam.deleted", "cert", certificate, "name", name);
    }
}
