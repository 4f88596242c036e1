package dev.policygen.renew.cloud;

import java.util.Objects;

/**
 * What S3 answered a conditional write (PutObject with {@code If-None-Match: *} or {@code If-Match: ETAG},
 * DeleteObject with {@code If-Match}): written, with the object's new ETag (none for a delete); the
 * condition did not hold (412 PreconditionFailed, or 404 when the object to match is gone); or a
 * concurrent conditional write conflicted (409 ConditionalRequestConflict), which the caller retries.
 */
public record ConditionalWrite(Outcome outcome, String etag) {
    public enum Outcome { WRITTEN, PRECONDITION_FAILED, CONFLICT }

    public ConditionalWrite {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static ConditionalWrite written(String etag) {
        return new ConditionalWrite(Outcome.WRITTEN, etag);
    }

    public static ConditionalWrite preconditionFailed() {
        return new ConditionalWrite(Outcome.PRECONDITION_FAILED, null);
    }

    public static ConditionalWrite conflict() {
        return new ConditionalWrite(Outcome.CONFLICT, null);
    }

    public boolean written() {
        return outcome == Outcome.WRITTEN;
    }
}
