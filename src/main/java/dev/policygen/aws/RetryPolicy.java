package dev.policygen.aws;

import java.time.Duration;

/**
 * How often and how patiently a throttled or failed call is retried. The delays are the bases of
 * exponential backoff with full jitter; throttling waits longer because retrying a rate limit
 * quickly only meets it again.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration throttlingBaseDelay, Duration maxDelay) {

    /** For real AWS: five attempts, which spread over roughly ten seconds when throttled. */
    public static final RetryPolicy STANDARD =
            new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(20));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
