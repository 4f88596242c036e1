package dev.policygen.eval;

import dev.policygen.route53.Arn;

/**
 * A Resource/NotResource entry or an ArnLike condition value, compiled once.
 *
 * <p>In Resource, partition, service, region and account compare case-insensitively and the
 * resource part case-sensitively (docs/design/iam-semantics.md §5.2); policy variables are allowed only in the
 * resource part. A wildcard never crosses into the next of the first five parts, while a star in
 * the resource part crosses slashes and colons. An ARN written with fewer than six parts is padded
 * with {@code *} parts. Condition ARNs (ArnLike) compare every part case-sensitively and must have
 * all six parts.
 */
public final class ArnPattern {
    /**
     * The outcome of one match. UNRESOLVED: a policy variable has no value and the rest of the
     * pattern does not rule the resource out, so whether it matches cannot be known.
     */
    public enum Result { MATCH, NO_MATCH, UNRESOLVED }

    private final String source;
    private final boolean everything;
    /** partition, service, region, account, resource; null when the text is not an ARN. */
    private final PolicyString[] parts;
    /** For a non-ARN pattern other than {@code *}: matched against the whole request text. */
    private final PolicyString whole;
    /**
     * Resource patterns report an unresolved variable only when its value could matter; condition
     * values (ArnLike) always do, since there an unresolvable variable fails the comparison.
     */
    private final boolean resource;

    private ArnPattern(String source, boolean everything, PolicyString[] parts, PolicyString whole, boolean resource) {
        this.source = source;
        this.everything = everything;
        this.parts = parts;
        this.whole = whole;
        this.resource = resource;
    }

    public static ArnPattern forResource(String text, boolean variables) {
        if (text.equals("*")) {
            return new ArnPattern(text, true, null, null, true);
        }
        String[] split = split(text, true);
        if (split == null) {
            return new ArnPattern(text, false, null, PolicyString.parse(text, true, variables, false), true);
        }
        PolicyString[] parts = new PolicyString[5];
        for (int i = 0; i < 4; i++) {
            parts[i] = PolicyString.parse(split[i], true, false, true);
        }
        parts[4] = PolicyString.parse(split[4], true, variables, false);
        return new ArnPattern(text, false, parts, null, true);
    }

    public static ArnPattern forCondition(String text, boolean variables) {
        String[] split = split(text, false);
        if (split == null) {
            return new ArnPattern(text, false, null, null, false);
        }
        PolicyString[] parts = new PolicyString[5];
        for (int i = 0; i < 5; i++) {
            parts[i] = PolicyString.parse(split[i], true, variables, false);
        }
        return new ArnPattern(text, false, parts, null, false);
    }

    /** The five parts after "arn:", padded with "*" when {@code pad}; null when not an ARN. */
    private static String[] split(String text, boolean pad) {
        Arn arn = pad ? Arn.parsePattern(text) : Arn.parse(text);
        return arn == null ? null : arn.parts();
    }

    /** Whether this condition value is a well-formed ARN pattern. */
    public boolean isArn() {
        return parts != null;
    }

    public boolean matchesEverything() {
        return everything;
    }

    /**
     * Matches a request resource. {@code arn} is the parsed request resource, or null when it is
     * not an ARN (the {@code *} of actions without a resource type).
     */
    public Result matchResource(String resource, Arn arn, RequestContext context) {
        if (everything) {
            return Result.MATCH;
        }
        if (whole != null) {
            return match(whole, resource, context);
        }
        return arn == null ? Result.NO_MATCH : match(arn, context);
    }

    /** Matches the parts of an ARN one by one; the pattern must be an ARN pattern. */
    public Result match(Arn arn, RequestContext context) {
        Result result = part(0, arn.partition(), context);
        if (result == Result.MATCH) {
            result = part(1, arn.service(), context);
        }
        if (result == Result.MATCH) {
            result = part(2, arn.region(), context);
        }
        if (result == Result.MATCH) {
            result = part(3, arn.account(), context);
        }
        if (result == Result.MATCH) {
            result = part(4, arn.resource(), context);
        }
        return result;
    }

    private Result part(int index, String value, RequestContext context) {
        return match(parts[index], value, context);
    }

    private Result match(PolicyString pattern, String value, RequestContext context) {
        Glob glob = pattern.resolve(context);
        if (glob == null) {
            return !resource || pattern.withAnyValues().matches(value) ? Result.UNRESOLVED : Result.NO_MATCH;
        }
        return glob.matches(value) ? Result.MATCH : Result.NO_MATCH;
    }

    @Override
    public String toString() {
        return source;
    }
}
