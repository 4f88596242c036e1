package dev.policygen.renew.pace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policygen.AwsFailure.Kind;
import dev.policygen.AwsFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {
    private final List<Duration> slept = new ArrayList<>();
    private final List<String> told = new ArrayList<>();
    /** Ceilings 1, 2, 4 ... ms, so tests can tell which backoff was used. */
    private final Backoff regular = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1000), new SplittableRandom(1));
    private final Backoff throttling = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(100),
            new SplittableRandom(2));
    private final Retry retry = new Retry(4, regular, throttling, slept::add)
            .onRetry((failure, attempt, delay) -> told.add(attempt + ":" + failure.code().orElse("-")));

    private static AwsFailure failure(Kind kind, String code, int status) {
        return new AwsFailure(kind, code, status, "failed", null);
    }

    @Test
    void returnsAtOnceWhenTheFirstAttemptWorks() throws Exception {
        assertEquals("ok", retry.call(() -> "ok"));
        assertEquals(List.of(), slept);
    }

    @Test
    void retriesServerErrorsWithTheRegularBackoffAndReturnsTheAnswer() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String answer = retry.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw failure(Kind.SERVICE_ERROR, "InternalFailure", 500);
            }
            return "ok";
        });
        assertEquals("ok", answer);
        assertEquals(3, calls.get());
        assertEquals(List.of("1:InternalFailure", "2:InternalFailure"), told);
        assertEquals(2, slept.size());
        assertTrue(slept.get(0).compareTo(Duration.ofMillis(1)) <= 0);
        assertTrue(slept.get(1).compareTo(Duration.ofMillis(2)) <= 0);
    }

    @Test
    void throttlingAndPriorRequestNotCompleteUseTheThrottlingBackoff() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Duration> delays = new ArrayList<>();
        Retry watched = retry.onRetry((failure, attempt, delay) -> delays.add(delay));
        watched.call(() -> {
            switch (calls.incrementAndGet()) {
                case 1: throw failure(Kind.THROTTLED, "Throttling", 400);
                case 2: throw failure(Kind.SERVICE_ERROR, AwsFailure.PRIOR_REQUEST_NOT_COMPLETE, 400);
                default: return "ok";
            }
        });
        assertEquals(List.of("1:Throttling", "2:PriorRequestNotComplete"), told);
        assertEquals(slept, delays);
        // the throttling backoff's ceilings are 10 s and 20 s; the regular one's would be 1 ms and 2 ms
        assertTrue(slept.get(0).compareTo(Duration.ofSeconds(10)) <= 0);
        assertTrue(slept.get(0).plus(slept.get(1)).compareTo(Duration.ofMillis(3)) > 0);
    }

    @Test
    void aFinalFailureIsRethrownWithoutRetrying() {
        AwsFailure denied = failure(Kind.ACCESS_DENIED, "AccessDenied", 403);
        AtomicInteger calls = new AtomicInteger();
        AwsFailure thrown = assertThrows(AwsFailure.class, () -> retry.call(() -> {
            calls.incrementAndGet();
            throw denied;
        }));
        assertSame(denied, thrown);
        assertEquals(1, calls.get());
        assertEquals(List.of(), slept);
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();
        AwsFailure thrown = assertThrows(AwsFailure.class, () -> retry.call(() -> {
            throw failure(Kind.UNREACHABLE, null, calls.incrementAndGet());
        }));
        assertEquals(4, calls.get());
        assertEquals(4, thrown.status());
        assertEquals(3, slept.size());
        assertEquals(List.of("1:-", "2:-", "3:-"), told);
    }

    @Test
    void anInterruptedSleepStopsRetrying() {
        Retry interrupted = new Retry(5, regular, throttling, delay -> {
            throw new InterruptedException();
        });
        AtomicInteger calls = new AtomicInteger();
        assertThrows(InterruptedException.class, () -> interrupted.call(() -> {
            calls.incrementAndGet();
            throw failure(Kind.THROTTLED, "Throttling", 400);
        }));
        assertEquals(1, calls.get());
    }

    @Test
    void standardRetriesSevenTimesWithThrottlingStartingAtOneSecond() {
        List<Duration> delays = new ArrayList<>();
        Retry standard = Retry.standard(delay -> { }).onRetry((failure, attempt, delay) -> delays.add(delay));
        assertEquals(8, standard.maxAttempts());
        assertThrows(AwsFailure.class, () -> standard.call(() -> {
            throw failure(Kind.THROTTLED, "Throttling", 400);
        }));
        assertEquals(7, delays.size());
        for (Duration delay : delays) {
            assertTrue(delay.compareTo(Duration.ofSeconds(20)) <= 0);
        }
    }

    private static void assertTrue(boolean condition) {
        org.junit.jupiter.api.Assertions.assertTrue(condition);
    }
}
