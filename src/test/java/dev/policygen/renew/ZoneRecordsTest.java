package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.cloud.TxtRecord;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.route53.HostedZoneId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Adding and removing TXT values in one change per zone, never touching other clients' values. */
class ZoneRecordsTest {
    private static final String ZONE = "Z1111111111111";
    private static final HostedZoneId ZONE_ID = new HostedZoneId(ZONE);
    private static final String APEX = "_acme-challenge.example.com";
    private static final String WWW = "_acme-challenge.www.example.com";

    private final FakeRoute53 route53 = new FakeRoute53().zone(ZONE, "example.com", false);

    /** The pauses between conditional attempts, not slept. */
    private final List<Duration> pauses = new ArrayList<>();

    private ZoneRecords records() throws Exception {
        return new ZoneRecords(EngineFakes.guarded(EngineFakes.services(route53)), pauses::add);
    }

    @Test
    void addKeepsForeignValuesAndTheirTtlInOneChangeForManyNames() throws Exception {
        route53.put(ZONE, APEX, 300, "\"theirs\"");
        Map<String, List<String>> ours = new TreeMap<>();
        ours.put(APEX, List.of("\"a\"", "\"a\""));
        ours.put(WWW, List.of("\"b\""));
        for (int i = 0; i < 8; i++) {
            ours.put("_acme-challenge.n" + i + ".example.com", List.of("\"v" + i + "\""));
        }

        String change = records().publish(ZONE_ID, ours).requireAll().lastChangeId().orElseThrow();

        assertEquals("C1", change);
        assertEquals(1, route53.count("ChangeResourceRecordSets"));
        assertEquals(List.of("\"theirs\"", "\"a\""), route53.values(ZONE, APEX));
        assertEquals(300, route53.records.get(ZONE_ID).get(APEX).ttl());
        assertEquals(List.of("\"b\""), route53.values(ZONE, WWW));
        assertEquals(ZoneRecords.TTL, route53.records.get(ZONE_ID).get(WWW).ttl());
        // the set that was there: DELETE of it exactly as read, CREATE of the merged set; the rest CREATE
        List<TxtChange> batch = route53.changes.get(0);
        assertEquals(11, batch.size());
        assertEquals(List.of(TxtChange.delete(new TxtRecord(APEX, 300, List.of("\"theirs\""))),
                TxtChange.create(APEX, 300, List.of("\"theirs\"", "\"a\""))), batch.subList(0, 2));
        assertTrue(batch.subList(2, 11).stream().allMatch(c -> c.action() == TxtChange.Action.CREATE));
    }

    @Test
    void readsTheSetsOfManyNamesWithOneRequest() throws Exception {
        Map<String, List<String>> ours = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            ours.put("_acme-challenge.n" + i + ".example.com", List.of("\"v" + i + "\""));
        }
        records().publish(ZONE_ID, ours).requireAll();
        assertEquals(List.of("ListResourceRecordSets " + ZONE + " _acme-challenge.n0.example.com +9",
                "ChangeResourceRecordSets " + ZONE), route53.calls);
    }

    @Test
    void readsNamesPastThePagesEndOneByOneAndKeepsTheirValues() throws Exception {
        route53.pageNames = 1;
        route53.put(ZONE, WWW, 300, "\"theirs\"");
        records().publish(ZONE_ID, Map.of(APEX, List.of("\"a\""), WWW, List.of("\"b\""))).requireAll();
        // Route 53's order: com.example._acme-challenge. before com.example.www._acme-challenge.
        assertEquals(List.of("ListResourceRecordSets " + ZONE + " " + APEX + " +1",
                "ListResourceRecordSets " + ZONE + " " + WWW, "ChangeResourceRecordSets " + ZONE), route53.calls);
        assertEquals(List.of("\"theirs\"", "\"b\""), route53.values(ZONE, WWW));
        assertEquals(300, route53.records.get(ZONE_ID).get(WWW).ttl());
    }

    @Test
    void addOfAValueAlreadyThereWritesItOnce() throws Exception {
        route53.put(ZONE, APEX, 60, "\"a\"", "\"theirs\"");
        records().publish(ZONE_ID, Map.of(APEX, List.of("\"a\""))).requireAll();
        assertEquals(List.of("\"a\"", "\"theirs\""), route53.values(ZONE, APEX));
    }

    @Test
    void removeDeletesASetLeftEmptyAndReplacesOneWithARemainderInOneChange() throws Exception {
        route53.put(ZONE, APEX, 300, "\"theirs\"", "\"a\"");
        route53.put(ZONE, WWW, 60, "\"b\"", "\"c\"");

        Optional<String> change = records().withdraw(ZONE_ID, Map.of(APEX, List.of("\"a\""),
                WWW, List.of("\"b\"", "\"c\""))).requireAll().lastChangeId();

        assertTrue(change.isPresent());
        assertEquals(1, route53.count("ChangeResourceRecordSets"));
        assertEquals(List.of("\"theirs\""), route53.values(ZONE, APEX));
        assertEquals(300, route53.records.get(ZONE_ID).get(APEX).ttl());
        assertEquals(List.of(), route53.values(ZONE, WWW));
        List<TxtChange> batch = route53.changes.get(0);
        assertEquals(Set.of(TxtChange.delete(new TxtRecord(APEX, 300, List.of("\"theirs\"", "\"a\""))),
                TxtChange.create(APEX, 300, List.of("\"theirs\"")),
                TxtChange.delete(new TxtRecord(WWW, 60, List.of("\"b\"", "\"c\"")))), new HashSet<>(batch));
    }

    @Test
    void removeSendsNothingWhenNoneOfOurValuesIsThere() throws Exception {
        route53.put(ZONE, APEX, 300, "\"theirs\"");
        assertEquals(Optional.empty(), records().withdraw(ZONE_ID, Map.of(APEX, List.of("\"a\""),
                WWW, List.of("\"b\""))).requireAll().lastChangeId());
        assertEquals(0, route53.count("ChangeResourceRecordSets"));
        assertEquals(List.of("\"theirs\""), route53.values(ZONE, APEX));
    }

    @Test
    void removeRereadsAndRetriesOnceWhenAnotherClientChangedTheSet() throws Exception {
        route53.put(ZONE, APEX, 60, "\"a\"");
        // between our read and our DELETE, another client adds its value: the DELETE no longer matches
        route53.beforeChange.add(() -> route53.put(ZONE, APEX, 60, "\"a\"", "\"theirs\""));

        records().withdraw(ZONE_ID, Map.of(APEX, List.of("\"a\""))).requireAll();

        assertEquals(2, route53.count("ChangeResourceRecordSets"));
        assertEquals(List.of("\"theirs\""), route53.values(ZONE, APEX));
    }

    @Test
    void removeGivesUpAfterFiveConditionalAttempts() throws Exception {
        route53.put(ZONE, APEX, 60, "\"a\"", "\"theirs\"");
        // the set keeps changing under us (its TTL here), so every conditional change is refused
        for (int i = 1; i <= 5; i++) {
            long ttl = 60 + i;
            route53.beforeChange.add(() -> route53.put(ZONE, APEX, ttl, "\"a\"", "\"theirs\""));
        }

        AwsFailure e = assertThrows(AwsFailure.class, () -> records().withdraw(ZONE_ID, Map.of(APEX, List.of("\"a\""))).requireAll());
        assertEquals(Optional.of("InvalidChangeBatch"), e.code());
        assertTrue(e.getMessage().startsWith("could not clean up TXT values at " + APEX + " in zone " + ZONE
                + ": Route 53 refused 5 conditional changes"), e.getMessage());
        assertEquals(5, route53.count("ChangeResourceRecordSets"));
        assertEquals(5, route53.count("ListResourceRecordSets"), "each attempt reads the set afresh");
        assertEquals(4, pauses.size(), "a short pause before each new attempt");
        assertTrue(pauses.stream().allMatch(p -> p.compareTo(Duration.ofSeconds(1)) <= 0), pauses.toString());
        assertEquals(List.of("\"a\"", "\"theirs\""), route53.values(ZONE, APEX), "never a blind overwrite");
    }

    /**
     * Issue 10 item 14: Route 53 gives InvalidChangeBatch for a conflict and for a permanent refusal
     * alike (a name not permitted in the zone); only a set that changed since it was read is retried.
     */
    @Test
    void aPermanentRefusalIsReportedAtOnceNotRetriedAsARace() throws Exception {
        route53.put(ZONE, APEX, 60, "\"theirs\"");
        for (int i = 0; i < 5; i++) {
            route53.changeFailures.add(new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "InvalidChangeBatch", 400,
                    "RRSet with DNS name " + APEX + ". is not permitted in zone other.example.", null));
        }

        AwsFailure e = assertThrows(AwsFailure.class, () -> records().publish(ZONE_ID, Map.of(APEX, List.of("\"a\""))).requireAll());

        assertEquals(Optional.of("InvalidChangeBatch"), e.code());
        assertEquals("could not add TXT values at " + APEX + " in zone " + ZONE + ": Route 53 refused the change "
                + "though no set changed since it was read: RRSet with DNS name " + APEX + ". is not permitted in "
                + "zone other.example.", e.getMessage());
        assertEquals(1, route53.count("ChangeResourceRecordSets"), "sent once, never retried");
        assertEquals(2, route53.count("ListResourceRecordSets"), "read, and read again to tell it from a race");
        assertEquals(1, pauses.size());
        assertEquals(List.of("\"theirs\""), route53.values(ZONE, APEX));
    }

    @Test
    void addKeepsAValueAnotherClientWroteBetweenOurReadAndOurChange() throws Exception {
        route53.put(ZONE, APEX, 300, "\"theirs\"");
        // after our read, before our change is applied, another process adds its value at the same name
        route53.beforeChange.add(() -> route53.put(ZONE, APEX, 300, "\"theirs\"", "\"another\""));

        String change = records().publish(ZONE_ID, Map.of(APEX, List.of("\"ours\""))).requireAll().lastChangeId()
                .orElseThrow();

        assertEquals("C1", change, "only the second, conditional on the set as read again, was applied");
        assertEquals(Set.of("\"theirs\"", "\"another\"", "\"ours\""), new HashSet<>(route53.values(ZONE, APEX)));
        assertEquals(300, route53.records.get(ZONE_ID).get(APEX).ttl());
        assertEquals(2, route53.count("ChangeResourceRecordSets"));
        assertEquals(2, route53.count("ListResourceRecordSets"));
        assertEquals(List.of(TxtChange.delete(new TxtRecord(APEX, 300, List.of("\"theirs\"", "\"another\""))),
                TxtChange.create(APEX, 300, List.of("\"theirs\"", "\"another\"", "\"ours\""))), route53.changes.get(0));
    }

    @Test
    void addKeepsASetAnotherClientCreatedAfterOurReadFoundNone() throws Exception {
        route53.beforeChange.add(() -> route53.put(ZONE, APEX, 120, "\"another\""));

        records().publish(ZONE_ID, Map.of(APEX, List.of("\"ours\""), WWW, List.of("\"w\""))).requireAll();

        // our CREATE found the set there and the whole batch was refused; rebuilt from a new read
        assertEquals(Set.of("\"another\"", "\"ours\""), new HashSet<>(route53.values(ZONE, APEX)));
        assertEquals(120, route53.records.get(ZONE_ID).get(APEX).ttl());
        assertEquals(List.of("\"w\""), route53.values(ZONE, WWW));
        assertEquals(2, route53.count("ChangeResourceRecordSets"));
        assertEquals(1, route53.changes.size());
    }

    @Test
    void cleanupOfASetWeCreatedKeepsAValueAnotherClientAddedSince() throws Exception {
        ZoneRecords records = records();
        records.publish(ZONE_ID, Map.of(APEX, List.of("\"ours\""))).requireAll();
        route53.put(ZONE, APEX, ZoneRecords.TTL, "\"ours\"", "\"another\"");
        route53.calls.clear();

        records.withdraw(ZONE_ID, Map.of(APEX, List.of("\"ours\""))).requireAll();

        // the exact DELETE of our set is refused, then the set is read and only our value removed
        assertEquals(List.of("ChangeResourceRecordSets " + ZONE, "ListResourceRecordSets " + ZONE + " " + APEX,
                "ChangeResourceRecordSets " + ZONE), route53.calls);
        assertEquals(List.of("\"another\""), route53.values(ZONE, APEX));
    }

    @Test
    void otherFailuresOfRemoveAreNotRetriedByZoneRecords() throws Exception {
        route53.put(ZONE, APEX, 60, "\"a\"");
        route53.failures.add(new AwsFailure(AwsFailure.Kind.ACCESS_DENIED, "AccessDenied", 403, "denied", null));
        AwsFailure e = assertThrows(AwsFailure.class, () -> records().withdraw(ZONE_ID, Map.of(APEX, List.of("\"a\""))).requireAll());
        assertEquals("denied", e.getMessage());
        assertEquals(List.of("\"a\""), route53.values(ZONE, APEX));
    }

    @Test
    void concurrentAddsAndRemovesOnSharedNamesNeverLoseAValue() throws Exception {
        Random seeds = new Random(20261121L);
        route53.put(ZONE, APEX, 300, "\"theirs\"");
        ZoneRecords records = records();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 20; round++) {
                List<Future<Map<String, List<String>>>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long seed = seeds.nextLong();
                    int owner = round * threads + t;
                    futures.add(pool.submit(() -> {
                        Random random = new Random(seed);
                        Map<String, List<String>> ours = new TreeMap<>();
                        // a name and its wildcard share the record; every certificate writes one or both
                        if (random.nextBoolean()) {
                            ours.put(APEX, List.of("\"apex-" + owner + "\"", "\"wild-" + owner + "\""));
                        } else {
                            ours.put(APEX, List.of("\"apex-" + owner + "\""));
                            ours.put(WWW, List.of("\"www-" + owner + "\""));
                        }
                        records.publish(ZONE_ID, ours).requireAll();
                        if (random.nextInt(3) == 0) {
                            records.withdraw(ZONE_ID, ours).requireAll();
                            return Map.<String, List<String>>of();
                        }
                        return ours;
                    }));
                }
                Map<String, Set<String>> expected = new TreeMap<>();
                expected.computeIfAbsent(APEX, n -> new HashSet<>()).add("\"theirs\"");
                for (Future<Map<String, List<String>>> future : futures) {
                    future.get().forEach((name, values) -> expected.computeIfAbsent(name, n -> new HashSet<>())
                            .addAll(values));
                }
                assertEquals(expected.get(APEX), new HashSet<>(route53.values(ZONE, APEX)), "round " + round);
                assertEquals(expected.getOrDefault(WWW, Set.of()), new HashSet<>(route53.values(ZONE, WWW)),
                        "round " + round);
                // clean every value of the round again, leaving only the foreign one
                Map<String, List<String>> all = new TreeMap<>();
                expected.forEach((name, values) -> all.put(name, values.stream().filter(v -> !v.equals("\"theirs\""))
                        .toList()));
                records.withdraw(ZONE_ID, all).requireAll();
                assertEquals(List.of("\"theirs\""), route53.values(ZONE, APEX));
                assertEquals(List.of(), route53.values(ZONE, WWW));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
