package dev.policygen.eval.oracle;

import dev.policygen.UsageException;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.oracle.ChainCase.CallerKind;
import dev.policygen.identity.Identity;
import dev.policygen.identity.RoleRequest;
import dev.policygen.identity.TrustPolicies;
import dev.policygen.json.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One generated role and the callers to try against its trust policy: the intended one, which must be
 * allowed, and near misses (another sub, repository, ref, account, role, external id, audience, ...),
 * which must be denied. Built from a {@code --runtime} request through the identity package, exactly
 * as {@code policygen generate --runtime} and {@code policygen trust} build it.
 */
record RoleProbes(String request, String roleArn, Identity identity, List<Probe> probes) {

    /**
     * One caller: what it is, what it sends, whether the role must admit it, and an IAM caller's own identity
     * policies: empty for {@code sts:AssumeRole} and {@code sts:TagSession} on the role (the trust alone
     * decides), or the policies given, such as the generated workload policy of the DNS-account role's caller.
     */
    record Probe(String who, boolean admitted, CallerKind kind, String callerArn, List<ContextValue> sent,
            Optional<List<JsonNode>> callerPolicies) {
    }

    /**
     * The role generate writes for {@code --runtime runtime} with {@code options} in {@code account}.
     *
     * @param region {@code --aws-region}, or empty for any region
     */
    static RoleProbes of(String runtime, Map<String, String> options, String account, Optional<String> region,
            List<Probe> probes) throws UsageException {
        RoleRequest request = RoleRequest.parse(runtime, null, options);
        request.checkAgainst("aws", Optional.of(account));
        Identity identity = TrustPolicies.identity(request, "lego", "aws", account, region);
        return new RoleProbes(request + region.map(r -> " --aws-region " + r).orElse("") + " --aws-account "
                + account, "arn:aws:iam::" + account + ":role/" + identity.roleName(), identity, List.copyOf(probes));
    }

    /** A probe list builder, intended caller first. */
    static final class Builder {
        private final List<Probe> probes = new ArrayList<>();

        Builder admitted(String who, CallerKind kind, String callerArn, List<ContextValue> sent) {
            probes.add(new Probe(who, true, kind, callerArn, sent, Optional.empty()));
            return this;
        }

        Builder denied(String who, CallerKind kind, String callerArn, List<ContextValue> sent) {
            probes.add(new Probe(who, false, kind, callerArn, sent, Optional.empty()));
            return this;
        }

        /** An IAM caller with its own identity policies, which must allow its side of the assumption too. */
        Builder admitted(String who, String callerArn, List<ContextValue> sent, List<JsonNode> callerPolicies) {
            probes.add(new Probe(who, true, CallerKind.IAM, callerArn, sent, Optional.of(List.copyOf(callerPolicies))));
            return this;
        }

        /** An IAM caller with its own identity policies that must be denied. */
        Builder denied(String who, String callerArn, List<ContextValue> sent, List<JsonNode> callerPolicies) {
            probes.add(new Probe(who, false, CallerKind.IAM, callerArn, sent, Optional.of(List.copyOf(callerPolicies))));
            return this;
        }

        List<Probe> build() {
            return List.copyOf(probes);
        }
    }
}
