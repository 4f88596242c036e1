package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.dns.ChangeLimits;
import dev.policygen.renew.dns.ZoneChange;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.route53.HostedZoneId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the changes of a whole wave in one zone: the sets read once per page, split only where
 * Route 53's request limits say, a competing writer on one name costing the others nothing, a name
 * Route 53 refuses for good failing alone.
 */
class ZoneRecordsWaveTest {
    private static final String ZONE = "Z1111111111111";
    private static final HostedZoneId ZONE_ID = new HostedZoneId(ZONE);

    private final FakeRoute53 route53 = new FakeRoute53().zone(ZONE, "example.com", false);
    private final List<Duration> pauses = new ArrayList<>();

    private ZoneRecords records() throws Exception {
        return new ZoneRecords(EngineFakes.guarded(EngineFakes.services(route53)), pauses::add);
    }

    private static String name(int i) {
        return "_acme-challenge.c" + String.format("%04d", i) + ".example.com";
    }

    /** One quoted 43-character DNS-01 digest per name, as a wave of one-name orders publishes. */
    private static Map<String, List<String>> wave(int names) {
        Map<String, List<String>> values = new TreeMap<>();
        for (int i = 0; i < names; i++) {
            values.put(name(i), List.of("\"" + String.format("%043d", i) + "\""));
        }
        return values;
    }

    @Test
    void aWaveOf150NamesIsOneReadAndOneChangeAndItsCleanUpOneChange() throws Exception {
        ZoneRecords records = records();
        ZoneChange published = records.publish(ZONE_ID, wave(150));
        assertEquals(1, published.changeIds().size());
        assertEquals(Map.of(), published.refused());
        assertEquals(1, route53.count("ListResourceRecordSets"));

        ZoneChange cleaned = records.withdraw(ZONE_ID, wave(150));
        assertEquals(1, cleaned.changeIds().size());
        assertEquals(2, route53.count("ChangeResourceRecordSets"));
        assertEquals(1, route53.count("ListResourceRecordSets"), "our own sets are deleted as written, unread");
        assertTrue(route53.records.get(ZONE_ID).isEmpty());
    }

    @Test
    void setsPastAPageAreReadFromTheNextPageNotOneByOne() throws Exception {
        route53.pageNames = 300;
        records().publish(ZONE_ID, wave(700));
        assertEquals(List.of("ListResourceRecordSets " + ZONE + " " + name(0) + " +699",
                "ListResourceRecordSets " + ZONE + " " + name(300) + " +399",
                "ListResourceRecordSets " + ZONE + " " + name(600) + " +99"),
                route53.calls.stream().filter(c -> c.startsWith("List")).toList());
    }

    @Test
    void aWaveOverTheRequestLimitsIsSplitAtThem() throws Exception {
        // 1,000 values of 45 characters would be 45,000 characters: 711 fit 32,000 (711 * 45 = 31,995)
        ZoneChange published = records().publish(ZONE_ID, wave(1000));
        assertEquals(2, published.changeIds().size());
        assertEquals(711, route53.changes.get(0).size());
        assertTrue(ChangeLimits.valueCharacters(route53.changes.get(0)) <= ChangeLimits.MAX_VALUE_CHARACTERS_PER_REQUEST);
        assertEquals(289, route53.changes.get(1).size());
        assertEquals(1000, route53.records.get(ZONE_ID).size());

        // 1,001 one-character values: the ResourceRecord limit splits first
        FakeRoute53 other = new FakeRoute53().zone(ZONE, "example.com", false);
        Map<String, List<String>> small = new TreeMap<>();
        for (int i = 0; i < 1001; i++) {
            small.put(name(i), List.of("\"v\""));
        }
        ZoneChange split = new ZoneRecords(EngineFakes.guarded(EngineFakes.services(other)), pauses::add)
                .publish(ZONE_ID, small);
        assertEquals(2, split.changeIds().size());
        assertEquals(1000, other.changes.get(0).size());
        assertEquals(1, other.changes.get(1).size());
    }

    @Test
    void aCompetingWriterOnOneNameCostsTheOtherNamesNothing() throws Exception {
        String contested = name(3);
        route53.beforeChange.add(() -> route53.put(ZONE, contested, 300, "\"theirs\""));

        ZoneChange published = records().publish(ZONE_ID, wave(20));

        assertEquals(Map.of(), published.refused());
        assertEquals(1, published.changeIds().size(), "the refused batch was rebuilt and sent again whole");
        assertEquals(2, route53.count("ChangeResourceRecordSets"));
        assertEquals(2, route53.count("ListResourceRecordSets"));
        assertEquals(Set.of("\"theirs\"", "\"" + String.format("%043d", 3) + "\""),
                new HashSet<>(route53.values(ZONE, contested)), "their value kept, ours added");
        assertEquals(300, route53.records.get(ZONE_ID).get(contested).ttl());
        assertEquals(20, route53.records.get(ZONE_ID).size());
    }

    @Test
    void aNameRouteFiftyThreeRefusesForGoodFailsAloneTheOthersArePublished() throws Exception {
        String bad = name(5);
        route53.notPermitted.add(bad);

        ZoneChange published = records().publish(ZONE_ID, wave(16));

        assertEquals(List.of(bad), List.copyOf(published.refused().keySet()));
        assertTrue(published.refused().get(bad).getMessage().startsWith("could not add TXT values at " + bad
                + " in zone " + ZONE + ": Route 53 refused the change though no set changed since it was read"),
                published.refused().get(bad).getMessage());
        assertEquals(15, route53.records.get(ZONE_ID).size());
        // halving: 16 -> 8 + 8 -> (4 + 4) -> (2 + 2) -> (1 + 1): 4 sends accepted beside the bad one's path
        assertTrue(route53.count("ChangeResourceRecordSets") <= 10, route53.calls.toString());
    }
}
