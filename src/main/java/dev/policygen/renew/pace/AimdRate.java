package dev.policygen.renew.pace;

/**
 * The request rate one process allows itself under a shared account limit, adjusted the way TCP shares
 * a link (additive increase, multiplicative decrease; Chiu and Jain, 1989): every Throttling answer
 * halves the rate, at most once per {@code holdNanos} (a burst of throttled answers from one over-full
 * second is one signal, not five), down to {@link #FLOOR}; then it grows back by
 * {@link #INCREASE_PER_SECOND} each second up to the ceiling ({@code --route53-rate}). Several renew
 * processes, and other tools, in one account all back off on the same signal and share the 5 requests
 * per second Route 53 allows instead of throttling each other into failure; the slow increase (the
 * full rate is back about 10 s after one halving) keeps two processes probing together from
 * overshooting by more than about one request per second before the next signal.
 */
public final class AimdRate {
    /** What a Throttling answer leaves of the rate. */
    static final double DECREASE = 0.5;
    /** Requests per second regained per second without a Throttling answer. */
    static final double INCREASE_PER_SECOND = 0.5;
    /** The lowest rate, requests per second: a request every 2 s still makes progress. */
    static final double FLOOR = 0.5;

    private final double ceiling;
    private final long holdNanos;
    private double base;
    private long since;
    private long lastDecrease;
    private boolean decreased;

    /** @param ceiling requests per second at most; the rate starts there */
    public AimdRate(double ceiling, long holdNanos, long now) {
        if (!(ceiling > 0)) {
            throw new IllegalArgumentException("the ceiling must be positive, got " + ceiling);
        }
        this.ceiling = ceiling;
        this.holdNanos = holdNanos;
        this.base = ceiling;
        this.since = now;
    }

    public double ceiling() {
        return ceiling;
    }

    /** The rate allowed at {@code now} (nanos), in requests per second. */
    public synchronized double rate(long now) {
        return Math.min(ceiling, base + INCREASE_PER_SECOND * Math.max(0, now - since) / 1e9);
    }

    /** Route 53 answered Throttling at {@code now}: halve the rate, unless it was halved within the hold time. */
    public synchronized void throttled(long now) {
        if (decreased && now - lastDecrease < holdNanos) {
            return;
        }
        base = Math.max(FLOOR, rate(now) * DECREASE);
        since = now;
        lastDecrease = now;
        decreased = true;
    }

    /** The least time between two requests at {@code now}, in nanos; 0 at the ceiling (the window rules). */
    public synchronized long spacingNanos(long now) {
        double rate = rate(now);
        return rate >= ceiling ? 0 : (long) (1e9 / rate);
    }
}
