package dev.policygen.observe;

import dev.policygen.generate.CallStatements;
import dev.policygen.identity.TrustPolicy;
import dev.policygen.model.PolicyDocument;
import dev.policygen.route53.StsNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The observed calls split by the identity that made them (its {@code aws:PrincipalArn}), each with
 * the least-privilege policy for its own calls and, for a role whose assumption was observed, the
 * trust policy that assumption needed. A client that assumes a role makes calls as two identities (the
 * workload's sts:AssumeRole, then the role's Route 53 calls), and one policy holding both would grant
 * the workload the zone and the role the assumption: neither is what IAM needs.
 */
public final class DerivedIdentities {
    private static final String OBSERVED = "observed by policygen observe";

    private DerivedIdentities() {
    }

    /**
     * One identity's derivation.
     *
     * @param principalArn the identity's ARN, or null for calls whose log line names none
     * @param trust present when an allowed assumption of this role was observed
     */
    public record Derived(String principalArn, PolicyDocument policy, Optional<TrustPolicy> trust) {
        /** The last part of the ARN (role or user name), for file names; "unknown" without one. */
        public String name() {
            if (principalArn == null) {
                return "unknown";
            }
            return principalArn.substring(principalArn.lastIndexOf('/') + 1);
        }
    }

    /** Identities in the order of their first call that IAM authorized; none without such a call. */
    public static List<Derived> of(Observation observation) {
        Map<String, List<CallStatements.Call>> grants = new LinkedHashMap<>();
        for (ObservedCall call : observation.calls()) {
            // a web identity has no policies of its own: its trust policy alone lets it assume a role
            if (call.authorizable() && !StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY.equals(call.action())) {
                grants.computeIfAbsent(call.principalArn(), key -> new ArrayList<>()).add(new CallStatements.Call(
                        call.action(), call.resource(), call.names(), call.types(), call.changeActions()));
            }
        }
        List<Derived> derived = new ArrayList<>();
        grants.forEach((principal, calls) -> derived.add(new Derived(principal,
                PolicyDocument.of(CallStatements.forCalls(calls)), trust(observation, principal))));
        return derived;
    }

    /**
     * The trust the allowed assumptions of {@code role} needed: sts:AssumeRole by exactly the callers
     * seen (with the external id they sent), sts:AssumeRoleWithWebIdentity by the token's issuer for
     * exactly the sub and aud seen.
     */
    static Optional<TrustPolicy> trust(Observation observation, String role) {
        if (role == null) {
            return Optional.empty();
        }
        Set<List<Object>> seen = new LinkedHashSet<>();
        List<TrustPolicy.Statement> statements = new ArrayList<>();
        for (ObservedCall call : observation.calls()) {
            if (call.status() != 200 || !role.equals(call.resource())) {
                continue;
            }
            TrustPolicy.Statement statement = null;
            if (StsNames.ASSUME_ROLE.equals(call.action()) && call.principalArn() != null) {
                List<TrustPolicy.Condition> conditions = new ArrayList<>();
                String externalId = call.context().get(StsNames.KEY_EXTERNAL_ID);
                if (externalId != null) {
                    conditions.add(condition(StsNames.KEY_EXTERNAL_ID, externalId));
                }
                statement = new TrustPolicy.Statement("ObservedAssumeRole", "AWS", List.of(call.principalArn()),
                        List.of(StsNames.ASSUME_ROLE), conditions);
            } else if (StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY.equals(call.action())) {
                statement = webIdentity(call, role);
            }
            if (statement != null && seen.add(List.of(statement.principals(), statement.actions(),
                    statement.conditions()))) {
                statements.add(statement);
            }
        }
        return statements.isEmpty() ? Optional.empty() : Optional.of(new TrustPolicy(statements));
    }

    private static TrustPolicy.Statement webIdentity(ObservedCall call, String role) {
        String subjectSuffix = ":" + StsNames.CLAIM_SUBJECT;
        for (Map.Entry<String, String> entry : call.context().entrySet()) {
            if (entry.getKey().endsWith(subjectSuffix)) {
                String host = entry.getKey().substring(0, entry.getKey().length() - subjectSuffix.length());
                List<TrustPolicy.Condition> conditions = new ArrayList<>();
                conditions.add(condition(entry.getKey(), entry.getValue()));
                String audience = call.context().get(host + ":" + StsNames.CLAIM_AUDIENCE);
                if (audience != null) {
                    conditions.add(condition(host + ":" + StsNames.CLAIM_AUDIENCE, audience));
                }
                // the provider lives in the role's account: arn:PARTITION:iam::ACCOUNT:oidc-provider/HOST
                String[] arn = role.split(":", 6);
                String provider = "arn:" + arn[1] + ":iam::" + arn[4] + ":oidc-provider/" + host;
                return new TrustPolicy.Statement("ObservedWebIdentity", "Federated", List.of(provider),
                        List.of(StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY), conditions);
            }
        }
        return null;
    }

    private static TrustPolicy.Condition condition(String key, String value) {
        return new TrustPolicy.Condition("StringEquals", key, value, OBSERVED, OBSERVED);
    }
}
