package dev.policygen.renew.destination;

import dev.policygen.AwsFailure;
import dev.policygen.PolicygenException;
import dev.policygen.renew.cloud.InstalledCertificate;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.deliver.DeliveryFailure;
import dev.policygen.renew.deliver.ImportedArns;
import dev.policygen.renew.deliver.Pem;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the certificate each destination of a certificate has in service, with read-only calls;
 * each kind knows where to look ({@link DestinationKind#read}), this holds what they share: the
 * certificate behind an ARN and the reading of its PEM text.
 */
public final class ServiceReader {
    private final DestinationAws aws;
    private final ImportedArns importedArns;

    public ServiceReader(DestinationAws aws, ImportedArns importedArns) {
        this.aws = aws;
        this.importedArns = importedArns;
    }

    public List<ServiceState> read(CertificateConfig certificate) throws PolicygenException, InterruptedException {
        List<ServiceState> states = new ArrayList<>();
        for (Destination destination : certificate.destinations()) {
            states.add(DestinationKinds.of(destination).read(certificate.name(), this));
        }
        return states;
    }

    DestinationAws aws() {
        return aws;
    }

    ImportedArns importedArns() {
        return importedArns;
    }

    /** The certificate behind an ARN a listener or the config names: an IAM server certificate or an ACM one. */
    ServiceState byArn(String certificate, DestinationKind destination, Optional<String> arn)
            throws PolicygenException, InterruptedException {
        if (arn.isEmpty()) {
            return ServiceState.empty(destination);
        }
        Optional<InstalledCertificate> installed;
        if (Arns.isServerCertificate(arn.get())) {
            if (!destination.uploaded(arn.get())) {
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

    /** The state of a certificate read from {@code location}, empty when nothing was there. */
    static ServiceState state(String certificate, DestinationKind destination,
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
