package dev.policygen.lint.diff;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.chain.ChainEvaluator;
import dev.policygen.eval.chain.Hop;
import dev.policygen.eval.chain.LayeredPolicies;
import dev.policygen.eval.chain.TrustPolicyCompiler;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.identity.Identity;
import dev.policygen.identity.RoleRequest;
import dev.policygen.identity.TrustPolicies;
import dev.policygen.identity.TrustPolicy;
import dev.policygen.route53.StsNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What lint compares a trust policy with when given {@code --client ... --runtime KIND}: the trust
 * generate writes for that runtime, as the caller it admits ({@code intended}, refused: PG504) and
 * the callers it refuses ({@code probes}, admitted: PG503). Every decision is the chain evaluator's
 * first hop ({@code sts:AssumeRole*} on the role under its trust policy), with the caller's own side
 * allowing, so only the trust policy decides.
 *
 * @param runtime the {@code --runtime} as given, for messages
 * @param roleArn the role the request describes; its account decides same- versus cross-account
 * @param actions the actions the intended caller needs on the role (Pod Identity also sts:TagSession)
 */
public record TrustDiff(String runtime, String roleArn, List<String> actions, TrustCaller intended,
        List<TrustProbe> probes) {
    /** Hop 2 never runs: the role's own permissions are the profile diff's (PG501, PG502). */
    private static final LayeredPolicies NO_REQUEST = LayeredPolicies.identityOnly(List.of());

    public TrustDiff {
        actions = List.copyOf(actions);
        probes = List.copyOf(probes);
    }

    /**
     * The diff for the request's role; empty without one ({@code --runtime user} or none given). The
     * intended caller is checked against the generated trust (it must be admitted: a defect otherwise),
     * and the probes the generated trust admits are dropped.
     */
    public static Optional<TrustDiff> of(GenerateRequest request) throws UsageException {
        if (request.role().isEmpty()) {
            return Optional.empty();
        }
        RoleRequest role = request.role().get();
        String account = request.account().orElseThrow();
        Identity identity = TrustPolicies.identity(role, request.profile().client(), request.partition().id(),
                account, request.region());
        String roleArn = "arn:" + request.partition().id() + ":iam::" + account + ":role/" + identity.roleName();
        CompiledPolicy generated = compile(identity.trust());
        TrustCaller intended = TrustCallers.intended(identity.trust(), account,
                request.region().orElse(SampleArns.REGION));
        List<String> actions = identity.trust().statements().get(0).actions();
        for (String action : actions) {
            if (!assume(generated, roleArn, intended, action).decision().allowed()) {
                throw new IllegalStateException("the generated " + role.runtime().runtime() + " trust refuses "
                        + intended.description() + " " + action);
            }
        }
        List<TrustProbe> probes = new ArrayList<>();
        for (TrustProbe probe : TrustProbes.of(request, identity)) {
            boolean seen = probes.stream().anyMatch(p -> p.caller().description().equals(probe.caller().description()));
            if (!seen && !assume(generated, roleArn, probe.caller()).decision().allowed()) {
                probes.add(probe);
            }
        }
        return Optional.of(new TrustDiff(role.runtime().runtime(), roleArn, actions, intended, probes));
    }

    /** The caller's {@code action} on the role under {@code trust}: the chain's hop 1. */
    public static Hop assume(CompiledPolicy trust, String roleArn, TrustCaller caller, String action) {
        return new ChainEvaluator(caller.caller(), roleArn, trust, NO_REQUEST).assume(action, caller.context());
    }

    /** The caller's own way in: sts:AssumeRoleWithWebIdentity for a web identity, else sts:AssumeRole. */
    public static Hop assume(CompiledPolicy trust, String roleArn, TrustCaller caller) {
        return assume(trust, roleArn, caller, caller.caller().webIdentity() ? StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY
                : StsNames.ASSUME_ROLE);
    }

    private static CompiledPolicy compile(TrustPolicy trust) {
        try {
            return TrustPolicyCompiler.compile(trust.json(), "generated trust", 0);
        } catch (InputException e) {
            throw new IllegalStateException("the generated trust does not compile: " + e.getMessage(), e);
        }
    }
}
