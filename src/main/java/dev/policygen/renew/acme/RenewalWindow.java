package dev.policygen.renew.acme;

import java.net.URL;
import java.time.Instant;
import java.util.Optional;

/**
 * The CA's suggested renewal window for one certificate (ACME Renewal Information, RFC 9773).
 *
 * @param retryAfter when to ask again at the earliest, if the CA said so
 * @param explanation a page the CA publishes on why the window is where it is (e.g. a revocation)
 */
public record RenewalWindow(Instant start, Instant end, Optional<Instant> retryAfter, Optional<URL> explanation) {
    public RenewalWindow {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the renewal window ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /**
     * Whether to renew now: once the window has opened. RFC 9773 suggests a random moment inside the
     * window; a run from cron or a timer is already spread over time by its schedule, and a window in
     * the past (the CA wants the certificate replaced, e.g. before revoking it) is due at once.
     */
    public boolean due(Instant now) {
        return !now.isBefore(start);
    }
}
