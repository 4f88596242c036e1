package dev.policygen.renew.state;

import dev.policygen.testing.FakeClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.pace.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An ACME order recorded in a lease outlives its holder: renewed with it, handed to the runner taking it over. */
class LeaseOrderTest {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Sleeper NO_WAIT = duration -> { };
    private static final String ORDER = "https://ca.test/order/7";

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-06T20:00:00Z"));
    private final MemoryStateObjects objects = new MemoryStateObjects();
    private final Leases a = new Leases(objects, "runner-a", LEASE, clock, NO_WAIT);
    private final Leases b = new Leases(objects, "runner-b", LEASE, clock, NO_WAIT);
    private final Leases c = new Leases(objects, "runner-c", LEASE, clock, NO_WAIT);

    @Test
    void theRecordedOrderIsKeptByEveryRenewalAndHandedToTheTaker() throws Exception {
        a.take("www");
        assertTrue(a.recordOrder("www", ORDER));
        assertEquals(Optional.of(ORDER), lease().order());
        clock.advance(Duration.ofMinutes(2));
        assertTrue(a.renew("www"));
        assertEquals(Optional.of(ORDER), lease().order(), "the heartbeat keeps the order");

        clock.advance(LEASE.plusSeconds(1));
        assertEquals(Optional.of(new Leases.Taken("www", Optional.of("runner-a"), Optional.of(ORDER))), b.take("www"));
        assertEquals(Optional.of(ORDER), lease().order(), "kept through the take-over, should the taker die too");

        clock.advance(LEASE.plusSeconds(1));
        assertEquals(Optional.of(new Leases.Taken("www", Optional.of("runner-b"), Optional.of(ORDER))), c.take("www"));
    }

    @Test
    void aLeaseWithoutAnOrderHandsNoneOnAndAReleasedOneIsFresh() throws Exception {
        a.take("www");
        clock.advance(LEASE.plusSeconds(1));
        assertEquals(Optional.of(new Leases.Taken("www", Optional.of("runner-a"), Optional.empty())), b.take("www"));
        assertTrue(b.recordOrder("www", ORDER));
        b.release("www");
        assertEquals(Optional.of(new Leases.Taken("www", Optional.empty(), Optional.empty())), c.take("www"));
        assertEquals(Optional.empty(), lease().order(), "a released lease's order was finished: never resumed");
    }

    @Test
    void aLostLeaseRecordsNoOrder() throws Exception {
        a.take("www");
        clock.advance(LEASE.plusSeconds(1));
        b.take("www");
        assertFalse(a.recordOrder("www", ORDER), "If-Match on a's ETag: 412");
        assertEquals(Optional.empty(), lease().order());
    }

    private Lease lease() throws Exception {
        return Lease.parse(objects.read(Leases.name("www")).orElseThrow().body(), "lease");
    }
}
