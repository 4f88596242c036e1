package dev.policygen.renew.state;

import dev.policygen.testing.FakeClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.pace.Sleeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lease rules with a fake clock and an in-memory prefix that answers as S3's conditional writes do. */
class LeasesTest {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Sleeper NO_WAIT = duration -> { };

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-06T20:00:00Z"));
    private final MemoryStateObjects objects = new MemoryStateObjects();
    private final Leases a = new Leases(objects, "runner-a", LEASE, clock, NO_WAIT);
    private final Leases b = new Leases(objects, "runner-b", LEASE, clock, NO_WAIT);

    @Test
    void theFirstTakerHoldsTheLeaseAndTheSecondIsRefused() throws Exception {
        assertEquals(Optional.of(new Leases.Taken("www", Optional.empty())), a.take("www"));
        Lease written = lease("www"); // one GET
        assertEquals(new Lease("www", "runner-a", clock.instant().plus(LEASE)), written);
        assertEquals(Optional.empty(), b.take("www"), "412 on If-None-Match, then a live lease: skip it");
        assertEquals(List.of("PUT If-None-Match leases/www.json", "GET leases/www.json",
                "PUT If-None-Match leases/www.json", "GET leases/www.json"), objects.calls());
        assertTrue(a.holds("www"));
        assertFalse(b.holds("www"));
        assertTrue(b.heldByAnyone("www"));
    }

    @Test
    void aRenewedLeaseOutlivesItsFirstExpiry() throws Exception {
        a.take("www");
        clock.advance(Duration.ofMinutes(4));
        assertTrue(a.renew("www"));
        clock.advance(Duration.ofMinutes(4));
        assertEquals(Optional.empty(), b.take("www"), "renewed at minute 4, it holds until minute 9");
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), lease("www").expires());
    }

    @Test
    void anExpiredLeaseIsTakenOverAndItsOldHolderLosesIt() throws Exception {
        a.take("www");
        clock.advance(LEASE.plusSeconds(1));
        assertFalse(a.heldByAnyone("www"));
        assertEquals(Optional.of(new Leases.Taken("www", Optional.of("runner-a"))), b.take("www"));
        assertEquals("runner-b", lease("www").holder());
        assertFalse(a.renew("www"), "If-Match on the ETag a wrote fails: 412");
        assertFalse(a.holds("www"));
        a.release("www");
        assertEquals("runner-b", lease("www").holder(), "a lost lease is never deleted by its old holder");
        assertEquals(List.of(), b.renewAll());
    }

    @Test
    void aReleasedLeaseCanBeTakenAfresh() throws Exception {
        a.take("www");
        a.release("www");
        assertFalse(objects.exists(Leases.name("www")));
        assertFalse(a.holds("www"));
        assertEquals(Optional.of(new Leases.Taken("www", Optional.empty())), b.take("www"));
    }

    @Test
    void conflictsAreRetried() throws Exception {
        objects.conflictNext(2);
        assertTrue(a.take("www").isPresent(), "two 409s, then the create");
        objects.conflictNext(1);
        assertTrue(a.renew("www"));
        objects.conflictNext(1);
        a.release("www");
        assertFalse(objects.exists(Leases.name("www")));
        long deletes = objects.calls().stream().filter(call -> call.startsWith("DELETE")).count();
        assertEquals(2, deletes);
    }

    @Test
    void ofTwoRunnersTakingOverOneExpiredLeaseOnlyOneWins() throws Exception {
        Leases c = new Leases(objects, "runner-c", LEASE, clock, NO_WAIT);
        a.take("www");
        clock.advance(LEASE.plusSeconds(1));
        // b has read the expired lease; c's takeover lands between b's read and b's If-Match write
        // b's first write (the create, 412) arms c's takeover for b's second (the If-Match replace)
        objects.beforeNextWrite(() -> {
            objects.beforeNextWrite(() -> {
                try {
                    assertTrue(c.take("www").isPresent());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        });
        assertEquals(Optional.empty(), b.take("www"));
        assertEquals("runner-c", lease("www").holder());
        assertTrue(c.holds("www"));
        assertFalse(b.holds("www"));
    }

    @Test
    void anUnreadableLeaseCountsAsExpired() throws Exception {
        objects.create(Leases.name("www"), "not json".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(new Leases.Taken("www", Optional.of("(unreadable)"))), a.take("www"));
    }

    private Lease lease(String certificate) throws Exception {
        return Lease.parse(objects.read(Leases.name(certificate)).orElseThrow().body(), "test");
    }
}
