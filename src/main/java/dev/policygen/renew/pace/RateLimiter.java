package dev.policygen.renew.pace;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A client-side limit of at most {@code permits} requests in any sliding {@code window}, shared by
 * every thread that sends to one rate-limited API.
 *
 * <p>Each caller reserves the earliest instant at which its request keeps the window within the
 * limit, under a fair lock, and then sleeps outside the lock until that instant. Reserved instants
 * never decrease and instant {@code k} is at least one window after instant {@code k - permits},
 * so any window holds at most {@code permits} of them; reserving in lock order also serves callers
 * first come, first served, so no thread starves under load. A caller interrupted while waiting
 * keeps its reservation unused: that wastes a slot but never lets the limit be exceeded.
 */
public final class RateLimiter {
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    /** The last {@code permits} reserved instants, a ring; null when unlimited. */
    private final long[] reserved;
    private final ReentrantLock lock = new ReentrantLock(true);
    private int next;
    private int count;

    public RateLimiter(int permits, Duration window, LongSupplier nanoTime, Sleeper sleeper) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.reserved = new long[permits];
    }

    private RateLimiter() {
        this.windowNanos = 0;
        this.nanoTime = System::nanoTime;
        this.sleeper = Sleeper.SYSTEM;
        this.reserved = null;
    }

    /**
     * Route 53's limit: 5 requests per 1.1 seconds. Route 53 allows 5 requests per second per account,
     * and the sandbox counts a sliding 1-second window at the instant a request arrives; the extra
     * 100 ms absorbs network jitter, so requests released exactly one second apart that travel at
     * different speeds do not arrive 6 in one second.
     */
    public static RateLimiter route53() {
        return new RateLimiter(5, Duration.ofMillis(1100), System::nanoTime, Sleeper.SYSTEM);
    }

    /** A limiter that never waits, for APIs without a client-side limit and for dry runs. */
    public static RateLimiter unlimited() {
        return new RateLimiter();
    }

    /** Blocks until a request may be sent without exceeding the limit. */
    public void acquire() throws InterruptedException {
        acquireAt();
    }

    /**
     * Like {@link #acquire()}, and returns the instant (on this limiter's nano clock) that was reserved
     * for the caller; it never returns before that instant. Tests check the limit on these instants.
     */
    long acquireAt() throws InterruptedException {
        if (reserved == null) {
            return nanoTime.getAsLong();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long slot = reserve();
        long wait;
        while ((wait = slot - nanoTime.getAsLong()) > 0) {
            // rounded up to whole milliseconds: Thread.sleep would otherwise wake early and spin
            sleeper.sleep(Duration.ofMillis((wait + 999_999) / 1_000_000));
        }
        return slot;
    }

    private long reserve() {
        lock.lock();
        try {
            long now = nanoTime.getAsLong();
            long slot = now;
            if (count == reserved.length) {
                long earliest = reserved[next] + windowNanos;
                if (earliest - now > 0) {
                    slot = earliest;
                }
            } else {
                count++;
            }
            reserved[next] = slot;
            next = (next + 1) % reserved.length;
            return slot;
        } finally {
            lock.unlock();
        }
    }
}
