package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.profile.ProfileCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands the ARN templates of calls beyond Route 53. A region, account or load balancer the user
 * did not give becomes {@code *} in its segment; a list placeholder such as {@code ${elb}} becomes
 * one ARN per value. The placeholders that stand for a whole name or ARN (the account key object,
 * certificate prefixes, listener and ACM ARNs) have no safe wildcard, so an active call that uses one
 * needs its value ({@link #checkUsed}); so does {@code ${elb}} in a call a setting switched on
 * ({@code --with classic-elb} names no load balancer). letsencrypt-aws's unconditional ELB call keeps
 * {@code *} when no --elb-name is given, as its own documentation grants (lint's PG306 warns).
 */
public final class ResourceTemplate {
    static final String PARTITION = "${partition}";
    static final String REGION = "${region}";
    static final String ACCOUNT = "${account}";
    static final String ELB = "${elb}";
    static final String ACCOUNT_KEY_OBJECT = "${account-key-object}";
    static final String STATE_PREFIX = "${state-prefix}";
    static final String IAM_PREFIX = "${iam-certificate-prefix}";
    static final String LISTENER_ARN = "${listener-arn}";
    static final String ACM_ARN = "${acm-certificate-arn}";
    static final String NOTIFY_TOPIC = "${notify-topic}";

    private ResourceTemplate() {
    }

    public static List<String> expand(String template, GenerateRequest request) {
        ExtraCallResources resources = request.resources();
        String arn = template.replace(PARTITION, request.partition().id())
                .replace(REGION, request.region().orElse("*"))
                .replace(ACCOUNT, request.account().orElse("*"))
                .replace(ACCOUNT_KEY_OBJECT, resources.accountKeyObject().orElse("*"))
                .replace(STATE_PREFIX, resources.statePrefix().orElse("*"));
        List<String> arns = List.of(arn);
        arns = each(arns, ELB, resources.elbNames());
        arns = each(arns, IAM_PREFIX, resources.iamCertificatePrefixes());
        arns = each(arns, LISTENER_ARN, resources.listenerArns());
        arns = each(arns, ACM_ARN, resources.acmCertificateArns());
        return each(arns, NOTIFY_TOPIC, resources.notifyTopicArns());
    }

    /** One ARN per value of a list placeholder; {@code *} in its place when there is none. */
    private static List<String> each(List<String> arns, String placeholder, List<String> values) {
        if (!arns.get(0).contains(placeholder)) {
            return arns;
        }
        List<String> expanded = new ArrayList<>();
        for (String arn : arns) {
            if (values.isEmpty()) {
                expanded.add(arn.replace(placeholder, "*"));
            }
            for (String value : values) {
                expanded.add(arn.replace(placeholder, value));
            }
        }
        return expanded;
    }

    /** An option that scopes no call of the chosen client is a mistake worth saying. */
    private static boolean roleUses(GenerateRequest request, String option) {
        return request.role().isPresent() && request.role().get().runtime().options().contains(option);
    }

    static void checkUsed(GenerateRequest request) throws UsageException {
        ExtraCallResources resources = request.resources();
        // a role's trust uses them too (--runtime's data file lists them among its options)
        check(request, request.region().isPresent() && !roleUses(request, "--aws-region"), REGION, "--aws-region");
        check(request, request.account().isPresent() && !roleUses(request, "--aws-account"), ACCOUNT, "--aws-account");
        check(request, !resources.elbNames().isEmpty(), ELB, "--elb-name");
        check(request, resources.accountKeyObject().isPresent(), ACCOUNT_KEY_OBJECT, "--account-key");
        check(request, resources.statePrefix().isPresent(), STATE_PREFIX, "--state");
        check(request, !resources.iamCertificatePrefixes().isEmpty(), IAM_PREFIX, "--iam-certificate-prefix");
        check(request, !resources.listenerArns().isEmpty(), LISTENER_ARN, "--listener-arn");
        check(request, !resources.acmCertificateArns().isEmpty(), ACM_ARN, "--acm-certificate-arn");
        check(request, !resources.notifyTopicArns().isEmpty(), NOTIFY_TOPIC, "--notify-topic");
        for (ProfileCall call : request.profile().calls()) {
            boolean active = call.when().isEmpty() || request.clientSettings().contains(call.when().get());
            if (!active) {
                continue;
            }
            if (call.resource().contains(ACCOUNT_KEY_OBJECT) && resources.accountKeyObject().isEmpty()) {
                throw new UsageException(call.when().orElse(call.action()), call.action()
                        + " needs the object it reads: give --account-key s3://BUCKET/KEY");
            }
            if (call.resource().contains(STATE_PREFIX) && resources.statePrefix().isEmpty()) {
                throw new UsageException(call.when().orElse(call.action()), call.action()
                        + " needs the prefix of renew's state: give --state s3://BUCKET/PREFIX");
            }
            if (call.when().isPresent()) {
                // a setting switched on for a destination names its load balancers; * would be every one
                needs(call, ELB, resources.elbNames(), "the classic load balancers it changes, or it would be"
                        + " granted on every one", "--elb-name NAME (one per load balancer)");
            }
            needs(call, IAM_PREFIX, resources.iamCertificatePrefixes(), "the certificate name prefix",
                    "--iam-certificate-prefix PREFIX");
            needs(call, LISTENER_ARN, resources.listenerArns(), "the listener it changes", "--listener-arn ARN");
            needs(call, ACM_ARN, resources.acmCertificateArns(), "the certificate it re-imports",
                    "--acm-certificate-arn ARN");
            needs(call, NOTIFY_TOPIC, resources.notifyTopicArns(), "the topic it publishes to", "--notify-topic ARN");
        }
        partitionOf(request, resources.listenerArns(), "--listener-arn");
        partitionOf(request, resources.acmCertificateArns(), "--acm-certificate-arn");
        partitionOf(request, resources.notifyTopicArns(), "--notify-topic");
    }

    private static void needs(ProfileCall call, String placeholder, List<String> values, String what, String option)
            throws UsageException {
        if (call.resource().contains(placeholder) && values.isEmpty()) {
            throw new UsageException(call.when().orElse(call.action()), call.action() + " needs " + what
                    + ": give " + option);
        }
    }

    /** An ARN of another partition would give a policy that grants nothing. */
    private static void partitionOf(GenerateRequest request, List<String> arns, String option)
            throws UsageException {
        String prefix = "arn:" + request.partition().id() + ":";
        for (String arn : arns) {
            if (!arn.startsWith(prefix)) {
                throw new UsageException(arn, option + " " + arn + " is not in partition "
                        + request.partition().id() + "; give --partition to match");
            }
        }
    }

    private static void check(GenerateRequest request, boolean given, String placeholder, String option)
            throws UsageException {
        if (!given) {
            return;
        }
        for (ProfileCall call : request.profile().calls()) {
            if (call.resource().contains(placeholder)) {
                return;
            }
        }
        throw new UsageException(option, request.profile().client() + " makes no call that " + option + " scopes");
    }

    /**
     * True when the resource pattern {@code wide} matches every ARN {@code narrow} matches, judged
     * conservatively: {@code *} alone matches everything, otherwise a {@code *} or {@code ?} in
     * {@code wide} never spans a colon, so no ARN segment is assumed covered that might not be.
     */
    static boolean covers(String wide, String narrow) {
        if (wide.equals(ProfileCall.ANY)) {
            return true;
        }
        if (narrow.indexOf('*') >= 0 || narrow.indexOf('?') >= 0) {
            return wide.equals(narrow);
        }
        return matches(wide, 0, narrow, 0);
    }

    private static boolean matches(String pattern, int p, String text, int t) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int end = t; end <= text.length(); end++) {
                    if (matches(pattern, p + 1, text, end)) {
                        return true;
                    }
                    if (end < text.length() && text.charAt(end) == ':') {
                        return false;
                    }
                }
                return false;
            }
            if (t >= text.length() || (c == '?' ? text.charAt(t) == ':' : c != text.charAt(t))) {
                return false;
            }
            p++;
            t++;
        }
        return t == text.length();
    }
}
