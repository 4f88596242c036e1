package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.dns.ChangeWaiter;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GetChange at once, then after 1, 2, 4, 8, 10, 10 ... seconds, until INSYNC or the timeout. */
class ChangeWaiterTest {
    private final FakeRoute53 route53 = new FakeRoute53().zone("Z1COM", "example.com", false);
    /** A clock that moves only when the waiter sleeps. */
    private final FakeClock clock = new FakeClock();

    private ChangeWaiter waiter(Duration timeout) throws Exception {
        return new ChangeWaiter(EngineFakes.guarded(EngineFakes.services(route53)), clock, clock::sleep, timeout);
    }

    private int names;

    /** A change creating a set at a name of its own (a CREATE of an existing set is refused). */
    private String change() throws Exception {
        return route53.change(new HostedZoneId("Z1COM"), List.of(TxtChange.create("_acme-challenge.n" + (++names)
                + ".example.com", 60, List.of("\"a\""))));
    }

    @Test
    void aChangeInSyncAtOnceCostsOneCallAndNoWait() throws Exception {
        String id = change();
        waiter(ChangeWaiter.DEFAULT_TIMEOUT).awaitInSync(List.of(id));
        assertEquals(1, route53.count("GetChange"));
        assertEquals(List.of(), clock.sleeps());
    }

    @Test
    void pollsAtOnceThenBacksOffDoublingUpToTenSeconds() throws Exception {
        route53.pendingPolls = 7;
        String id = change();
        waiter(ChangeWaiter.DEFAULT_TIMEOUT).awaitInSync(List.of(id));
        assertEquals(8, route53.count("GetChange"));
        assertEquals(List.of(1L, 2L, 4L, 8L, 10L, 10L, 10L), clock.sleeps().stream().map(Duration::toSeconds).toList());
    }

    @Test
    void everyChangeIsWaitedFor() throws Exception {
        route53.pendingPolls = 1;
        String first = change();
        String second = change();
        waiter(ChangeWaiter.DEFAULT_TIMEOUT).awaitInSync(List.of(first, second));
        assertEquals(List.of("GetChange " + first, "GetChange " + first, "GetChange " + second, "GetChange " + second),
                route53.calls.stream().filter(c -> c.startsWith("GetChange")).toList());
    }

    @Test
    void givesUpAtTheTimeoutWithTheChangeId() throws Exception {
        route53.pendingPolls = Integer.MAX_VALUE;
        String id = change();
        AwsFailure e = assertThrows(AwsFailure.class, () -> waiter(Duration.ofSeconds(30)).awaitInSync(List.of(id)));
        assertEquals("Route 53 change " + id + " was not INSYNC after 30 s", e.getMessage());
        // 1 + 2 + 4 + 8 + 10 = 25 s waited; another 10 s would pass the deadline
        assertEquals(List.of(1L, 2L, 4L, 8L, 10L), clock.sleeps().stream().map(Duration::toSeconds).toList());
        assertEquals(6, route53.count("GetChange"));
    }
}
