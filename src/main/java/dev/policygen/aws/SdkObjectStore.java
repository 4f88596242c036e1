package dev.policygen.aws;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.ObjectStore;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

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
}
