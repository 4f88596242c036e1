package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.testing.TlsTrust;
import java.net.URI;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/** IAM and S3 at their real host names over HTTPS, through the sandbox's intercepting proxy. */
class SandboxAwsProxyTest {
    @Test
    void iamAndS3AnswerThroughTheProxy() throws Exception {
        AwsServiceClients.Issued issued = AwsServiceClients.issue("www.example.com", false, 90);
        try (Sandbox sandbox = Sandbox.builder().bucket("renew-state").build().start()) {
            TrustManager[] trust = TlsTrust.trustManagers(sandbox.ports().caCertificate());
            SdkHttpClient http = UrlConnectionHttpClient.builder()
                    .proxyConfiguration(ProxyConfiguration.builder().endpoint(URI.create(sandbox.ports().proxyUrl()))
                            .useSystemPropertyValues(false).useEnvironmentVariablesValues(false).build())
                    .tlsTrustManagersProvider(() -> trust).build();
            StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    Sandbox.DEFAULT_ACCESS_KEY_ID, Sandbox.DEFAULT_SECRET_ACCESS_KEY));
            try (IamClient iam = IamClient.builder().region(Region.AWS_GLOBAL).credentialsProvider(credentials)
                    .httpClient(http).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .build();
                    S3Client s3 = S3Client.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                            .forcePathStyle(true).httpClient(http)
                            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
                iam.uploadServerCertificate(r -> r.serverCertificateName("www-1").certificateBody(issued.certificate())
                        .privateKey(issued.key()));
                assertEquals(1, iam.listServerCertificates().serverCertificateMetadataList().size());
                s3.putObject(r -> r.bucket("renew-state").key("state.json"), RequestBody.fromString("{\"a\":1}"));
                assertEquals("{\"a\":1}", s3.getObjectAsBytes(r -> r.bucket("renew-state").key("state.json"))
                        .asUtf8String());
            }
        }
    }
}
