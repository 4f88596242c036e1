package dev.policygen.renew.state;

import dev.policygen.PolicygenException;
import dev.policygen.renew.cloud.ConditionalWrite;
import dev.policygen.renew.cloud.ObjectStore.Versioned;
import dev.policygen.renew.pace.Sleeper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Read, change, write back only if nobody wrote in between: {@code If-None-Match: *} when the object
 * is new, {@code If-Match: ETAG} otherwise. A 412 (another runner wrote first) or a 409 (a concurrent
 * conditional write) starts over from a fresh read, after a short random pause so that runners which
 * collided do not collide again ({@link CollisionBackoff#forSharedObjects}); the change is a function of
 * what was read, so nothing is lost.
 */
public final class ConditionalUpdate {
    /** A change of an object's bytes; empty input for a missing object. */
    @FunctionalInterface
    public interface Change {
        byte[] apply(Optional<byte[]> current) throws IOException;
    }

    private ConditionalUpdate() {
    }

    /** Applies {@code change} to the object {@code name}; no write when it changes nothing. */
    public static void apply(StateObjects objects, String name, Sleeper sleeper, Change change)
            throws IOException, InterruptedException {
        CollisionBackoff backoff = CollisionBackoff.forSharedObjects(sleeper);
        try {
            for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
                Optional<Versioned> current = objects.read(name);
                byte[] next = change.apply(current.map(Versioned::body));
                if (current.isPresent() && Arrays.equals(next, current.get().body())) {
                    return;
                }
                ConditionalWrite written = current.isPresent()
                        ? objects.replace(name, next, current.get().etag()) : objects.create(name, next);
                if (written.written()) {
                    return;
                }
                backoff.pause(attempt);
            }
        } catch (PolicygenException e) {
            throw new IOException(e.getMessage(), e);
        }
        throw new IOException(objects.uri(name) + " kept changing under " + backoff.attempts()
                + " conditional writes");
    }
}
