package dev.policygen.renew.dns;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.cloud.TxtRecord;
import dev.policygen.renew.guard.GuardException;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.pace.Backoff;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.route53.HostedZoneId;
import java.time.Duration;
import dev.policygen.route53.RecordNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * Adds and removes TXT values in a zone in one ChangeResourceRecordSets each, keeping every value
 * someone else put at the same names. Each set is read, and the change is conditional on it: a name
 * without a set gets a CREATE (refused if a set appeared since), a name with one a DELETE of exactly
 * the set read plus a CREATE of the new set, in the same batch (refused if the set changed since).
 * Route 53 applies a batch whole or not at all, so another client's value written between our read and
 * our change is never overwritten: the batch is refused (InvalidChangeBatch), and the sets are read
 * again and the batch rebuilt, a few times. One change per zone at a time within a run, so two
 * certificates sharing a challenge name (a name and its wildcard) never race each other.
 *
 * <p>A set this run created from nothing is removed without reading it again: a DELETE of exactly the
 * values we wrote, refused likewise if anyone changed the set since, and then the sets are read and the
 * change made from what is there. That saves one read per name, and reads are what Route 53's 5 requests
 * per second make slow; for the same reason the sets of many names are read with one ListResourceRecordSets.
 */
public final class ZoneRecords {
    /** Short, so a CA that looks right after INSYNC is not served a stale cached answer for long. */
    public static final long TTL = 60;
    /** Conditional changes per publish or clean-up before giving up on a zone whose sets keep changing. */
    static final int ATTEMPTS = ConditionalChanges.ATTEMPTS;

    private final GuardedAws aws;
    private final ConditionalChanges batches;
    private final Map<HostedZoneId, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Zone to record name to the values of a set we created (none was there); guarded by the zone's lock. */
    private final Map<HostedZoneId, Map<String, List<String>>> created = new ConcurrentHashMap<>();

    public ZoneRecords(GuardedAws aws) {
        this(aws, Sleeper.SYSTEM);
    }

    public ZoneRecords(GuardedAws aws, Sleeper sleeper) {
        this.aws = aws;
        // short: the other writer is another ACME client mid-challenge, done in well under a second
        this.batches = new ConditionalChanges(aws, sleeper,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), RandomGenerator.getDefault()));
    }

    /**
     * Adds {@code values} to the zone: every set read in one ListResourceRecordSets per page, then one
     * conditional change per request Route 53's limits allow (usually one for the whole zone). A name
     * Route 53 refuses for good is reported in the result, and the other names' values are still sent.
     */
    public ZoneChange publish(HostedZoneId zone, Map<String, List<String>> values) throws GuardException,
            AwsFailure, InterruptedException {
        ReentrantLock lock = lock(zone);
        lock.lockInterruptibly();
        try {
            Map<String, List<String>> createdNow = new HashMap<>();
            Set<String> sent = new HashSet<>();
            ZoneChange change = batches.changeAll(zone, values.keySet(), "add", sent, (name, current) -> {
                Set<String> merged = new LinkedHashSet<>(current.values());
                merged.addAll(values.get(name));
                // a set already holding all our values is still rewritten as it is: the change id
                // then tells when Route 53 serves it, whoever wrote it
                if (current.exists()) {
                    createdNow.remove(name);
                    return List.of(TxtChange.delete(current),
                            TxtChange.create(name, current.ttl(), List.copyOf(merged)));
                }
                createdNow.put(name, List.copyOf(merged));
                return List.of(TxtChange.create(name, TTL, List.copyOf(merged)));
            });
            Map<String, List<String>> ours = created.computeIfAbsent(zone, z -> new HashMap<>());
            // a set that was already there (another certificate's of this run, say) is no longer only ours
            ours.keySet().removeAll(sent);
            for (String name : sent) {
                if (createdNow.containsKey(name)) {
                    ours.put(name, createdNow.get(name));
                }
            }
            return change;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes exactly {@code values} from the zone (no change when none of them is there): a set left with
     * other values is replaced by one with those, a set left empty is deleted; in as few changes as Route
     * 53's limits allow. Names Route 53 refuses are reported in the result, the others still cleaned
     * ({@link ZoneChange#requireAll} fails on the first).
     */
    public ZoneChange withdraw(HostedZoneId zone, Map<String, List<String>> values) throws GuardException,
            AwsFailure, InterruptedException {
        ReentrantLock lock = lock(zone);
        lock.lockInterruptibly();
        try {
            Optional<Map<String, List<TxtChange>>> blind = blindDeletes(zone, values);
            List<String> ids = new ArrayList<>();
            Set<String> left = new LinkedHashSet<>(values.keySet());
            if (blind.isPresent()) {
                Map<String, String> unsendable = new TreeMap<>();
                for (List<String> request : ChangeLimits.split(blind.get(), unsendable,
                        name -> aws.changeGroup(zone, name))) {
                    List<TxtChange> changes = new ArrayList<>();
                    request.forEach(name -> changes.addAll(blind.get().get(name)));
                    try {
                        ids.add(aws.change(zone, changes));
                        left.removeAll(request);
                    } catch (AwsFailure e) {
                        // someone changed a set we created: read them and remove from what is there
                        if (!ConditionalChanges.refused(e)) {
                            forgetCreated(zone, values.keySet());
                            throw e;
                        }
                    }
                }
                forgetCreated(zone, values.keySet());
            }
            if (left.isEmpty()) {
                return new ZoneChange(ids, Map.of());
            }
            ZoneChange change = batches.changeAll(zone, left, "clean up", new HashSet<>(), (name, current) -> {
                List<String> remaining = new ArrayList<>(current.values());
                remaining.removeAll(values.get(name));
                if (remaining.size() == current.values().size()) {
                    return List.of();
                }
                return remaining.isEmpty() ? List.of(TxtChange.delete(current))
                        : List.of(TxtChange.delete(current), TxtChange.create(name, current.ttl(), remaining));
            });
            ids.addAll(change.changeIds());
            return new ZoneChange(ids, change.refused());
        } finally {
            lock.unlock();
        }
    }

    /** DELETEs of exactly the sets we created, by name, when every set to clean is one; else empty (read first). */
    private Optional<Map<String, List<TxtChange>>> blindDeletes(HostedZoneId zone, Map<String, List<String>> values) {
        Map<String, List<String>> ours = created.getOrDefault(zone, Map.of());
        Map<String, List<TxtChange>> changes = new LinkedHashMap<>();
        List<String> ordered = new ArrayList<>(values.keySet());
        ordered.sort(RecordNames::compareInRoute53Order);
        for (String name : ordered) {
            List<String> set = ours.get(name);
            if (set == null || !new HashSet<>(set).equals(new HashSet<>(values.get(name)))) {
                return Optional.empty();
            }
            changes.put(name, List.of(TxtChange.delete(new TxtRecord(name, TTL, set))));
        }
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes);
    }

    private void forgetCreated(HostedZoneId zone, Set<String> names) {
        Map<String, List<String>> ours = created.get(zone);
        if (ours != null) {
            ours.keySet().removeAll(names);
        }
    }

    private ReentrantLock lock(HostedZoneId zone) {
        return locks.computeIfAbsent(zone, z -> new ReentrantLock());
    }
}
