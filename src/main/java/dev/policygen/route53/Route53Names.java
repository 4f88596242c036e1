package dev.policygen.route53;

/**
 * The Route 53 action and condition-key names, and the DNS-01 challenge label, spelled once. IAM
 * compares action and key names case-insensitively; these are the spellings AWS documents and
 * policygen writes.
 */
public final class Route53Names {
    /** The service prefix of every Route 53 action ({@code route53domains:} is another service). */
    public static final String SERVICE_PREFIX = "route53:";
    public static final String CHANGE_RECORD_SETS = "route53:ChangeResourceRecordSets";
    public static final String GET_CHANGE = "route53:GetChange";
    public static final String GET_HOSTED_ZONE = "route53:GetHostedZone";
    public static final String LIST_RECORD_SETS = "route53:ListResourceRecordSets";
    public static final String LIST_HOSTED_ZONES = "route53:ListHostedZones";
    public static final String LIST_HOSTED_ZONES_BY_NAME = "route53:ListHostedZonesByName";

    /** The normalized record names of every change of a batch. */
    public static final String KEY_NAMES = "route53:ChangeResourceRecordSetsNormalizedRecordNames";
    /** The record types of every change of a batch. */
    public static final String KEY_TYPES = "route53:ChangeResourceRecordSetsRecordTypes";
    /** The change actions (CREATE, UPSERT, DELETE) of every change of a batch. */
    public static final String KEY_ACTIONS = "route53:ChangeResourceRecordSetsActions";

    /** The label a DNS-01 TXT record is published under (RFC 8555 section 8.4). */
    public static final String CHALLENGE_LABEL = "_acme-challenge";
    /** {@link #CHALLENGE_LABEL} and its dot, the start of every challenge record name. */
    public static final String CHALLENGE_PREFIX = CHALLENGE_LABEL + ".";

    private Route53Names() {
    }

    /** True for an action of Route 53 itself, compared as IAM compares action names (case-insensitively). */
    public static boolean isRoute53Action(String action) {
        return action.regionMatches(true, 0, SERVICE_PREFIX, 0, SERVICE_PREFIX.length());
    }
}
