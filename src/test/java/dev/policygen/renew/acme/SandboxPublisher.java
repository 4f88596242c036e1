package dev.policygen.renew.acme;

import dev.policygen.sandbox.RecordSet;
import dev.policygen.sandbox.RecordStore;
import dev.policygen.sandbox.RequestedChange;
import dev.policygen.sandbox.Route53Error;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes the TXT values straight into a sandbox's record store, which the sandbox's DNS server
 * (the one Pebble asks) answers from: the DNS side of a renewal without Route 53 calls.
 */
final class SandboxPublisher implements ChallengePublisher {
    private final RecordStore store;
    private final String zoneId;
    private final boolean wrongValues;
    private final List<RecordSet> written = new ArrayList<>();
    final List<List<ChallengeRecord>> published = new ArrayList<>();
    int withdrawals;

    /** @param wrongValues publish something other than the digest, so the CA refuses the names */
    SandboxPublisher(RecordStore store, String zoneId, boolean wrongValues) {
        this.store = store;
        this.zoneId = zoneId;
        this.wrongValues = wrongValues;
    }

    @Override
    public synchronized void publish(List<ChallengeRecord> records) {
        published.add(List.copyOf(records));
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (ChallengeRecord record : records) {
            String value = wrongValues ? "not-" + record.value() : record.value();
            values.computeIfAbsent(record.recordName(), name -> new ArrayList<>()).add('"' + value + '"');
        }
        List<RequestedChange> changes = new ArrayList<>();
        values.forEach((name, txt) -> {
            RecordSet set = new RecordSet(name, "TXT", null, null, null, 60, txt);
            written.add(set);
            changes.add(new RequestedChange("CREATE", set));
        });
        apply(changes);
    }

    @Override
    public synchronized void withdraw() {
        withdrawals++;
        List<RequestedChange> changes = written.stream().map(set -> new RequestedChange("DELETE", set)).toList();
        if (!changes.isEmpty()) {
            apply(changes);
        }
        written.clear();
    }

    List<RecordSet> txtSets() throws Route53Error {
        return store.sets(zoneId).stream().filter(set -> set.type().equals("TXT")).toList();
    }

    private void apply(List<RequestedChange> changes) {
        try {
            store.apply(zoneId, changes, "acme test", Instant.now(), Duration.ZERO);
        } catch (Route53Error e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
