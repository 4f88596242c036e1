package dev.policygen.sandbox;

import java.time.Duration;

/**
 * The faults the sandbox injects so clients' retry paths can be exercised: throttling above a
 * request rate (Route 53 allows 5 per second per account), PriorRequestNotComplete on a share of
 * changes, server errors on a share of all calls, and latency added to every call. Rates are
 * between 0 and 1; a throttle of 0 turns throttling off.
 */
public record FaultSettings(int throttlePerSecond, double priorRequestNotCompleteRate, double serverErrorRate,
        Duration latency) {
    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, Duration.ZERO);

    public FaultSettings {
        if (throttlePerSecond < 0) {
            throw new IllegalArgumentException("the throttle rate cannot be negative");
        }
        checkRate(priorRequestNotCompleteRate, "PriorRequestNotComplete rate");
        checkRate(serverErrorRate, "server error rate");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative");
        }
    }

    private static void checkRate(double rate, String what) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("the " + what + " must be between 0 and 1, not " + rate);
        }
    }
}
