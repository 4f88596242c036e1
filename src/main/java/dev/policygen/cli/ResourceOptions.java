package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.generate.GenerateRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The options that scope calls beyond Route 53 (accounts, regions, load balancers, certificates, the
 * account key), checked and put on a request in one place. lint mixes them in, so a policy can be
 * compared with what generate would write for the same line; generate declares its own copies, because
 * its picocli-free fast path binds its fields by name, and hands them over with {@link #from}.
 */
final class ResourceOptions {
    /**
     * Value syntaxes, in a holder class so that a plain generate never compiles them: the JDK's regex
     * classes bootstrap lambdas, which is slow on a cold JVM.
     */
    static final class Formats {
        static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
        static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
        static final Pattern ELB_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?");
        static final Pattern S3_URI = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(.+)");
        /** IAM's name alphabet; the renewer appends a date, and its config allows prefixes of up to 100. */
        static final Pattern IAM_PREFIX = Pattern.compile("[A-Za-z0-9_+=,.@-]{1,100}");
        static final Pattern LISTENER_ARN =
                Pattern.compile("arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}:listener/\\S+");
        static final Pattern ACM_ARN = Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/\\S+");
    }

    @Option(names = "--aws-account", paramLabel = "ACCOUNT_ID",
            description = "With --client: account id for ARNs of calls beyond Route 53.")
    String account;

    @Option(names = "--aws-region", paramLabel = "REGION",
            description = "With --client: region for ARNs of regional calls beyond Route 53.")
    String region;

    @Option(names = "--elb-name", paramLabel = "NAME",
            description = "With --client: a classic load balancer the client updates. Repeatable.")
    List<String> elbNames = new ArrayList<>();

    @Option(names = "--account-key", paramLabel = "URI", description = "With --client: ACME account key location.")
    String accountKey;

    @Option(names = "--iam-certificate-prefix", paramLabel = "PREFIX",
            description = "With --client policygen: name prefix of its IAM server certificates. Repeatable.")
    List<String> iamCertificatePrefixes = new ArrayList<>();

    @Option(names = "--listener-arn", paramLabel = "ARN",
            description = "With --client policygen: an ELBv2 listener it updates. Repeatable.")
    List<String> listenerArns = new ArrayList<>();

    @Option(names = "--acm-certificate-arn", paramLabel = "ARN",
            description = "With --client policygen: an ACM certificate it re-imports. Repeatable.")
    List<String> acmCertificateArns = new ArrayList<>();

    @Option(names = "--acm-import-new", description = "With --client policygen: it imports new ACM certificates.")
    boolean acmImportNew;

    @Option(names = "--delete-old", description = "With --client policygen: it deletes replaced IAM server certificates.")
    boolean deleteOld;

    static ResourceOptions from(GenerateCommand c) {
        ResourceOptions options = new ResourceOptions();
        options.account = c.account;
        options.region = c.region;
        options.elbNames = c.elbNames;
        options.accountKey = c.accountKey;
        options.iamCertificatePrefixes = c.iamCertificatePrefixes;
        options.listenerArns = c.listenerArns;
        options.acmCertificateArns = c.acmCertificateArns;
        options.acmImportNew = c.acmImportNew;
        options.deleteOld = c.deleteOld;
        return options;
    }

    /** The first option given, for lint's complaint that it needs --client; null when none is. */
    String anyGiven() {
        return account != null ? "--aws-account" : region != null ? "--aws-region"
                : !elbNames.isEmpty() ? "--elb-name" : accountKey != null ? "--account-key"
                : !iamCertificatePrefixes.isEmpty() ? "--iam-certificate-prefix"
                : !listenerArns.isEmpty() ? "--listener-arn" : !acmCertificateArns.isEmpty() ? "--acm-certificate-arn"
                : acmImportNew ? "--acm-import-new" : deleteOld ? "--delete-old" : null;
    }

    void apply(GenerateRequest.Builder builder) throws UsageException {
        if (account != null) {
            builder.account(checked(account, Formats.ACCOUNT, "an account id is 12 digits"));
        }
        if (region != null) {
            builder.region(checked(region, Formats.REGION, "expected a region such as us-east-1"));
        }
        for (String name : elbNames) {
            builder.elbName(checked(name, Formats.ELB_NAME, "a classic load balancer name is 1 to 32 letters, digits and"
                    + " hyphens"));
        }
        if (accountKey != null) {
            var matcher = Formats.S3_URI.matcher(accountKey);
            if (matcher.matches()) {
                builder.accountKeyObject(matcher.group(1) + "/" + matcher.group(2));
            } else if (!accountKey.startsWith("file://")) {
                throw new UsageException(accountKey, "--account-key takes file://PATH or s3://BUCKET/KEY, not \""
                        + accountKey + "\"");
            }
        }
        for (String prefix : iamCertificatePrefixes) {
            builder.iamCertificatePrefix(checked(prefix, Formats.IAM_PREFIX, "a certificate name prefix is 1 to 100"
                    + " letters, digits and _+=,.@-"));
        }
        for (String arn : listenerArns) {
            builder.listenerArn(checked(arn, Formats.LISTENER_ARN,
                    "expected arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/..."));
        }
        for (String arn : acmCertificateArns) {
            builder.acmCertificateArn(checked(arn, Formats.ACM_ARN, "expected arn:aws:acm:REGION:ACCOUNT:certificate/..."));
        }
        if (acmImportNew) {
            builder.clientSetting(GenerateRequest.SETTING_ACM_IMPORT_NEW);
        }
        if (deleteOld) {
            builder.clientSetting(GenerateRequest.SETTING_DELETE_OLD);
        }
    }

    private static String checked(String value, Pattern pattern, String hint) throws UsageException {
        if (!pattern.matcher(value).matches()) {
            throw new UsageException(value, "invalid value \"" + value + "\": " + hint);
        }
        return value;
    }
}
