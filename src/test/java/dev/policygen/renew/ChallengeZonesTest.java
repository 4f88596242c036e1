package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policygen.generate.HostedZoneId;
import dev.policygen.renew.dns.ChallengeZones;
import dev.policygen.renew.dns.ZoneNotFoundException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which zone a challenge record goes in: configured, else the longest enclosing public zone, each asked once. */
class ChallengeZonesTest {
    private final FakeRoute53 route53 = new FakeRoute53()
            .zone("Z1COM", "example.com", false)
            .zone("Z2EU", "eu.example.com", false)
            .zone("Z3PRIVATE", "api.eu.example.com", true)
            .zone("Z4OTHER", "example.org", false);

    private ChallengeZones zones() throws Exception {
        return new ChallengeZones(EngineFakes.guarded(EngineFakes.services(route53)));
    }

    @Test
    void longestEnclosingPublicZoneWinsAndAPrivateZoneOfTheSameNameIsSkipped() throws Exception {
        ChallengeZones zones = zones();
        assertEquals(new HostedZoneId("Z2EU"), zones.zoneOf("api.eu.example.com", Optional.empty()));
        assertEquals(List.of("ListHostedZonesByName api.eu.example.com", "ListHostedZonesByName eu.example.com"),
                route53.calls);
        assertEquals(new HostedZoneId("Z1COM"), zones.zoneOf("www.example.com", Optional.empty()));
        assertEquals(new HostedZoneId("Z1COM"), zones.zoneOf("example.com", Optional.empty()));
        assertEquals("example.com", zones.enclosingZone("a.b.example.com").name());
    }

    @Test
    void aConfiguredZoneIsUsedWithoutAnyCall() throws Exception {
        assertEquals(new HostedZoneId("Z9CONFIGURED"), zones().zoneOf("www.example.com",
                Optional.of(new HostedZoneId("Z9CONFIGURED"))));
        assertEquals(List.of(), route53.calls);
    }

    @Test
    void eachCandidateIsAskedOnceForEveryNameOfTheRun() throws Exception {
        ChallengeZones zones = zones();
        for (int i = 0; i < 5; i++) {
            zones.zoneOf("www.example.com", Optional.empty());
            zones.zoneOf("api.eu.example.com", Optional.empty());
            zones.zoneOf("shop.example.com", Optional.empty());
        }
        // www.example.com, example.com, api.eu.example.com, eu.example.com, shop.example.com
        assertEquals(5, route53.count("ListHostedZonesByName"));
        assertEquals(1, route53.count("ListHostedZonesByName example.com"));
    }

    @Test
    void certificatesAskingAtOnceShareOneLookup() throws Exception {
        ChallengeZones zones = zones();
        int threads = 8;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<HostedZoneId>> found = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                found.add(pool.submit(() -> {
                    start.await();
                    return zones.zoneOf("www.example.com", Optional.empty());
                }));
            }
            for (java.util.concurrent.Future<HostedZoneId> zone : found) {
                assertEquals(new HostedZoneId("Z1COM"), zone.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("ListHostedZonesByName www.example.com", "ListHostedZonesByName example.com"),
                route53.calls);
    }

    @Test
    void aNameOutsideEveryZoneIsReportedWithWhatToDo() throws Exception {
        ChallengeZones zones = zones();
        ZoneNotFoundException e = assertThrows(ZoneNotFoundException.class,
                () -> zones.zoneOf("www.example.net", Optional.empty()));
        assertEquals("no public Route 53 hosted zone encloses www.example.net; create it, or give its zone id in"
                + " the renew config", e.getMessage());
        assertEquals("www.example.net", e.name());
        // the top-level domain alone is never asked about
        assertEquals(List.of("ListHostedZonesByName www.example.net", "ListHostedZonesByName example.net"),
                route53.calls);
        assertThrows(ZoneNotFoundException.class, () -> zones.zoneOf("www.example.net", Optional.empty()));
        assertEquals(2, route53.calls.size());
    }
}
