package dev.policygen.renew.pace;

import dev.policygen.AwsFailure;
import java.time.Duration;

/** Told before each retry, so the pass can log it. */
@FunctionalInterface
public interface RetryListener {
    /**
     * @param failure what the failed attempt threw
     * @param attempt the number of the attempt that failed, from 1
     * @param delay how long the retry waits before the next attempt
     */
    void retrying(AwsFailure failure, int attempt, Duration delay);
}
