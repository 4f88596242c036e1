package dev.policygen.renew.cloud;

import java.util.List;

/**
 * One change of a TXT record set in a batch: CREATE a set where there is none, or DELETE a set as it
 * stands. Both are conditional in Route 53 (a CREATE of an existing set and a DELETE whose values or TTL
 * differ refuse the whole batch), so a DELETE of the set read plus a CREATE of the new one, in one batch,
 * replaces the set only if nobody changed it since it was read. There is no UPSERT: it overwrites blindly.
 */
public record TxtChange(Action action, TxtRecord record) {
    public enum Action { CREATE, DELETE }

    public TxtChange {
        if (record.values().isEmpty()) {
            throw new IllegalArgumentException("a TXT change needs at least one value");
        }
    }

    public static TxtChange create(String name, long ttl, List<String> values) {
        return new TxtChange(Action.CREATE, new TxtRecord(name, ttl, values));
    }

    public static TxtChange delete(TxtRecord current) {
        return new TxtChange(Action.DELETE, current);
    }
}
