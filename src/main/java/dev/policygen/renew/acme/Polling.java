package dev.policygen.renew.acme;

import dev.policygen.renew.account.AcmeFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.shredzone.acme4j.PollableResource;
import org.shredzone.acme4j.Status;

/**
 * Polls an ACME resource until its status is one of the wanted ones. Our own loop, not acme4j's
 * waitForStatus: it waits on the injected clock and sleeper, so tests need no real time.
 */
final class Polling {
    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final AcmeRequests requests;
    private final Duration timeout;

    Polling(AcmeRequests requests, Duration timeout) {
        this.requests = requests;
        this.timeout = timeout;
    }

    /**
     * Fetches the resource (no first wait: the caller may have just triggered it, and a fresh status
     * is cheap) and then again after each Retry-After, else after {@link #INTERVAL}, until its
     * status is in {@code done}; returns that status.
     */
    Status until(PollableResource resource, Set<Status> done, String what) throws AcmeFailure, InterruptedException {
        Instant deadline = requests.clock().instant().plus(timeout);
        while (true) {
            Optional<Instant> retryAfter = requests.send("fetch " + what, resource::fetch);
            Status status = resource.getStatus();
            if (done.contains(status)) {
                return status;
            }
            Instant now = requests.clock().instant();
            Instant next = retryAfter.filter(now::isBefore).orElse(now.plus(INTERVAL));
            if (next.isAfter(deadline)) {
                throw new AcmeFailure(what + " is still " + status.name().toLowerCase(java.util.Locale.ROOT)
                        + " after " + timeout.toSeconds() + " s" + retryAfter.map(at -> " (the CA asks to check again at "
                        + at + ")").orElse(""));
            }
            requests.sleeper().sleep(Duration.between(now, next));
        }
    }
}
