package dev.policygen.sandbox;

import java.util.List;

/**
 * One resource record set as Route 53 stores it. The name is in normalized form (lower case, no
 * trailing dot, {@code \DDD} escapes), so two spellings of one name are one set. TXT values keep
 * their quotes exactly as the client sent them. {@code setIdentifier} is null for a simple set;
 * {@code weight} and {@code multiValueAnswer} are the routing policy of a set that has one.
 */
public record RecordSet(String name, String type, String setIdentifier, Long weight, Boolean multiValueAnswer,
        long ttl, List<String> values) {

    public RecordSet {
        values = List.copyOf(values);
    }

    public RecordSetKey key() {
        return new RecordSetKey(name, type, setIdentifier);
    }

    /** The name as API responses carry it: with the trailing dot. */
    public String dnsName() {
        return name + ".";
    }

    /** Whether the set is part of a routing policy (weighted, multivalue): those share name and type. */
    public boolean routed() {
        return setIdentifier != null;
    }
}
