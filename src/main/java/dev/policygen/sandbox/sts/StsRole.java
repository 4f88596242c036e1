package dev.policygen.sandbox.sts;

import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.chain.LayeredPolicies;
import dev.policygen.route53.Arn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A role the sandbox's STS can hand out sessions of: its ARN and name, the account it is in, its trust
 * policy (compiled by {@link dev.policygen.eval.chain.TrustPolicy}), its permission policies and
 * boundary, and the longest session it allows.
 */
public record StsRole(String arn, CompiledPolicy trustPolicy, List<CompiledPolicy> policies,
        Optional<CompiledPolicy> permissionsBoundary, Duration maxSessionDuration) {

    public StsRole {
        policies = List.copyOf(policies);
    }

    public String account() {
        return Arn.parse(arn).account();
    }

    /** The role's name: the last part of its path ({@code role/path/NAME}). */
    public String name() {
        String resource = Arn.parse(arn).resource();
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /**
     * The role's unique id as IAM shows it, {@code AROA} and 17 letters and digits: stable for an ARN, so a
     * session's AssumedRoleId ({@code AROA...:SESSION}) stays the same across sandbox runs.
     */
    public String uniqueId() {
        byte[] digest = Secrets.sha256(arn.getBytes(StandardCharsets.UTF_8));
        return "AROA" + Secrets.base32(digest, 17);
    }

    /**
     * The policies a session of this role is evaluated under: the account's SCP levels, the role's
     * policies, its boundary, and the session policy passed to AssumeRole (if any).
     */
    public LayeredPolicies sessionPolicies(List<CompiledPolicy> scps, Optional<CompiledPolicy> sessionPolicy) {
        return new LayeredPolicies(List.of(), scps, policies, permissionsBoundary, sessionPolicy);
    }
}
