package dev.policygen.renew;

import java.util.Optional;

/**
 * How a pass behaves beyond the config: the switches of {@code policygen renew}.
 *
 * @param concurrency certificates renewed at once; Route 53 requests are rate-limited across all of them
 */
public record PassOptions(boolean forceIssue, boolean deleteOld, boolean dryRun, Optional<String> preferredChain,
        int concurrency) {
    public PassOptions {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    /** For a clean-up, which renews nothing: no switch applies, and the policy it is checked on keeps the old certificate. */
    public static PassOptions cleanupOnly() {
        return new PassOptions(false, false, false, Optional.empty(), 1);
    }
}
