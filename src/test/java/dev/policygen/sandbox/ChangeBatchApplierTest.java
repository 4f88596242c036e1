package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Route 53's batch rules, one by one, without HTTP. */
class ChangeBatchApplierTest {
    private static final HostedZone ZONE = new HostedZone("Z1", "example.com", "ref", null);

    private static RecordSet set(String name, String type, String... values) {
        return new RecordSet(name, type, null, null, null, 60, List.of(values));
    }

    private static TreeMap<RecordSetKey, RecordSet> sets(RecordSet... sets) {
        TreeMap<RecordSetKey, RecordSet> map = new TreeMap<>();
        for (RecordSet set : sets) {
            map.put(set.key(), set);
        }
        return map;
    }

    private static List<String> failures(Map<RecordSetKey, RecordSet> current, RequestedChange... changes) {
        Route53Error error = assertThrows(Route53Error.class,
                () -> ChangeBatchApplier.apply(ZONE, current, List.of(changes)));
        assertEquals("InvalidChangeBatch", error.code());
        return error.messages();
    }

    @Test
    void everyFailureOfABatchIsReported() {
        List<String> messages = failures(sets(set("a.example.com", "TXT", "\"1\"")),
                new RequestedChange("CREATE", set("a.example.com", "TXT", "\"2\"")),
                new RequestedChange("DELETE", set("b.example.com", "TXT", "\"2\"")));
        assertEquals(List.of("Tried to create resource record set [name='a.example.com.', type='TXT'] but it already "
                + "exists", "Tried to delete resource record set [name='b.example.com.', type='TXT'] but it was not found"),
                messages);
    }

    @Test
    void laterChangesSeeEarlierOnesOfTheSameBatchButOneSetOnlyOnce() throws Route53Error {
        TreeMap<RecordSetKey, RecordSet> after = ChangeBatchApplier.apply(ZONE, sets(), List.of(
                new RequestedChange("CREATE", set("a.example.com", "TXT", "\"1\"")),
                new RequestedChange("CREATE", set("b.example.com", "TXT", "\"2\""))));
        assertEquals(2, after.size());
        List<String> messages = failures(sets(),
                new RequestedChange("CREATE", set("a.example.com", "TXT", "\"1\"")),
                new RequestedChange("DELETE", set("a.example.com", "TXT", "\"1\"")));
        assertEquals(List.of("The request contains an invalid set of changes for a resource record set "
                + "'TXT a.example.com.'"), messages);
    }

    @Test
    void aDeleteAndACreateOfOneSetInOneBatchReplaceItOnlyIfItIsExactlyAsDeleted() throws Route53Error {
        RecordSet theirs = set("_acme-challenge.example.com", "TXT", "\"theirs\"");
        RecordSet merged = set("_acme-challenge.example.com", "TXT", "\"theirs\"", "\"ours\"");
        TreeMap<RecordSetKey, RecordSet> after = ChangeBatchApplier.apply(ZONE, sets(theirs), List.of(
                new RequestedChange("DELETE", theirs), new RequestedChange("CREATE", merged)));
        assertEquals(List.of(merged), List.copyOf(after.values()));

        // another client added a value since the read: the DELETE no longer matches, nothing changes
        RecordSet now = set("_acme-challenge.example.com", "TXT", "\"theirs\"", "\"another\"");
        assertEquals(List.of("Tried to delete resource record set [name='_acme-challenge.example.com.', type='TXT']"
                + " but the values provided do not match the current values", "Tried to create resource record set"
                + " [name='_acme-challenge.example.com.', type='TXT'] but it already exists"),
                failures(sets(now), new RequestedChange("DELETE", theirs), new RequestedChange("CREATE", merged)));
        RecordSet otherTtl = new RecordSet("_acme-challenge.example.com", "TXT", null, null, null, 300,
                List.of("\"theirs\""));
        assertEquals(2, failures(sets(otherTtl), new RequestedChange("DELETE", theirs),
                new RequestedChange("CREATE", merged)).size(), "a DELETE must name the TTL too");
        // a set that appeared since the read refuses the CREATE
        assertEquals(List.of("Tried to create resource record set [name='_acme-challenge.example.com.', type='TXT']"
                + " but it already exists"), failures(sets(theirs), new RequestedChange("CREATE", merged)));
        // only DELETE then CREATE: a second CREATE is still one change too many
        assertEquals(1, failures(sets(theirs), new RequestedChange("DELETE", theirs),
                new RequestedChange("CREATE", merged), new RequestedChange("CREATE", merged)).size());
    }

    @Test
    void namesOutsideTheZoneAreRefused() {
        assertEquals(List.of("RRSet with DNS name a.example.org. is not permitted in zone example.com."),
                failures(sets(), new RequestedChange("UPSERT", set("a.example.org", "TXT", "\"1\""))));
        assertEquals(1, failures(sets(), new RequestedChange("UPSERT", set("badexample.com", "TXT", "\"1\""))).size(),
                "a suffix that is not at a label boundary is another zone");
    }

    @Test
    void cnamesConflictWithOtherTypesAndCannotSitAtTheApex() {
        assertTrue(failures(sets(set("a.example.com", "TXT", "\"1\"")),
                new RequestedChange("CREATE", set("a.example.com", "CNAME", "b.example.com"))).get(0)
                .contains("conflicts with other records"));
        assertTrue(failures(sets(set("a.example.com", "CNAME", "b.example.com")),
                new RequestedChange("CREATE", set("a.example.com", "TXT", "\"1\""))).get(0)
                .contains("a conflicting RRSet of type CNAME"));
        assertTrue(failures(sets(), new RequestedChange("CREATE", set("example.com", "CNAME", "b.example.com"))).get(0)
                .contains("is not permitted at apex"));
    }

    @Test
    void theApexSoaCannotBeDeletedAndValuesAreChecked() {
        RecordSet soa = set("example.com", "SOA", "ns. host. 1 2 3 4 5");
        assertEquals(List.of("A HostedZone must contain exactly one SOA record."),
                failures(sets(soa), new RequestedChange("DELETE", soa)));
        assertTrue(failures(sets(), new RequestedChange("CREATE", set("a.example.com", "A", "192.0.2.300"))).get(0)
                .contains("ARRDATAIllegalIPv4Address"));
        assertTrue(failures(sets(), new RequestedChange("CREATE", set("a.example.com", "TXT", "\"open"))).get(0)
                .contains("InvalidCharacterString"));
    }
}
