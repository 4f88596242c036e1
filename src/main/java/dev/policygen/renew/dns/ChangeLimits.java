package dev.policygen.renew.dns;

import dev.policygen.renew.cloud.TxtChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Route 53's limits on one ChangeResourceRecordSets request and on one TXT set, and the split of a
 * zone's changes into requests that keep to them (../shared/reference/identity-and-fleet.md §5.1, §5.2;
 * Route 53's "Quotas" page): at most 1,000 ResourceRecord elements and 32,000 characters of Value in
 * one request (an UPSERT counts twice; the renewer never sends one, so DELETE and CREATE count once);
 * at most 400 values in one set and 4,000 characters in one value. The changes of one set (the DELETE
 * of the set as read and the CREATE of its replacement) always travel in the same request: split
 * apart, a crash between the two would lose the values other clients keep there.
 */
public final class ChangeLimits {
    public static final int MAX_RECORDS_PER_REQUEST = 1_000;
    public static final int MAX_VALUE_CHARACTERS_PER_REQUEST = 32_000;
    public static final int MAX_VALUES_PER_SET = 400;
    public static final int MAX_VALUE_LENGTH = 4_000;

    private ChangeLimits() {
    }

    /** ResourceRecord elements of a request made of {@code changes}. */
    public static int records(List<TxtChange> changes) {
        int records = 0;
        for (TxtChange change : changes) {
            records += change.record().values().size();
        }
        return records;
    }

    /** Characters of every Value element of a request made of {@code changes}, quotes included. */
    public static int valueCharacters(List<TxtChange> changes) {
        int characters = 0;
        for (TxtChange change : changes) {
            for (String value : change.record().values()) {
                characters += value.length();
            }
        }
        return characters;
    }

    /** Whether one request may hold {@code changes}. */
    public static boolean fitOneRequest(List<TxtChange> changes) {
        return records(changes) <= MAX_RECORDS_PER_REQUEST
                && valueCharacters(changes) <= MAX_VALUE_CHARACTERS_PER_REQUEST;
    }

    /**
     * Why the changes of one set cannot be sent at all (a set over 400 values, a value over 4,000
     * characters, or the set's own changes over a request's limits), or empty when they can.
     */
    public static Optional<String> problemOfSet(String name, List<TxtChange> changes) {
        for (TxtChange change : changes) {
            int values = change.record().values().size();
            if (change.action() == TxtChange.Action.CREATE && values > MAX_VALUES_PER_SET) {
                return Optional.of("the TXT set at " + name + " would hold " + values + " values; Route 53 allows "
                        + MAX_VALUES_PER_SET + " per set");
            }
            for (String value : change.record().values()) {
                if (value.length() > MAX_VALUE_LENGTH) {
                    return Optional.of("a TXT value at " + name + " has " + value.length()
                            + " characters; Route 53 allows " + MAX_VALUE_LENGTH + " per value");
                }
            }
        }
        if (records(changes) > MAX_RECORDS_PER_REQUEST) {
            return Optional.of("the change of the TXT set at " + name + " needs " + records(changes)
                    + " ResourceRecord elements; Route 53 allows " + MAX_RECORDS_PER_REQUEST + " per request");
        }
        if (valueCharacters(changes) > MAX_VALUE_CHARACTERS_PER_REQUEST) {
            return Optional.of("the change of the TXT set at " + name + " needs " + valueCharacters(changes)
                    + " characters of Value; Route 53 allows " + MAX_VALUE_CHARACTERS_PER_REQUEST + " per request");
        }
        return Optional.empty();
    }

    /**
     * Splits the sets' changes ({@code bySet}: record name to its changes, in the order to send them)
     * into as few requests as the limits allow, filling each in order; a set that can never be sent
     * goes to {@code unsendable} with the reason instead. Returns each request's record names.
     */
    public static List<List<String>> split(Map<String, List<TxtChange>> bySet, Map<String, String> unsendable) {
        return split(bySet, unsendable, name -> 0);
    }

    /**
     * The same, never putting the sets of two name groups ({@code groupOf}: the policy's statement that
     * allows each name, {@code renew.guard.ChangeGroups}) in one request: the groups in the order of their
     * first set, each split within the limits on its own. A request holding names of two statements would
     * be allowed by neither.
     */
    public static List<List<String>> split(Map<String, List<TxtChange>> bySet, Map<String, String> unsendable,
            ToIntFunction<String> groupOf) {
        Map<Integer, Map<String, List<TxtChange>>> byGroup = new LinkedHashMap<>();
        bySet.forEach((name, changes) -> byGroup.computeIfAbsent(groupOf.applyAsInt(name), g -> new LinkedHashMap<>())
                .put(name, changes));
        List<List<String>> requests = new ArrayList<>();
        for (Map<String, List<TxtChange>> group : byGroup.values()) {
            requests.addAll(splitWithinLimits(group, unsendable));
        }
        return requests;
    }

    private static List<List<String>> splitWithinLimits(Map<String, List<TxtChange>> bySet,
            Map<String, String> unsendable) {
        List<List<String>> requests = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int records = 0;
        int characters = 0;
        for (Map.Entry<String, List<TxtChange>> set : bySet.entrySet()) {
            if (set.getValue().isEmpty()) {
                continue;
            }
            Optional<String> problem = problemOfSet(set.getKey(), set.getValue());
            if (problem.isPresent()) {
                unsendable.put(set.getKey(), problem.get());
                continue;
            }
            int setRecords = records(set.getValue());
            int setCharacters = valueCharacters(set.getValue());
            if (records + setRecords > MAX_RECORDS_PER_REQUEST
                    || characters + setCharacters > MAX_VALUE_CHARACTERS_PER_REQUEST) {
                requests.add(current);
                current = new ArrayList<>();
                records = 0;
                characters = 0;
            }
            current.add(set.getKey());
            records += setRecords;
            characters += setCharacters;
        }
        if (!current.isEmpty()) {
            requests.add(current);
        }
        return requests;
    }
}
