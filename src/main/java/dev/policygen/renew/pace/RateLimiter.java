package dev.policygen.renew.pace;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A client-side limit of at most {@code permits} requests in any sliding {@code window}, shared by
 * every thread that sends to one rate-limited API.
 *
 * <p>The window is counted from when a request's answer came back ({@link Permit#close()}), not from
 * when it was let go: the server saw the request somewhere between the two, and the time in between
 * (a cold SDK's first request takes hundreds of milliseconds before it is on the wire) is unknown.
 * Requests take turns on {@code permits} positions; a request may use its position one window after
 * the previous user of that position got its answer. Of any {@code permits + 1} requests two share a
 * position, so they reach the server at least one window apart, whatever the delays on the way.
 * Tickets are handed out in order under a fair lock, so callers are served first come, first served.
 *
 * <p>The limit is a ceiling: after a Throttling answer ({@link #throttled()}) requests are also spaced
 * at the lower rate {@link AimdRate} allows, which grows back to the ceiling.
 */
public final class RateLimiter {
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    /** Per position, the round whose request may use it next; null when unlimited. */
    private final long[] turn;
    /** Per position, the instant from which that round's request may be sent. */
    private final long[] freeAt;
    /** Tickets of callers interrupted before their turn: their turn is passed on when it comes. */
    private final Set<Long> abandoned = new HashSet<>();
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition answered = lock.newCondition();
    private long nextTicket;
    /** The rate below the ceiling after Throttling answers; null when unlimited. */
    private final AimdRate aimd;
    /** When the last request was let go, for the spacing {@link #aimd} asks for below the ceiling. */
    private long lastLet = Long.MIN_VALUE;

    /** The right to send one request; close it when the answer (or failure) is in. */
    public final class Permit implements AutoCloseable {
        private final int position;
        private final long round;
        private final long instant;
        private boolean closed;

        private Permit(int position, long round, long instant) {
            this.position = position;
            this.round = round;
            this.instant = instant;
        }

        /** When the request was let go, on the limiter's nano clock. */
        public long instant() {
            return instant;
        }

        @Override
        public void close() {
            if (closed || turn == null) {
                return;
            }
            closed = true;
            release(position, round, nanoTime.getAsLong() + windowNanos);
        }
    }

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
        this.turn = new long[permits];
        this.freeAt = new long[permits];
        java.util.Arrays.fill(freeAt, nanoTime.getAsLong());
        this.aimd = new AimdRate(permits * 1e9 / windowNanos, windowNanos, nanoTime.getAsLong());
    }

    private RateLimiter(LongSupplier nanoTime, Sleeper sleeper) {
        this.windowNanos = 0;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.turn = null;
        this.freeAt = null;
        this.aimd = null;
    }

    /**
     * Route 53's limit: 5 requests per 1.1 seconds. Route 53 allows 5 requests per second per account
     * and the sandbox counts a sliding 1-second window at the instant a request arrives; the extra
     * 100 ms is a margin for a server that counts on a coarser clock.
     */
    public static RateLimiter route53() {
        return new RateLimiter(5, Duration.ofMillis(1100), System::nanoTime, Sleeper.SYSTEM);
    }

    /** A limiter that never waits, for APIs without a client-side limit and for dry runs. */
    public static RateLimiter unlimited() {
        return unlimited(System::nanoTime, Sleeper.SYSTEM);
    }

    /** {@link #unlimited()} on a given clock and sleeper, so that a test can show it never sleeps. */
    static RateLimiter unlimited(LongSupplier nanoTime, Sleeper sleeper) {
        return new RateLimiter(nanoTime, sleeper);
    }

    /** Blocks until a request may be sent, counting the window from now (the request's answer is not awaited). */
    public void acquire() throws InterruptedException {
        acquireAt();
    }

    /**
     * Like {@link #acquire()}, and returns the instant (on this limiter's nano clock) at which the caller
     * was let go. Tests check the limit on these instants.
     */
    long acquireAt() throws InterruptedException {
        try (Permit permit = permit()) {
            return permit.instant();
        }
    }

    /** Blocks until a request may be sent; the window of the permit runs from its {@link Permit#close()}. */
    public Permit permit() throws InterruptedException {
        if (turn == null) {
            return new Permit(-1, 0, nanoTime.getAsLong());
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long ticket;
        lock.lock();
        try {
            ticket = nextTicket++;
        } finally {
            lock.unlock();
        }
        int position = (int) (ticket % turn.length);
        long round = ticket / turn.length;
        while (true) {
            long wait;
            lock.lock();
            try {
                while (turn[position] != round) {
                    try {
                        // the previous request on this position is running; its answer signals
                        answered.await();
                    } catch (InterruptedException e) {
                        abandonLocked(position, round);
                        throw e;
                    }
                }
                long now = nanoTime.getAsLong();
                long spacing = aimd.spacingNanos(now);
                long pacedAt = spacing == 0 || lastLet == Long.MIN_VALUE ? now : lastLet + spacing;
                if ((wait = Math.max(freeAt[position], pacedAt) - now) <= 0) {
                    lastLet = now;
                    return new Permit(position, round, now);
                }
            } finally {
                lock.unlock();
            }
            try {
                // rounded up to whole milliseconds: Thread.sleep would otherwise wake early and spin
                sleeper.sleep(Duration.ofMillis((wait + 999_999) / 1_000_000));
            } catch (InterruptedException e) {
                abandon(position, round);
                throw e;
            }
        }
    }

    /**
     * The server answered Throttling: the rate drops below the ceiling and recovers gradually
     * ({@link AimdRate}), so processes sharing the account's limit converge instead of failing.
     */
    public void throttled() {
        if (aimd != null) {
            aimd.throttled(nanoTime.getAsLong());
        }
    }

    /** The rate allowed now, requests per second; the ceiling until a Throttling answer. */
    public double currentRate() {
        return aimd == null ? Double.POSITIVE_INFINITY : aimd.rate(nanoTime.getAsLong());
    }

    /**
     * Whether a caller is blocked until an earlier request on its position is answered. Tests wait for
     * this before they answer or interrupt, so that they prove that path instead of racing past it.
     */
    boolean hasCallersAwaitingAnAnswer() {
        lock.lock();
        try {
            return lock.hasWaiters(answered);
        } finally {
            lock.unlock();
        }
    }

    private void release(int position, long round, long free) {
        lock.lock();
        try {
            if (turn[position] == round) {
                freeAt[position] = free;
                turn[position] = round + 1;
                skipAbandoned(position);
                answered.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** An interrupted caller gives up its turn without using the position (so the window stays as it was). */
    private void abandon(int position, long round) {
        lock.lock();
        try {
            abandonLocked(position, round);
        } finally {
            lock.unlock();
        }
    }

    private void abandonLocked(int position, long round) {
        if (turn[position] == round) {
            turn[position] = round + 1;
            skipAbandoned(position);
            answered.signalAll();
        } else {
            abandoned.add(round * turn.length + position);
        }
    }

    private void skipAbandoned(int position) {
        while (abandoned.remove(turn[position] * turn.length + position)) {
            turn[position]++;
        }
    }
}
