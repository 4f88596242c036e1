package dev.policygen.eval;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The context keys of a request. Key names are case-insensitive in IAM (UG
 * reference_policies_condition-keys), so they are stored lower-cased; compiled conditions
 * lower-case their key once, and a lookup is a plain map access.
 */
public final class RequestContext {
    public static final RequestContext EMPTY = new RequestContext(Map.of());

    private final Map<String, ContextValue> byLowerKey;

    private RequestContext(Map<String, ContextValue> byLowerKey) {
        this.byLowerKey = byLowerKey;
    }

    /** Later values for the same key (in any case) replace earlier ones. */
    public static RequestContext of(Collection<ContextValue> values) {
        Map<String, ContextValue> map = new LinkedHashMap<>();
        for (ContextValue value : values) {
            map.put(lower(value.key()), value);
        }
        return new RequestContext(Collections.unmodifiableMap(map));
    }

    public static RequestContext of(ContextValue... values) {
        return of(List.of(values));
    }

    public static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    /** The value for an already lower-cased key, or null when the request does not carry it. */
    public ContextValue getLower(String lowerKey) {
        return byLowerKey.get(lowerKey);
    }

    public ContextValue get(String key) {
        return byLowerKey.get(lower(key));
    }

    /**
     * The substitution for a policy variable: the value of a single-valued key, or null when the
     * key is absent or multivalued (UG reference_policies_variables: only single-valued keys).
     */
    public String variableValue(String lowerKey) {
        ContextValue value = byLowerKey.get(lowerKey);
        return value == null || value.multiValued() ? null : value.value();
    }

    public Collection<ContextValue> values() {
        return byLowerKey.values();
    }

    @Override
    public String toString() {
        return byLowerKey.values().toString();
    }
}
