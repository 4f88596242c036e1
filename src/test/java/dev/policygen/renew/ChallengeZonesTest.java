package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policygen.renew.dns.ChallengeZones;
import dev.policygen.renew.dns.ZoneNotFoundException;
import dev.policygen.route53.HostedZoneId;
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
        // one listing from the two-label suffix holds every zone under it
        assertEquals(List.of("ListHostedZonesByName example.com"), route53.calls);
        assertEquals(new HostedZoneId("Z1COM"), zones.zoneOf("www.example.com", Optional.empty()));
        assertEquals(new HostedZoneId("Z1COM"), zones.zoneOf("example.com", Optional.empty()));
        assertEquals("example.com", zones.enclosingZone("a.b.example.com").name());
        assertEquals(new HostedZoneId("Z4OTHER"), zones.zoneOf("www.example.org", Optional.empty()));
        assertEquals(List.of("ListHostedZonesByName example.com", "ListHostedZonesByName example.org"),
                route53.calls);
    }

    @Test
    void whenAFullPageEndsAmongTheSuffixsZonesEachCandidateIsAskedAsBefore() throws Exception {
        // 100 zones under example.com and more after them: the page of 100 may not hold them all
        for (int i = 0; i < 100; i++) {
            route53.zone("Z9HOST" + i, "h" + i + ".example.com", false);
        }
        ChallengeZones zones = zones();
        assertEquals(new HostedZoneId("Z2EU"), zones.zoneOf("api.eu.example.com", Optional.empty()));
        assertEquals(List.of("ListHostedZonesByName example.com", "ListHostedZonesByName api.eu.example.com",
                "ListHostedZonesByName eu.example.com"), route53.calls);
        assertEquals(new HostedZoneId("Z9HOST99"), zones.zoneOf("www.h99.example.com", Optional.empty()));
        assertEquals(5, route53.calls.size(), "the suffix is listed once; then www.h99 and h99 are asked");
    }

    @Test
    void aZoneGivenByIdAloneHasItsNameReadOnceAGetHostedZone() throws Exception {
        ChallengeZones zones = zones();
        assertEquals("eu.example.com", zones.zoneName(new HostedZoneId("Z2EU")));
        assertEquals("eu.example.com", zones.zoneName(new HostedZoneId("Z2EU")));
        assertEquals("example.org", zones.zoneName(new HostedZoneId("Z4OTHER")));
        assertEquals(List.of("GetHostedZone Z2EU", "GetHostedZone Z4OTHER"), route53.calls);
    }

    @Test
    void aConfiguredZoneIsUsedWithoutAnyCall() throws Exception {
        assertEquals(new HostedZoneId("Z9CONFIGURED"), zones().zoneOf("www.example.com",
                Optional.of(new HostedZoneId("Z9CONFIGURED"))));
        assertEquals(List.of(), route53.calls);
    }

    @Test
    void oneListingServesEveryNameUnderTheSameSuffix() throws Exception {
        ChallengeZones zones = zones();
        for (int i = 0; i < 5; i++) {
            zones.zoneOf("www.example.com", Optional.empty());
            zones.zoneOf("api.eu.example.com", Optional.empty());
            zones.zoneOf("shop.example.com", Optional.empty());
        }
        assertEquals(List.of("ListHostedZonesByName example.com"), route53.calls);
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
        assertEquals(List.of("ListHostedZonesByName example.com"), route53.calls);
    }

    @Test
    void aNameOutsideEveryZoneIsReportedWithWhatToDo() throws Exception {
        ChallengeZones zones = zones();
        ZoneNotFoundException e = assertThrows(ZoneNotFoundException.class,
                () -> zones.zoneOf("www.example.net", Optional.empty()));
        assertEquals("no public Route 53 hosted zone encloses www.example.net; create it, or give its zone id in"
                + " the renew config", e.getMessage());
        assertEquals("www.example.net", e.name());
        // the top-level domain alone is never asked about; the listing from example.net went past it
        assertEquals(List.of("ListHostedZonesByName example.net"), route53.calls);
        assertThrows(ZoneNotFoundException.class, () -> zones.zoneOf("www.example.net", Optional.empty()));
        assertEquals(1, route53.calls.size());
    }
}
