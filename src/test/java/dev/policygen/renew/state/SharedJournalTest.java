package dev.policygen.renew.state;

import dev.policygen.testing.FakeClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.pace.Sleeper;
import dev.policygen.route53.HostedZoneId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The journal of a shared prefix: runners' entries merged however their writes interleave, a live
 * runner's entries never taken by another, a dead runner's taken by whoever opens it after its leases expired.
 */
class SharedJournalTest {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Sleeper NO_WAIT = duration -> { };
    private static final HostedZoneId ZONE = new HostedZoneId("Z1D633PJN98FT9");
    private static final String WWW = "_acme-challenge.www.example.com.";
    private static final String API = "_acme-challenge.api.example.com.";

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-06T20:00:00Z"));
    private final MemoryStateObjects objects = new MemoryStateObjects();
    private final Leases leasesA = new Leases(objects, "runner-a", LEASE, clock, NO_WAIT);
    private final Leases leasesB = new Leases(objects, "runner-b", LEASE, clock, NO_WAIT);

    @Test
    void twoRunnersEntriesAreMergedAndEachForgetsOnlyItsOwn() throws Exception {
        Journal a = Journal.openShared(objects, leasesA, clock, NO_WAIT);
        Journal b = Journal.openShared(objects, leasesB, clock, NO_WAIT);
        leasesA.take("www");
        leasesB.take("api");
        a.record("www", ZONE, Map.of(WWW, List.of("\"a1\"")));
        objects.conflictNext(1);
        b.record("api", ZONE, Map.of(API, List.of("\"b1\"")));
        // a's write lands between b's read and b's write: b's If-Match fails (412), b reads again and merges
        objects.beforeNextWrite(() -> record(a, "www", WWW, "\"a2\""));
        b.record("api", ZONE, Map.of(API, List.of("\"b2\"")));
        assertEquals(List.of("\"a1\"", "\"b1\"", "\"a2\"", "\"b2\""), values());

        b.forget(ZONE, Map.of(API, List.of("\"b1\"", "\"b2\""), WWW, List.of("\"a1\"")));
        assertEquals(List.of("\"a1\"", "\"a2\""), values(), "b forgets only what it recorded");
        Journal c = Journal.openShared(objects, new Leases(objects, "runner-c", LEASE, clock, NO_WAIT), clock,
                NO_WAIT);
        assertEquals(List.of(), c.leftovers(), "a holds www's lease: its entries are not orphans");
    }

    @Test
    void aDeadRunnersEntriesAreTakenOnByTheNextRunnerOnceItsLeaseExpired() throws Exception {
        Journal a = Journal.openShared(objects, leasesA, clock, NO_WAIT);
        leasesA.take("www");
        a.record("www", ZONE, Map.of(WWW, List.of("\"a1\"")));
        // runner a is killed here: no forget, no release

        clock.advance(Duration.ofMinutes(4));
        assertEquals(List.of(), Journal.openShared(objects, leasesB, clock, NO_WAIT).leftovers());
        clock.advance(Duration.ofMinutes(2));
        Journal b = Journal.openShared(objects, leasesB, clock, NO_WAIT);
        assertEquals(List.of(new Journal.Entry(ZONE, WWW, "\"a1\"", "www", Instant.parse("2026-12-06T20:00:00Z"))),
                b.leftovers());
        b.forget(ZONE, b.leftovers(ZONE));
        assertEquals(List.of(), values());
        assertTrue(b.location().endsWith("/journal.json"));
    }

    @Test
    void entriesLeftWithoutALeaseAreOrphans() throws Exception {
        Journal a = Journal.openShared(objects, leasesA, clock, NO_WAIT);
        leasesA.take("www");
        a.record("www", ZONE, Map.of(WWW, List.of("\"a1\"")));
        leasesA.release("www"); // say its clean-up failed: the values stay, the lease goes
        assertEquals(1, Journal.openShared(objects, leasesB, clock, NO_WAIT).leftovers().size());
    }

    private List<String> values() throws Exception {
        return JournalCodec.parse(objects.text(SharedJournal.NAME).orElseThrow(), "test").stream()
                .map(Journal.Entry::value).toList();
    }

    private static void record(Journal journal, String certificate, String name, String value) {
        try {
            journal.record(certificate, ZONE, Map.of(name, List.of(value)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
