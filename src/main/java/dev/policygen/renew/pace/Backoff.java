package dev.policygen.renew.pace;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the delay before retry {@code n} is uniform in
 * {@code [0, min(max, base * 2^(n-1))]}. Full jitter spreads many clients that failed together
 * (a throttled burst from concurrent certificates) over the whole interval instead of letting them
 * retry in lock step.
 */
public final class Backoff {
    private final long baseNanos;
    private final long maxNanos;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        if (base.isNegative() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= base <= max, got " + base + " and " + max);
        }
        this.baseNanos = base.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    /** 200 ms doubling up to 20 s. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(20), RandomGenerator.getDefault());
    }

    /** The upper bound of the delay before retry {@code attempt}: base doubled per attempt, capped. */
    public Duration ceiling(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
        int doublings = attempt - 1;
        // past 62 doublings, or once the shift overflows, the cap applies anyway
        if (doublings >= 62 || baseNanos > (maxNanos >> doublings)) {
            return Duration.ofNanos(maxNanos);
        }
        return Duration.ofNanos(baseNanos << doublings);
    }

    /** A delay uniform in {@code [0, ceiling(attempt)]}. */
    public Duration delay(int attempt) {
        long ceiling = ceiling(attempt).toNanos();
        return Duration.ofNanos(ceiling == Long.MAX_VALUE ? random.nextLong(ceiling) : random.nextLong(ceiling + 1));
    }
}
