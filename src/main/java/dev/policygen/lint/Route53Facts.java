package dev.policygen.lint;

import dev.policygen.eval.Glob;
import dev.policygen.route53.Route53Names;
import java.util.List;
import java.util.Locale;

/**
 * What the rules know about Route 53 beyond its names (those are {@link Route53Names}): which keys
 * only ChangeResourceRecordSets carries, which actions take no resource, and how IAM matches action
 * patterns (reference: docs/design/iam-semantics.md sections 1 and 4).
 */
public final class Route53Facts {
    /** The multivalued keys that only ChangeResourceRecordSets carries. */
    public static final List<String> RECORD_KEYS = List.of(Route53Names.KEY_NAMES, Route53Names.KEY_TYPES,
            Route53Names.KEY_ACTIONS);
    /** Actions with no resource type: only {@code "Resource": "*"} grants them. */
    public static final List<String> WILDCARD_ONLY_ACTIONS = List.of(Route53Names.LIST_HOSTED_ZONES,
            Route53Names.LIST_HOSTED_ZONES_BY_NAME, "route53:GetHostedZoneCount", "route53:TestDNSAnswer");

    private Route53Facts() {
    }

    /** Condition key names are case-insensitive in IAM. */
    public static boolean isRecordKey(String key) {
        return RECORD_KEYS.stream().anyMatch(k -> k.equalsIgnoreCase(key));
    }

    /** The canonical spelling of a record key, or the key itself. */
    public static String canonicalKey(String key) {
        return RECORD_KEYS.stream().filter(k -> k.equalsIgnoreCase(key)).findFirst().orElse(key);
    }

    /** True when an action pattern (case-insensitive, with IAM wildcards) covers {@code action}. */
    public static boolean actionMatches(String pattern, String action) {
        return Glob.of(pattern.toLowerCase(Locale.ROOT), false).matches(action.toLowerCase(Locale.ROOT));
    }
}
