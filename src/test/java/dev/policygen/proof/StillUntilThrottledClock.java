package dev.policygen.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sandbox clock that stands still until the sandbox has throttled a call, then runs with real time from
 * a second later. The sandbox's throttle counts the calls of the last second of its clock, so while this
 * clock stands every call beyond the rate is throttled whatever the real time between them: a test that
 * needs the throttle to happen gets it on a slow machine too; from the first throttled call on, the window
 * has passed and the clock runs, so the client's retries are admitted at the rate as before. The sandbox
 * writes (and flushes) a call's log line before it answers, so the clock read of the next call sees it.
 */
final class StillUntilThrottledClock extends Clock {
    private static final long UNSET = Long.MIN_VALUE;

    private final Path callLog;
    private final Instant start;
    /** System.nanoTime() when the throttled call was first seen; UNSET while the clock stands. */
    private final AtomicLong runningSince = new AtomicLong(UNSET);

    /** @param callLog the sandbox's call log (JSON lines; a throttled call has "Throttling" as its error) */
    StillUntilThrottledClock(Path callLog, Instant start) {
        this.callLog = callLog;
        this.start = start;
    }

    @Override
    public Instant instant() {
        long since = runningSince.get();
        if (since == UNSET) {
            if (!throttled()) {
                return start;
            }
            runningSince.compareAndSet(UNSET, System.nanoTime());
            since = runningSince.get();
        }
        return start.plusSeconds(1).plusNanos(System.nanoTime() - since);
    }

    private boolean throttled() {
        try {
            return Files.readString(callLog, StandardCharsets.UTF_8).contains("\"Throttling\"");
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
