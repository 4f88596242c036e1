package dev.policygen.renew.pace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13: --route53-rate is a ceiling; Throttling halves the rate, which grows back by 0.5 requests/s per second. */
class AimdRateTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void startsAtTheCeilingHalvesOnThrottlingAndRecoversLinearly() {
        AimdRate rate = new AimdRate(5, SECOND, 0);
        assertEquals(5.0, rate.rate(0));
        assertEquals(0, rate.spacingNanos(0), "at the ceiling only the window limits");

        rate.throttled(10 * SECOND);
        assertEquals(2.5, rate.rate(10 * SECOND), 1e-9);
        assertEquals(400_000_000L, rate.spacingNanos(10 * SECOND));
        assertEquals(3.5, rate.rate(12 * SECOND), 1e-9);
        assertEquals(5.0, rate.rate(15 * SECOND), 1e-9, "back at the ceiling 5 s after halving from 5");
        assertEquals(5.0, rate.rate(100 * SECOND), 1e-9, "never above the ceiling");
    }

    @Test
    void aBurstOfThrottlingAnswersWithinTheHoldTimeCountsOnce() {
        AimdRate rate = new AimdRate(5, SECOND, 0);
        rate.throttled(SECOND);
        rate.throttled(SECOND + 100_000_000L);
        rate.throttled(SECOND + 900_000_000L);
        assertEquals(2.5 + 0.45, rate.rate(SECOND + 900_000_000L), 1e-9);
        rate.throttled(2 * SECOND + 1);
        assertTrue(rate.rate(2 * SECOND + 1) < 1.6, "a new signal after the hold time halves again");
    }

    @Test
    void neverBelowTheFloor() {
        AimdRate rate = new AimdRate(5, 1, 0);
        for (int i = 1; i <= 20; i++) {
            rate.throttled(i * 10L);
        }
        assertEquals(AimdRate.FLOOR, rate.rate(200), 1e-6);
        assertEquals(2 * SECOND, rate.spacingNanos(200), 10_000L, "a request every 2 s at the floor");
    }

    @Test
    void theLimiterSpacesRequestsAtTheLoweredRateAfterThrottling() throws Exception {
        FakeClock clock = new FakeClock();
        RateLimiter limiter = new RateLimiter(5, Duration.ofSeconds(1), clock::nanoTime, clock::sleep);
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(limiter.acquireAt());
        }
        assertEquals(before.get(0), before.get(4), "a burst of 5 at the ceiling of 5 per second");

        limiter.throttled();
        assertEquals(2.5, limiter.currentRate(), 1e-9);
        List<Long> after = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            after.add(limiter.acquireAt());
        }
        for (int i = 1; i < after.size(); i++) {
            long gap = after.get(i) - after.get(i - 1);
            assertTrue(gap >= 300_000_000L, "requests spaced at the lowered rate, gap " + gap);
        }
    }
}
