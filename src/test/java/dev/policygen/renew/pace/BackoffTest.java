package dev.policygen.renew.pace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1),
            new SplittableRandom(42));

    @Test
    void doublesFromBaseUpToTheCap() {
        assertEquals(Duration.ofMillis(100), backoff.ceiling(1));
        assertEquals(Duration.ofMillis(200), backoff.ceiling(2));
        assertEquals(Duration.ofMillis(800), backoff.ceiling(4));
        assertEquals(Duration.ofSeconds(1), backoff.ceiling(5));
        assertEquals(Duration.ofSeconds(1), backoff.ceiling(64));
        assertEquals(Duration.ofSeconds(1), backoff.ceiling(Integer.MAX_VALUE));
    }

    @Test
    void delaysAreUniformWithinZeroAndTheCeiling() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            Duration ceiling = backoff.ceiling(attempt);
            long below = 0;
            for (int i = 0; i < 2000; i++) {
                Duration delay = backoff.delay(attempt);
                assertTrue(!delay.isNegative() && delay.compareTo(ceiling) <= 0, delay + " for " + attempt);
                if (delay.compareTo(ceiling.dividedBy(2)) < 0) {
                    below++;
                }
            }
            // full jitter: about half of the delays fall in the lower half
            assertTrue(below > 800 && below < 1200, "lower half " + below);
        }
    }

    @Test
    void standardIs200msUpTo20s() {
        Backoff standard = Backoff.standard();
        assertEquals(Duration.ofMillis(200), standard.ceiling(1));
        assertEquals(Duration.ofSeconds(20), standard.ceiling(20));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> backoff.delay(0));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new SplittableRandom()));
    }
}
