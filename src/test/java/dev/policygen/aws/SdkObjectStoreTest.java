package dev.policygen.aws;

import dev.policygen.AwsFailure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SdkObjectStore} against canned S3 answers: path-style requests, If-None-Match, errors. */
class SdkObjectStoreTest extends CannedAwsTest {
    static final byte[] PEM = "-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----\n"
            .getBytes(StandardCharsets.US_ASCII);

    static String s3Error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>";
    }

    @Test
    void getIsPathStyleAndMissingKeysAreEmpty() throws Exception {
        server.bytes(200, PEM);
        assertArrayEquals(PEM, aws.objects().get("keys-bucket", "acme/account.pem").orElseThrow());
        CannedAwsServer.Request request = server.single();
        assertEquals("GET", request.method());
        assertEquals("/keys-bucket/acme/account.pem", request.path());
        assertTrue(request.header("Authorization").orElseThrow().contains("/eu-west-1/s3/aws4_request"));

        server.xml(404, s3Error("NoSuchKey", "The specified key does not exist."));
        assertEquals(Optional.empty(), aws.objects().get("keys-bucket", "acme/account.pem"));

        server.xml(404, s3Error("NoSuchBucket", "The specified bucket does not exist"));
        AwsFailure bucket = assertThrows(AwsFailure.class, () -> aws.objects().get("keys-bucket", "acme/account.pem"));
        assertEquals(AwsFailure.Kind.NOT_FOUND, bucket.kind());
        assertEquals("S3 GetObject on s3://keys-bucket/acme/account.pem: NoSuchBucket: The specified bucket does not "
                + "exist", bucket.getMessage());

        server.xml(403, s3Error("AccessDenied", "Access Denied"));
        AwsFailure denied = assertThrows(AwsFailure.class, () -> aws.objects().get("keys-bucket", "acme/account.pem"));
        assertEquals(AwsFailure.Kind.ACCESS_DENIED, denied.kind());
        assertEquals(403, denied.status());
        assertEquals(4, server.requests().size());
    }

    @Test
    void putIfAbsentSendsIfNoneMatchAndReportsAnExistingObject() throws Exception {
        server.bytes(200, new byte[0]);
        assertTrue(aws.objects().putIfAbsent("keys-bucket", "acme/account.pem", PEM));
        CannedAwsServer.Request request = server.single();
        assertEquals("PUT", request.method());
        assertEquals("/keys-bucket/acme/account.pem", request.path());
        assertEquals(Optional.of("*"), request.header("If-None-Match"));
        assertArrayEquals(PEM, request.body(), "a plain body, not aws-chunked: " + request.headers());
        assertEquals(Optional.empty(), request.header("Content-Encoding"));
        assertEquals(Optional.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PEM))),
                request.header("x-amz-content-sha256"), "over plain HTTP the whole body is signed");

        server.xml(412, s3Error("PreconditionFailed", "At least one of the pre-conditions you specified did not hold"));
        assertFalse(aws.objects().putIfAbsent("keys-bucket", "acme/account.pem", PEM));

        server.xml(503, s3Error("SlowDown", "Please reduce your request rate."));
        AwsFailure slow = assertThrows(AwsFailure.class,
                () -> aws.objects().putIfAbsent("keys-bucket", "acme/account.pem", PEM));
        assertEquals(AwsFailure.Kind.THROTTLED, slow.kind());
        assertEquals(503, slow.status());
        assertTrue(slow.retryable());
        assertEquals(3, server.requests().size());
    }
}
