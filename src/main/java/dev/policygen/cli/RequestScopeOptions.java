package dev.policygen.cli;

import dev.policygen.generate.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The generate options that say what a client is granted (its zones and names, how it finds them, the
 * resources beyond Route 53 it touches, and the role it runs as: {@code --runtime} and its options),
 * declared once for generate and for lint's {@code --client} comparison, which mix them in. Each command keeps its own {@code --client}: generate requires it,
 * lint's switches the comparison on. The help text here is generate's; lint words the same options
 * "With --client: ..." through its resource bundle ({@code LintHelp.properties}, keyed by each option's
 * {@code descriptionKey}, and the {@code .label} keys for the parameter labels it spells differently).
 * The values go to {@link RequestOptions} unchecked: its builder checks them.
 */
final class RequestScopeOptions {
    @Option(names = "--zone", paramLabel = "${bundle:scope.zone.label:-ZONE}", descriptionKey = "scope.zone",
            description = "Hosted zone id (Z... or /hostedzone/Z...), or NAME=ZONEID to match domains by suffix. "
                    + "Repeatable.")
    List<String> zones = new ArrayList<>();

    @Option(names = "--domain", paramLabel = "${bundle:scope.domain.label:-DOMAIN[=ZONEID]}",
            descriptionKey = "scope.domain",
            description = "Name on the certificate (*.name for a wildcard); =ZONEID maps it to a zone. Repeatable.")
    List<String> domains = new ArrayList<>();

    @Option(names = "--zone-id-configured", descriptionKey = "scope.zone-id-configured",
            description = "The client is given the zone id (lego AWS_HOSTED_ZONE_ID, cert-manager hostedZoneID, "
                    + "Caddy hosted_zone_id): drop zone-discovery calls.")
    boolean zoneIdConfigured;

    @Option(names = "--challenge-alias", paramLabel = "DOMAIN=ALIAS[=ZONEID]", descriptionKey = "scope.challenge-alias",
            description = "_acme-challenge.DOMAIN is a CNAME to _acme-challenge.ALIAS: grant that name in the "
                    + "validation zone instead. Repeatable.")
    List<String> challengeAliases = new ArrayList<>();

    @Option(names = "--challenge-cname", paramLabel = "DOMAIN=RECORD[=ZONEID]", descriptionKey = "scope.challenge-cname",
            description = "_acme-challenge.DOMAIN is a CNAME to exactly RECORD: grant RECORD instead. Repeatable.")
    List<String> challengeCnames = new ArrayList<>();

    /** Null when not given (the request's default is aws), so lint can tell it was given without --client. */
    @Option(names = "--partition", paramLabel = "PARTITION", descriptionKey = "scope.partition",
            description = "aws, aws-cn or aws-us-gov; changes every ARN. Default: aws.")
    String partition;

    @Option(names = "--with", paramLabel = "SETTING", descriptionKey = "scope.with",
            description = "A client setting that adds calls, e.g. caddy's wait_for_route53_sync. Repeatable.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--aws-account", paramLabel = "ACCOUNT_ID", descriptionKey = "scope.aws-account",
            description = "Account id for ARNs of calls beyond Route 53 (IAM, ELB and ACM calls of letsencrypt-aws "
                    + "and policygen); * when not given.")
    String account;

    @Option(names = "--aws-region", paramLabel = "REGION", descriptionKey = "scope.aws-region",
            description = "Region for ARNs of regional calls beyond Route 53 (ELB and ACM); * when not given.")
    String region;

    @Option(names = "--elb-name", paramLabel = "NAME", descriptionKey = "scope.elb-name",
            description = "Classic load balancer whose listener the client updates (letsencrypt-aws, policygen). "
                    + "Repeatable.")
    List<String> elbNames = new ArrayList<>();

    @Option(names = "--account-key", paramLabel = "URI", descriptionKey = "scope.account-key",
            description = "ACME account key location; an s3://BUCKET/KEY URI grants s3:GetObject on that object.")
    String accountKey;

    @Option(names = "--state", paramLabel = "s3://BUCKET/PREFIX", descriptionKey = "scope.state",
            description = "renew's shared state (its --state-dir s3://BUCKET/PREFIX): grants s3:GetObject, "
                    + "s3:PutObject and s3:DeleteObject on the objects under that prefix only.")
    String state;

    @Option(names = "--iam-certificate-prefix", paramLabel = "PREFIX", descriptionKey = "scope.iam-certificate-prefix",
            description = "Name prefix of the IAM server certificates the client uploads as PREFIX-<date> "
                    + "(policygen's iam-server-certificate destination). Repeatable.")
    List<String> iamCertificatePrefixes = new ArrayList<>();

    @Option(names = "--listener-arn", paramLabel = "ARN", descriptionKey = "scope.listener-arn",
            description = "ELBv2 listener whose default certificate the client replaces (policygen's elbv2 "
                    + "destination). Repeatable.")
    List<String> listenerArns = new ArrayList<>();

    @Option(names = "--acm-certificate-arn", paramLabel = "ARN", descriptionKey = "scope.acm-certificate-arn",
            description = "ACM certificate the client re-imports (policygen's acm destination with a "
                    + "certificateArn). Repeatable.")
    List<String> acmCertificateArns = new ArrayList<>();

    @Option(names = "--notify-topic", paramLabel = "ARN", descriptionKey = "scope.notify-topic",
            description = "SNS topic the client publishes its notifications to (policygen renew --notify "
                    + "sns:ARN): sns:Publish on exactly that topic. Repeatable.")
    List<String> notifyTopicArns = new ArrayList<>();

    @Option(names = "--acm-import-new", descriptionKey = "scope.acm-import-new",
            description = "The client imports new ACM certificates (an acm destination without certificateArn): "
                    + "grants certificate/* in the region.")
    boolean acmImportNew;

    @Option(names = "--delete-old", descriptionKey = "scope.delete-old",
            description = "The client deletes replaced IAM server certificates (policygen renew --delete-old).")
    boolean deleteOld;

    @Option(names = "--runtime", paramLabel = "KIND", descriptionKey = "scope.runtime",
            description = "Also write the role that runs the client and its trust policy: user (default: no role), "
                    + "ec2, ecs-task, lambda, eks-irsa, eks-pod-identity, github-actions or role. Needs --aws-account. "
                    + "List them with 'policygen runtimes'.")
    String runtime;

    @Option(names = "--role-name", paramLabel = "NAME", descriptionKey = "scope.role-name",
            description = "Name of the role (1 to 64 of IAM's name characters). Default: CLIENT-dns01-KIND.")
    String roleName;

    @Option(names = "--oidc-provider", paramLabel = "HOST/id/ID", descriptionKey = "scope.oidc-provider",
            description = "eks-irsa: the cluster's OIDC issuer without https://.")
    String oidcProvider;

    @Option(names = "--service-account", paramLabel = "NAMESPACE/NAME", descriptionKey = "scope.service-account",
            description = "eks-irsa, eks-pod-identity: the Kubernetes service account the client runs as.")
    String serviceAccount;

    @Option(names = "--cluster-arn", paramLabel = "ARN", descriptionKey = "scope.cluster-arn",
            description = "eks-pod-identity: the EKS cluster's ARN.")
    String clusterArn;

    @Option(names = "--repository", paramLabel = "OWNER/REPO", descriptionKey = "scope.repository",
            description = "github-actions: the repository whose workflows may assume the role.")
    String repository;

    @Option(names = "--ref", paramLabel = "REF", descriptionKey = "scope.ref",
            description = "github-actions: refs/heads/BRANCH, refs/tags/TAG, or a branch name (refs/heads/NAME).")
    String ref;

    @Option(names = "--environment", paramLabel = "NAME", descriptionKey = "scope.environment",
            description = "github-actions: the GitHub environment the job references (instead of --ref).")
    String environment;

    @Option(names = "--trusted-role", paramLabel = "ARN", descriptionKey = "scope.trusted-role",
            description = "role: the ARN of exactly the role that may assume this one.")
    String trustedRole;

    @Option(names = "--external-id", paramLabel = "ID", descriptionKey = "scope.external-id",
            description = "role: the sts:ExternalId the trusted role must send (2 to 1224 characters). With "
                    + "--dns-account: the sts:ExternalId the DNS role requires and the client sends (not with "
                    + "--runtime role, where it would be ambiguous).")
    String externalId;

    /** The first option given, for lint's complaint that it needs --client; null when none is. */
    String anyGiven() {
        return !zones.isEmpty() ? "--zone" : !domains.isEmpty() ? "--domain"
                : zoneIdConfigured ? "--zone-id-configured" : !challengeAliases.isEmpty() ? "--challenge-alias"
                : !challengeCnames.isEmpty() ? "--challenge-cname" : partition != null ? "--partition"
                : !settings.isEmpty() ? "--with" : account != null ? "--aws-account" : region != null ? "--aws-region"
                : !elbNames.isEmpty() ? "--elb-name" : accountKey != null ? "--account-key"
                : state != null ? "--state"
                : !iamCertificatePrefixes.isEmpty() ? "--iam-certificate-prefix"
                : !listenerArns.isEmpty() ? "--listener-arn" : !acmCertificateArns.isEmpty() ? "--acm-certificate-arn"
                : !notifyTopicArns.isEmpty() ? "--notify-topic"
                : acmImportNew ? "--acm-import-new" : deleteOld ? "--delete-old" : runtime != null ? "--runtime"
                : roleName != null ? "--role-name" : oidcProvider != null ? "--oidc-provider"
                : serviceAccount != null ? "--service-account" : clusterArn != null ? "--cluster-arn"
                : repository != null ? "--repository" : ref != null ? "--ref" : environment != null ? "--environment"
                : trustedRole != null ? "--trusted-role" : externalId != null ? "--external-id" : null;
    }

    /** The binder for {@code client} with these values handed over as given. */
    RequestOptions requestOptions(String client) {
        return new RequestOptions(client)
                .partition(partition)
                .zoneIdConfigured(zoneIdConfigured)
                .zones(zones)
                .domains(domains)
                .challengeAliases(challengeAliases)
                .challengeCnames(challengeCnames)
                .settings(settings)
                .account(account)
                .region(region)
                .elbNames(elbNames)
                .accountKey(accountKey)
                .state(state)
                .iamCertificatePrefixes(iamCertificatePrefixes)
                .listenerArns(listenerArns)
                .acmCertificateArns(acmCertificateArns)
                .notifyTopicArns(notifyTopicArns)
                .acmImportNew(acmImportNew)
                .deleteOld(deleteOld)
                .runtime(runtime)
                .roleName(roleName)
                .runtimeOption("--oidc-provider", oidcProvider)
                .runtimeOption("--service-account", serviceAccount)
                .runtimeOption("--cluster-arn", clusterArn)
                .runtimeOption("--repository", repository)
                .runtimeOption("--ref", ref)
                .runtimeOption("--environment", environment)
                .runtimeOption("--trusted-role", trustedRole)
                .runtimeOption("--external-id", externalId);
    }
}
