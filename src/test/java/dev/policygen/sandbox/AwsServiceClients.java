package dev.policygen.sandbox;

import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The real SDK v2 clients of IAM, ELB, ELBv2, ACM and S3 pointed at a sandbox's API port, without
 * retries, and throwaway certificates with their keys as PEM for the uploads.
 */
final class AwsServiceClients {
    static final String ACCOUNT = "123456789012";

    private AwsServiceClients() {
    }

    /** A certificate and its private key, both PEM. */
    record Issued(String certificate, String key, Instant notAfter) {
    }

    static IamClient iam(Sandbox sandbox) {
        return configure(IamClient.builder(), sandbox).build();
    }

    static ElasticLoadBalancingClient elb(Sandbox sandbox) {
        return configure(ElasticLoadBalancingClient.builder(), sandbox).build();
    }

    static ElasticLoadBalancingV2Client elbv2(Sandbox sandbox) {
        return configure(ElasticLoadBalancingV2Client.builder(), sandbox).build();
    }

    static AcmClient acm(Sandbox sandbox) {
        return configure(AcmClient.builder(), sandbox).build();
    }

    static S3Client s3(Sandbox sandbox) {
        return configure(S3Client.builder(), sandbox).forcePathStyle(true).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder,
            Sandbox sandbox) {
        return builder.region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        Sandbox.DEFAULT_ACCESS_KEY_ID, Sandbox.DEFAULT_SECRET_ACCESS_KEY)))
                .endpointOverride(URI.create("http://127.0.0.1:" + sandbox.ports().api()))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    /** A self-signed certificate for {@code name} (RSA or EC P-256), valid for {@code days}. */
    static Issued issue(String name, boolean rsa, int days) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(rsa ? "RSA" : "EC");
        generator.initialize(rsa ? 2048 : 256);
        KeyPair keys = generator.generateKeyPair();
        Instant notBefore = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(Duration.ofDays(days));
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + name),
                BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notAfter),
                new X500Name("CN=" + name), keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        java.security.cert.X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder(rsa ? "SHA256withRSA" : "SHA256withECDSA").build(keys.getPrivate())));
        // PKCS #8, whose algorithm identifier names the curve, as acme4j and openssl write keys
        return new Issued(pem(certificate), pem(new JcaPKCS8Generator(keys.getPrivate(), null)), notAfter);
    }

    private static String pem(Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
