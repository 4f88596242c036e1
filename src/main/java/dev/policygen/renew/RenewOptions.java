package dev.policygen.renew;

import java.util.Optional;

/**
 * How a run behaves beyond the config: the command-line switches of {@code policygen renew}.
 *
 * @param concurrency certificates renewed at once; Route 53 requests are rate-limited across all of them
 */
public record RenewOptions(boolean forceIssue, boolean deleteOld, boolean dryRun, Optional<String> preferredChain,
        int concurrency) {
    public static final int DEFAULT_CONCURRENCY = 8;

    public RenewOptions {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }
}
