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
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The verifier against requests signed by the AWS SDK's own SigV4 signer, fed in directly: query
 * strings that need encoding, UNSIGNED-PAYLOAD, and each way a signature can be wrong.
 */
class SigV4VerifierTest {
    private static final SigV4Verifier VERIFIER = new SigV4Verifier(Map.of(Sandbox.DEFAULT_ACCESS_KEY_ID,
            Sandbox.DEFAULT_SECRET_ACCESS_KEY), java.time.Clock.systemUTC());

    private static HttpRequest signed(String protocol, String region, boolean signPayload, Map<String, String> query,
            String body) {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                .protocol(protocol).host("route53.amazonaws.com").encodedPath("/2013-04-01/hostedzone/Z1/rrset/");
        query.forEach(request::putRawQueryParameter);
        SdkHttpRequest sent = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(Sandbox.DEFAULT_ACCESS_KEY_ID, Sandbox.DEFAULT_SECRET_ACCESS_KEY))
                .request(request.build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "route53")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, signPayload)).request();
        List<HttpRequest.Header> headers = new ArrayList<>();
        sent.forEachHeader((name, values) -> values.forEach(v -> headers.add(new HttpRequest.Header(name, v))));
        if (sent.firstMatchingHeader("Host").isEmpty()) {
            headers.add(new HttpRequest.Header("Host", "route53.amazonaws.com"));
        }
        String rawQuery = sent.getUri().getRawQuery();
        return new HttpRequest("POST", sent.getUri().getRawPath(), rawQuery == null ? "" : rawQuery, "HTTP/1.1",
                headers, body.getBytes(StandardCharsets.UTF_8), true, "route53.amazonaws.com", "127.0.0.1");
    }

    private static HttpRequest withBody(HttpRequest request, String body) {
        return new HttpRequest(request.method(), request.path(), request.rawQuery(), request.version(),
                request.headers(), body.getBytes(StandardCharsets.UTF_8), request.secure(), request.tunnelHost(),
                request.remoteAddress());
    }

    @Test
    void acceptsTheSdksSignatureIncludingQueriesThatNeedEncoding() throws Route53Error {
        HttpRequest request = signed("https", "us-east-1", true,
                Map.of("name", "*.Example.com.", "type", "TXT", "identifier", "a b+c/d"), "<x/>");
        assertEquals(Sandbox.DEFAULT_ACCESS_KEY_ID, VERIFIER.verify(request));
    }

    @Test
    void acceptsAnUnsignedPayloadWhateverTheBody() throws Route53Error {
        HttpRequest request = signed("https", "us-east-1", false, Map.of(), "<x/>");
        assertEquals("UNSIGNED-PAYLOAD", request.header("x-amz-content-sha256"));
        assertEquals(Sandbox.DEFAULT_ACCESS_KEY_ID, VERIFIER.verify(withBody(request, "<changed/>")));
    }

    @Test
    void refusesAChangedBodyOrAWrongScope() {
        HttpRequest request = signed("https", "us-east-1", true, Map.of(), "<x/>");
        assertEquals("SignatureDoesNotMatch",
                assertThrows(Route53Error.class, () -> VERIFIER.verify(withBody(request, "<y/>"))).code());
        Route53Error region = assertThrows(Route53Error.class,
                () -> VERIFIER.verify(signed("https", "eu-west-1", true, Map.of(), "")));
        assertEquals("SignatureDoesNotMatch", region.code());
        assertEquals(List.of("Credential should be scoped to a valid region, not 'eu-west-1'. "), region.messages());
    }

    @Test
    void refusesAnUnsignedRequest() {
        HttpRequest unsigned = new HttpRequest("GET", "/2013-04-01/hostedzone", "", "HTTP/1.1",
                List.of(new HttpRequest.Header("Host", "route53.amazonaws.com")), new byte[0], false, null, "127.0.0.1");
        Route53Error error = assertThrows(Route53Error.class, () -> VERIFIER.verify(unsigned));
        assertEquals("MissingAuthenticationToken", error.code());
        assertEquals(403, error.status());
    }
}
