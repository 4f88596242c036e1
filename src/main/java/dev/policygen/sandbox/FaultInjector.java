package dev.policygen.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Applies {@link FaultSettings} to calls. The random choices come from one seeded generator, so a
 * test that sends the same calls in the same order sees the same faults.
 */
final class FaultInjector {
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final FaultSettings settings;
    private final Random random;
    /** Arrival times of the calls admitted in the last second, for the throttle. */
    private final ArrayDeque<Long> admitted = new ArrayDeque<>();

    FaultInjector(FaultSettings settings, long seed) {
        this.settings = settings;
        this.random = new Random(seed);
    }

    /** Sleeps the configured latency; called before any answer is produced. */
    void delay() {
        if (!settings.latency().isZero()) {
            try {
                Thread.sleep(settings.latency().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Rejects a call above the request rate, as AWS does, with Throttling (400, "Rate exceeded"). */
    synchronized void throttle(Instant now) throws Route53Error {
        if (settings.throttlePerSecond() == 0) {
            return;
        }
        long nowNanos = TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        while (!admitted.isEmpty() && nowNanos - admitted.peekFirst() >= SECOND_NANOS) {
            admitted.removeFirst();
        }
        if (admitted.size() >= settings.throttlePerSecond()) {
            throw Route53Error.sender(400, "Throttling", "Rate exceeded");
        }
        admitted.addLast(nowNanos);
    }

    /** Randomly fails an authorized call: PriorRequestNotComplete for changes, a server error for any. */
    synchronized void inject(Route53Call call) throws Route53Error {
        if (call.operation() == Route53Call.Operation.CHANGE_RESOURCE_RECORD_SETS
                && settings.priorRequestNotCompleteRate() > 0
                && random.nextDouble() < settings.priorRequestNotCompleteRate()) {
            throw Route53Error.sender(400, "PriorRequestNotComplete",
                    "The request was rejected because Route 53 was still processing a prior request.");
        }
        serverError();
    }

    /** The server-error share, which every emulated service suffers (throttling stays Route 53's own). */
    synchronized void serverError() throws Route53Error {
        if (settings.serverErrorRate() > 0 && random.nextDouble() < settings.serverErrorRate()) {
            throw Route53Error.receiver(500, "InternalFailure", "The request processing has failed because of an "
                    + "unknown error, exception or failure.");
        }
    }
}
