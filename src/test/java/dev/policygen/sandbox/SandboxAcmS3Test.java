package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateType;
import software.amazon.awssdk.services.acm.model.GetCertificateResponse;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** ACM imports through AcmClient, S3 objects through S3Client (path style). */
class SandboxAcmS3Test {
    @Test
    void importsDescribesGetsAndReimportsAnAcmCertificate() throws Exception {
        AwsServiceClients.Issued first = AwsServiceClients.issue("www.example.com", false, 90);
        AwsServiceClients.Issued second = AwsServiceClients.issue("www.example.com", true, 30);
        AwsServiceClients.Issued chain = AwsServiceClients.issue("Example CA", false, 365);
        try (Sandbox sandbox = Sandbox.builder().build().start(); AcmClient acm = AwsServiceClients.acm(sandbox)) {
            String arn = acm.importCertificate(r -> r.certificate(SdkBytes.fromUtf8String(first.certificate()))
                    .privateKey(SdkBytes.fromUtf8String(first.key()))
                    .certificateChain(SdkBytes.fromUtf8String(chain.certificate()))).certificateArn();
            assertTrue(arn.matches("arn:aws:acm:us-east-1:123456789012:certificate/[0-9a-f-]{36}"), arn);
            GetCertificateResponse got = acm.getCertificate(r -> r.certificateArn(arn));
            assertEquals(first.certificate().strip(), got.certificate());
            assertEquals(chain.certificate().strip(), got.certificateChain());
            CertificateDetail detail = acm.describeCertificate(r -> r.certificateArn(arn)).certificate();
            assertEquals("www.example.com", detail.domainName());
            assertEquals(List.of("www.example.com"), detail.subjectAlternativeNames());
            assertEquals(CertificateType.IMPORTED, detail.type());
            assertEquals(first.notAfter(), detail.notAfter());
            assertTrue(detail.importedAt() != null);

            String again = acm.importCertificate(r -> r.certificateArn(arn)
                    .certificate(SdkBytes.fromUtf8String(second.certificate()))
                    .privateKey(SdkBytes.fromUtf8String(second.key()))).certificateArn();
            assertEquals(arn, again);
            assertEquals(second.notAfter(), sandbox.acmCertificate(arn).orElseThrow().notAfter());
            assertEquals("RSA_2048", sandbox.acmCertificate(arn).orElseThrow().keyAlgorithm());

            String unknown = arn.substring(0, arn.length() - 4) + "0000";
            ResourceNotFoundException notFound = assertThrows(ResourceNotFoundException.class,
                    () -> acm.importCertificate(r -> r.certificateArn(unknown)
                            .certificate(SdkBytes.fromUtf8String(second.certificate()))
                            .privateKey(SdkBytes.fromUtf8String(second.key()))));
            assertEquals("ResourceNotFoundException", notFound.awsErrorDetails().errorCode());
            assertThrows(ResourceNotFoundException.class, () -> acm.getCertificate(r -> r.certificateArn(unknown)));
            assertThrows(software.amazon.awssdk.services.acm.model.ValidationException.class,
                    () -> acm.importCertificate(r -> r.certificate(SdkBytes.fromUtf8String(first.certificate()))
                            .privateKey(SdkBytes.fromUtf8String(second.key()))));
        }
    }

    @Test
    void putsGetsAndConditionallyPutsObjects() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().object("renew-state", "seeded.json",
                "{}".getBytes(StandardCharsets.UTF_8)).build().start(); S3Client s3 = AwsServiceClients.s3(sandbox)) {
            assertEquals("{}", s3.getObjectAsBytes(r -> r.bucket("renew-state").key("seeded.json")).asUtf8String());
            byte[] data = "a journal line\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
            s3.putObject(r -> r.bucket("renew-state").key("dir/journal 1.jsonl"), RequestBody.fromBytes(data));
            assertArrayEquals(data, sandbox.object("renew-state", "dir/journal 1.jsonl").orElseThrow());
            assertArrayEquals(data, s3.getObjectAsBytes(r -> r.bucket("renew-state").key("dir/journal 1.jsonl"))
                    .asByteArray());
            HeadObjectResponse head = s3.headObject(r -> r.bucket("renew-state").key("dir/journal 1.jsonl"));
            assertEquals(data.length, head.contentLength());

            S3Exception exists = assertThrows(S3Exception.class, () -> s3.putObject(r -> r.bucket("renew-state")
                    .key("seeded.json").ifNoneMatch("*"), RequestBody.fromString("[]")));
            assertEquals(412, exists.statusCode());
            assertEquals("PreconditionFailed", exists.awsErrorDetails().errorCode());
            s3.putObject(r -> r.bucket("renew-state").key("fresh.json").ifNoneMatch("*"), RequestBody.fromString("[]"));
            assertEquals("[]", new String(sandbox.object("renew-state", "fresh.json").orElseThrow(),
                    StandardCharsets.UTF_8));

            NoSuchKeyException missing = assertThrows(NoSuchKeyException.class,
                    () -> s3.getObject(r -> r.bucket("renew-state").key("missing.json")));
            assertEquals(404, missing.statusCode());
            assertThrows(NoSuchKeyException.class, () -> s3.headObject(r -> r.bucket("renew-state").key("missing")));
            assertThrows(NoSuchBucketException.class, () -> s3.getObject(r -> r.bucket("other-bucket").key("x")));
        }
    }
}
