package dev.policygen.renew.deliver;

import dev.policygen.AwsFailure;
import dev.policygen.PolicygenException;
import dev.policygen.renew.cloud.InstalledCertificate;
import dev.policygen.renew.cloud.ServerCertificates;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.guard.GuardedAws;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the certificate each destination has in service, with read-only calls: the listener's
 * certificate ARN and then that certificate, the newest IAM server certificate of a prefix, an ACM
 * certificate, or the PEM files.
 */
public final class ServiceReader {
    private final GuardedAws aws;
    private final ImportedArns importedArns;

    public ServiceReader(GuardedAws aws, ImportedArns importedArns) {
        this.aws = aws;
        this.importedArns = importedArns;
    }

    public List<ServiceState> read(CertificateConfig certificate) throws PolicygenException, InterruptedException {
        List<ServiceState> states = new ArrayList<>();
        for (Destination destination : certificate.destinations()) {
            states.add(read(certificate.name(), destination));
        }
        return states;
    }

    private ServiceState read(String certificate, Destination destination) throws PolicygenException,
            InterruptedException {
        if (destination instanceof Destination.Files files) {
            Optional<InstalledCertificate> installed;
            try {
                installed = PemFiles.read(files.dir());
            } catch (IOException e) {
                throw new DeliveryFailure(certificate, "cannot read " + files.dir() + ": " + e.getMessage(), e);
            }
            return state(certificate, destination, installed, files.dir().toString());
        }
        if (destination instanceof Destination.IamServerCertificate iam) {
            if (iam.elb().isPresent()) {
                Destination.ClassicElb elb = iam.elb().get();
                Optional<String> arn = aws.classicListenerCertificate(elb.name(), elb.port());
                return byArn(certificate, destination, arn);
            }
            Optional<ServerCertificates.Metadata> newest = aws.serverCertificates().stream()
                    .filter(meta -> Delivery.uploadedFor(iam.namePrefix(), meta.name()))
                    .max(Comparator.comparing(ServerCertificates.Metadata::uploaded));
            if (newest.isEmpty()) {
                return ServiceState.empty(destination);
            }
            return state(certificate, destination, aws.serverCertificate(newest.get().name()), newest.get().arn());
        }
        if (destination instanceof Destination.Elbv2 elbv2) {
            return byArn(certificate, destination, aws.listenerDefaultCertificate(elbv2.listenerArn()));
        }
        Destination.Acm acm = (Destination.Acm) destination;
        Optional<String> arn = acm.certificateArn().isPresent() ? acm.certificateArn() : importedArns.get(certificate);
        return byArn(certificate, destination, arn);
    }

    /** The certificate behind an ARN a listener or the config names: an IAM server certificate or an ACM one. */
    private ServiceState byArn(String certificate, Destination destination, Optional<String> arn)
            throws PolicygenException, InterruptedException {
        if (arn.isEmpty()) {
            return ServiceState.empty(destination);
        }
        Optional<InstalledCertificate> installed;
        if (Arns.isServerCertificate(arn.get())) {
            if (!ours(destination, arn.get())) {
                // not a certificate this destination writes, so its policy grants no read of it (an ELBv2
                // listener's IAM certificate, one uploaded by hand): it is replaced, not read
                return new ServiceState(destination, Optional.empty(), arn);
            }
            installed = aws.serverCertificate(Arns.serverCertificateName(arn.get()));
        } else if (Arns.isAcmCertificate(arn.get())) {
            installed = aws.acmCertificate(arn.get());
        } else {
            throw new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "the certificate in service for " + certificate
                    + " is neither an IAM server certificate nor an ACM certificate: " + arn.get(), null);
        }
        return state(certificate, destination, installed, arn.get());
    }

    /** True for an IAM server certificate named as this destination names its uploads: PREFIX-STAMP. */
    static boolean ours(Destination destination, String serverCertificateArn) {
        return destination instanceof Destination.IamServerCertificate iam
                && Delivery.uploadedFor(iam.namePrefix(), Arns.serverCertificateName(serverCertificateArn));
    }

    private static ServiceState state(String certificate, Destination destination,
            Optional<InstalledCertificate> installed, String location) throws DeliveryFailure {
        if (installed.isEmpty()) {
            return ServiceState.empty(destination);
        }
        try {
            return new ServiceState(destination, Optional.of(Pem.leaf(installed.get().certificatePem())),
                    Optional.of(location));
        } catch (CertificateException e) {
            throw new DeliveryFailure(certificate, "the certificate in service at " + location
                    + " is not a readable X.509 certificate: " + e.getMessage(), e);
        }
    }
}
