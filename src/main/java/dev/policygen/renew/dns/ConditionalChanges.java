package dev.policygen.renew.dns;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.cloud.TxtRecord;
import dev.policygen.renew.guard.GuardException;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.pace.Backoff;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.RecordNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The conditional changes of {@link ZoneRecords}: the sets at many names read in as few
 * ListResourceRecordSets as Route 53's pages allow, each set's changes built from the set as read, split
 * into requests within Route 53's limits and the policy's name groups ({@link ChangeLimits}), and each
 * request sent conditionally, read again and rebuilt when Route 53 refuses it because a set changed,
 * halved when it refuses it for good.
 */
final class ConditionalChanges {
    /** Conditional changes per request before giving up on sets that keep changing. */
    static final int ATTEMPTS = 5;
    private static final String INVALID_CHANGE_BATCH = "InvalidChangeBatch";

    private final GuardedAws aws;
    private final Sleeper sleeper;
    private final Backoff backoff;

    ConditionalChanges(GuardedAws aws, Sleeper sleeper, Backoff backoff) {
        this.aws = aws;
        this.sleeper = sleeper;
        this.backoff = backoff;
    }

    /** The changes of one set, built from the set as just read; none when it needs no change. */
    @FunctionalInterface
    interface SetChange {
        List<TxtChange> of(String name, TxtRecord current);
    }

    /**
     * Reads every set at {@code names} once (one ListResourceRecordSets per page), builds each set's
     * changes, splits them into requests within Route 53's limits and sends each conditionally.
     * {@code sent} collects the names whose changes Route 53 took.
     */
    ZoneChange changeAll(HostedZoneId zone, Set<String> names, String what, Set<String> sent,
            SetChange build) throws GuardException, AwsFailure, InterruptedException {
        Map<String, TxtRecord> read = read(zone, names);
        Map<String, AwsFailure> refusedNames = new TreeMap<>();
        Map<String, String> unsendable = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        for (List<String> request : ChangeLimits.split(build(names, read, build), unsendable,
                name -> aws.changeGroup(zone, name))) {
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
                // after a short pause (the other writer may be mid-change), read the sets again; not the state's
                // CollisionBackoff: the other writer is any ACME client, and each try costs rate-limited reads
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

    static boolean refused(AwsFailure failure) {
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
}
