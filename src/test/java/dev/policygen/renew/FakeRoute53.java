package dev.policygen.renew;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.HostedZones;
import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.cloud.TxtRecord;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.RecordNames;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Route 53 in memory for the renewer's unit tests: zones, TXT sets, changes that become INSYNC after
 * a set number of GetChange calls, queued failures, and a log of every request in order.
 */
final class FakeRoute53 implements HostedZones {
    final List<Zone> zones = new ArrayList<>();
    final Map<HostedZoneId, Map<String, TxtRecord>> records = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<List<TxtChange>> changes = new ArrayList<>();
    final Deque<AwsFailure> failures = new ArrayDeque<>();
    int pendingPolls;
    /** Run inside the next ChangeResourceRecordSets before it is applied: another client's write. */
    final Deque<Runnable> beforeChange = new ArrayDeque<>();
    /** Failures of the next ChangeResourceRecordSets requests only, after the hook above ran. */
    final Deque<AwsFailure> changeFailures = new ArrayDeque<>();
    /** Record names Route 53 refuses in any batch, for good (a name not permitted in the zone, say). */
    final java.util.Set<String> notPermitted = new HashSet<>();
    private int changeCounter;
    private final Map<String, Integer> polls = new TreeMap<>();

    FakeRoute53 zone(String id, String name, boolean privateZone) {
        HostedZoneId zoneId = new HostedZoneId(id);
        zones.add(new Zone(zoneId, name, privateZone));
        records.putIfAbsent(zoneId, new TreeMap<>());
        return this;
    }

    void put(String zone, String name, long ttl, String... values) {
        records.get(new HostedZoneId(zone)).put(name, new TxtRecord(name, ttl, List.of(values)));
    }

    List<String> values(String zone, String name) {
        TxtRecord record = records.get(new HostedZoneId(zone)).get(name);
        return record == null ? List.of() : record.values();
    }

    long count(String operation) {
        return calls.stream().filter(call -> call.startsWith(operation)).count();
    }

    private synchronized void request(String call) throws AwsFailure {
        calls.add(call);
        if (!failures.isEmpty()) {
            throw failures.removeFirst();
        }
    }

    @Override
    public synchronized Zone zone(HostedZoneId id) throws AwsFailure {
        request("GetHostedZone " + id.id());
        for (Zone zone : zones) {
            if (zone.id().equals(id)) {
                return zone;
            }
        }
        throw new AwsFailure(AwsFailure.Kind.NOT_FOUND, "NoSuchHostedZone", 404,
                "Route 53 GetHostedZone hostedzone/" + id.id() + ": no such zone", null);
    }

    /** ListHostedZonesByName's page size (Route 53: 100). */
    int zonePage = 100;

    @Override
    public synchronized List<Zone> zonesFrom(String dnsName) throws AwsFailure {
        request("ListHostedZonesByName " + dnsName);
        List<Zone> sorted = new ArrayList<>(zones);
        sorted.sort((a, b) -> RecordNames.compareInRoute53Order(a.name(), b.name()));
        List<Zone> page = new ArrayList<>();
        for (Zone zone : sorted) {
            if (RecordNames.compareInRoute53Order(zone.name(), dnsName) >= 0 && page.size() < zonePage) {
                page.add(zone);
            }
        }
        return page;
    }

    @Override
    public synchronized TxtRecord txtRecord(HostedZoneId zone, String name) throws AwsFailure {
        request("ListResourceRecordSets " + zone.id() + " " + name);
        TxtRecord record = records.get(zone).get(name);
        return record == null ? TxtRecord.absent(name) : record;
    }

    /** Names past the first {@code pageNames} (in Route 53's order) are left out, as past a page's end. */
    int pageNames = Integer.MAX_VALUE;

    @Override
    public synchronized List<TxtRecord> txtRecords(HostedZoneId zone, List<String> names) throws AwsFailure {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(RecordNames::compareInRoute53Order);
        request("ListResourceRecordSets " + zone.id() + " " + (sorted.isEmpty() ? "" : sorted.get(0)) + " +"
                + Math.max(0, sorted.size() - 1));
        List<TxtRecord> page = new ArrayList<>();
        for (String name : sorted.subList(0, Math.min(pageNames, sorted.size()))) {
            TxtRecord record = records.get(zone).get(name);
            page.add(record == null ? TxtRecord.absent(name) : record);
        }
        return page;
    }

    @Override
    public synchronized String change(HostedZoneId zone, List<TxtChange> batch) throws AwsFailure {
        request("ChangeResourceRecordSets " + zone.id());
        if (!beforeChange.isEmpty()) {
            beforeChange.removeFirst().run();
        }
        if (!changeFailures.isEmpty()) {
            throw changeFailures.removeFirst();
        }
        // Route 53 applies a batch whole or not at all, each change on the sets as the earlier ones left
        // them: a DELETE must match the set exactly, a CREATE must find no set
        Map<String, TxtRecord> sets = new TreeMap<>(records.get(zone));
        for (TxtChange change : batch) {
            String name = change.record().name();
            if (notPermitted.contains(name)) {
                throw refused("RRSet with DNS name " + name + ". is not permitted in zone " + zone.id());
            }
            TxtRecord existing = sets.get(name);
            if (change.action() == TxtChange.Action.DELETE) {
                if (existing == null || existing.ttl() != change.record().ttl()
                        || !new HashSet<>(existing.values()).equals(new HashSet<>(change.record().values()))
                        || existing.values().size() != change.record().values().size()) {
                    throw refused("Tried to delete resource record set " + name + " but the values do not match");
                }
                sets.remove(name);
            } else {
                if (existing != null) {
                    throw refused("Tried to create resource record set " + name + " but it already exists");
                }
                sets.put(name, change.record());
            }
        }
        records.get(zone).clear();
        records.get(zone).putAll(sets);
        changes.add(List.copyOf(batch));
        String id = "C" + (++changeCounter);
        polls.put(id, 0);
        return id;
    }

    private static AwsFailure refused(String message) {
        return new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "InvalidChangeBatch", 400, message, null);
    }

    @Override
    public synchronized boolean inSync(String changeId) throws AwsFailure {
        request("GetChange " + changeId);
        int seen = polls.merge(changeId, 1, Integer::sum);
        return seen > pendingPolls;
    }
}
