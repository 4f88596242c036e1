package dev.policygen.lint.diff;

import dev.policygen.UsageException;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.identity.Identity;
import dev.policygen.identity.RoleRequest;
import dev.policygen.identity.RuntimeProfile;
import dev.policygen.identity.Runtimes;
import dev.policygen.identity.TrustPolicies;
import dev.policygen.identity.TrustPolicy;
import dev.policygen.route53.Arn;
import dev.policygen.route53.StsNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The callers sent to a linted trust policy to find who else may assume the role (PG503; the page
 * docs/rules/PG503.md lists them). Most are the caller of a neighbouring request: the same
 * {@code --runtime} with one option changed (another service account, namespace, cluster,
 * repository, ref or environment, trusted role, a missing or other external id, another account),
 * each built by the same {@link TrustPolicies} generate uses, so a probe is what generate would
 * have admitted had the user asked for that neighbour. Besides: another audience, the principals of
 * the other runtimes' files (their services), IAM roles of this and another account, and a web
 * identity of another provider. {@link TrustDiff} drops every probe the generated trust itself
 * admits, so a trust that admits exactly what generate writes admits none of them.
 */
final class TrustProbes {
    /** The name every probe gives what it changes: a namespace, a repository, a role. */
    static final String PROBE = "policygen-probe";
    private static final String OTHER_ACCOUNT = "999988887777";
    /** An EKS issuer id (32 hex digits) that names no real cluster. */
    private static final String OTHER_CLUSTER_ID = "0000000000000000000000000000PR0B";
    /** The audience the AWS credentials action asks GitHub for, and EKS sets for IRSA (S9, S15, S18). */
    private static final String STS_AUDIENCE = "sts.amazonaws.com";
    /** An audience a token for another relying party carries (the Kubernetes API server's). */
    private static final String OTHER_AUDIENCE = "https://kubernetes.default.svc";

    private final GenerateRequest request;
    private final RoleRequest role;
    private final Identity identity;
    private final String partition;
    private final String account;
    private final String region;
    private final List<TrustProbe> probes = new ArrayList<>();

    private TrustProbes(GenerateRequest request, Identity identity) {
        this.request = request;
        this.role = request.role().orElseThrow();
        this.identity = identity;
        this.partition = request.partition().id();
        this.account = request.account().orElseThrow();
        this.region = request.region().orElse(SampleArns.REGION);
    }

    /** Every probe for the request's role, before those the generated trust admits are dropped. */
    static List<TrustProbe> of(GenerateRequest request, Identity identity) throws UsageException {
        TrustProbes built = new TrustProbes(request, identity);
        built.neighbours();
        built.otherAudience();
        built.otherPrincipals();
        return List.copyOf(built.probes);
    }

    private void neighbours() throws UsageException {
        Optional<String> serviceAccount = role.option("--service-account");
        if (serviceAccount.isPresent()) {
            changedEachPart("--service-account", serviceAccount.get(), "another service account of the namespace",
                    "another namespace");
        }
        Optional<String> issuer = role.option("--oidc-provider");
        if (issuer.isPresent()) {
            int id = issuer.get().lastIndexOf('/') + 1;
            changed("another cluster", "--oidc-provider",
                    issuer.get().substring(0, id) + other(issuer.get().substring(id), OTHER_CLUSTER_ID));
        }
        Optional<Arn> cluster = role.option("--cluster-arn").map(Arn::parse);
        if (cluster.isPresent()) {
            Arn arn = cluster.get();
            String name = arn.resource().substring("cluster/".length());
            changed("another cluster", "--cluster-arn",
                    new Arn(arn.partition(), arn.service(), arn.region(), arn.account(), "cluster/" + other(name)).toString());
        }
        Optional<String> repository = role.option("--repository");
        if (repository.isPresent()) {
            changedEachPart("--repository", repository.get(), "another repository of the owner",
                    "a repository of another owner");
            String ref = role.option("--ref").orElse("");
            Map<String, String> onBranch = options();
            onBranch.remove("--environment");
            onBranch.put("--ref", ref.equals("refs/heads/" + PROBE) ? "refs/heads/" + PROBE + "-2" : "refs/heads/" + PROBE);
            variant("another ref or environment", onBranch, account);
            onBranch.put("--ref", "refs/tags/" + PROBE);
            variant("another ref or environment", onBranch, account);
            Map<String, String> inEnvironment = options();
            inEnvironment.remove("--ref");
            inEnvironment.put("--environment", other(role.option("--environment").orElse("")));
            variant("another ref or environment", inEnvironment, account);
        }
        Optional<Arn> trusted = role.option("--trusted-role").map(Arn::parse);
        if (trusted.isPresent()) {
            Arn arn = trusted.get();
            String name = arn.resource().substring(arn.resource().lastIndexOf('/') + 1);
            changed("another role of the trusted role's account", "--trusted-role",
                    new Arn(arn.partition(), "iam", "", arn.account(), "role/" + other(name)).toString());
            changed("the trusted role's name in another account", "--trusted-role",
                    new Arn(arn.partition(), "iam", "", other(arn.account(), OTHER_ACCOUNT), arn.resource()).toString());
        }
        Optional<String> externalId = role.option("--external-id");
        if (externalId.isPresent()) {
            Map<String, String> without = options();
            without.remove("--external-id");
            variant("the trusted role without the external id", without, account);
            changed("the trusted role with another external id", "--external-id", other(externalId.get()));
        }
        String principalType = identity.trust().statements().get(0).principalType();
        if (!principalType.equals("AWS")) {
            variant(principalType.equals("Service") ? "the service acting for another account"
                    : "the same provider in another account", options(), other(account, OTHER_ACCOUNT));
        }
    }

    /** The intended web identity with another {@code aud}: a token meant for someone else. */
    private void otherAudience() {
        TrustPolicy trust = identity.trust();
        TrustPolicy.Statement statement = trust.statements().get(0);
        List<TrustPolicy.Condition> conditions = new ArrayList<>();
        boolean changed = false;
        for (TrustPolicy.Condition c : statement.conditions()) {
            boolean audience = c.key().endsWith(":" + StsNames.CLAIM_AUDIENCE);
            changed |= audience;
            conditions.add(audience ? new TrustPolicy.Condition(c.operator(), c.key(), OTHER_AUDIENCE, c.why(),
                    c.source()) : c);
        }
        if (changed) {
            TrustPolicy other = new TrustPolicy(List.of(new TrustPolicy.Statement(statement.sid(),
                    statement.principalType(), statement.principals(), statement.actions(), conditions)));
            probes.add(new TrustProbe(TrustCallers.intended(other, account, region), "another audience"));
        }
    }

    /** Principals of another kind: the other runtimes' services, IAM roles, other web identity providers. */
    private void otherPrincipals() {
        String intended = identity.trust().statements().get(0).principals().get(0);
        for (RuntimeProfile runtime : Runtimes.all()) {
            Optional<RuntimeProfile.TrustTemplate> trust = runtime.trust();
            if (trust.isPresent() && trust.get().principalType().equals("Service")
                    && !trust.get().principal().equals(intended)) {
                probes.add(new TrustProbe(TrustCallers.service(trust.get().principal(),
                        Map.of(StsNames.KEY_SOURCE_ACCOUNT, account)), "another service principal"));
            }
        }
        String iam = "arn:" + partition + ":iam::";
        probes.add(new TrustProbe(TrustCallers.iamPrincipal(iam + account + ":role/" + PROBE, Map.of()),
                "another IAM role of the role's account"));
        probes.add(new TrustProbe(TrustCallers.iamPrincipal(iam + other(account, OTHER_ACCOUNT) + ":role/" + PROBE,
                Map.of()), "an IAM role of another account"));
        // the intended provider's own other subjects are the neighbours' probes, under their own kinds
        String github = StsNames.GITHUB_OIDC_HOST;
        if (!intended.endsWith("/" + github)) {
            probes.add(new TrustProbe(TrustCallers.webIdentity(iam + account + ":" + StsNames.OIDC_PROVIDER_RESOURCE
                    + github, claims(github, StsNames.GITHUB_SUBJECT_PREFIX + PROBE + "/" + PROBE + ":ref:refs/heads/main")),
                    "a web identity of another provider"));
        }
        String eks = StsNames.EKS_OIDC_HOST_PREFIX + region + ".amazonaws.com/id/" + OTHER_CLUSTER_ID;
        if (!intended.endsWith("/" + eks)) {
            probes.add(new TrustProbe(TrustCallers.webIdentity(iam + account + ":" + StsNames.OIDC_PROVIDER_RESOURCE
                    + eks, claims(eks, StsNames.EKS_SUBJECT_PREFIX + PROBE + ":" + PROBE)),
                    "a web identity of another provider"));
        }
    }

    private static Map<String, String> claims(String host, String subject) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put(host + ":" + StsNames.CLAIM_SUBJECT, subject);
        claims.put(host + ":" + StsNames.CLAIM_AUDIENCE, STS_AUDIENCE);
        return claims;
    }

    /** The request's runtime options, to change one. */
    private Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : RoleRequest.RUNTIME_OPTIONS) {
            role.option(option).ifPresent(value -> options.put(option, value));
        }
        return options;
    }

    private void changed(String kind, String option, String value) throws UsageException {
        Map<String, String> options = options();
        options.put(option, value);
        variant(kind, options, account);
    }

    /**
     * For an OWNER/NAME value of {@code option} (a namespace/service account, an owner/repository): the intended
     * caller with another NAME under the same OWNER, and with the same NAME under another OWNER.
     */
    private void changedEachPart(String option, String value, String otherName, String otherOwner)
            throws UsageException {
        int slash = value.indexOf('/');
        String owner = value.substring(0, slash);
        String name = value.substring(slash + 1);
        changed(otherName, option, owner + "/" + other(name));
        changed(otherOwner, option, other(owner) + "/" + name);
    }

    /** The intended caller of the same runtime with these options, in {@code inAccount}. */
    private void variant(String kind, Map<String, String> options, String inAccount) throws UsageException {
        RoleRequest neighbour = RoleRequest.parse(role.runtime().runtime(), null, options);
        Identity built = TrustPolicies.identity(neighbour, request.profile().client(), partition, inAccount,
                request.region());
        probes.add(new TrustProbe(TrustCallers.intended(built.trust(), inAccount, region), kind));
    }

    /** {@link #PROBE}, or another name when the given one is the probe's. */
    private static String other(String given) {
        return other(given, PROBE);
    }

    private static String other(String given, String probe) {
        return given.equals(probe) ? probe.substring(0, probe.length() - 1) + (probe.endsWith("1") ? "2" : "1") : probe;
    }
}
