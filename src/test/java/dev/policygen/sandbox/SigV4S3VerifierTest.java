package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** S3's SigV4 rules: the path signed as sent (no second encoding) and x-amz-content-sha256 taken as declared. */
class SigV4S3VerifierTest {
    private static final SigV4Verifier VERIFIER = new SigV4Verifier(Map.of(Sandbox.DEFAULT_ACCESS_KEY_ID,
            Sandbox.DEFAULT_SECRET_ACCESS_KEY), java.time.Clock.systemUTC());
    private static final String PATH = "/renew-state/certs/www%20example%3Dcom.pem";

    private static HttpRequest signed(String service, boolean s3Rules, String body) {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(SdkHttpMethod.PUT)
                .protocol("https").host("s3.us-east-1.amazonaws.com").encodedPath(PATH);
        SdkHttpRequest sent = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(Sandbox.DEFAULT_ACCESS_KEY_ID, Sandbox.DEFAULT_SECRET_ACCESS_KEY))
                .request(request.build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, !s3Rules)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, !s3Rules)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)).request();
        List<HttpRequest.Header> headers = new ArrayList<>();
        sent.forEachHeader((name, values) -> values.forEach(v -> headers.add(new HttpRequest.Header(name, v))));
        if (sent.firstMatchingHeader("Host").isEmpty()) {
            headers.add(new HttpRequest.Header("Host", "s3.us-east-1.amazonaws.com"));
        }
        return new HttpRequest("PUT", sent.getUri().getRawPath(), "", "HTTP/1.1", headers,
                body.getBytes(StandardCharsets.UTF_8), true, null, "127.0.0.1");
    }

    @Test
    void s3SignaturesUseThePathAsSentAndOtherServicesEncodeItTwice() throws Route53Error {
        assertEquals(Sandbox.DEFAULT_ACCESS_KEY_ID, VERIFIER.verify(signed("s3", true, "pem"), "s3").accessKeyId());
        assertEquals(Sandbox.DEFAULT_ACCESS_KEY_ID, VERIFIER.verify(signed("iam", false, "x"), "iam").accessKeyId());
        assertEquals("SignatureDoesNotMatch", assertThrows(Route53Error.class,
                () -> VERIFIER.verify(signed("s3", false, "pem"), "s3")).code());
    }

    @Test
    void aBodyThatIsNotTheDeclaredHashIsRefusedAsS3RefusesIt() {
        HttpRequest request = signed("s3", true, "pem");
        HttpRequest changed = new HttpRequest(request.method(), request.path(), request.rawQuery(), request.version(),
                request.headers(), "other".getBytes(StandardCharsets.UTF_8), true, null, "127.0.0.1");
        Route53Error error = assertThrows(Route53Error.class, () -> VERIFIER.verify(changed, "s3"));
        assertEquals("XAmzContentSHA256Mismatch", error.code());
        assertEquals("SignatureDoesNotMatch", assertThrows(Route53Error.class,
                () -> VERIFIER.verify(request, "iam")).code());
    }
}
