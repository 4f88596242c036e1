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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

    /**
     * Adds {@code values} (record name to quoted values) to the zone in one change (or as few as Route 53's
     * request limits allow); returns the last change's id. A name Route 53 refuses fails the whole call.
     */
    public String add(HostedZoneId zone, Map<String, List<String>> values) throws GuardException, AwsFailure,
            InterruptedException {
        ZoneChange change = publish(zone, values);
        throwFirst(change);
        return change.changeIds().get(change.changeIds().size() - 1);
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
            ZoneChange change = changeAll(zone, values.keySet(), "add", sent, (name, current) -> {
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
     * Removes exactly {@code values} from the zone in one change (none when none of them is there):
     * a set left with other values is replaced by one with those, a set left empty is deleted. Returns
     * the last change id, if a change was sent. A name Route 53 refuses fails the whole call.
     */
    public Optional<String> remove(HostedZoneId zone, Map<String, List<String>> values) throws GuardException,
            AwsFailure, InterruptedException {
        ZoneChange change = withdraw(zone, values);
        throwFirst(change);
        return change.changeIds().isEmpty() ? Optional.empty()
                : Optional.of(change.changeIds().get(change.changeIds().size() - 1));
    }

    /**
     * Removes exactly {@code values} from the zone, as {@link #remove} does, in as few changes as Route
     * 53's limits allow; names Route 53 refuses are reported in the result, the others still cleaned.
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
                for (List<String> request : ChangeLimits.split(blind.get(), unsendable)) {
                    List<TxtChange> changes = new ArrayList<>();
                    request.forEach(name -> changes.addAll(blind.get().get(name)));
                    try {
                        ids.add(aws.change(zone, changes));
                        left.removeAll(request);
                    } catch (AwsFailure e) {
                        // someone changed a set we created: read them and remove from what is there
                        if (!refused(e)) {
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
            ZoneChange change = changeAll(zone, left, "clean up", new HashSet<>(), (name, current) -> {
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

    private static void throwFirst(ZoneChange change) throws AwsFailure {
        if (!change.refused().isEmpty()) {
            throw change.refused().values().iterator().next();
        }
    }

    /** The changes of one set, built from the set as just read; none when it needs no change. */
    @FunctionalInterface
    private interface SetChange {
        List<TxtChange> of(String name, TxtRecord current);
    }

    /**
     * Reads every set at {@code names} once (one ListResourceRecordSets per page), builds each set's
     * changes, splits them into requests within Route 53's limits and sends each conditionally.
     * {@code sent} collects the names whose changes Route 53 took.
     */
    private ZoneChange changeAll(HostedZoneId zone, Set<String> names, String what, Set<String> sent,
            SetChange build) throws GuardException, AwsFailure, InterruptedException {
        Map<String, TxtRecord> read = read(zone, names);
        Map<String, AwsFailure> refusedNames = new TreeMap<>();
        Map<String, String> unsendable = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        for (List<String> request : ChangeLimits.split(build(names, read, build), unsendable)) {
            conditionally(zone, request, read, what, build, ids, refusedNames, sent);
        }
        unsendable.forEach((name, why) -> refusedNames.put(name, new AwsFailure(AwsFailure.Kind.SERVICE_ERROR,
                INVALID_CHANGE_BATCH, 0, "could not " + what + " TXT values at " + name + " in zone " + zone.id()
                        + ": " + why, null)));
        return new ZoneChange(ids, refusedNames);
    }

    private static Map<String, List<TxtChange>> build(Collection<String> names, Map<String, TxtRecord> read,
            SetChange build) {
        Map<String, List<TxtChange>> bySet = new LinkedHashMap<>();
        List<String> ordered = new ArrayList<>(names);
        ordered.sort(RecordNames::compareInRoute53Order);
        for (String name : ordered) {
            List<TxtChange> changes = build.of(name, read.get(name));
            if (!changes.isEmpty()) {
                bySet.put(name, changes);
            }
        }
        return bySet;
    }

    /**
     * Sends the changes of the sets at {@code names} as read; when Route 53 refuses them, reads again:
     * if a set changed since the read (another writer: a real conflict), rebuilds the batch from the new
     * read after a short pause, up to {@link #ATTEMPTS} times, so only the changed set is adjusted and the
     * others go out with it; if none did, the refusal is permanent (a name not permitted in the zone, say:
     * Route 53 gives the same InvalidChangeBatch code for both) and is never retried as a race: one name
     * is refused with Route 53's reason, several are halved and each half sent on its own, so one bad
     * name never costs the others their change.
     */
    private void conditionally(HostedZoneId zone, List<String> names, Map<String, TxtRecord> read, String what,
            SetChange build, List<String> ids, Map<String, AwsFailure> refusedNames, Set<String> sent)
            throws GuardException, AwsFailure, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Map<String, List<TxtChange>> bySet = build(names, read, build);
            if (bySet.isEmpty()) {
                return;
            }
            List<TxtChange> changes = new ArrayList<>();
            bySet.values().forEach(changes::addAll);
            if (!ChangeLimits.fitOneRequest(changes) && names.size() > 1) {
                // the sets grew since they were first read (other clients' values): split again
                halves(zone, names, read, what, build, ids, refusedNames, sent);
                return;
            }
            try {
                ids.add(aws.change(zone, changes));
                sent.addAll(bySet.keySet());
                return;
            } catch (AwsFailure e) {
                if (!refused(e)) {
                    throw e;
                }
                String at = String.join(", ", new TreeSet<>(names));
                if (attempt == ATTEMPTS) {
                    fail(refusedNames, names, new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, INVALID_CHANGE_BATCH,
                            e.status(), "could not " + what + " TXT values at " + at + " in zone " + zone.id()
                                    + ": Route 53 refused " + ATTEMPTS + " conditional changes, each because the"
                                    + " sets changed after they were read (another client writing there?); last: "
                                    + e.getMessage(), null));
                    return;
                }
                // after a short pause (the other writer may be mid-change), read the sets again
                sleeper.sleep(backoff.delay(attempt));
                Map<String, TxtRecord> again = read(zone, new HashSet<>(names));
                boolean changed = false;
                for (String name : names) {
                    changed |= !again.get(name).equals(read.get(name));
                }
                if (!changed) {
                    if (names.size() > 1) {
                        halves(zone, names, read, what, build, ids, refusedNames, sent);
                        return;
                    }
                    fail(refusedNames, names, new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, INVALID_CHANGE_BATCH,
                            e.status(), "could not " + what + " TXT values at " + at + " in zone " + zone.id()
                                    + ": Route 53 refused the change though no set changed since it was read: "
                                    + e.getMessage(), null));
                    return;
                }
                read.putAll(again);
            }
        }
    }

    private void halves(HostedZoneId zone, List<String> names, Map<String, TxtRecord> read, String what,
            SetChange build, List<String> ids, Map<String, AwsFailure> refusedNames, Set<String> sent)
            throws GuardException, AwsFailure, InterruptedException {
        int half = names.size() / 2;
        conditionally(zone, names.subList(0, half), read, what, build, ids, refusedNames, sent);
        conditionally(zone, names.subList(half, names.size()), read, what, build, ids, refusedNames, sent);
    }

    private static void fail(Map<String, AwsFailure> refusedNames, List<String> names, AwsFailure failure) {
        for (String name : names) {
            refusedNames.put(name, failure);
        }
    }

    private static boolean refused(AwsFailure failure) {
        return failure.code().filter(INVALID_CHANGE_BATCH::equals).isPresent();
    }

    /**
     * The TXT sets at {@code names}: many in one ListResourceRecordSets (Route 53 lists a zone's sets in
     * name order, up to 300 a page, so a wave's challenge names are usually on one page), the next page
     * read from the first name a page did not settle, and a name left alone read as a single name.
     */
    private Map<String, TxtRecord> read(HostedZoneId zone, Set<String> names) throws GuardException, AwsFailure,
            InterruptedException {
        Map<String, TxtRecord> read = new HashMap<>();
        List<String> left = new ArrayList<>(names);
        while (left.size() > 1) {
            int before = read.size();
            for (TxtRecord record : aws.txtRecords(zone, left)) {
                if (names.contains(record.name())) {
                    read.put(record.name(), record);
                }
            }
            left.removeIf(read::containsKey);
            if (read.size() == before) {
                break;
            }
        }
        for (String name : left) {
            read.put(name, aws.txtRecord(zone, name));
        }
        return read;
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
