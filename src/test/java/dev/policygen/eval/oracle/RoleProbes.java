package dev.policygen.eval.oracle;

import dev.policygen.UsageException;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.oracle.ChainCase.CallerKind;
import dev.policygen.identity.Identity;
import dev.policygen.identity.RoleRequest;
import dev.policygen.identity.TrustPolicies;
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

    /** One caller: what it is, what it sends, and whether the trust must admit it. */
    record Probe(String who, boolean admitted, CallerKind kind, String callerArn, List<ContextValue> sent) {
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
            probes.add(new Probe(who, true, kind, callerArn, sent));
            return this;
        }

        Builder denied(String who, CallerKind kind, String callerArn, List<ContextValue> sent) {
            probes.add(new Probe(who, false, kind, callerArn, sent));
            return this;
        }

        List<Probe> build() {
            return List.copyOf(probes);
        }
    }
}
