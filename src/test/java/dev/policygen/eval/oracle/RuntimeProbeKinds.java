package dev.policygen.eval.oracle;

import static dev.policygen.eval.oracle.ChainCase.CallerKind.IAM;
import static dev.policygen.eval.oracle.ChainCase.CallerKind.SERVICE;
import static dev.policygen.eval.oracle.ChainCase.CallerKind.WEB_IDENTITY;

import dev.policygen.UsageException;
import dev.policygen.eval.ContextValue;
import dev.policygen.route53.StsNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * The identity kinds {@code generate --runtime} writes, each as a generator of random valid requests
 * with their probes ({@link RoleProbes}). One entry of {@link #ALL} per kind; the DNS-account role of
 * {@code --dns-account} ({@link DnsAccountProbes}) is one more entry.
 */
final class RuntimeProbeKinds {
    /** One identity kind: its name and a random request of it with its callers. */
    interface Kind {
        String name();

        RoleProbes next(Random random) throws UsageException;
    }

    private static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-southeast-2"};
    private static final String[] ACCOUNTS = {"111122223333", "222233334444", "444455556666"};
    private static final String[] NAMESPACES = {"cert-manager", "kube-system", "acme", "dns-01"};
    private static final String[] NAMES = {"cert-manager", "external-dns", "lego", "traefik"};
    private static final String[] OWNERS = {"octo", "example-org", "acme-corp"};
    private static final String[] REPOSITORIES = {"dns", "infra", "site.example"};
    private static final String[] BRANCHES = {"main", "release/1.2", "prod"};
    private static final String AUDIENCE = "sts.amazonaws.com";

    static final List<Kind> ALL = List.of(
            kind("ec2", RuntimeProbeKinds::ec2),
            kind("ecs-task", RuntimeProbeKinds::ecsTask),
            kind("lambda", RuntimeProbeKinds::lambda),
            kind("eks-irsa", RuntimeProbeKinds::eksIrsa),
            kind("eks-pod-identity", RuntimeProbeKinds::eksPodIdentity),
            kind("github-actions", RuntimeProbeKinds::githubActions),
            kind("role", r -> role(r, false)),
            kind("role-with-external-id", r -> role(r, true)),
            kind("dns-account", DnsAccountProbes::next));

    private interface Maker {
        RoleProbes make(Random random) throws UsageException;
    }

    private RuntimeProbeKinds() {
    }

    private static Kind kind(String name, Maker maker) {
        return new Kind() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RoleProbes next(Random random) throws UsageException {
                return maker.make(random);
            }
        };
    }

    private static RoleProbes ec2(Random r) throws UsageException {
        String account = pick(r, ACCOUNTS);
        return RoleProbes.of("ec2", Map.of(), account, Optional.empty(), new RoleProbes.Builder()
                .admitted("ec2.amazonaws.com", SERVICE, "ec2.amazonaws.com", List.of())
                .denied("another service (lambda)", SERVICE, "lambda.amazonaws.com", List.of())
                .denied("a role of the same account", IAM, "arn:aws:iam::" + account + ":role/other", List.of())
                .build());
    }

    private static RoleProbes ecsTask(Random r) throws UsageException {
        String account = pick(r, ACCOUNTS);
        Optional<String> region = r.nextBoolean() ? Optional.of(pick(r, REGIONS)) : Optional.empty();
        String taskRegion = region.orElse(pick(r, REGIONS));
        String other = otherThan(r, ACCOUNTS, account);
        String service = "ecs-tasks.amazonaws.com";
        RoleProbes.Builder probes = new RoleProbes.Builder()
                .admitted("an ECS task of the account", SERVICE, service, source(account, ecsTask(taskRegion, account)))
                .denied("an ECS task of another account", SERVICE, service, source(other, ecsTask(taskRegion, other)))
                .denied("the right SourceArn, another SourceAccount", SERVICE, service,
                        source(other, ecsTask(taskRegion, account)))
                .denied("no SourceAccount or SourceArn", SERVICE, service, List.of())
                .denied("another service (lambda) of the account", SERVICE, "lambda.amazonaws.com",
                        source(account, "arn:aws:lambda:" + taskRegion + ":" + account + ":function:f"));
        if (region.isPresent()) {
            String otherRegion = otherThan(r, REGIONS, region.get());
            probes.denied("an ECS task of the account in another region", SERVICE, service,
                    source(account, ecsTask(otherRegion, account)));
        }
        return RoleProbes.of("ecs-task", Map.of(), account, region, probes.build());
    }

    private static RoleProbes lambda(Random r) throws UsageException {
        String account = pick(r, ACCOUNTS);
        String other = otherThan(r, ACCOUNTS, account);
        String service = "lambda.amazonaws.com";
        return RoleProbes.of("lambda", Map.of(), account, Optional.empty(), new RoleProbes.Builder()
                .admitted("Lambda for the account", SERVICE, service, sourceAccount(account))
                .denied("Lambda for another account", SERVICE, service, sourceAccount(other))
                .denied("Lambda without SourceAccount", SERVICE, service, List.of())
                .denied("another service (ecs-tasks)", SERVICE, "ecs-tasks.amazonaws.com", sourceAccount(account))
                .build());
    }

    private static RoleProbes eksIrsa(Random r) throws UsageException {
        String account = pick(r, ACCOUNTS);
        String issuer = "oidc.eks." + pick(r, REGIONS) + ".amazonaws.com/id/" + hex(r);
        String namespace = pick(r, NAMESPACES);
        String name = pick(r, NAMES);
        String provider = "arn:aws:iam::" + account + ":oidc-provider/" + issuer;
        String otherIssuer = "oidc.eks." + pick(r, REGIONS) + ".amazonaws.com/id/" + hex(r);
        return RoleProbes.of("eks-irsa", Map.of("--oidc-provider", issuer, "--service-account", namespace + "/" + name),
                account, Optional.empty(), new RoleProbes.Builder()
                        .admitted("the service account", WEB_IDENTITY, provider, claims(issuer, sa(namespace, name), AUDIENCE))
                        .denied("another service account", WEB_IDENTITY, provider,
                                claims(issuer, sa(namespace, otherThan(r, NAMES, name)), AUDIENCE))
                        .denied("the name in another namespace", WEB_IDENTITY, provider,
                                claims(issuer, sa(otherThan(r, NAMESPACES, namespace), name), AUDIENCE))
                        .denied("a wrong audience", WEB_IDENTITY, provider, claims(issuer, sa(namespace, name),
                                "https://kubernetes.default.svc"))
                        .denied("no sub claim", WEB_IDENTITY, provider, List.of(single(issuer + ":aud", AUDIENCE)))
                        .denied("another cluster's issuer", WEB_IDENTITY, "arn:aws:iam::" + account + ":oidc-provider/"
                                + otherIssuer, claims(otherIssuer, sa(namespace, name), AUDIENCE))
                        .build());
    }

    private static RoleProbes eksPodIdentity(Random r) throws UsageException {
        String account = pick(r, ACCOUNTS);
        String region = pick(r, REGIONS);
        String cluster = "arn:aws:eks:" + region + ":" + account + ":cluster/" + pick(r, new String[] {"prod", "dev-1"});
        String otherCluster = "arn:aws:eks:" + region + ":" + account + ":cluster/other";
        String namespace = pick(r, NAMESPACES);
        String name = pick(r, NAMES);
        String service = StsNames.EKS_POD_IDENTITY_SERVICE;
        return RoleProbes.of("eks-pod-identity", Map.of("--cluster-arn", cluster, "--service-account",
                namespace + "/" + name), account, Optional.empty(), new RoleProbes.Builder()
                        .admitted("the pod's service account", SERVICE, service, podTags(cluster, namespace, name))
                        .denied("another service account", SERVICE, service,
                                podTags(cluster, namespace, otherThan(r, NAMES, name)))
                        .denied("another namespace", SERVICE, service,
                                podTags(cluster, otherThan(r, NAMESPACES, namespace), name))
                        .denied("another cluster", SERVICE, service, podTags(otherCluster, namespace, name))
                        .denied("no session tags", SERVICE, service, List.of())
                        .denied("another service with the tags", SERVICE, "ecs-tasks.amazonaws.com",
                                podTags(cluster, namespace, name))
                        .build());
    }

    private static RoleProbes githubActions(Random r) throws UsageException {
        String account = pick(r, ACCOUNTS);
        String owner = pick(r, OWNERS);
        String repository = owner + "/" + pick(r, REPOSITORIES);
        boolean environment = r.nextBoolean();
        String branch = pick(r, BRANCHES);
        String env = pick(r, new String[] {"prod", "staging"});
        Map<String, String> options = new TreeMap<>(Map.of("--repository", repository));
        options.put(environment ? "--environment" : "--ref", environment ? env : branch);
        String host = StsNames.GITHUB_OIDC_HOST;
        String provider = "arn:aws:iam::" + account + ":oidc-provider/" + host;
        String subject = "repo:" + repository + (environment ? ":environment:" + env : ":ref:refs/heads/" + branch);
        String otherRepository = owner + "/" + pick(r, new String[] {"web", "dns-fork"});
        return RoleProbes.of("github-actions", options, account, Optional.empty(), new RoleProbes.Builder()
                .admitted("the repository's workflow", WEB_IDENTITY, provider, claims(host, subject, AUDIENCE))
                .denied("another repository of the owner", WEB_IDENTITY, provider,
                        claims(host, subject.replace(repository, otherRepository), AUDIENCE))
                .denied(environment ? "another environment" : "another ref", WEB_IDENTITY, provider, claims(host,
                        environment ? "repo:" + repository + ":environment:dev"
                                : "repo:" + repository + ":ref:refs/heads/feature", AUDIENCE))
                .denied("a pull request", WEB_IDENTITY, provider, claims(host, "repo:" + repository + ":pull_request",
                        AUDIENCE))
                .denied("GitHub's default audience", WEB_IDENTITY, provider, claims(host, subject,
                        "https://github.com/" + owner))
                .denied("another account's GitHub provider", WEB_IDENTITY, "arn:aws:iam::"
                        + otherThan(r, ACCOUNTS, account) + ":oidc-provider/" + host, claims(host, subject, AUDIENCE))
                .build());
    }

    private static RoleProbes role(Random r, boolean externalId) throws UsageException {
        String account = pick(r, ACCOUNTS);
        String trustedAccount = r.nextBoolean() ? account : otherThan(r, ACCOUNTS, account);
        String trusted = "arn:aws:iam::" + trustedAccount + ":role/" + pick(r, new String[] {"traefik", "ci/deployer"});
        String id = "ext-" + Long.toHexString(r.nextLong() & 0xffffffffL);
        Map<String, String> options = new TreeMap<>(Map.of("--trusted-role", trusted));
        List<ContextValue> right = new ArrayList<>();
        if (externalId) {
            options.put("--external-id", id);
            right.add(single(StsNames.KEY_EXTERNAL_ID, id));
        }
        RoleProbes.Builder probes = new RoleProbes.Builder()
                .admitted("the trusted role", IAM, trusted, right)
                .denied("another role of its account", IAM, "arn:aws:iam::" + trustedAccount + ":role/other", right)
                .denied("a user of its account", IAM, "arn:aws:iam::" + trustedAccount + ":user/alice", right)
                .denied("the same role name in another account", IAM, trusted.replace(trustedAccount,
                        otherThan(r, ACCOUNTS, trustedAccount)), right);
        if (externalId) {
            probes.denied("the trusted role without the external id", IAM, trusted, List.of())
                    .denied("the trusted role with a wrong external id", IAM, trusted,
                            List.of(single(StsNames.KEY_EXTERNAL_ID, id + "x")));
        }
        return RoleProbes.of("role", options, account, Optional.empty(), probes.build());
    }

    private static String ecsTask(String region, String account) {
        return "arn:aws:ecs:" + region + ":" + account + ":task/prod/0123456789abcdef";
    }

    private static List<ContextValue> source(String account, String arn) {
        return List.of(single(StsNames.KEY_SOURCE_ACCOUNT, account), single(StsNames.KEY_SOURCE_ARN, arn));
    }

    private static List<ContextValue> sourceAccount(String account) {
        return List.of(single(StsNames.KEY_SOURCE_ACCOUNT, account));
    }

    private static List<ContextValue> claims(String host, String sub, String aud) {
        return List.of(single(host + ":sub", sub), single(host + ":aud", aud));
    }

    /** The session tags EKS Pod Identity sends (reference identity-and-fleet 1.1, S16). */
    private static List<ContextValue> podTags(String cluster, String namespace, String name) {
        return TrustChainGenerator.tags(List.of(new String[] {"eks-cluster-arn", cluster},
                new String[] {"eks-cluster-name", cluster.substring(cluster.lastIndexOf('/') + 1)},
                new String[] {"kubernetes-namespace", namespace}, new String[] {"kubernetes-service-account", name},
                new String[] {"kubernetes-pod-name", name + "-7d4b9c"}, new String[] {"kubernetes-pod-uid",
                        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"}));
    }

    private static String sa(String namespace, String name) {
        return StsNames.EKS_SUBJECT_PREFIX + namespace + ":" + name;
    }

    private static ContextValue single(String key, String value) {
        return ContextValue.single(key, value);
    }

    private static String hex(Random r) {
        return String.format("%016X%016X", r.nextLong(), r.nextLong());
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String otherThan(Random r, String[] values, String not) {
        String value;
        do {
            value = pick(r, values);
        } while (value.equals(not));
        return value;
    }
}
