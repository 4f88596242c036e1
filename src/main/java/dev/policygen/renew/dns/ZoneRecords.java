package dev.policygen.renew.dns;

import dev.policygen.aws.AwsFailure;
import dev.policygen.generate.HostedZoneId;
import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.cloud.TxtRecord;
import dev.policygen.renew.guard.GuardException;
import dev.policygen.renew.guard.GuardedAws;
import java.util.ArrayList;
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
 */
public final class ZoneRecords {
    /** Short, so a CA that looks right after INSYNC is not served a stale cached answer for long. */
    public static final long TTL = 60;
    private static final String INVALID_CHANGE_BATCH = "InvalidChangeBatch";

    private final GuardedAws aws;
    private final Map<HostedZoneId, ReentrantLock> locks = new ConcurrentHashMap<>();

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
            for (Map.Entry<String, List<String>> entry : values.entrySet()) {
                TxtRecord current = aws.txtRecord(zone, entry.getKey());
                Set<String> merged = new LinkedHashSet<>(current.values());
                merged.addAll(entry.getValue());
                changes.add(TxtChange.upsert(entry.getKey(), current.exists() ? current.ttl() : TTL,
                        List.copyOf(merged)));
            }
            return aws.change(zone, changes);
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
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            TxtRecord current = aws.txtRecord(zone, entry.getKey());
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

    private ReentrantLock lock(HostedZoneId zone) {
        return locks.computeIfAbsent(zone, z -> new ReentrantLock());
    }
}
