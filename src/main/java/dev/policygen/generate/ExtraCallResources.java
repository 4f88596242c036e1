package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.route53.AwsSyntax;
import dev.policygen.route53.S3ObjectUri;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resources outside Route 53 that a request names: what the ARN templates of a profile's calls beyond
 * Route 53 ({@code extraCalls} in {@code policies/*.json}) are filled with ({@link ResourceTemplate}), each
 * value checked as it is added ({@link Builder}), and the profile settings they switch on
 * ({@link #implied}). Not a record: a record's equals would bootstrap invokedynamic on generate's cold path.
 */
public final class ExtraCallResources {
    /** Settings a value implies: {@code --elb-name} and so on switch on the calls that use it. */
    static final String SETTING_CLASSIC_ELB = "classic-elb";
    static final String SETTING_IAM = "iam-server-certificate";
    static final String SETTING_ELBV2 = "elbv2";
    static final String SETTING_ACM = "acm";
    /** renew --notify sns:ARN: sns:Publish on exactly the topics named (--notify-topic). */
    static final String SETTING_NOTIFY_SNS = "notify-sns";
    static final String SETTING_ACCOUNT_KEY_IN_S3 = "account-key-in-s3";
    /** renew --state-dir s3://BUCKET/PREFIX: leases, journal and ACM imports in S3 (--state). */
    static final String SETTING_STATE_IN_S3 = "state-in-s3";

    private final List<String> elbNames;
    private final Optional<String> accountKeyObject;
    private final Optional<String> statePrefix;
    private final List<String> iamCertificatePrefixes;
    private final List<String> listenerArns;
    private final List<String> acmCertificateArns;
    private final List<String> notifyTopicArns;

    private ExtraCallResources(Builder b) {
        this.elbNames = List.copyOf(b.elbNames);
        this.accountKeyObject = Optional.ofNullable(b.accountKeyObject);
        this.statePrefix = Optional.ofNullable(b.statePrefix);
        this.iamCertificatePrefixes = List.copyOf(b.iamCertificatePrefixes);
        this.listenerArns = List.copyOf(b.listenerArns);
        this.acmCertificateArns = List.copyOf(b.acmCertificateArns);
        this.notifyTopicArns = List.copyOf(b.notifyTopicArns);
    }

    /** Names of the classic load balancers whose listeners the client changes ({@code --elb-name}). */
    public List<String> elbNames() {
        return elbNames;
    }

    /** {@code bucket/key} of an ACME account key kept in S3. */
    public Optional<String> accountKeyObject() {
        return accountKeyObject;
    }

    /** {@code bucket/prefix} of renew's shared state in S3 (--state), without a trailing slash. */
    public Optional<String> statePrefix() {
        return statePrefix;
    }

    /** Name prefixes of the IAM server certificates the client uploads ({@code PREFIX-<date>}). */
    public List<String> iamCertificatePrefixes() {
        return iamCertificatePrefixes;
    }

    /** ARNs of the ELBv2 listeners whose default certificate the client replaces. */
    public List<String> listenerArns() {
        return listenerArns;
    }

    /** ARNs of the ACM certificates the client re-imports. */
    public List<String> acmCertificateArns() {
        return acmCertificateArns;
    }

    /** The SNS topics renew's notifications publish to (--notify-topic). */
    public List<String> notifyTopicArns() {
        return notifyTopicArns;
    }

    /**
     * Adds to {@code into} the settings these values switch on, of those {@code profileSettings} has:
     * giving a destination's resources switches on the profile's setting for it, so the CLI and the renewer
     * cannot disagree about which calls a value implies; a profile without the setting is left to reject
     * the option ({@link ResourceTemplate#checkUsed}).
     */
    void implied(Set<String> profileSettings, Set<String> into) {
        imply(profileSettings, into, !elbNames.isEmpty(), SETTING_CLASSIC_ELB);
        imply(profileSettings, into, !iamCertificatePrefixes.isEmpty(), SETTING_IAM);
        imply(profileSettings, into, !listenerArns.isEmpty(), SETTING_ELBV2);
        imply(profileSettings, into, !acmCertificateArns.isEmpty(), SETTING_ACM);
        imply(profileSettings, into, !notifyTopicArns.isEmpty(), SETTING_NOTIFY_SNS);
        imply(profileSettings, into, accountKeyObject.isPresent(), SETTING_ACCOUNT_KEY_IN_S3);
        imply(profileSettings, into, statePrefix.isPresent(), SETTING_STATE_IN_S3);
    }

    private static void imply(Set<String> profileSettings, Set<String> into, boolean given, String setting) {
        if (given && profileSettings.contains(setting)) {
            into.add(setting);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ExtraCallResources other)) {
            return false;
        }
        return elbNames.equals(other.elbNames) && accountKeyObject.equals(other.accountKeyObject)
                && statePrefix.equals(other.statePrefix) && iamCertificatePrefixes.equals(other.iamCertificatePrefixes)
                && listenerArns.equals(other.listenerArns) && acmCertificateArns.equals(other.acmCertificateArns)
                && notifyTopicArns.equals(other.notifyTopicArns);
    }

    @Override
    public int hashCode() {
        return elbNames.hashCode() * 31 + listenerArns.hashCode();
    }

    /** The values as the options give them, each checked when added; {@link GenerateRequest.Builder} holds one. */
    static final class Builder {
        private final List<String> elbNames = new ArrayList<>();
        private String accountKeyObject;
        private String statePrefix;
        private final List<String> iamCertificatePrefixes = new ArrayList<>();
        private final List<String> listenerArns = new ArrayList<>();
        private final List<String> acmCertificateArns = new ArrayList<>();
        private final List<String> notifyTopicArns = new ArrayList<>();

        void elbName(String value) throws UsageException {
            elbNames.add(GenerateRequest.checked(value, AwsSyntax.isClassicElbName(value),
                    "a classic load balancer name is 1 to 32 letters, digits and hyphens"));
        }

        /**
         * {@code --account-key}: an {@code s3://BUCKET/KEY} URI scopes the client's s3:GetObject to that
         * object; a {@code file://} location needs no grant and is accepted without a check.
         */
        void accountKey(String uri) throws UsageException {
            if (uri.startsWith(S3ObjectUri.SCHEME)) {
                exact(uri, "--account-key", "s3:GetObject on exactly one object",
                        "give the object's full key (IAM cannot match a literal " + "*, ? or ${ in a key)");
            }
            var object = S3ObjectUri.parse(uri);
            if (object.isPresent()) {
                accountKeyObject = object.get().objectPath();
            } else if (!uri.startsWith("file://")) {
                throw new UsageException(uri, "--account-key takes file://PATH or s3://BUCKET/KEY, not \"" + uri + "\"");
            }
        }

        /**
         * {@code --state s3://BUCKET/PREFIX}, renew's shared state: its objects, {@code PREFIX/*}, get
         * s3:GetObject, s3:PutObject and s3:DeleteObject, nothing else in the bucket.
         */
        void state(String uri) throws UsageException {
            exact(uri, "--state", "S3 access under exactly one prefix",
                    "give the prefix itself, as renew's --state-dir s3://BUCKET/PREFIX");
            String trimmed = uri;
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            var prefix = S3ObjectUri.parse(trimmed);
            if (prefix.isEmpty() || prefix.get().key().startsWith("/") || prefix.get().key().contains("//")) {
                throw new UsageException(uri, "--state takes s3://BUCKET/PREFIX (renew's --state-dir), not \""
                        + uri + "\"");
            }
            statePrefix = prefix.get().objectPath();
        }

        void iamCertificatePrefix(String value) throws UsageException {
            iamCertificatePrefixes.add(GenerateRequest.checked(value, AwsSyntax.isIamNamePrefix(value),
                    "a certificate name prefix is 1 to 100 letters, digits and _+=,.@-"));
        }

        void listenerArn(String value) throws UsageException {
            exact(value, "--listener-arn", "ModifyListener on exactly the listeners named",
                    "give each listener's full ARN (aws elbv2 describe-listeners), one --listener-arn per listener");
            listenerArns.add(GenerateRequest.checked(value, AwsSyntax.isListenerArn(value),
                    "expected arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/..."));
        }

        void acmCertificateArn(String value) throws UsageException {
            exact(value, "--acm-certificate-arn", "the re-import of exactly the certificates named",
                    "give each certificate's full ARN, or --acm-import-new for a certificate ACM has not created yet");
            acmCertificateArns.add(GenerateRequest.checked(value, AwsSyntax.isAcmCertificateArn(value),
                    "expected arn:aws:acm:REGION:ACCOUNT:certificate/..."));
        }

        void notifyTopicArn(String value) throws UsageException {
            exact(value, "--notify-topic", "sns:Publish on exactly the topics named",
                    "give each topic's full ARN, one --notify-topic per topic");
            notifyTopicArns.add(GenerateRequest.checked(value, AwsSyntax.isSnsTopicArn(value),
                    "expected arn:aws:sns:REGION:ACCOUNT:TOPIC"));
        }

        /**
         * Refuses a wildcard or policy variable in a value documented as naming exact resources:
         * it would reach the ARN as a pattern and grant every resource it matches.
         */
        private static void exact(String value, String option, String grants, String how) throws UsageException {
            String pattern = AwsSyntax.iamPatternIn(value);
            if (pattern != null) {
                throw new UsageException(value, option + " \"" + value + "\" holds \"" + pattern + "\", which IAM"
                        + " reads as " + (pattern.equals("${") ? "a policy variable" : "a wildcard") + "; the option grants "
                        + grants + ": " + how);
            }
        }

        ExtraCallResources build() {
            return new ExtraCallResources(this);
        }
    }
}
