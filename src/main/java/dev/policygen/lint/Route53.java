package dev.policygen.lint;

import dev.policygen.eval.Glob;
import dev.policygen.route53.Route53Names;
import java.util.List;
import java.util.Locale;

/** The Route 53 facts the rules share (reference: docs/design/iam-semantics.md sections 1 and 4). */
public final class Route53 {
    public static final String CHANGE_RECORDS = Route53Names.CHANGE_RECORD_SETS;
    public static final String GET_CHANGE = Route53Names.GET_CHANGE;
    public static final String KEY_NAMES = Route53Names.KEY_NAMES;
    public static final String KEY_TYPES = Route53Names.KEY_TYPES;
    public static final String KEY_ACTIONS = Route53Names.KEY_ACTIONS;
    /** The multivalued keys that only ChangeResourceRecordSets carries. */
    public static final List<String> RECORD_KEYS = List.of(KEY_NAMES, KEY_TYPES, KEY_ACTIONS);
    /** Actions with no resource type: only {@code "Resource": "*"} grants them. */
    public static final List<String> WILDCARD_ONLY_ACTIONS = List.of("route53:ListHostedZones",
            "route53:ListHostedZonesByName", "route53:GetHostedZoneCount", "route53:TestDNSAnswer");
    /** An ARN of the kind GetChange is authorized on, used to test resource patterns. */
    public static final String SAMPLE_CHANGE_ARN = "arn:aws:route53:::change/C2682N5HXP0BZ4";
    public static final String CHALLENGE_PREFIX = Route53Names.CHALLENGE_PREFIX;

    private Route53() {
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
