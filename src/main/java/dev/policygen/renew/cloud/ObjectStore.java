package dev.policygen.renew.cloud;

import dev.policygen.AwsFailure;
import java.util.Optional;

/**
 * S3 objects: ACME account keys kept at {@code s3://bucket/key}, and renew's shared state
 * ({@code stateDir: s3://bucket/prefix}: leases, the journal, the ACM imports), written only with
 * S3's conditional writes so that several runners never overwrite each other.
 */
public interface ObjectStore {

    /** An object's bytes and its ETag, quoted as S3 sends it. */
    record Versioned(byte[] body, String etag) {
        public Versioned {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** One GetObject (s3:GetObject on {@code arn:aws:s3:::bucket/key}); empty when there is no such object. */
    Optional<byte[]> get(String bucket, String key) throws AwsFailure;

    /**
     * One PutObject (s3:PutObject on {@code arn:aws:s3:::bucket/key}) with {@code If-None-Match: *}, so an
     * existing object is never replaced; returns false, writing nothing, when the object exists.
     */
    boolean putIfAbsent(String bucket, String key, byte[] body) throws AwsFailure;

    /**
     * One GetObject returning the body with its ETag; empty when S3 says there is no such key (404), and
     * also on 403, which S3 answers for a missing key to a caller without s3:ListBucket: the state is
     * only ever written conditionally, so a real denial shows on the write that follows.
     */
    Optional<Versioned> read(String bucket, String key) throws AwsFailure;

    /** One PutObject with {@code If-None-Match: *}. */
    ConditionalWrite create(String bucket, String key, byte[] body) throws AwsFailure;

    /** One PutObject with {@code If-Match: etag}. */
    ConditionalWrite replace(String bucket, String key, byte[] body, String etag) throws AwsFailure;

    /** One DeleteObject (s3:DeleteObject) with {@code If-Match: etag}. */
    ConditionalWrite delete(String bucket, String key, String etag) throws AwsFailure;
}
