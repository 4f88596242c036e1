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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
    static final int ATTEMPTS = 5;
    private static final String INVALID_CHANGE_BATCH = "InvalidChangeBatch";

    private final GuardedAws aws;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final Map<HostedZoneId, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Zone to record name to the values of a set we created (none was there); guarded by the zone's lock. */
    private final Map<HostedZoneId, Map<String, List<String>>> created = new ConcurrentHashMap<>();

    public ZoneRecords(GuardedAws aws) {
        this(aws, Sleeper.SYSTEM);
    }

    public ZoneRecords(GuardedAws aws, Sleeper sleeper) {
        this.aws = aws;
        this.sleeper = sleeper;
        // short: the other writer is another ACME client mid-challenge, done in well under a second
        this.backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), RandomGenerator.getDefault());
    }

    /** Adds {@code values} (record name to quoted values) to the zone in one change; returns its id. */
    public String add(HostedZoneId zone, Map<String, List<String>> values) throws GuardException, AwsFailure,
            InterruptedException {
        ReentrantLock lock = lock(zone);
        lock.lockInterruptibly();
        try {
            Map<String, List<String>> createdNow = new HashMap<>();
            String change = conditionally(zone, values.keySet(), "add", read -> {
                createdNow.clear();
                List<TxtChange> changes = new ArrayList<>();
                for (Map.Entry<String, List<String>> entry : values.entrySet()) {
                    TxtRecord current = read.get(entry.getKey());
                    Set<String> merged = new LinkedHashSet<>(current.values());
                    merged.addAll(entry.getValue());
                    // a set already holding all our values is still rewritten as it is: the change id
                    // then tells when Route 53 serves it, whoever wrote it
                    if (current.exists()) {
                        changes.add(TxtChange.delete(current));
                        changes.add(TxtChange.create(entry.getKey(), current.ttl(), List.copyOf(merged)));
                    } else {
                        changes.add(TxtChange.create(entry.getKey(), TTL, List.copyOf(merged)));
                        createdNow.put(entry.getKey(), List.copyOf(merged));
                    }
                }
                return changes;
            }).orElseThrow();
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
     * a set left with other values is replaced by one with those, a set left empty is deleted. Returns
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
                    if (!refused(e)) {
                        throw e;
                    }
                }
            }
            return conditionally(zone, values.keySet(), "clean up", read -> {
                List<TxtChange> changes = new ArrayList<>();
                for (Map.Entry<String, List<String>> entry : values.entrySet()) {
                    TxtRecord current = read.get(entry.getKey());
                    List<String> remaining = new ArrayList<>(current.values());
                    remaining.removeAll(entry.getValue());
                    if (remaining.size() == current.values().size()) {
                        continue;
                    }
                    changes.add(TxtChange.delete(current));
                    if (!remaining.isEmpty()) {
                        changes.add(TxtChange.create(entry.getKey(), current.ttl(), remaining));
                    }
                }
                return changes;
            });
        } finally {
            lock.unlock();
        }
    }

    /** Builds a batch from the sets as just read; an empty batch is not sent. */
    @FunctionalInterface
    private interface Batch {
        List<TxtChange> from(Map<String, TxtRecord> read);
    }

    /**
     * Reads the sets at {@code names}, builds the batch and sends it; when Route 53 refuses it, reads
     * again: if a set changed since the read (another writer: a real conflict), rebuilds the batch after
     * a short pause, up to {@link #ATTEMPTS} times; if none did, the refusal is permanent (a name not
     * permitted in the zone, say: Route 53 gives the same InvalidChangeBatch code for both) and is
     * reported at once with Route 53's reason, never retried as a race.
     */
    private Optional<String> conditionally(HostedZoneId zone, Set<String> names, String what, Batch batch)
            throws GuardException, AwsFailure, InterruptedException {
        Map<String, TxtRecord> read = read(zone, names);
        for (int attempt = 1; ; attempt++) {
            List<TxtChange> changes = batch.from(read);
            if (changes.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(aws.change(zone, changes));
            } catch (AwsFailure e) {
                if (!refused(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, INVALID_CHANGE_BATCH, e.status(),
                            "could not " + what + " TXT values at " + String.join(", ", new TreeSet<>(names))
                                    + " in zone " + zone.id() + ": Route 53 refused " + ATTEMPTS
                                    + " conditional changes, each because the sets changed after they were read"
                                    + " (another client writing there?); last: " + e.getMessage(), null);
                }
                // after a short pause (the other writer may be mid-change), read the sets again
                sleeper.sleep(backoff.delay(attempt));
                Map<String, TxtRecord> again = read(zone, names);
                if (again.equals(read)) {
                    throw new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, INVALID_CHANGE_BATCH, e.status(),
                            "could not " + what + " TXT values at " + String.join(", ", new TreeSet<>(names))
                                    + " in zone " + zone.id() + ": Route 53 refused the change though no set "
                                    + "changed since it was read: " + e.getMessage(), null);
                }
                read = again;
            }
        }
    }

    private static boolean refused(AwsFailure failure) {
        return failure.code().filter(INVALID_CHANGE_BATCH::equals).isPresent();
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
