package dev.policygen.eval.chain;

import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Decision;
import dev.policygen.eval.Evaluation;
import dev.policygen.eval.PolicyEvaluator;
import dev.policygen.eval.RequestContext;
import dev.policygen.route53.StsNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Can this caller, through this role, make this request?" Hop 1 is the caller's
 * {@code sts:AssumeRole} (or {@code sts:AssumeRoleWithWebIdentity}) on the role ARN, hop 2 the request
 * itself under the role's policies (see {@link LayeredEvaluator}).
 *
 * <p>Hop 1 follows AWS's evaluation logic with the trust policy as the resource-based policy (UG
 * reference_policies_evaluation-logic, reference_policies_evaluation-logic-cross-account): an explicit
 * Deny anywhere wins; the caller's SCPs must allow; the trust policy must allow (a role can be assumed
 * only by principals its trust policy allows); and the caller's identity policies (and boundary) must
 * allow too, except in the same account when the trust policy names the caller's own ARN, where the
 * resource-based policy allows on its own. A cross-account caller always needs both sides. A web
 * identity has no policies of its own: the trust policy alone decides.
 */
public final class ChainEvaluator {

    private final Caller caller;
    private final String roleArn;
    private final CompiledPolicy trustPolicy;
    private final LayeredPolicies rolePolicies;

    public ChainEvaluator(Caller caller, String roleArn, CompiledPolicy trustPolicy, LayeredPolicies rolePolicies) {
        this.caller = caller;
        this.roleArn = roleArn;
        this.trustPolicy = trustPolicy;
        this.rolePolicies = rolePolicies;
    }

    /** {@code assumeContext}: keys of hop 1 such as sts:ExternalId or HOST:sub; {@code request}: hop 2. */
    public ChainEvaluation evaluate(List<ContextValue> assumeContext, AccessRequest request) {
        Hop assume = assume(assumeContext);
        List<Hop> hops = new ArrayList<>(List.of(assume));
        if (assume.decision().allowed()) {
            LayeredEvaluation inRole = new LayeredEvaluator(rolePolicies).evaluate(request);
            hops.add(new Hop("request as " + roleArn, request, inRole.decision(), inRole.layers(), inRole.decidedBy(),
                    inRole.decision().allowed() ? "every policy type of the role allows"
                            : "the role's policies do not allow the request"));
        }
        return new ChainEvaluation(hops);
    }

    public Hop assume(List<ContextValue> assumeContext) {
        return assume(caller.webIdentity() ? StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY : StsNames.ASSUME_ROLE,
                assumeContext);
    }

    /**
     * Hop 1 for an action on the role other than the one {@link #assume(List)} picks, such as
     * {@code sts:TagSession}, which the trust policy must allow too when the caller sets session tags
     * (EKS Pod Identity); the same rules decide.
     */
    public Hop assume(String action, List<ContextValue> assumeContext) {
        AccessRequest request = assumeRequest(action, assumeContext, caller.identifiers());
        String hopName = action + " on " + roleArn;
        LayerResult trust = new LayerResult(PolicyType.TRUST_POLICY, trustPolicy.name(),
                new PolicyEvaluator(List.of(trustPolicy)).evaluate(request));
        List<LayerResult> layers = new ArrayList<>();
        if (!caller.webIdentity()) {
            layers.addAll(new LayeredEvaluator(caller.policies()).evaluate(request).layers());
        }
        layers.add(trust);
        for (LayerResult layer : layers) {
            if (layer.evaluation().decision() == Decision.EXPLICIT_DENY) {
                return new Hop(hopName, request, Decision.EXPLICIT_DENY, layers, Optional.of(layer),
                        "an explicit Deny wins");
            }
        }
        if (!trust.evaluation().decision().allowed()) {
            return new Hop(hopName, request, Decision.IMPLICIT_DENY, layers, Optional.of(trust),
                    "the trust policy does not allow this caller");
        }
        boolean sameAccount = !caller.webIdentity() && caller.account().isPresent()
                && caller.account().equals(Caller.accountOf(roleArn));
        boolean namesCaller = sameAccount && namesCallerArn(action, assumeContext);
        for (LayerResult layer : layers) {
            if (layer == trust || layer.evaluation().decision().allowed()) {
                continue;
            }
            boolean organisation = layer.type() == PolicyType.SCP || layer.type() == PolicyType.RCP;
            if (organisation || !namesCaller) {
                String rule = organisation ? "every organisation level must allow"
                        : sameAccount ? "the trust policy names the account, not the caller, so the caller's own"
                                + " policies must allow"
                        : "cross-account: the caller's own policies and the trust policy must both allow";
                return new Hop(hopName, request, Decision.IMPLICIT_DENY, layers, Optional.of(layer), rule);
            }
        }
        String rule = caller.webIdentity() ? "the trust policy allows this web identity"
                : namesCaller ? "same account and the trust policy names the caller's ARN: it allows on its own"
                : sameAccount ? "the trust policy and the caller's own policies allow"
                : "cross-account: the caller's own policies and the trust policy both allow";
        return new Hop(hopName, request, Decision.ALLOWED, layers, Optional.empty(), rule);
    }

    /** Whether the trust policy still allows when the Principal may only be the caller's own ARN. */
    private boolean namesCallerArn(String action, List<ContextValue> assumeContext) {
        Evaluation exact = new PolicyEvaluator(List.of(trustPolicy))
                .evaluate(assumeRequest(action, assumeContext, List.of(caller.arn())));
        return exact.decision().allowed();
    }

    private AccessRequest assumeRequest(String action, List<ContextValue> assumeContext, List<String> identifiers) {
        List<ContextValue> values = new ArrayList<>(assumeContext);
        values.add(ContextValue.multi(TrustPolicyCompiler.PRINCIPAL_KEY, identifiers));
        if (!caller.webIdentity()) {
            values.add(ContextValue.single(StsNames.KEY_PRINCIPAL_ARN, caller.arn()));
            caller.account().ifPresent(a -> values.add(ContextValue.single(StsNames.KEY_PRINCIPAL_ACCOUNT, a)));
        }
        return new AccessRequest(action, roleArn, RequestContext.of(values));
    }

}
