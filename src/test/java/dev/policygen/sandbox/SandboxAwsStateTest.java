package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The IAM/ELB/ACM/S3 resources survive a restart on the state directory; the config file declares them. */
class SandboxAwsStateTest {
    @TempDir
    Path directory;

    @Test
    void certificatesListenersAndObjectsSurviveARestart() throws Exception {
        Path state = directory.resolve("state");
        AwsServiceClients.Issued issued = AwsServiceClients.issue("www.example.com", false, 90);
        String iamArn;
        String acmArn;
        try (Sandbox first = Sandbox.builder().stateDir(state).classicLoadBalancer("web", null, 443)
                .bucket("renew-state").build().start();
                IamClient iam = AwsServiceClients.iam(first);
                ElasticLoadBalancingClient elb = AwsServiceClients.elb(first);
                AcmClient acm = AwsServiceClients.acm(first);
                S3Client s3 = AwsServiceClients.s3(first)) {
            iamArn = iam.uploadServerCertificate(r -> r.serverCertificateName("www-1")
                    .certificateBody(issued.certificate()).privateKey(issued.key())).serverCertificateMetadata().arn();
            elb.setLoadBalancerListenerSSLCertificate(r -> r.loadBalancerName("web").loadBalancerPort(443)
                    .sslCertificateId(iamArn));
            acmArn = acm.importCertificate(r -> r.certificate(SdkBytes.fromUtf8String(issued.certificate()))
                    .privateKey(SdkBytes.fromUtf8String(issued.key()))).certificateArn();
            s3.putObject(r -> r.bucket("renew-state").key("state.json"), RequestBody.fromString("{\"n\":1}"));
        }
        try (Sandbox second = Sandbox.builder().stateDir(state).classicLoadBalancer("web", null, 443)
                .bucket("renew-state").build().start()) {
            assertEquals(iamArn, second.serverCertificates().get(0).arn());
            assertEquals(Optional.of(iamArn), second.listenerCertificate("web", 443));
            assertEquals("www.example.com", second.acmCertificate(acmArn).orElseThrow().domainName());
            assertArrayEquals("{\"n\":1}".getBytes(StandardCharsets.UTF_8),
                    second.object("renew-state", "state.json").orElseThrow());
        }
    }

    @Test
    void theConfigFileDeclaresLoadBalancersListenersBucketsAndObjects() throws Exception {
        Files.writeString(directory.resolve("seed.bin"), "seeded bytes");
        Path config = directory.resolve("sandbox.json");
        Files.writeString(config, """
                {"classicLoadBalancers": [{"name": "web", "ports": [443, 8443],
                   "certificateArn": "arn:aws:iam::123456789012:server-certificate/old"}],
                 "elbv2Listeners": [{"arn": "%s"}],
                 "buckets": ["renew-state"],
                 "objects": [{"bucket": "renew-state", "key": "a.json", "text": "{}"},
                             {"bucket": "other-bucket", "key": "b.bin", "file": "seed.bin"}]}
                """.formatted(SandboxLoadBalancerTest.LISTENER_ARN));
        SandboxBuilder builder = Sandbox.builder();
        SandboxConfigFile.apply(config, builder);
        try (Sandbox sandbox = builder.build().start()) {
            assertEquals(Optional.of("arn:aws:iam::123456789012:server-certificate/old"),
                    sandbox.listenerCertificate("web", 8443));
            assertTrue(sandbox.aws().elbv2Listener(SandboxLoadBalancerTest.LISTENER_ARN).isPresent());
            assertEquals("{}", new String(sandbox.object("renew-state", "a.json").orElseThrow(), StandardCharsets.UTF_8));
            assertEquals("seeded bytes", new String(sandbox.object("other-bucket", "b.bin").orElseThrow(),
                    StandardCharsets.UTF_8));
        }
        Files.writeString(config, "{\"elbv2Listeners\": [{\"arn\": \"arn:aws:nope\"}]}");
        InputException malformed = assertThrows(InputException.class,
                () -> SandboxConfigFile.apply(config, Sandbox.builder()));
        assertTrue(malformed.getMessage().contains("malformed ELBv2 listener ARN"), malformed.getMessage());
    }
}
