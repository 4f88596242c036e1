package dev.policygen.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when the test says so or when the code under test sleeps on it
 * ({@code clock::sleep} as the sleeper), so waiting code runs without real time passing. It is both a
 * {@link Clock} and a nano clock ({@code clock::nanoTime}); it is safe to share between threads.
 */
public final class FakeClock extends Clock {
    /** Nanoseconds since the epoch: both views of the one instant. */
    private final AtomicLong nanos;
    private final List<Duration> sleeps = new ArrayList<>();

    public FakeClock(Instant start) {
        this.nanos = new AtomicLong(Math.addExact(Math.multiplyExact(start.getEpochSecond(), 1_000_000_000L),
                start.getNano()));
    }

    /** Starts at 2026-11-21T12:00:00Z, the instant the tests' fixed dates are relative to. */
    public FakeClock() {
        this(Instant.parse("2026-11-21T12:00:00Z"));
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(0, nanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** The same instant on a nano clock (for code that takes a {@code LongSupplier} like System::nanoTime). */
    public long nanoTime() {
        return nanos.get();
    }

    /**
     * Records the sleep and moves the clock to at least the sleeper's wake-up; when threads sleep at once,
     * a sleeper whose wake-up another one already passed does not move the clock further.
     */
    public void sleep(Duration duration) {
        synchronized (sleeps) {
            sleeps.add(duration);
        }
        long from = nanos.get();
        nanos.accumulateAndGet(from + duration.toNanos(), Math::max);
    }

    /** Time passing without anyone sleeping, e.g. a request that takes long. */
    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Every sleep so far, in order. */
    public List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }
}
