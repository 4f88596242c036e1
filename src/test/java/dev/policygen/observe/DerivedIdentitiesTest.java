package dev.policygen.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.identity.TrustPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * observe --derive with a client that assumes a role: the calls split by the identity that made them,
 * each identity's own least-privilege policy, and the trust its observed assumption needed (the
 * external id it sent; a web identity's issuer, sub and aud). One identity alone derives one policy.
 */
class DerivedIdentitiesTest {
    static final String WORKLOAD = "arn:aws:iam::111111111111:role/workload";
    static final String DNS = "arn:aws:iam::222222222222:role/acme-dns";
    static final String HOST = "oidc.sandbox.policygen.test/id/SANDBOX";

    private static ObservedCall call(String action, String resource, String principal, Map<String, String> context,
            int status) {
        return new ObservedCall("t", action, resource, List.of(), List.of(), List.of(), "allowed", List.of(), status,
                null, principal, context);
    }

    private static List<ObservedCall> chain(int assumeStatus) {
        return List.of(
                call("sts:AssumeRoleWithWebIdentity", WORKLOAD, null,
                        Map.of(HOST + ":sub", "system:serviceaccount:acme:lego", HOST + ":aud", "sts.amazonaws.com"),
                        200),
                call("sts:AssumeRole", DNS, WORKLOAD, Map.of("sts:ExternalId", "s3cret"), assumeStatus),
                call("route53:ListHostedZonesByName", "*", DNS, Map.of(), 200));
    }

    @Test
    void aRoleChainDerivesOnePolicyPerIdentityWithItsTrust() {
        List<DerivedIdentities.Derived> derived = DerivedIdentities.of(new Observation(chain(200)));
        assertEquals(2, derived.size(), derived.toString());
        DerivedIdentities.Derived workload = derived.get(0);
        assertEquals(WORKLOAD, workload.principalArn());
        assertEquals(List.of("sts:AssumeRole"), workload.policy().statements().get(0).actions().texts());
        assertEquals(List.of(DNS), workload.policy().statements().get(0).resources().texts());
        TrustPolicy.Statement federated = workload.trust().orElseThrow().statements().get(0);
        assertEquals("Federated", federated.principalType());
        assertEquals(List.of("arn:aws:iam::111111111111:oidc-provider/" + HOST), federated.principals());
        assertEquals(java.util.Set.of(HOST + ":sub", HOST + ":aud"), federated.conditions().stream()
                .map(TrustPolicy.Condition::key).collect(java.util.stream.Collectors.toSet()));

        DerivedIdentities.Derived dns = derived.get(1);
        assertEquals("acme-dns", dns.name());
        assertEquals(List.of("route53:ListHostedZonesByName"), dns.policy().statements().get(0).actions().texts());
        TrustPolicy.Statement role = dns.trust().orElseThrow().statements().get(0);
        assertEquals(List.of(WORKLOAD), role.principals());
        assertEquals("s3cret", role.conditions().get(0).value());
        assertEquals("sts:ExternalId", role.conditions().get(0).key());
    }

    @Test
    void aRefusedAssumptionDerivesNoTrust() {
        List<DerivedIdentities.Derived> derived = DerivedIdentities.of(new Observation(chain(403)));
        assertTrue(derived.get(1).trust().isEmpty(), derived.toString());
    }

    @Test
    void oneIdentityDerivesOnePolicyAndNoTrust() {
        List<DerivedIdentities.Derived> derived = DerivedIdentities.of(new Observation(List.of(
                call("route53:ListHostedZonesByName", "*", "arn:aws:iam::123456789012:user/ci", Map.of(), 200))));
        assertEquals(1, derived.size());
        assertTrue(derived.get(0).trust().isEmpty());
    }
}
