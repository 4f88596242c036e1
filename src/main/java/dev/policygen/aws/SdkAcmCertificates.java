package dev.policygen.aws;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.AcmCertificates;
import dev.policygen.renew.cloud.InstalledCertificate;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.GetCertificateResponse;

/** {@link AcmCertificates} with the SDK's ACM client. */
final class SdkAcmCertificates implements AcmCertificates {
    private final Supplier<AcmClient> client;

    SdkAcmCertificates(Supplier<AcmClient> client) {
        this.client = client;
    }

    @Override
    public Optional<InstalledCertificate> get(String certificateArn) throws AwsFailure {
        GetCertificateResponse response;
        try {
            response = client.get().getCertificate(r -> r.certificateArn(certificateArn));
        } catch (SdkException e) {
            if ("ResourceNotFoundException".equals(SdkFailures.code(e))) {
                return Optional.empty();
            }
            throw SdkFailures.of(e, "ACM", "GetCertificate", certificateArn);
        }
        return Optional.of(new InstalledCertificate(certificateArn, response.certificate(),
                response.certificateChain() == null ? "" : response.certificateChain()));
    }

    @Override
    public String importCertificate(Optional<String> certificateArn, String certificatePem, String privateKeyPem,
            String chainPem) throws AwsFailure {
        try {
            return client.get().importCertificate(r -> r.certificateArn(certificateArn.orElse(null))
                    .certificate(SdkBytes.fromUtf8String(certificatePem))
                    .privateKey(SdkBytes.fromUtf8String(privateKeyPem))
                    .certificateChain(chainPem == null || chainPem.isBlank() ? null : SdkBytes.fromUtf8String(chainPem)))
                    .certificateArn();
        } catch (SdkException e) {
            throw SdkFailures.of(e, "ACM", "ImportCertificate", certificateArn.orElse("a new certificate"));
        }
    }
}
