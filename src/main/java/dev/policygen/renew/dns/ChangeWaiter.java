package dev.policygen.renew.dns;

import dev.policygen.AwsFailure;
import dev.policygen.renew.guard.GuardException;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.pace.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Waits until Route 53 reports changes INSYNC (applied on all its name servers), polling GetChange
 * at once and then at doubling intervals up to 10 seconds: a fast change costs one call, and the
 * usual 30 to 60 seconds of AWS cost about eight.
 */
public final class ChangeWaiter {
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final GuardedAws aws;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration timeout;

    public ChangeWaiter(GuardedAws aws, Clock clock, Sleeper sleeper, Duration timeout) {
        this.aws = aws;
        this.clock = clock;
        this.sleeper = sleeper;
        this.timeout = timeout;
    }

    public void awaitInSync(Collection<String> changeIds) throws GuardException, AwsFailure, InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        for (String id : changeIds) {
            Duration delay = FIRST_DELAY;
            while (!aws.inSync(id)) {
                if (!clock.instant().plus(delay).isBefore(deadline)) {
                    throw new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "Route 53 change " + id + " was not INSYNC"
                            + " after " + timeout.toSeconds() + " s", null);
                }
                sleeper.sleep(delay);
                delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
            }
        }
    }
}
