package dev.policygen.renew.cloud;

import java.util.List;

/**
 * A TXT record set: normalized name (lower case, no final dot), TTL, and its values exactly as
 * Route 53 stores them, quotes included ({@code "abc"}), so a value another client wrote is put
 * back byte for byte. No values means there is no record at that name.
 */
public record TxtRecord(String name, long ttl, List<String> values) {
    public TxtRecord {
        values = List.copyOf(values);
    }

    public static TxtRecord absent(String name) {
        return new TxtRecord(name, 0, List.of());
    }

    public boolean exists() {
        return !values.isEmpty();
    }

    /** An ACME challenge token as a TXT value: one quoted character-string. */
    public static String quoted(String token) {
        return '"' + token + '"';
    }
}
