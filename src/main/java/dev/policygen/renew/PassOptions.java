package dev.policygen.renew;

import dev.policygen.renew.state.Leases;
import java.time.Duration;
import java.util.Optional;

/**
 * How a pass behaves beyond the config: the switches of {@code policygen renew}.
 *
 * @param concurrency certificates renewed at once; Route 53 requests are rate-limited across all of them
 * @param lease how long a certificate's lease in a shared S3 state lasts unless renewed (renew --lease)
 * @param waveGather how long a wave waits for the pass's certificates to join, when not the default windows
 *        ({@link dev.policygen.renew.wave.ChallengeWaves#GATHER_QUIET} and {@code GATHER_LONGEST}): renew's
 *        hidden --wave-gather, for tests that count waves and must not see a starved certificate start a second
 */
public record PassOptions(boolean forceIssue, boolean deleteOld, boolean dryRun, Optional<String> preferredChain,
        int concurrency, Duration lease, Optional<Duration> waveGather) {
    public PassOptions {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease lasts a positive duration");
        }
    }

    /** With the default wave windows. */
    public PassOptions(boolean forceIssue, boolean deleteOld, boolean dryRun, Optional<String> preferredChain,
            int concurrency, Duration lease) {
        this(forceIssue, deleteOld, dryRun, preferredChain, concurrency, lease, Optional.empty());
    }

    /** With the default lease duration. */
    public PassOptions(boolean forceIssue, boolean deleteOld, boolean dryRun, Optional<String> preferredChain,
            int concurrency) {
        this(forceIssue, deleteOld, dryRun, preferredChain, concurrency, Leases.DEFAULT_DURATION);
    }

    /** For a clean-up, which renews nothing: no switch applies, and the policy it is checked on keeps the old certificate. */
    public static PassOptions cleanupOnly() {
        return new PassOptions(false, false, false, Optional.empty(), 1);
    }
}
