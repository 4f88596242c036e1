package dev.policygen.renew.pace;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
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
 *
 * <p>A request released at its instant may still reach the server late (a new connection, a busy
 * machine), and one released a window later on time: the server then counts both in one window.
 * {@link #acquirePermit} closes that gap: the permit's instant moves to when its answer came back
 * (the request arrived before that), and the next request in its place waits for it.
 */
public final class RateLimiter {
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    /** The last {@code permits} reserved instants, a ring; null when unlimited. */
    private final long[] reserved;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition answered = lock.newCondition();
    /** Which reserved instants belong to a request whose answer is not in yet (see {@link #acquirePermit}). */
    private final boolean[] inFlight;
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
        this.inFlight = new boolean[permits];
    }

    private RateLimiter() {
        this.windowNanos = 0;
        this.nanoTime = System::nanoTime;
        this.sleeper = Sleeper.SYSTEM;
        this.reserved = null;
        this.inFlight = null;
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
        long slot = reserve(false)[0];
        waitUntil(slot);
        return slot;
    }

    /** One request's place in the limit; {@link #close} it once the request's answer is in (or it failed). */
    public final class Permit implements AutoCloseable {
        private final int index;
        private boolean closed;

        private Permit(int index) {
            this.index = index;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                answered(index);
            }
        }
    }

    /**
     * Blocks until a request may be sent, like {@link #acquire()}, and counts the request until the
     * returned permit is closed: its place in the window is taken from that moment, when the request
     * has certainly arrived, so requests that travel at different speeds still never arrive more than
     * {@code permits} in a window.
     */
    public Permit acquirePermit() throws InterruptedException {
        if (reserved == null) {
            return new Permit(-1);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long[] reservation = reserve(true);
        Permit permit = new Permit((int) reservation[1]);
        boolean waited = false;
        try {
            waitUntil(reservation[0]);
            waited = true;
            return permit;
        } finally {
            if (!waited) {
                permit.close();
            }
        }
    }

    private void waitUntil(long slot) throws InterruptedException {
        long wait;
        while ((wait = slot - nanoTime.getAsLong()) > 0) {
            // rounded up to whole milliseconds: Thread.sleep would otherwise wake early and spin
            sleeper.sleep(Duration.ofMillis((wait + 999_999) / 1_000_000));
        }
    }

    private void answered(int index) {
        if (index < 0) {
            return;
        }
        lock.lock();
        try {
            long now = nanoTime.getAsLong();
            if (now - reserved[index] > 0) {
                reserved[index] = now;
            }
            inFlight[index] = false;
            answered.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The reserved instant and its place in the ring. */
    private long[] reserve(boolean held) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            // the place this reservation takes is the one of the request {@code permits} back: while
            // that request is unanswered, when it arrived is unknown, so wait for its answer
            while (count == reserved.length && inFlight[next]) {
                answered.await();
            }
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
            inFlight[next] = held;
            int index = next;
            next = (next + 1) % reserved.length;
            return new long[] {slot, index};
        } finally {
            lock.unlock();
        }
    }
}
