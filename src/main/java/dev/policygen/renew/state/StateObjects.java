package dev.policygen.renew.state;

import dev.policygen.PolicygenException;
import dev.policygen.renew.cloud.ConditionalWrite;
import dev.policygen.renew.cloud.ObjectStore.Versioned;
import java.util.Optional;

/**
 * The objects of a shared state prefix ({@code s3://BUCKET/PREFIX}), named relative to it
 * ({@code leases/www.json}, {@code journal.json}); every write is conditional, so two runners never
 * overwrite each other. Renew implements it with S3 calls through its guard; tests with a map.
 */
public interface StateObjects {

    /** The object and its ETag; empty when there is none. */
    Optional<Versioned> read(String name) throws PolicygenException, InterruptedException;

    /** Writes only if there is no such object ({@code If-None-Match: *}). */
    ConditionalWrite create(String name, byte[] body) throws PolicygenException, InterruptedException;

    /** Writes only over the object with {@code etag} ({@code If-Match}). */
    ConditionalWrite replace(String name, byte[] body, String etag) throws PolicygenException, InterruptedException;

    /** Deletes only the object with {@code etag} ({@code If-Match}). */
    ConditionalWrite delete(String name, String etag) throws PolicygenException, InterruptedException;

    /** {@code s3://BUCKET/PREFIX/name}, for messages. */
    String uri(String name);
}
