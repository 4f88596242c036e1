package dev.policygen.renew.dns;

import dev.policygen.aws.AwsFailure;
import dev.policygen.generate.HostedZoneId;
import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.cloud.TxtRecord;
import dev.policygen.renew.guard.GuardException;
import dev.policygen.renew.guard.GuardedAws;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Adds and removes TXT values in a zone in one ChangeResourceRecordSets each, keeping every value
 * someone else put at the same names: each set is read first and written back whole. One change per
 * zone at a time within a run, so two certificates sharing a challenge name (a name and its
 * wildcard) never overwrite each other's values.
 *
 * <p>A set this run created from nothing is removed without reading it again: a DELETE of exactly the
 * values we wrote, which Route 53 refuses (InvalidChangeBatch, the whole batch unapplied) if anyone
 * changed the set since, and then the sets are read and the change made from what is there. That saves
 * one read per name, and reads are what Route 53's 5 requests per second make slow; for the same reason
 * the sets of many names are read with one ListResourceRecordSets.
 */
public final class ZoneRecords {
    /** Short, so a CA that looks right after INSYNC is not served a stale cached answer for long. */
    public static final long TTL = 60;
    private static final String INVALID_CHANGE_BATCH = "InvalidChangeBatch";

    private final GuardedAws aws;
    private final Map<HostedZoneId, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Zone to record name to the values of a set we created (none was there); guarded by the zone's lock. */
    private final Map<HostedZoneId, Map<String, List<String>>> created = new ConcurrentHashMap<>();

    public ZoneRecords(GuardedAws aws) {
        this.aws = aws;
    }

    /** Adds {@code values} (record name to quoted values) to the zone in one change; returns its id. */
    public String add(HostedZoneId zone, Map<String, List<String>> values) throws GuardException, AwsFailure,
            InterruptedException {
        ReentrantLock lock = lock(zone);
        lock.lockInterruptibly();
        try {
            List<TxtChange> changes = new ArrayList<>();
            Map<String, List<String>> createdNow = new HashMap<>();
            Map<String, TxtRecord> read = read(zone, values.keySet());
            for (Map.Entry<String, List<String>> entry : values.entrySet()) {
                TxtRecord current = read.get(entry.getKey());
                Set<String> merged = new LinkedHashSet<>(current.values());
                merged.addAll(entry.getValue());
                changes.add(TxtChange.upsert(entry.getKey(), current.exists() ? current.ttl() : TTL,
                        List.copyOf(merged)));
                if (!current.exists()) {
                    createdNow.put(entry.getKey(), List.copyOf(merged));
                }
            }
            String change = aws.change(zone, changes);
            Map<String, List<String>> ours = created.computeIfAbsent(zone, z -> new HashMap<>());
            // a set that was already there (another certificate's of this run, say) is no longer only ours
            ours.keySet().removeAll(values.keySet());
            ours.putAll(createdNow);
            return change;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes exactly {@code values} from the zone in one change (none when none of them is there):
     * a set left with other values is written back with those, a set left empty is deleted. Returns
     * the change id, if a change was sent.
     */
    public Optional<String> remove(HostedZoneId zone, Map<String, List<String>> values) throws GuardException,
            AwsFailure, InterruptedException {
        ReentrantLock lock = lock(zone);
        lock.lockInterruptibly();
        try {
            Optional<List<TxtChange>> blind = blindDeletes(zone, values);
            if (blind.isPresent()) {
                try {
                    String change = aws.change(zone, blind.get());
                    forgetCreated(zone, values);
                    return Optional.of(change);
                } catch (AwsFailure e) {
                    // someone changed a set we created: read them all and remove from what is there
                    forgetCreated(zone, values);
                    if (e.code().filter(INVALID_CHANGE_BATCH::equals).isEmpty()) {
                        throw e;
                    }
                }
            }
            try {
                return removeOnce(zone, values);
            } catch (AwsFailure e) {
                // a DELETE must match the set exactly; another client changed it between our read and
                // our change, so read again and retry once
                if (e.code().filter(INVALID_CHANGE_BATCH::equals).isEmpty()) {
                    throw e;
                }
                return removeOnce(zone, values);
            }
        } finally {
            lock.unlock();
        }
    }

    private Optional<String> removeOnce(HostedZoneId zone, Map<String, List<String>> values) throws GuardException,
            AwsFailure, InterruptedException {
        List<TxtChange> changes = new ArrayList<>();
        Map<String, TxtRecord> read = read(zone, values.keySet());
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            TxtRecord current = read.get(entry.getKey());
            List<String> remaining = new ArrayList<>(current.values());
            remaining.removeAll(entry.getValue());
            if (remaining.size() == current.values().size()) {
                continue;
            }
            changes.add(remaining.isEmpty() ? TxtChange.delete(current)
                    : TxtChange.upsert(entry.getKey(), current.ttl(), remaining));
        }
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(aws.change(zone, changes));
    }

    /**
     * The TXT sets at {@code names}: several in one ListResourceRecordSets (Route 53 lists a zone's sets
     * in name order, so the challenge names of an order are usually on one page), and any name that page
     * does not settle on its own, as a single name is read.
     */
    private Map<String, TxtRecord> read(HostedZoneId zone, Set<String> names) throws GuardException, AwsFailure,
            InterruptedException {
        Map<String, TxtRecord> read = new HashMap<>();
        if (names.size() > 1) {
            for (TxtRecord record : aws.txtRecords(zone, List.copyOf(names))) {
                if (names.contains(record.name())) {
                    read.put(record.name(), record);
                }
            }
        }
        for (String name : names) {
            if (!read.containsKey(name)) {
                read.put(name, aws.txtRecord(zone, name));
            }
        }
        return read;
    }

    /** DELETEs of exactly the sets we created, when every set to clean is one; else empty (read first). */
    private Optional<List<TxtChange>> blindDeletes(HostedZoneId zone, Map<String, List<String>> values) {
        Map<String, List<String>> ours = created.getOrDefault(zone, Map.of());
        List<TxtChange> changes = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            List<String> set = ours.get(entry.getKey());
            if (set == null || !new HashSet<>(set).equals(new HashSet<>(entry.getValue()))) {
                return Optional.empty();
            }
            changes.add(TxtChange.delete(new TxtRecord(entry.getKey(), TTL, set)));
        }
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes);
    }

    private void forgetCreated(HostedZoneId zone, Map<String, List<String>> values) {
        Map<String, List<String>> ours = created.get(zone);
        if (ours != null) {
            ours.keySet().removeAll(values.keySet());
        }
    }

    private ReentrantLock lock(HostedZoneId zone) {
        return locks.computeIfAbsent(zone, z -> new ReentrantLock());
    }
}
