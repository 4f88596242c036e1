package dev.policygen.renew.cloud;

import dev.policygen.AwsFailure;
import java.util.Optional;

/** S3 objects, for ACME account keys kept at {@code s3://bucket/key}. */
public interface ObjectStore {

    /** One GetObject (s3:GetObject on {@code arn:aws:s3:::bucket/key}); empty when there is no such object. */
    Optional<byte[]> get(String bucket, String key) throws AwsFailure;

    /**
     * One PutObject (s3:PutObject on {@code arn:aws:s3:::bucket/key}) with {@code If-None-Match: *}, so an
     * existing object is never replaced; returns false, writing nothing, when the object exists.
     */
    boolean putIfAbsent(String bucket, String key, byte[] body) throws AwsFailure;
}
