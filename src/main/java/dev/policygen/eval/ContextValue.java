package dev.policygen.eval;

import java.util.List;

/**
 * The value of one request context key. A single-valued key (aws:username) holds one value; a
 * multivalued key (route53:ChangeResourceRecordSetsRecordTypes, aws:TagKeys) holds a set that may
 * be empty. The distinction matters: a condition without ForAllValues/ForAnyValue never matches a
 * multivalued key, and only single-valued keys can be used as policy variables.
 */
public record ContextValue(String key, List<String> values, boolean multiValued) {

    public ContextValue {
        values = List.copyOf(values);
        if (!multiValued && values.size() != 1) {
            throw new IllegalArgumentException("a single-valued key holds exactly one value: " + key);
        }
    }

    public static ContextValue single(String key, String value) {
        return new ContextValue(key, List.of(value), false);
    }

    public static ContextValue multi(String key, List<String> values) {
        return new ContextValue(key, values, true);
    }

    /** The value of a single-valued key. */
    public String value() {
        return values.get(0);
    }
}
