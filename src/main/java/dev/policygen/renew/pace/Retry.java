package dev.policygen.renew.pace;

import dev.policygen.AwsFailure;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Runs an AWS call again while it fails in a way a retry may fix ({@link AwsFailure#retryable()}),
 * up to {@code maxAttempts} attempts in all. Throttling (kind THROTTLED, or Route 53's
 * PriorRequestNotComplete, which asks the caller to slow down while a change is applied) waits
 * with its own, usually longer, backoff; other retryable failures (5xx, no connection) with the
 * regular one. Immutable: {@link #onRetry} returns a copy, so one configured Retry can be shared.
 */
public final class Retry {
    private static final RetryListener SILENT = (failure, attempt, delay) -> { };

    private final int maxAttempts;
    private final Backoff backoff;
    private final Backoff throttlingBackoff;
    private final Sleeper sleeper;
    private final RetryListener listener;

    /** One attempt at the call. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws AwsFailure;
    }

    public Retry(int maxAttempts, Backoff backoff, Backoff throttlingBackoff, Sleeper sleeper) {
        this(maxAttempts, backoff, throttlingBackoff, sleeper, SILENT);
    }

    private Retry(int maxAttempts, Backoff backoff, Backoff throttlingBackoff, Sleeper sleeper,
            RetryListener listener) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.backoff = Objects.requireNonNull(backoff);
        this.throttlingBackoff = Objects.requireNonNull(throttlingBackoff);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.listener = Objects.requireNonNull(listener);
    }

    /**
     * The renewer's AWS retries: 8 attempts; 5xx and lost connections back off from 200 ms
     * ({@link Backoff#standard()}), throttling from 1 s, both capped at 20 s, which rides out a
     * minute of throttling before giving up.
     */
    public static Retry standard(Sleeper sleeper) {
        return new Retry(8, Backoff.standard(),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(20), RandomGenerator.getDefault()),
                sleeper);
    }

    /** A copy that tells {@code next} (after any listener this one already has) before each retry. */
    public Retry onRetry(RetryListener next) {
        Objects.requireNonNull(next);
        RetryListener previous = listener;
        RetryListener both = previous == SILENT ? next : (failure, attempt, delay) -> {
            previous.retrying(failure, attempt, delay);
            next.retrying(failure, attempt, delay);
        };
        return new Retry(maxAttempts, backoff, throttlingBackoff, sleeper, both);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Runs {@code attempt} until it returns, fails for good, or has failed {@code maxAttempts} times;
     * then rethrows the last failure unchanged.
     */
    public <T> T call(Attempt<T> attempt) throws AwsFailure, InterruptedException {
        for (int number = 1; ; number++) {
            try {
                return attempt.run();
            } catch (AwsFailure failure) {
                if (!failure.retryable() || number >= maxAttempts) {
                    throw failure;
                }
                Duration delay = (throttled(failure) ? throttlingBackoff : backoff).delay(number);
                listener.retrying(failure, number, delay);
                sleeper.sleep(delay);
            }
        }
    }

    /** Failures that mean "slow down" rather than "something broke". */
    static boolean throttled(AwsFailure failure) {
        return failure.kind() == AwsFailure.Kind.THROTTLED
                || failure.code().filter(AwsFailure.PRIOR_REQUEST_NOT_COMPLETE::equals).isPresent();
    }
}
