package dev.policygen.renew.cloud;

import java.util.List;

/** One change of a TXT record set in a batch: UPSERT the whole set, or DELETE it as it stands. */
public record TxtChange(Action action, TxtRecord record) {
    public enum Action { UPSERT, DELETE }

    public TxtChange {
        if (record.values().isEmpty()) {
            throw new IllegalArgumentException("a TXT change needs at least one value");
        }
    }

    public static TxtChange upsert(String name, long ttl, List<String> values) {
        return new TxtChange(Action.UPSERT, new TxtRecord(name, ttl, values));
    }

    public static TxtChange delete(TxtRecord current) {
        return new TxtChange(Action.DELETE, current);
    }
}
