package dev.policygen.renew.deliver;

import dev.policygen.AwsFailure;
import dev.policygen.PolicygenException;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.cloud.ServerCertificates;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.guard.GuardException;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.report.RenewLog;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a complete new certificate into service at every destination: files replaced atomically, a
 * new IAM server certificate installed on its listener, an ACM certificate re-imported in place. An
 * old IAM server certificate is deleted (with --delete-old, {@link #deleteReplaced}) only after the new
 * one is in service at every destination.
 */
public final class Delivery {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String ENTITY_EXISTS = "EntityAlreadyExists";
    private static final int NAME_ATTEMPTS = 5;

    /** The part after {@code <namePrefix>-} of the names renew gives IAM server certificates. */
    private static final java.util.regex.Pattern STAMP_TEXT = java.util.regex.Pattern.compile("\\d{8}T\\d{6}Z");

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
     * Whether {@code name} is one renew gave a certificate of {@code namePrefix}: the prefix, a dash and
     * the time stamp, nothing else; so prefix {@code www} never claims {@code www-api}'s certificates.
     */
    static boolean uploadedFor(String namePrefix, String name) {
        String start = namePrefix + "-";
        return name.startsWith(start) && STAMP_TEXT.matcher(name.substring(start.length())).matches();
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
            boolean replacedHere = state.destination() instanceof Destination.IamServerCertificate
                    || state.destination() instanceof Destination.Elbv2;
            Optional<String> previous = state.location().filter(arn -> replacedHere
                    && Arns.isServerCertificate(arn) && !inService.contains(arn));
            if (previous.isEmpty()) {
                continue;
            }
            if (ServiceReader.ours(state.destination(), previous.get())) {
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
