package dev.policygen.renew.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.FakeClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one back-off of conditional writes to the shared state, on a fake clock: pauses stay in their
 * bounds and grow with the try, and leases and shared objects pause by it. Seeded with
 * {@code -Dcollision.seed=}.
 */
class CollisionBackoffTest {
    private static final long SEED = Long.getLong("collision.seed", 20261206L);

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-06T20:00:00Z"));

    @Test
    void everyPauseIsWithinTheLeastAndTheGrowthTimesTheTry() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        CollisionBackoff backoff = new CollisionBackoff(6, Duration.ofMillis(5), Duration.ofMillis(20), clock::sleep,
                () -> random);
        Instant start = clock.instant();
        for (int attempt = 1; attempt <= 6; attempt++) {
            for (int i = 0; i < 500; i++) {
                backoff.pause(attempt);
            }
        }
        List<Duration> sleeps = clock.sleeps();
        assertEquals(3000, sleeps.size());
        long total = 0;
        for (int n = 0; n < sleeps.size(); n++) {
            int attempt = n / 500 + 1;
            long millis = sleeps.get(n).toMillis();
            assertTrue(millis >= 5 && millis < 20L * attempt, millis + " ms after try " + attempt + " (seed " + SEED + ")");
            total += millis;
        }
        assertEquals(start.plusMillis(total), clock.instant(), "the runner waits exactly the pauses");
    }

    @Test
    void laterTriesWaitLongerThanAnyFirstOne() {
        SplittableRandom random = new SplittableRandom(SEED);
        CollisionBackoff backoff = new CollisionBackoff(10, Duration.ofMillis(10), Duration.ofMillis(50), clock::sleep,
                () -> random);
        long longestFirst = 0;
        long longestTenth = 0;
        for (int i = 0; i < 2000; i++) {
            longestFirst = Math.max(longestFirst, backoff.delay(1).toMillis());
            longestTenth = Math.max(longestTenth, backoff.delay(10).toMillis());
        }
        assertTrue(longestFirst < 50, "first pause below 50 ms: " + longestFirst);
        assertTrue(longestTenth > 450, "the spread grows with the try (seed " + SEED + "): " + longestTenth);
    }

    @Test
    void theUsesKeepTheirBudgets() {
        assertEquals(10, CollisionBackoff.forLeases(clock::sleep).attempts());
        assertEquals(20, CollisionBackoff.forSharedObjects(clock::sleep).attempts());
        assertThrows(IllegalArgumentException.class, () -> CollisionBackoff.forLeases(clock::sleep).delay(0));
        assertThrows(IllegalArgumentException.class, () -> new CollisionBackoff(0, Duration.ofMillis(5),
                Duration.ofMillis(20), clock::sleep, () -> new SplittableRandom(SEED)));
        assertThrows(IllegalArgumentException.class, () -> new CollisionBackoff(3, Duration.ofMillis(20),
                Duration.ofMillis(20), clock::sleep, () -> new SplittableRandom(SEED)));
    }

    @Test
    void aLeaseThatMeetsConflictsPausesByTheLeaseBackoff() throws Exception {
        MemoryStateObjects objects = new MemoryStateObjects();
        Leases leases = new Leases(objects, "runner-a", Duration.ofMinutes(5), clock, clock::sleep);
        objects.conflictNext(3);
        assertTrue(leases.take("www").isPresent());
        List<Duration> sleeps = clock.sleeps();
        assertEquals(3, sleeps.size(), "one pause per 409");
        for (int n = 0; n < sleeps.size(); n++) {
            long millis = sleeps.get(n).toMillis();
            assertTrue(millis >= 5 && millis < 20L * (n + 1), millis + " ms after try " + (n + 1));
        }
    }

    @Test
    void aSharedObjectThatKeepsChangingGivesUpAfterItsBudget() throws Exception {
        MemoryStateObjects objects = new MemoryStateObjects();
        objects.conflictNext(20);
        IOException failure = assertThrows(IOException.class, () -> ConditionalUpdate.apply(objects, "journal.json",
                clock::sleep, current -> "{}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(failure.getMessage().endsWith("kept changing under 20 conditional writes"), failure.getMessage());
        List<Duration> sleeps = clock.sleeps();
        assertEquals(20, sleeps.size());
        for (int n = 0; n < sleeps.size(); n++) {
            long millis = sleeps.get(n).toMillis();
            assertTrue(millis >= 10 && millis < 50L * (n + 1), millis + " ms after try " + (n + 1));
        }
        objects.conflictNext(19);
        ConditionalUpdate.apply(objects, "journal.json", clock::sleep, current -> "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of("{}"), objects.read("journal.json")
                .map(object -> new String(object.body(), StandardCharsets.UTF_8)));
    }
}
