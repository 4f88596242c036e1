package dev.policygen.cli;

import dev.policygen.generate.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * lint's options that scope calls beyond Route 53 (accounts, regions, load balancers, certificates,
 * the account key), so a policy can be compared with what generate would write for the same line.
 * generate declares its own copies, because its picocli-free fast path binds its fields by name;
 * both hand the values to {@link RequestOptions}, whose builder checks them.
 */
final class ResourceOptions {
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

    /** The first option given, for lint's complaint that it needs --client; null when none is. */
    String anyGiven() {
        return account != null ? "--aws-account" : region != null ? "--aws-region"
                : !elbNames.isEmpty() ? "--elb-name" : accountKey != null ? "--account-key"
                : !iamCertificatePrefixes.isEmpty() ? "--iam-certificate-prefix"
                : !listenerArns.isEmpty() ? "--listener-arn" : !acmCertificateArns.isEmpty() ? "--acm-certificate-arn"
                : acmImportNew ? "--acm-import-new" : deleteOld ? "--delete-old" : null;
    }

    /** Hands the values over as given; the request's builder checks them. */
    void copyTo(RequestOptions options) {
        options.account(account)
                .region(region)
                .elbNames(elbNames)
                .accountKey(accountKey)
                .iamCertificatePrefixes(iamCertificatePrefixes)
                .listenerArns(listenerArns)
                .acmCertificateArns(acmCertificateArns)
                .acmImportNew(acmImportNew)
                .deleteOld(deleteOld);
    }
}
