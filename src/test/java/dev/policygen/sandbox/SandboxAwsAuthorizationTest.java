package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.AcmException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The evaluator, the call log and the injected server errors apply to every emulated service. */
class SandboxAwsAuthorizationTest {
    private static final String PRINCIPAL = "arn:aws:iam::123456789012:user/policygen-sandbox";
    private static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Certs", "Effect": "Allow", "Action": ["iam:UploadServerCertificate", "iam:GetServerCertificate",
                 "iam:ListServerCertificates"],
               "Resource": "arn:aws:iam::123456789012:server-certificate/www-*"},
              {"Sid": "List", "Effect": "Allow", "Action": "iam:ListServerCertificates", "Resource": "*"},
              {"Sid": "Acm", "Effect": "Allow", "Action": "acm:ImportCertificate",
               "Resource": "arn:aws:acm:us-east-1:123456789012:certificate/*"},
              {"Sid": "Objects", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
               "Resource": "arn:aws:s3:::renew-state/*"},
              {"Sid": "NoJournal", "Effect": "Deny", "Action": "s3:PutObject",
               "Resource": "arn:aws:s3:::renew-state/journal.jsonl"}]}
            """;

    @TempDir
    Path directory;

    @Test
    void deniesExactlyTheCallsThePolicyDoesNotAllowAndLogsEveryCall() throws Exception {
        Path policy = directory.resolve("policy.json");
        Files.writeString(policy, POLICY);
        Path log = directory.resolve("calls.jsonl");
        AwsServiceClients.Issued issued = AwsServiceClients.issue("www.example.com", false, 90);
        try (Sandbox sandbox = Sandbox.builder().policy(policy).callLog(log).bucket("renew-state")
                .elbv2Listener(SandboxLoadBalancerTest.LISTENER_ARN, null).build().start();
                IamClient iam = AwsServiceClients.iam(sandbox);
                AcmClient acm = AwsServiceClients.acm(sandbox);
                S3Client s3 = AwsServiceClients.s3(sandbox);
                ElasticLoadBalancingV2Client elbv2 = AwsServiceClients.elbv2(sandbox)) {
            iam.uploadServerCertificate(r -> r.serverCertificateName("www-1").certificateBody(issued.certificate())
                    .privateKey(issued.key()));
            IamException denied = assertThrows(IamException.class, () -> iam.uploadServerCertificate(r -> r
                    .serverCertificateName("api-1").certificateBody(issued.certificate()).privateKey(issued.key())));
            assertEquals(403, denied.statusCode());
            assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
            assertEquals("User: " + PRINCIPAL + " is not authorized to perform: iam:UploadServerCertificate on "
                    + "resource: arn:aws:iam::123456789012:server-certificate/api-1 because no identity-based policy "
                    + "allows the iam:UploadServerCertificate action", denied.awsErrorDetails().errorMessage());

            String arn = acm.importCertificate(r -> r.certificate(SdkBytes.fromUtf8String(issued.certificate()))
                    .privateKey(SdkBytes.fromUtf8String(issued.key()))).certificateArn();
            AcmException acmDenied = assertThrows(AcmException.class, () -> acm.getCertificate(r -> r.certificateArn(arn)));
            assertEquals("AccessDeniedException", acmDenied.awsErrorDetails().errorCode());

            s3.putObject(r -> r.bucket("renew-state").key("state.json"), RequestBody.fromString("{}"));
            S3Exception s3Denied = assertThrows(S3Exception.class, () -> s3.putObject(r -> r.bucket("renew-state")
                    .key("journal.jsonl"), RequestBody.fromString("x")));
            assertEquals(403, s3Denied.statusCode());
            assertEquals("AccessDenied", s3Denied.awsErrorDetails().errorCode());
            assertTrue(s3Denied.awsErrorDetails().errorMessage().contains("with an explicit deny"),
                    s3Denied.awsErrorDetails().errorMessage());

            ElasticLoadBalancingV2Exception elbDenied = assertThrows(ElasticLoadBalancingV2Exception.class,
                    () -> elbv2.modifyListener(r -> r.listenerArn(SandboxLoadBalancerTest.LISTENER_ARN)
                            .certificates(c -> c.certificateArn(arn))));
            assertEquals("AccessDenied", elbDenied.awsErrorDetails().errorCode());
            assertTrue(sandbox.listenerCertificate(SandboxLoadBalancerTest.LISTENER_ARN).isEmpty());
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(7, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("\"operation\":\"UploadServerCertificate\"")
                && lines.get(0).contains("\"action\":\"iam:UploadServerCertificate\"")
                && lines.get(0).contains("\"resource\":\"arn:aws:iam::123456789012:server-certificate/www-1\"")
                && lines.get(0).contains("\"decision\":\"allowed\"") && lines.get(0).contains("\"sid\":\"Certs\""),
                lines.get(0));
        assertTrue(lines.get(1).contains("\"decision\":\"implicit-deny\"") && lines.get(1).contains("\"status\":403")
                && lines.get(1).contains("\"error\":\"AccessDenied\""), lines.get(1));
        assertTrue(lines.get(2).contains("\"resource\":\"arn:aws:acm:us-east-1:123456789012:certificate/*\""),
                lines.get(2));
        assertTrue(lines.get(5).contains("\"action\":\"s3:PutObject\"")
                && lines.get(5).contains("\"resource\":\"arn:aws:s3:::renew-state/journal.jsonl\"")
                && lines.get(5).contains("\"decision\":\"explicit-deny\""), lines.get(5));
        assertTrue(lines.get(6).contains("\"action\":\"elasticloadbalancing:ModifyListener\"")
                && lines.get(6).contains("\"resource\":\"" + SandboxLoadBalancerTest.LISTENER_ARN + "\""), lines.get(6));
    }

    @Test
    void anUnknownKeyAndAWrongSecretAreRefusedInEachProtocolsWords() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().bucket("renew-state").build().start();
                S3Client s3 = S3Client.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1)
                        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIAUNKNOWN0000000000",
                                        Sandbox.DEFAULT_SECRET_ACCESS_KEY)))
                        .endpointOverride(java.net.URI.create("http://127.0.0.1:" + sandbox.ports().api()))
                        .forcePathStyle(true)
                        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder().build())
                        .build();
                AcmClient acm = AcmClient.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1)
                        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                        Sandbox.DEFAULT_ACCESS_KEY_ID, "not-the-secret")))
                        .endpointOverride(java.net.URI.create("http://127.0.0.1:" + sandbox.ports().api()))
                        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder().build())
                        .overrideConfiguration(c -> c.retryStrategy(
                                software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
                        .build()) {
            S3Exception unknown = assertThrows(S3Exception.class,
                    () -> s3.getObject(r -> r.bucket("renew-state").key("k")));
            assertEquals(403, unknown.statusCode());
            assertEquals("InvalidAccessKeyId", unknown.awsErrorDetails().errorCode());
            AcmException wrong = assertThrows(AcmException.class,
                    () -> acm.getCertificate(r -> r.certificateArn("arn:aws:acm:us-east-1:123456789012:certificate/x")));
            assertEquals("InvalidSignatureException", wrong.awsErrorDetails().errorCode());
        }
    }

    @Test
    void aServerErrorRateOfOneFailsEveryServiceWith500AndRoute53ThrottlingStaysRoute53s() throws Exception {
        FaultSettings faults = new FaultSettings(1, 0, 1.0, Duration.ZERO);
        try (Sandbox sandbox = Sandbox.builder().faults(faults).bucket("renew-state").build().start();
                IamClient iam = AwsServiceClients.iam(sandbox);
                AcmClient acm = AwsServiceClients.acm(sandbox);
                S3Client s3 = AwsServiceClients.s3(sandbox)) {
            for (int i = 0; i < 3; i++) {
                IamException failure = assertThrows(IamException.class, () -> iam.listServerCertificates());
                assertEquals(500, failure.statusCode());
                assertEquals("InternalFailure", failure.awsErrorDetails().errorCode());
            }
            AcmException acmFailure = assertThrows(AcmException.class,
                    () -> acm.describeCertificate(r -> r.certificateArn("arn:aws:acm:us-east-1:123456789012:certificate/x")));
            assertEquals(500, acmFailure.statusCode());
            S3Exception s3Failure = assertThrows(S3Exception.class,
                    () -> s3.getObject(r -> r.bucket("renew-state").key("state.json")));
            assertEquals(500, s3Failure.statusCode());
            assertEquals("InternalError", s3Failure.awsErrorDetails().errorCode());
        }
    }
}
