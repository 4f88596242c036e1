package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** A request dated by a Date header (no X-Amz-Date), as SigV4 allows; the signature itself is not valid. */
    private static HttpRequest datedByDateHeader(java.time.Instant date) {
        String day = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd").withZone(java.time.ZoneOffset.UTC)
                .format(date);
        String authorization = "AWS4-HMAC-SHA256 Credential=" + Sandbox.DEFAULT_ACCESS_KEY_ID + "/" + day
                + "/us-east-1/route53/aws4_request, SignedHeaders=date;host, Signature=00";
        return new HttpRequest("GET", "/2013-04-01/hostedzone", "", "HTTP/1.1", List.of(
                new HttpRequest.Header("Host", "route53.amazonaws.com"),
                new HttpRequest.Header("Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                        .withZone(java.time.ZoneOffset.UTC).format(date)),
                new HttpRequest.Header("Authorization", authorization)), new byte[0], true, null, "127.0.0.1");
    }

    @Test
    void aDateHeaderDatesTheRequestWhenXAmzDateIsAbsent() {
        java.time.Instant now = java.time.Instant.parse("2026-11-21T12:00:00Z");
        SigV4Verifier verifier = new SigV4Verifier(Map.of(Sandbox.DEFAULT_ACCESS_KEY_ID,
                Sandbox.DEFAULT_SECRET_ACCESS_KEY), new dev.policygen.testing.FakeClock(now));
        Route53Error stale = assertThrows(Route53Error.class,
                () -> verifier.verify(datedByDateHeader(now.minusSeconds(20 * 60))));
        assertEquals(List.of("Signature expired: 20261121T114000Z is now earlier than 20261121T114500Z "
                + "(20261121T120000Z - 15 min.)"), stale.messages());
        Route53Error current = assertThrows(Route53Error.class,
                () -> verifier.verify(datedByDateHeader(now.minusSeconds(60))));
        assertEquals("SignatureDoesNotMatch", current.code());
        assertEquals(403, current.status());
        assertTrue(current.messages().get(0).startsWith("The request signature we calculated"),
                current.messages().toString());
    }
}
