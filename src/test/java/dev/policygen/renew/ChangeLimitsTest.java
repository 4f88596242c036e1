package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.cloud.TxtRecord;
import dev.policygen.renew.dns.ChangeLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Route 53's request and set limits (../shared/reference/identity-and-fleet.md §5.1, §5.2), at and just
 * over each: 1,000 ResourceRecord elements and 32,000 characters of Value per request, 400 values per
 * set, 4,000 characters per value; a set's DELETE and CREATE never split apart.
 */
class ChangeLimitsTest {
    private static List<String> values(int count, int length) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String digits = String.format("%06d", i);
            values.add("\"" + digits + "x".repeat(Math.max(0, length - 2 - digits.length())) + "\"");
        }
        return values;
    }

    private static Map<String, List<TxtChange>> creates(int sets, int valuesEach, int length) {
        Map<String, List<TxtChange>> bySet = new LinkedHashMap<>();
        for (int i = 0; i < sets; i++) {
            String name = "_acme-challenge.h" + String.format("%04d", i) + ".example.com";
            bySet.put(name, List.of(TxtChange.create(name, 60, values(valuesEach, length))));
        }
        return bySet;
    }

    private static List<List<String>> split(Map<String, List<TxtChange>> bySet, Map<String, String> unsendable) {
        return ChangeLimits.split(bySet, unsendable);
    }

    @Test
    void exactlyOneThousandResourceRecordsGoInOneRequestOneMoreMakesTwo() {
        Map<String, String> unsendable = new TreeMap<>();
        assertEquals(1, split(creates(1000, 1, 10), unsendable).size());
        List<List<String>> two = split(creates(1001, 1, 10), unsendable);
        assertEquals(2, two.size());
        assertEquals(1000, two.get(0).size());
        assertEquals(1, two.get(1).size());
        assertEquals(Map.of(), unsendable);
    }

    @Test
    void exactly32000CharactersOfValueGoInOneRequestOneMoreMakesTwo() {
        Map<String, String> unsendable = new TreeMap<>();
        // 8 values of 4,000 characters: 32,000 exactly
        Map<String, List<TxtChange>> at = creates(8, 1, 4000);
        assertEquals(32_000, ChangeLimits.valueCharacters(at.values().stream().flatMap(List::stream).toList()));
        assertEquals(1, split(at, unsendable).size());
        Map<String, List<TxtChange>> over = new LinkedHashMap<>(at);
        over.put("_acme-challenge.z.example.com", List.of(TxtChange.create("_acme-challenge.z.example.com", 60,
                List.of("\"\""))));
        assertEquals(2, split(over, unsendable).size(), "32,002 characters");
        assertEquals(Map.of(), unsendable);
    }

    @Test
    void aSetsDeleteAndCreateStayInOneRequest() {
        Map<String, List<TxtChange>> bySet = creates(999, 1, 10);
        String name = "_acme-challenge.pair.example.com";
        TxtRecord current = new TxtRecord(name, 300, List.of("\"theirs\""));
        // DELETE (1 record) + CREATE (2 records) = 3: does not fit after 999, so both move to the next request
        bySet.put(name, List.of(TxtChange.delete(current), TxtChange.create(name, 300, List.of("\"theirs\"",
                "\"ours\""))));
        List<List<String>> requests = split(bySet, new TreeMap<>());
        assertEquals(2, requests.size());
        assertEquals(List.of(name), requests.get(1));
        assertTrue(ChangeLimits.fitOneRequest(bySet.get(name)));
    }

    @Test
    void fourHundredValuesInASetAreSentFourHundredAndOneAreNot() {
        Map<String, String> unsendable = new TreeMap<>();
        assertEquals(1, split(creates(1, 400, 10), unsendable).size());
        assertEquals(Map.of(), unsendable);
        assertEquals(List.of(), split(creates(1, 401, 10), unsendable));
        assertEquals(List.of("_acme-challenge.h0000.example.com"), List.copyOf(unsendable.keySet()));
        assertEquals("the TXT set at _acme-challenge.h0000.example.com would hold 401 values; Route 53 allows 400 "
                + "per set", unsendable.get("_acme-challenge.h0000.example.com"));
    }

    @Test
    void aValueOf4000CharactersIsSentOf4001IsNot() {
        Map<String, String> unsendable = new TreeMap<>();
        assertEquals(1, split(creates(1, 1, 4000), unsendable).size());
        assertEquals(List.of(), split(creates(1, 1, 4001), unsendable));
        assertTrue(unsendable.values().iterator().next().contains("has 4001 characters; Route 53 allows 4000"),
                unsendable.toString());
    }

    @Test
    void aSetWhoseOwnChangesExceedARequestIsNotSentTheOthersAre() {
        // 360 values of 45 characters (a DNS-01 digest, quoted) read, 361 written: 32,445 characters
        String name = "_acme-challenge.big.example.com";
        TxtRecord current = new TxtRecord(name, 60, values(360, 45));
        List<String> merged = new ArrayList<>(values(361, 45));
        Map<String, List<TxtChange>> bySet = creates(2, 1, 45);
        bySet.put(name, List.of(TxtChange.delete(current), TxtChange.create(name, 60, merged)));
        Map<String, String> unsendable = new TreeMap<>();
        List<List<String>> requests = split(bySet, unsendable);
        assertEquals(List.of(List.of("_acme-challenge.h0000.example.com", "_acme-challenge.h0001.example.com")),
                requests);
        assertTrue(unsendable.get(name).contains("characters of Value; Route 53 allows 32000 per request"),
                unsendable.toString());
    }

    @Test
    void namesOfTwoGroupsNeverShareARequestAndEachGroupIsSplitAtTheLimitsOnItsOwn() {
        // 1,200 one-value sets of 45 characters: groups by the name's parity, so interleaved in Route 53 order
        Map<String, List<TxtChange>> bySet = creates(1200, 1, 45);
        List<List<String>> requests = ChangeLimits.split(bySet, new TreeMap<>(),
                name -> Integer.parseInt(name.substring(17, 21)) % 2);
        // each group of 600 sets is 27,000 characters: one request each, where no groups would take two (711 + 489)
        assertEquals(2, requests.size());
        for (List<String> request : requests) {
            assertEquals(600, request.size());
            int group = Integer.parseInt(request.get(0).substring(17, 21)) % 2;
            assertTrue(request.stream().allMatch(name -> Integer.parseInt(name.substring(17, 21)) % 2 == group),
                    "one group per request");
        }
        // three groups of 800: each over the 32,000 characters alone, so split within the group
        List<List<String>> thirds = ChangeLimits.split(creates(2400, 1, 45), new TreeMap<>(),
                name -> Integer.parseInt(name.substring(17, 21)) / 800);
        assertEquals(List.of(711, 89, 711, 89, 711, 89), thirds.stream().map(List::size).toList());
    }
}
