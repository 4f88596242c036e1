package dev.policygen.renew.state;

import dev.policygen.renew.pace.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * How a runner whose conditional write to the shared state collided with another runner's (a 409, or
 * a 412 where a fresh read and a new try are the answer) waits before it tries again, and how often it
 * tries: the one back-off of every retried conditional write in this package ({@link Leases},
 * {@link ConditionalUpdate}).
 *
 * <p>The pause before try {@code n + 1} is uniform in {@code [least, growth × n)}: random, so that runners
 * which collided do not collide again in step; growing linearly, not exponentially, because the other
 * writer is a peer runner whose write takes milliseconds, not an overloaded service to be given room
 * (that is {@link dev.policygen.renew.pace.Backoff}'s case, for AWS's throttling and server errors).
 * A Route 53 change batch refused because a record set changed is retried in
 * {@code renew.dns.ConditionalChanges} with that exponential back-off instead: there the other writer is
 * any ACME client and each try costs reads under Route 53's five requests per second.
 */
final class CollisionBackoff {
    private final int attempts;
    private final long leastMillis;
    private final long growthMillis;
    private final Sleeper sleeper;
    /** Per call, so that the lease heartbeat's threads each draw from their own generator. */
    private final Supplier<RandomGenerator> random;

    CollisionBackoff(int attempts, Duration least, Duration growth, Sleeper sleeper,
            Supplier<RandomGenerator> random) {
        if (attempts < 1) {
            throw new IllegalArgumentException("a write is tried at least once, got " + attempts);
        }
        if (least.isNegative() || growth.compareTo(least) <= 0) {
            throw new IllegalArgumentException("the pause needs 0 <= least < growth, got " + least + " and " + growth);
        }
        this.attempts = attempts;
        this.leastMillis = least.toMillis();
        this.growthMillis = growth.toMillis();
        this.sleeper = Objects.requireNonNull(sleeper);
        this.random = Objects.requireNonNull(random);
    }

    /**
     * A lease object is written by the few runners that want the same certificate at once: 10 tries,
     * 5 ms and up to 20 ms more per try. Running out is not a failure there ({@link Leases} says what
     * each operation then does).
     */
    static CollisionBackoff forLeases(Sleeper sleeper) {
        return new CollisionBackoff(10, Duration.ofMillis(5), Duration.ofMillis(20), sleeper,
                ThreadLocalRandom::current);
    }

    /**
     * The journal and the ACM import map are one object each that every runner writes after each
     * certificate, so collisions come in bursts: 20 tries, 10 ms and up to 50 ms more per try.
     */
    static CollisionBackoff forSharedObjects(Sleeper sleeper) {
        return new CollisionBackoff(20, Duration.ofMillis(10), Duration.ofMillis(50), sleeper,
                ThreadLocalRandom::current);
    }

    /** How many times a write is tried in all. */
    int attempts() {
        return attempts;
    }

    /** The pause after try {@code attempt} (from 1) collided, before the next one. */
    void pause(int attempt) throws InterruptedException {
        sleeper.sleep(delay(attempt));
    }

    Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
        return Duration.ofMillis(random.get().nextLong(leastMillis, growthMillis * attempt));
    }
}
