package dev.policygen.renew.cloud;

import dev.policygen.AwsFailure;
import java.util.Optional;

/** AWS Certificate Manager, for imported certificates. */
public interface AcmCertificates {

    /** One GetCertificate (acm:GetCertificate on the ARN); empty when ACM has no such certificate. */
    Optional<InstalledCertificate> get(String certificateArn) throws AwsFailure;

    /**
     * One ImportCertificate (acm:ImportCertificate): into {@code certificateArn} when given, which keeps
     * its bindings (listeners, distributions), else as a new certificate. Returns the certificate's ARN.
     */
    String importCertificate(Optional<String> certificateArn, String certificatePem, String privateKeyPem,
            String chainPem) throws AwsFailure;
}
