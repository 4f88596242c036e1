package dev.policygen.renew.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.account.AcmeFailure;
import dev.policygen.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.PollableResource;
import org.shredzone.acme4j.Status;

/** The poll loop on a clock the sleeper advances: no real time passes. */
class PollingTest {
    private static final Instant START = Instant.parse("2026-11-21T12:00:00Z");

    /** Each fetch moves to the next scripted status and answers the scripted Retry-After. */
    static final class Scripted implements PollableResource {
        record Step(Status status, Optional<Duration> retryAfter) {
        }

        private final FakeClock clock;
        private final Deque<Step> steps;
        private Status status = Status.PENDING;
        int fetches;

        Scripted(FakeClock clock, List<Step> steps) {
            this.clock = clock;
            this.steps = new ArrayDeque<>(steps);
        }

        @Override
        public Status getStatus() {
            return status;
        }

        @Override
        public Optional<Instant> fetch() {
            fetches++;
            Step step = steps.size() > 1 ? steps.removeFirst() : steps.getFirst();
            status = step.status();
            return step.retryAfter().map(clock.instant()::plus);
        }
    }

    /** A clock that only the sleeper moves. */
    private final FakeClock clock = new FakeClock(START);
    private final Polling polling = new Polling(new AcmeRequests(clock, clock::sleep), Polling.TIMEOUT);

    private static Scripted.Step step(Status status, Integer retryAfterSeconds) {
        return new Scripted.Step(status, Optional.ofNullable(retryAfterSeconds).map(Duration::ofSeconds));
    }

    @Test
    void waitsAsTheServerAsksElseOneSecond() throws Exception {
        Scripted resource = new Scripted(clock, List.of(step(Status.PENDING, 3), step(Status.PENDING, null),
                step(Status.PROCESSING, 10), step(Status.VALID, null)));
        assertEquals(Status.VALID, polling.until(resource, Set.of(Status.VALID, Status.INVALID), "the order"));
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(10)), clock.sleeps());
        assertEquals(4, resource.fetches);
    }

    @Test
    void aFinalStatusAtTheFirstFetchNeedsNoWait() throws Exception {
        Scripted resource = new Scripted(clock, List.of(step(Status.INVALID, 5)));
        assertEquals(Status.INVALID, polling.until(resource, Set.of(Status.VALID, Status.INVALID), "the order"));
        assertTrue(clock.sleeps().isEmpty());
    }

    @Test
    void givesUpAfterTheTimeout() {
        Scripted resource = new Scripted(clock, List.of(step(Status.PENDING, null)));
        AcmeFailure failure = assertThrows(AcmeFailure.class,
                () -> polling.until(resource, Set.of(Status.VALID), "the authorization of example.test"));
        assertEquals("the authorization of example.test is still pending after 180 s", failure.getMessage());
        assertEquals(181, resource.fetches, "one fetch a second, from 0 s to 180 s");
        assertEquals(START.plus(Polling.TIMEOUT), clock.instant());
    }

    @Test
    void aRetryAfterBeyondTheTimeoutFailsAtOnceNamingIt() {
        Scripted resource = new Scripted(clock, List.of(step(Status.PROCESSING, 600)));
        AcmeFailure failure = assertThrows(AcmeFailure.class,
                () -> polling.until(resource, Set.of(Status.VALID), "the order for example.test"));
        assertEquals("the order for example.test is still processing after 180 s (the CA asks to check again at "
                + START.plusSeconds(600) + ")", failure.getMessage());
        assertTrue(clock.sleeps().isEmpty());
    }
}
