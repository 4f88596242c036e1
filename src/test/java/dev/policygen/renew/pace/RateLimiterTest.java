package dev.policygen.renew.pace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RateLimiterTest {

    /** A nano clock that moves only when someone sleeps; sleeping moves it at least to the sleeper's wake-up. */
    static final class FakeTime implements Sleeper {
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);
        final AtomicLong sleeps = new AtomicLong();

        long now() {
            return nanos.get();
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.incrementAndGet();
            long from = nanos.get();
            nanos.accumulateAndGet(from + duration.toNanos(), Math::max);
        }
    }

    @Test
    void letsTheFirstPermitsThroughAtOnceAndThenOnePerFreedSlot() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(1), time::now, time);
        long start = time.now();
        for (int i = 0; i < 3; i++) {
            assertEquals(start, limiter.acquireAt());
        }
        assertEquals(0, time.sleeps.get());
        assertEquals(start + 1_000_000_000L, limiter.acquireAt());
        assertEquals(start + 1_000_000_000L, time.now());
        assertEquals(start + 1_000_000_000L, limiter.acquireAt());
    }

    @Test
    void countsAPermitsPlaceFromWhenItsAnswerCameBack() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(1), time::now, time);
        long start = time.now();
        RateLimiter.Permit slow = limiter.permit();
        // the request took 700 ms: it may have arrived at any moment of those, so the window starts at its answer
        time.nanos.addAndGet(Duration.ofMillis(700).toNanos());
        slow.close();
        assertEquals(start + 1_700_000_000L, limiter.acquireAt());
    }

    @Test
    void waitsForTheAnswerOfTheRequestWhosePlaceItTakes() throws Exception {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMillis(10), System::nanoTime, Sleeper.SYSTEM);
        RateLimiter.Permit first = limiter.permit();
        java.util.concurrent.CompletableFuture<Long> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                limiter.permit().close();
                return System.nanoTime();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertFalse(second.isDone(), "the second request went before the first was answered");
        long answered = System.nanoTime();
        first.close();
        assertTrue(second.get() - answered >= 10_000_000L, "the window counts from the answer");
    }

    @Test
    void freesSlotsThatLeftTheWindowWithoutWaiting() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(2, Duration.ofMillis(100), time::now, time);
        limiter.acquire();
        limiter.acquire();
        time.nanos.addAndGet(Duration.ofMillis(150).toNanos());
        limiter.acquire();
        limiter.acquire();
        assertEquals(0, time.sleeps.get());
    }

    @Test
    @Timeout(60)
    void neverGrantsMoreThanThePermitsInAnyWindowAcrossThreads() throws Exception {
        FakeTime time = new FakeTime();
        int permits = 5;
        long window = Duration.ofMillis(1100).toNanos();
        RateLimiter limiter = new RateLimiter(permits, Duration.ofNanos(window), time::now, time);
        List<Long> granted = Collections.synchronizedList(new ArrayList<>());
        int threads = 8;
        int each = 1250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    long slot = limiter.acquireAt();
                    // acquire never returns before the reserved instant
                    assertTrue(time.now() >= slot);
                    granted.add(slot);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(granted);
        Collections.sort(sorted);
        assertEquals(threads * each, sorted.size());
        assertAtMostPermitsPerWindow(sorted, permits, window);
        // and not needlessly slow; concurrent fake sleeps may overshoot a slot, so the bound is loose
        long ideal = (long) (sorted.size() / permits - 1) * window;
        long span = sorted.get(sorted.size() - 1) - sorted.get(0);
        assertTrue(span >= ideal && span <= 2 * ideal, "span " + span + " for ideal " + ideal);
    }

    @Test
    @Timeout(30)
    void holdsTheLimitOnTheRealClock() throws Exception {
        int permits = 4;
        Duration window = Duration.ofMillis(100);
        RateLimiter limiter = new RateLimiter(permits, window, System::nanoTime, Sleeper.SYSTEM);
        List<Long> granted = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 5; i++) {
                    long slot = limiter.acquireAt();
                    assertTrue(System.nanoTime() >= slot);
                    granted.add(slot);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        List<Long> sorted = new ArrayList<>(granted);
        Collections.sort(sorted);
        assertEquals(20, sorted.size());
        assertAtMostPermitsPerWindow(sorted, permits, window.toNanos());
        // a lower bound only, which a slow machine cannot break: 20 grants at 4 per window span 4 windows
        assertTrue(elapsed >= 4 * window.toNanos(), "elapsed " + elapsed);
    }

    /**
     * A request that takes long to reach the server (a cold SDK) must not shift its window earlier: the
     * next request on its position waits for its answer, then one window. Counting from the grant
     * instead let the sixth of six requests arrive within one second of the first (a Throttling).
     */
    @Test
    void countsTheWindowFromTheAnswerOfASlowRequest() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(1), time::now, time);
        long start = time.now();
        RateLimiter.Permit slow = limiter.permit();
        limiter.acquire();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Long> third = executor.submit(limiter::acquireAt);
            Thread.sleep(50); // the third caller is waiting for the slow request's answer
            assertTrue(!third.isDone());
            long answered = time.now() + Duration.ofMillis(600).toNanos();
            time.nanos.set(answered);
            slow.close();
            long granted = third.get(10, TimeUnit.SECONDS);
            assertTrue(granted >= answered + 1_000_000_000L, "granted " + (granted - start) + " ns after the start");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aCallerInterruptedBeforeItsTurnPassesItOn() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(1, Duration.ofMillis(10), time::now, time);
        RateLimiter.Permit held = limiter.permit();
        Thread waiter = new Thread(() -> {
            try {
                limiter.acquire();
            } catch (InterruptedException e) {
                // expected: it gave up its turn
            }
        });
        waiter.start();
        Thread.sleep(50); // the waiter is waiting for its turn
        waiter.interrupt();
        waiter.join(10_000);
        held.close();
        long before = time.now();
        limiter.acquire();
        assertTrue(time.now() - before <= Duration.ofMillis(10).toNanos());
    }

    @Test
    void unlimitedNeverWaits() throws Exception {
        RateLimiter limiter = RateLimiter.unlimited();
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire();
        }
    }

    @Test
    void anInterruptedCallerStopsWaiting() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofHours(1), System::nanoTime, Sleeper.SYSTEM);
        assertThrows(InterruptedException.class, () -> {
            limiter.acquire();
            Thread.currentThread().interrupt();
            limiter.acquire();
        });
        assertTrue(!Thread.interrupted());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class,
                () -> new RateLimiter(0, Duration.ofSeconds(1), System::nanoTime, Sleeper.SYSTEM));
        assertThrows(IllegalArgumentException.class,
                () -> new RateLimiter(1, Duration.ZERO, System::nanoTime, Sleeper.SYSTEM));
    }

    private static void assertAtMostPermitsPerWindow(List<Long> sorted, int permits, long window) {
        for (int i = permits; i < sorted.size(); i++) {
            long span = sorted.get(i) - sorted.get(i - permits);
            assertTrue(span >= window, "grants " + (i - permits) + ".." + i + " lie within " + span + " ns");
        }
    }
}
