package dev.policygen.route53;

import java.util.regex.Pattern;

/**
 * The syntax of the AWS names that scope calls beyond Route 53: account ids, region names, classic
 * load balancer names, IAM name prefixes, and the ARNs of IAM roles, ELBv2 listeners and ACM certificates.
 * Checked by the generate request's builder, so every way of building one accepts the same values.
 */
public final class AwsSyntax {
    /**
     * In a holder class so that a plain generate never compiles them: the JDK's regex classes
     * bootstrap lambdas, which is slow on a cold JVM.
     */
    private static final class Formats {
        static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
        static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
        static final Pattern ELB_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?");
        /** IAM's name alphabet; the renewer appends a date, and its config allows prefixes of up to 100. */
        static final Pattern IAM_PREFIX = Pattern.compile("[A-Za-z0-9_+=,.@-]{1,100}");
        /** A role's path and name after {@code role/}: {@code /}-separated path segments, then a 1-64 name. */
        static final Pattern ROLE_RESOURCE = Pattern.compile("role/(?:[A-Za-z0-9_+=,.@-]+/)*[A-Za-z0-9_+=,.@-]{1,64}");
        static final Pattern LISTENER_ARN =
                Pattern.compile("arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}:listener/\\S+");
        /** Topic names: 1 to 256 letters, digits, hyphens and underscores; a FIFO topic ends in .fifo. */
        static final Pattern SNS_TOPIC_ARN = Pattern.compile(
                "arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");
        static final Pattern ACM_ARN = Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/\\S+");
    }

    private AwsSyntax() {
    }

    /** Twelve digits. */
    public static boolean isAccountId(String text) {
        return Formats.ACCOUNT.matcher(text).matches();
    }

    /** A region name such as {@code us-east-1} or {@code us-gov-west-1}. */
    public static boolean isRegion(String text) {
        return Formats.REGION.matcher(text).matches();
    }

    /** 1 to 32 letters, digits and hyphens, not starting or ending with a hyphen. */
    public static boolean isClassicElbName(String text) {
        return Formats.ELB_NAME.matcher(text).matches();
    }

    /** 1 to 100 characters of IAM's name alphabet, a prefix the renewer appends a date to. */
    public static boolean isIamNamePrefix(String text) {
        return Formats.IAM_PREFIX.matcher(text).matches();
    }

    /**
     * {@code arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME}: one IAM role, its path included (IAM CreateRole's
     * RoleName and Path alphabets).
     */
    public static boolean isRoleArn(String text) {
        Arn arn = text == null ? null : Arn.parse(text);
        return arn != null && arn.partition().startsWith("aws") && arn.service().equals("iam")
                && arn.region().isEmpty() && isAccountId(arn.account())
                && Formats.ROLE_RESOURCE.matcher(arn.resource()).matches();
    }

    /** {@code arn:PARTITION:elasticloadbalancing:REGION:ACCOUNT:listener/...}. */
    public static boolean isListenerArn(String text) {
        return Formats.LISTENER_ARN.matcher(text).matches();
    }

    /**
     * The first part of {@code text} that IAM reads as a pattern rather than literally in a resource
     * ARN: {@code *} and {@code ?} (wildcards) or {@code ${} (a policy variable such as
     * {@code ${aws:username}}); null when there is none. A value documented as naming exactly one
     * resource must have none, or the grant quietly covers more than it names.
     */
    public static String iamPatternIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?') {
                return String.valueOf(c);
            }
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                return "${";
            }
        }
        return null;
    }

    /** {@code arn:PARTITION:acm:REGION:ACCOUNT:certificate/...}. */
    public static boolean isAcmCertificateArn(String text) {
        return Formats.ACM_ARN.matcher(text).matches();
    }

    /** An SNS topic ARN, {@code arn:PARTITION:sns:REGION:ACCOUNT:TOPIC}. */
    public static boolean isSnsTopicArn(String text) {
        return Formats.SNS_TOPIC_ARN.matcher(text).matches();
    }
}
