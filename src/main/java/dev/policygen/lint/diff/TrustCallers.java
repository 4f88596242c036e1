package dev.policygen.lint.diff;

import dev.policygen.InputException;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.chain.Caller;
import dev.policygen.eval.chain.LayeredPolicies;
import dev.policygen.identity.TrustPolicy;
import dev.policygen.model.PolicyReader;
import dev.policygen.route53.Arn;
import dev.policygen.route53.StsNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The caller a generated trust policy is written for, read back from that policy: the principal it
 * names and a request carrying exactly the values its conditions ask for, plus what the platform
 * sends besides (so a linted trust that also checks a documented key does not seem to refuse it).
 * Reading the caller from the generated document rather than from the options keeps it in step with
 * the runtime files: a new condition there is a new key here without a change.
 */
final class TrustCallers {
    /** Tag keys in a trust condition: {@code aws:RequestTag/NAME} is the session tag NAME. */
    static final String REQUEST_TAG = "aws:RequestTag/";
    /**
     * The session tags EKS Pod Identity sets on every session it assumes
     * (../shared/reference/identity-and-fleet.md 1.1, S16); the generated trust checks three of them.
     */
    private static final List<String> POD_IDENTITY_TAGS = List.of("eks-cluster-arn", "eks-cluster-name",
            "kubernetes-namespace", "kubernetes-service-account", "kubernetes-pod-name", "kubernetes-pod-uid");
    private static final String POD_NAME = "example-pod";
    private static final String POD_UID = "00000000-0000-4000-8000-000000000000";
    /**
     * A caller's own policy that allows assuming any role: the probes ask what the trust policy
     * admits, so the caller's side never refuses (a cross-account caller needs both sides).
     */
    private static final CompiledPolicy MAY_ASSUME_ANY_ROLE = allowAssume();

    private TrustCallers() {
    }

    /**
     * The caller of the trust's first statement (generate writes one). {@code account}: the account
     * the role is in, which a service acting for it names as {@code aws:SourceAccount}.
     */
    static TrustCaller intended(TrustPolicy trust, String account, String region) {
        TrustPolicy.Statement statement = trust.statements().get(0);
        String principal = statement.principals().get(0);
        Map<String, String> values = new LinkedHashMap<>();
        for (TrustPolicy.Condition condition : statement.conditions()) {
            values.put(condition.key(), sample(condition.operator(), condition.value(), principal, region));
        }
        switch (statement.principalType()) {
            case "Federated":
                return webIdentity(principal, values);
            case "Service":
                values.putIfAbsent(StsNames.KEY_SOURCE_ACCOUNT, account);
                return service(principal, values);
            default:
                return iamPrincipal(principal, values);
        }
    }

    /** A web identity of the provider ARN with these claims ({@code HOST:sub} and so on). */
    static TrustCaller webIdentity(String providerArn, Map<String, String> claims) {
        String host = StsNames.oidcProviderHost(providerArn).orElse("");
        List<String> shown = new ArrayList<>();
        claims.forEach((key, value) -> shown.add(key.startsWith(host + ":") ? key.substring(host.length() + 1) + " "
                + value : key + " " + value));
        return new TrustCaller(new Caller(providerArn, true, LayeredPolicies.identityOnly(List.of())),
                singles(claims), "web identity " + providerArn + with(shown));
    }

    /**
     * A service principal acting for an account ({@code aws:SourceAccount}); for EKS Pod Identity, with
     * every session tag it sets, each key of {@code values} naming a tag given its value.
     */
    static TrustCaller service(String service, Map<String, String> values) {
        List<ContextValue> context = new ArrayList<>(singles(values));
        List<String> shown = new ArrayList<>();
        values.forEach((key, value) -> shown.add(key + " " + value));
        if (service.equals(StsNames.EKS_POD_IDENTITY_SERVICE)) {
            context = podIdentityContext(values);
        }
        return new TrustCaller(new Caller(service, false, LayeredPolicies.identityOnly(List.of(MAY_ASSUME_ANY_ROLE))),
                context, "service " + service + with(shown));
    }

    /** An IAM role (or user) ARN, with the keys it sends such as {@code sts:ExternalId}. */
    static TrustCaller iamPrincipal(String arn, Map<String, String> values) {
        List<String> shown = new ArrayList<>();
        values.forEach((key, value) -> shown.add(key + " " + value));
        return new TrustCaller(new Caller(arn, false, LayeredPolicies.identityOnly(List.of(MAY_ASSUME_ANY_ROLE))),
                singles(values), arn + with(shown));
    }

    /** The tags the trust checks as given, the other tags EKS sets derived from them or sampled. */
    private static List<ContextValue> podIdentityContext(Map<String, String> values) {
        Map<String, String> tags = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.regionMatches(true, 0, REQUEST_TAG, 0, REQUEST_TAG.length())) {
                tags.put(key.substring(REQUEST_TAG.length()).toLowerCase(Locale.ROOT), value);
            }
        });
        Arn cluster = Arn.parse(tags.getOrDefault("eks-cluster-arn", ""));
        if (cluster != null && cluster.resource().startsWith("cluster/")) {
            tags.putIfAbsent("eks-cluster-name", cluster.resource().substring("cluster/".length()));
        }
        tags.putIfAbsent("kubernetes-pod-name", POD_NAME);
        tags.putIfAbsent("kubernetes-pod-uid", POD_UID);
        List<ContextValue> context = new ArrayList<>();
        values.forEach((key, value) -> {
            if (!key.regionMatches(true, 0, REQUEST_TAG, 0, REQUEST_TAG.length())) {
                context.add(ContextValue.single(key, value));
            }
        });
        List<String> keys = new ArrayList<>();
        for (String tag : POD_IDENTITY_TAGS) {
            Optional.ofNullable(tags.get(tag)).ifPresent(value -> {
                context.add(ContextValue.single(REQUEST_TAG + tag, value));
                keys.add(tag);
            });
        }
        context.add(ContextValue.multi("aws:TagKeys", keys));
        return context;
    }

    /**
     * A value that satisfies the condition: its own value, or for a pattern operator the pattern with
     * each {@code *} filled in: in an ARN, the region or account it leaves open, and a resource of the
     * kind the service names ({@link SampleArns#sourceResource}).
     */
    private static String sample(String operator, String value, String principal, String region) {
        if (!operator.endsWith("Like") || !value.contains("*")) {
            return value;
        }
        Arn arn = Arn.parse(value);
        if (arn == null) {
            return value.replace("*", SampleArns.ANY_NAME);
        }
        return new Arn(arn.partition(), arn.service(), arn.region().equals("*") ? region : arn.region(),
                arn.account(), arn.resource().equals("*") ? SampleArns.sourceResource(principal)
                        : arn.resource().replace("*", SampleArns.ANY_NAME)).toString();
    }

    private static List<ContextValue> singles(Map<String, String> values) {
        List<ContextValue> context = new ArrayList<>();
        values.forEach((key, value) -> context.add(ContextValue.single(key, value)));
        return context;
    }

    private static String with(List<String> shown) {
        return shown.isEmpty() ? "" : " with " + String.join(", ", shown);
    }

    private static CompiledPolicy allowAssume() {
        try {
            return CompiledPolicy.compile(PolicyReader.read("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
                    + " \"Allow\", \"Action\": \"sts:*\", \"Resource\": \"*\"}]}", "caller's policy"), 0,
                    "caller's policy");
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }
}
