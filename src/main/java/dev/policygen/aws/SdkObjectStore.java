package dev.policygen.aws;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.ConditionalWrite;
import dev.policygen.renew.cloud.ObjectStore;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * {@link ObjectStore} with the SDK's S3 client. Without s3:ListBucket, S3 answers a GetObject of a
 * missing key with 403 instead of 404; that stays an ACCESS_DENIED failure, since it may be either.
 */
final class SdkObjectStore implements ObjectStore {
    private final Supplier<S3Client> client;

    SdkObjectStore(Supplier<S3Client> client) {
        this.client = client;
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) throws AwsFailure {
        try {
            return Optional.of(client.get().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (SdkException e) {
            if ("NoSuchKey".equals(SdkFailures.code(e)) || (SdkFailures.status(e) == 404
                    && !"NoSuchBucket".equals(SdkFailures.code(e)))) {
                return Optional.empty();
            }
            throw SdkFailures.of(e, "S3", "GetObject", "s3://" + bucket + "/" + key);
        }
    }

    @Override
    public boolean putIfAbsent(String bucket, String key, byte[] body) throws AwsFailure {
        try {
            client.get().putObject(r -> r.bucket(bucket).key(key).ifNoneMatch("*"), RequestBody.fromBytes(body));
            return true;
        } catch (SdkException e) {
            if (SdkFailures.status(e) == 412) {
                return false;
            }
            throw SdkFailures.of(e, "S3", "PutObject", "s3://" + bucket + "/" + key);
        }
    }

    @Override
    public Optional<Versioned> read(String bucket, String key) throws AwsFailure {
        try {
            ResponseBytes<GetObjectResponse> object = client.get().getObjectAsBytes(r -> r.bucket(bucket).key(key));
            return Optional.of(new Versioned(object.asByteArray(), object.response().eTag()));
        } catch (SdkException e) {
            int status = SdkFailures.status(e);
            if (!"NoSuchBucket".equals(SdkFailures.code(e)) && (status == 404 || status == 403)) {
                return Optional.empty();
            }
            throw SdkFailures.of(e, "S3", "GetObject", "s3://" + bucket + "/" + key);
        }
    }

    @Override
    public ConditionalWrite create(String bucket, String key, byte[] body) throws AwsFailure {
        return conditional("PutObject", bucket, key, () -> client.get().putObject(
                r -> r.bucket(bucket).key(key).ifNoneMatch("*"), RequestBody.fromBytes(body)).eTag());
    }

    @Override
    public ConditionalWrite replace(String bucket, String key, byte[] body, String etag) throws AwsFailure {
        return conditional("PutObject", bucket, key, () -> client.get().putObject(
                r -> r.bucket(bucket).key(key).ifMatch(etag), RequestBody.fromBytes(body)).eTag());
    }

    @Override
    public ConditionalWrite delete(String bucket, String key, String etag) throws AwsFailure {
        return conditional("DeleteObject", bucket, key, () -> {
            client.get().deleteObject(r -> r.bucket(bucket).key(key).ifMatch(etag));
            return null;
        });
    }

    /** 412, and 404 for an If-Match on a key that is gone, mean the condition failed; 409 a conflict to retry. */
    private static ConditionalWrite conditional(String operation, String bucket, String key, Supplier<String> call)
            throws AwsFailure {
        try {
            return ConditionalWrite.written(call.get());
        } catch (SdkException e) {
            int status = SdkFailures.status(e);
            if (status == 412 || (status == 404 && "NoSuchKey".equals(SdkFailures.code(e)))) {
                return ConditionalWrite.preconditionFailed();
            }
            if (status == 409) {
                return ConditionalWrite.conflict();
            }
            throw SdkFailures.of(e, "S3", operation, "s3://" + bucket + "/" + key);
        }
    }
}
