package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The sandbox's S3 conditional writes through the SDK: PutObject with If-Match, DeleteObject with and
 * without If-Match, ETags that change with the content, the state kept across a restart, and the
 * s3:if-match / s3:if-none-match keys a policy can require.
 */
class SandboxS3ConditionalTest {
    private static final String BUCKET = "renew-state";

    @TempDir
    Path dir;

    @Test
    void putIfMatchReplacesOnlyTheObjectWithThatEtag() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().bucket(BUCKET).build().start(); S3Client s3 = AwsServiceClients.s3(sandbox)) {
            String first = s3.putObject(r -> r.bucket(BUCKET).key("lease/a").ifNoneMatch("*"),
                    RequestBody.fromString("one")).eTag();
            String second = s3.putObject(r -> r.bucket(BUCKET).key("lease/a").ifMatch(first),
                    RequestBody.fromString("two")).eTag();
            assertNotEquals(first, second);
            S3Exception stale = assertThrows(S3Exception.class, () -> s3.putObject(r -> r.bucket(BUCKET)
                    .key("lease/a").ifMatch(first), RequestBody.fromString("three")));
            assertEquals(412, stale.statusCode());
            assertEquals("PreconditionFailed", stale.awsErrorDetails().errorCode());
            assertEquals("two", text(sandbox, "lease/a"));
            NoSuchKeyException none = assertThrows(NoSuchKeyException.class, () -> s3.putObject(r -> r.bucket(BUCKET)
                    .key("lease/missing").ifMatch(first), RequestBody.fromString("x")));
            assertEquals(404, none.statusCode());
            assertEquals(second, s3.getObject(r -> r.bucket(BUCKET).key("lease/a")).response().eTag());
        }
    }

    @Test
    void deleteIfMatchRemovesOnlyTheObjectWithThatEtag() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().bucket(BUCKET).build().start(); S3Client s3 = AwsServiceClients.s3(sandbox)) {
            String etag = s3.putObject(r -> r.bucket(BUCKET).key("lease/b"), RequestBody.fromString("held")).eTag();
            S3Exception other = assertThrows(S3Exception.class,
                    () -> s3.deleteObject(r -> r.bucket(BUCKET).key("lease/b").ifMatch("\"0123\"")));
            assertEquals(412, other.statusCode());
            assertTrue(sandbox.object(BUCKET, "lease/b").isPresent());
            s3.deleteObject(r -> r.bucket(BUCKET).key("lease/b").ifMatch(etag));
            assertFalse(sandbox.object(BUCKET, "lease/b").isPresent());
            assertThrows(NoSuchKeyException.class, () -> s3.deleteObject(r -> r.bucket(BUCKET).key("lease/b")
                    .ifMatch(etag)));
            // unconditional delete of a missing key succeeds, as S3 answers it
            s3.deleteObject(r -> r.bucket(BUCKET).key("lease/b"));
            s3.putObject(r -> r.bucket(BUCKET).key("lease/c"), RequestBody.fromString("any"));
            s3.deleteObject(r -> r.bucket(BUCKET).key("lease/c").ifMatch("*"));
            assertFalse(sandbox.object(BUCKET, "lease/c").isPresent());
        }
    }

    @Test
    void deletionsAndReplacementsAreKeptInTheState() throws Exception {
        Path state = dir.resolve("state");
        try (Sandbox sandbox = Sandbox.builder().bucket(BUCKET).stateDir(state).build().start();
                S3Client s3 = AwsServiceClients.s3(sandbox)) {
            String etag = s3.putObject(r -> r.bucket(BUCKET).key("kept"), RequestBody.fromString("v1")).eTag();
            s3.putObject(r -> r.bucket(BUCKET).key("kept").ifMatch(etag), RequestBody.fromString("v2"));
            s3.putObject(r -> r.bucket(BUCKET).key("gone"), RequestBody.fromString("x"));
            s3.deleteObject(r -> r.bucket(BUCKET).key("gone"));
        }
        try (Sandbox sandbox = Sandbox.builder().stateDir(state).build().start()) {
            assertEquals("v2", text(sandbox, "kept"));
            assertFalse(sandbox.object(BUCKET, "gone").isPresent());
        }
    }

    @Test
    void aPolicyCanRequireTheConditionalHeaders() throws Exception {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::renew-state/*"},
                  {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::renew-state/*",
                   "Condition": {"Null": {"s3:if-none-match": "false"}}},
                  {"Effect": "Allow", "Action": ["s3:PutObject", "s3:DeleteObject"],
                   "Resource": "arn:aws:s3:::renew-state/*", "Condition": {"Null": {"s3:if-match": "false"}}}]}
                """);
        try (Sandbox sandbox = Sandbox.builder().policy(policy).bucket(BUCKET).build().start();
                S3Client s3 = AwsServiceClients.s3(sandbox)) {
            S3Exception plain = assertThrows(S3Exception.class, () -> s3.putObject(r -> r.bucket(BUCKET).key("k"),
                    RequestBody.fromString("x")));
            assertEquals(403, plain.statusCode());
            String etag = s3.putObject(r -> r.bucket(BUCKET).key("k").ifNoneMatch("*"), RequestBody.fromString("x"))
                    .eTag();
            String next = s3.putObject(r -> r.bucket(BUCKET).key("k").ifMatch(etag), RequestBody.fromString("y"))
                    .eTag();
            assertEquals(403, assertThrows(S3Exception.class, () -> s3.deleteObject(r -> r.bucket(BUCKET).key("k")))
                    .statusCode());
            s3.deleteObject(r -> r.bucket(BUCKET).key("k").ifMatch(next));
            assertFalse(sandbox.object(BUCKET, "k").isPresent());
        }
    }

    private static String text(Sandbox sandbox, String key) {
        return new String(sandbox.object(BUCKET, key).orElseThrow(), StandardCharsets.UTF_8);
    }
}
