package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The jitter between passes. */
class RenewLoopTest {
    @Test
    void jitterStaysWithinTenPercentAndAtLeastOneSecond() {
        for (int i = 0; i < 200; i++) {
            long millis = RenewLoop.jittered(Duration.ofHours(12)).toMillis();
            assertTrue(millis >= 0.9 * 12 * 3_600_000 && millis <= 1.1 * 12 * 3_600_000, String.valueOf(millis));
        }
        assertEquals(Duration.ofSeconds(1), RenewLoop.jittered(Duration.ofMillis(10)));
    }
}
