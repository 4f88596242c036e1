package dev.policygen.renew.acme;

import dev.policygen.renew.account.AcmeFailure;
import dev.policygen.renew.account.AcmeSessions;
import dev.policygen.renew.pace.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeLazyLoadingException;
import org.shredzone.acme4j.exception.AcmeProtocolException;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;

/**
 * Runs one acme4j request and turns its failures into one-line {@link AcmeFailure}s.
 *
 * <p>rateLimited: when the CA's Retry-After is at most {@link #LONGEST_WAIT} away, the request is
 * sent once more after that time; a later (or missing) Retry-After fails with the time, so a run
 * from cron ends instead of hanging, and a second refusal fails too.
 *
 * <p>A rateLimited answer with a Retry-After also pauses every new order of the pass until then
 * ({@link #awaitNewOrders}): the CA limits the account, so the other certificates would only be
 * refused too.
 *
 * <p>badNonce is not handled here: acme4j 4.0.0 already re-sends a signed request with a fresh
 * nonce up to 10 times (DefaultConnection.sendSignedRequest, MAX_ATTEMPTS = 10), which covers
 * every signed request this package makes.
 */
final class AcmeRequests {
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    @FunctionalInterface
    interface Request<T> {
        T send() throws AcmeException;
    }

    @FunctionalInterface
    interface Action {
        void send() throws AcmeException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    /** Until when the CA's last rateLimited answer asked for quiet: no new order of the pass before then. */
    private final AtomicReference<Instant> ordersPausedUntil = new AtomicReference<>(Instant.MIN);

    AcmeRequests(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    /** @param what says what was asked, for the message: "cannot WHAT: DETAIL" */
    <T> T send(String what, Request<T> request) throws AcmeFailure, InterruptedException {
        boolean waited = false;
        while (true) {
            try {
                return request.send();
            } catch (AcmeException | AcmeLazyLoadingException | AcmeProtocolException e) {
                Exception failure = e instanceof AcmeLazyLoadingException lazy && lazy.getCause() instanceof Exception c
                        ? c : e;
                if (!(failure instanceof AcmeRateLimitedException limited)) {
                    throw AcmeSessions.failure("cannot " + what, failure);
                }
                Optional<Instant> retryAt = limited.getRetryAfter();
                // a CA's rate limit is the account's, not the order's: every certificate of the pass waits
                retryAt.ifPresent(at -> ordersPausedUntil.accumulateAndGet(at,
                        (current, next) -> next.isAfter(current) ? next : current));
                Optional<Duration> wait = retryAt.map(at -> Duration.between(clock.instant(), at));
                if (waited || wait.isEmpty() || wait.get().compareTo(LONGEST_WAIT) > 0) {
                    throw rateLimited(what, limited, retryAt);
                }
                sleeper.sleep(wait.get());
                waited = true;
            }
        }
    }

    /**
     * Before a new order: waits out the pause a rateLimited answer to any request of the pass asked
     * for (its Retry-After), or fails at once when that is more than {@link #LONGEST_WAIT} away.
     */
    void awaitNewOrders(String what) throws AcmeFailure, InterruptedException {
        Instant until = ordersPausedUntil.get();
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            return;
        }
        Duration wait = Duration.between(now, until);
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            throw new AcmeFailure("cannot " + what + ": the CA's rate limit pauses new orders until " + until);
        }
        sleeper.sleep(wait);
    }

    void run(String what, Action action) throws AcmeFailure, InterruptedException {
        send(what, () -> {
            action.send();
            return null;
        });
    }

    private static AcmeFailure rateLimited(String what, AcmeRateLimitedException e, Optional<Instant> retryAt) {
        String detail = e.getProblem().getDetail().orElse(e.getMessage());
        return new AcmeFailure("cannot " + what + ": the CA's rate limit: " + detail
                + retryAt.map(at -> "; retry after " + at).orElse(""), e);
    }
}
