package dev.policygen.renew.guard;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.RoleSessionGate;
import dev.policygen.renew.pace.RateLimiter;
import dev.policygen.renew.pace.Retry;
import dev.policygen.route53.StsNames;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one way the renewer sends an AWS request: the policy guard first (a denied call is never
 * sent), then, for each attempt, Route 53's request rate limit, with throttling and server errors
 * retried with backoff and jitter; a Throttling answer also lowers the rate of every later Route 53
 * request ({@link RateLimiter#throttled()}). Access denied, invalid input and refused change batches are
 * never retried ({@link AwsFailure#retryable()}). It counts the requests actually sent, per action.
 */
public final class CallGate {
    private static final String ROUTE53 = "route53:";

    private final PolicyGuard guard;
    private final RateLimiter route53Limit;
    private final Retry retry;
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private final LongAdder refreshes = new LongAdder();

    public CallGate(PolicyGuard guard, RateLimiter route53Limit, Retry retry) {
        this.guard = guard;
        this.route53Limit = route53Limit;
        this.retry = retry;
    }

    /** Checks {@code call} against the policy, then runs {@code attempt} (one AWS request) until it succeeds. */
    public <T> T send(IntendedCall call, Retry.Attempt<T> attempt) throws GuardException, AwsFailure,
            InterruptedException {
        guard.check(call);
        try {
            return sendChecked(call, attempt);
        } catch (RoleSessionGate.Refused refused) {
            // the call needed a zone role's session renewed, and the guard refused the renewal: neither was sent
            sent.computeIfAbsent(call.action(), a -> new LongAdder()).decrement();
            throw refused.denial() instanceof GuardException denial ? denial
                    : new GuardException(refused.getMessage());
        }
    }

    private <T> T sendChecked(IntendedCall call, Retry.Attempt<T> attempt) throws AwsFailure, InterruptedException {
        boolean limited = call.action().startsWith(ROUTE53);
        return retry.call(() -> {
            if (!limited) {
                sent.computeIfAbsent(call.action(), a -> new LongAdder()).increment();
                return attempt.run();
            }
            RateLimiter.Permit permit;
            try {
                permit = route53Limit.permit();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AwsFailure(AwsFailure.Kind.UNREACHABLE, "interrupted before " + call.action(), e);
            }
            // the window runs from the answer: only then is the request known to have reached Route 53
            try (permit) {
                sent.computeIfAbsent(call.action(), a -> new LongAdder()).increment();
                return attempt.run();
            } catch (AwsFailure failure) {
                if (failure.kind() == AwsFailure.Kind.THROTTLED) {
                    // the account's budget is shared: slow down for every request of the pass, not this one
                    route53Limit.throttled();
                }
                throw failure;
            }
        });
    }

    /**
     * The gate of the zone roles' sessions ({@link dev.policygen.renew.cloud.AwsServices#hostedZonesAs}): their
     * AssumeRole is the run's own call, judged by the run's policy like any other. The first is sent through
     * {@link #send}, which has checked and counted it already; each refresh the SDK sends on its own is checked
     * here and counted with the run's other calls, and a refused one is never sent.
     */
    public RoleSessionGate roleSessions() {
        return (roleArn, refresh) -> {
            IntendedCall call = IntendedCall.of(StsNames.ASSUME_ROLE, roleArn);
            try {
                guard.check(call);
            } catch (GuardException e) {
                throw new RoleSessionGate.Refused(e);
            }
            if (refresh) {
                sent.computeIfAbsent(call.action(), a -> new LongAdder()).increment();
                refreshes.increment();
            }
        };
    }

    /** The zone role sessions' refreshes the guard let through, each also counted under sts:AssumeRole. */
    public long refreshesSent() {
        return refreshes.sum();
    }

    /** Checks {@code call} against the policy and sends nothing: a later step's request, checked up front. */
    public void check(IntendedCall call) throws GuardException {
        guard.check(call);
    }

    /** The guard's name group of the one name {@code call} changes ({@link PolicyGuard#changeGroup}). */
    public int changeGroup(IntendedCall call) {
        return guard.changeGroup(call);
    }

    /** Requests sent so far (retries included), by action, sorted. */
    public Map<String, Long> sentByAction() {
        Map<String, Long> counts = new TreeMap<>();
        sent.forEach((action, count) -> counts.put(action, count.sum()));
        return counts;
    }
}
