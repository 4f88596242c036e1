package dev.policygen.renew;

import dev.policygen.PolicygenException;
import dev.policygen.renew.cloud.ConditionalWrite;
import dev.policygen.renew.cloud.ObjectStore.Versioned;
import dev.policygen.renew.config.StateLocation;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.state.StateObjects;
import java.util.Optional;

/** The objects of an {@code s3://BUCKET/PREFIX} state, each call through the pass's guard. */
final class SharedStateObjects implements StateObjects {
    private final GuardedAws aws;
    private final StateLocation.S3Prefix location;

    SharedStateObjects(GuardedAws aws, StateLocation.S3Prefix location) {
        this.aws = aws;
        this.location = location;
    }

    @Override
    public Optional<Versioned> read(String name) throws PolicygenException, InterruptedException {
        return aws.readObject(location.bucket(), location.key(name));
    }

    @Override
    public ConditionalWrite create(String name, byte[] body) throws PolicygenException, InterruptedException {
        return aws.createObject(location.bucket(), location.key(name), body);
    }

    @Override
    public ConditionalWrite replace(String name, byte[] body, String etag)
            throws PolicygenException, InterruptedException {
        return aws.replaceObject(location.bucket(), location.key(name), body, etag);
    }

    @Override
    public ConditionalWrite delete(String name, String etag) throws PolicygenException, InterruptedException {
        return aws.deleteObject(location.bucket(), location.key(name), etag);
    }

    @Override
    public String uri(String name) {
        return location.uri() + "/" + name;
    }
}
