package dev.policygen.renew.cloud;

import dev.policygen.AwsFailure;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** IAM server certificates (the store classic ELB listeners take their certificates from). */
public interface ServerCertificates {

    /** What ListServerCertificates tells of one certificate. */
    record Metadata(String name, String arn, String path, Instant expiration, Instant uploaded) {
    }

    /** One GetServerCertificate (iam:GetServerCertificate on its ARN); empty when there is none by that name. */
    Optional<InstalledCertificate> get(String name) throws AwsFailure;

    /** One ListServerCertificates request per page (iam:ListServerCertificates on {@code *}). */
    List<Metadata> list() throws AwsFailure;

    /** One UploadServerCertificate (iam:UploadServerCertificate on the new certificate's ARN). */
    Metadata upload(String name, String certificatePem, String privateKeyPem, String chainPem) throws AwsFailure;

    /** One DeleteServerCertificate (iam:DeleteServerCertificate on its ARN). */
    void delete(String name) throws AwsFailure;
}
