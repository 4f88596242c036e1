package dev.policygen.sandbox;

import dev.policygen.testing.TlsTrust;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Clients for tests: the real AWS SDK for Java v2 Route 53 client, over plain HTTP or through the
 * sandbox's CONNECT proxy, and raw HTTP requests signed by the SDK's own SigV4 signer (so the
 * sandbox's verifier is checked against an independent implementation). No retries: a test must
 * see the first answer. Everything goes to 127.0.0.1. The region is us-east-1, Route 53's signing
 * region: with an endpoint override and aws-global, the SDK signs for "aws-global", which AWS (and
 * the sandbox) refuse. Public for the proofs (dev.policygen.proof), which try the SDK against
 * generated policies.
 */
public final class SandboxClients {
    static final String ZONE_ID = "Z0EXAMPLE0000000000001";
    static final String OTHER_ZONE_ID = "Z0EXAMPLE0000000000002";

    private SandboxClients() {
    }

    /** A sandbox with example.com and example.org, ephemeral ports, started. */
    static Sandbox start(SandboxBuilder builder) throws Exception {
        return builder.zone("example.com", ZONE_ID).zone("example.org", OTHER_ZONE_ID).build().start();
    }

    public static Route53Client plain(Sandbox sandbox) {
        return plain(sandbox, Sandbox.DEFAULT_ACCESS_KEY_ID, Sandbox.DEFAULT_SECRET_ACCESS_KEY);
    }

    static Route53Client plain(Sandbox sandbox, String accessKeyId, String secret) {
        return Route53Client.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .endpointOverride(URI.create(sandbox.ports().apiUrl()))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** The SDK as lego and certbot reach AWS here: HTTPS to route53.amazonaws.com via HTTPS_PROXY. */
    public static Route53Client throughProxy(Sandbox sandbox) throws Exception {
        TrustManager[] trust = TlsTrust.trustManagers(sandbox.ports().caCertificate());
        return Route53Client.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        Sandbox.DEFAULT_ACCESS_KEY_ID, Sandbox.DEFAULT_SECRET_ACCESS_KEY)))
                .endpointOverride(URI.create("https://route53.amazonaws.com"))
                .httpClient(UrlConnectionHttpClient.builder()
                        .proxyConfiguration(ProxyConfiguration.builder()
                                .endpoint(URI.create(sandbox.ports().proxyUrl()))
                                .useSystemPropertyValues(false)
                                .useEnvironmentVariablesValues(false)
                                .build())
                        .tlsTrustManagersProvider(() -> trust)
                        .build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** A response to a raw request: status and body text. */
    record Raw(int status, String body) {
    }

    /** Sends a request signed by the SDK's SigV4 signer to the plain API port. */
    static Raw signed(Sandbox sandbox, String method, String path, Map<String, String> query, String body)
            throws IOException, InterruptedException {
        return signed(sandbox, "route53", Map.of(), method, path, query, body);
    }

    /**
     * Sends a request signed for {@code service} by the SDK's SigV4 signer, with the given headers
     * added before signing, to the plain API port.
     */
    static Raw signed(Sandbox sandbox, String service, Map<String, String> headers, String method, String path,
            Map<String, String> query, String body) throws IOException, InterruptedException {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .protocol("http").host("127.0.0.1").port(sandbox.ports().api())
                .encodedPath(path);
        query.forEach((name, value) -> request.putRawQueryParameter(name, value));
        headers.forEach(request::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(Sandbox.DEFAULT_ACCESS_KEY_ID, Sandbox.DEFAULT_SECRET_ACCESS_KEY))
                .request(request.build())
                .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        SdkHttpRequest sent = signed.request();
        java.net.http.HttpRequest.Builder http = java.net.http.HttpRequest.newBuilder(sent.getUri())
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        for (Map.Entry<String, List<String>> header : sent.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Host") && !header.getKey().equalsIgnoreCase("Content-Length")) {
                for (String value : header.getValue()) {
                    http.header(header.getKey(), value);
                }
            }
        }
        java.net.http.HttpResponse<String> response = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()
                .send(http.build(), BodyHandlers.ofString());
        return new Raw(response.statusCode(), response.body());
    }
}
