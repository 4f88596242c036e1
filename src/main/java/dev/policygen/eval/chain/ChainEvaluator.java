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
import java.util.Locale;
import java.util.Optional;

/**
 * "Can this caller, through this role, make this request?" Hop 1 is the caller's
 * {@code sts:AssumeRole} (or {@code sts:AssumeRoleWithWebIdentity}) on the role ARN; when the caller
 * passes session tags, AWS authorizes {@code sts:TagSession} on the role as well, which is one more hop
 * (UG id_session-tags, "Permissions required to add session tags"); the last hop is the request itself
 * under the role's policies (see {@link LayeredEvaluator}).
 *
 * <p>Assuming follows AWS's evaluation logic with the trust policy as the resource-based policy (UG
 * reference_policies_evaluation-logic, reference_policies_evaluation-logic-cross-account): an explicit
 * Deny anywhere wins; the caller's SCPs and the role account's RCPs must allow; the trust policy must
 * allow (a role can be assumed only by principals its trust policy allows); and the caller's identity
 * policies and permissions boundary must allow too, except in the same account when the trust policy
 * names the caller's own ARN, where the resource-based policy allows on its own; for a role caller
 * that exception covers its boundary only when the trust grants its session too (a Principal
 * {@code "*"}), because a grant to a role ARN is limited by the boundary (UG access_policies_boundaries).
 * A cross-account caller always needs both sides. A web identity and a service principal have no IAM
 * policies of their own: the trust policy (under the RCPs) decides.
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

    /** {@code assumeContext}: keys of hop 1 such as sts:ExternalId or HOST:sub; {@code request}: the last hop. */
    public ChainEvaluation evaluate(List<ContextValue> assumeContext, AccessRequest request) {
        List<Hop> hops = new ArrayList<>(assumeHops(assumeContext));
        if (hops.get(hops.size() - 1).decision().allowed()) {
            LayeredEvaluation inRole = new LayeredEvaluator(rolePolicies).evaluate(request);
            hops.add(new Hop("request as " + roleArn, request, inRole.decision(), inRole.layers(), inRole.decidedBy(),
                    inRole.decision().allowed() ? "every policy type of the role allows"
                            : "the role's policies do not allow the request"));
        }
        return new ChainEvaluation(hops);
    }

    /** The assume hop and, when the context carries session tags and it is allowed, the sts:TagSession hop. */
    public List<Hop> assumeHops(List<ContextValue> assumeContext) {
        Hop assume = assume(assumeContext);
        if (!assume.decision().allowed() || !passesSessionTags(assumeContext)) {
            return List.of(assume);
        }
        return List.of(assume, hop(StsNames.TAG_SESSION, tagSessionContext(assumeContext)));
    }

    /**
     * The keys the sts:TagSession authorization carries: the Service Authorization Reference lists for it
     * only aws:RequestTag/*, aws:TagKeys, sts:TransitiveTagKeys and saml:aud besides the global aws: keys,
     * so an sts:ExternalId or HOST:sub condition on a TagSession statement never matches (SAR, AWS Security
     * Token Service, "Actions defined by AWS STS", TagSession).
     */
    static List<ContextValue> tagSessionContext(List<ContextValue> assumeContext) {
        return assumeContext.stream().filter(v -> {
            String key = v.key().toLowerCase(Locale.ROOT);
            return key.startsWith("aws:") || key.equals("sts:transitivetagkeys") || key.equals("saml:aud");
        }).toList();
    }

    public Hop assume(List<ContextValue> assumeContext) {
        return hop(caller.webIdentity() ? StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY : StsNames.ASSUME_ROLE,
                assumeContext);
    }

    /** Session tags are request tags of the assume request ({@code aws:RequestTag/KEY}). */
    static boolean passesSessionTags(List<ContextValue> assumeContext) {
        return assumeContext.stream().anyMatch(v -> v.key().toLowerCase(Locale.ROOT).startsWith("aws:requesttag/"));
    }

    /**
     * Hop 1 for an action on the role other than the one {@link #assume(List)} picks, such as
     * {@code sts:TagSession}, which the trust policy must allow too when the caller sets session tags
     * (EKS Pod Identity); the same rules decide.
     */
    public Hop assume(String action, List<ContextValue> assumeContext) {
        return hop(action, assumeContext);
    }

    private Hop hop(String action, List<ContextValue> assumeContext) {
        AccessRequest request = assumeRequest(action, assumeContext, caller.identifiers());
        String hopName = action + " on " + roleArn;
        LayerResult trust = new LayerResult(PolicyType.TRUST_POLICY, trustPolicy.name(),
                new PolicyEvaluator(List.of(trustPolicy)).evaluate(request));
        List<LayeredPolicies.Layer> sides = new ArrayList<>();
        if (caller.iamPrincipal()) {
            // the caller account's own RCPs guard its resources, not the role it calls
            caller.policies().layers().stream().filter(l -> l.type() != PolicyType.RCP).forEach(sides::add);
        }
        rolePolicies.layers().stream().filter(l -> l.type() == PolicyType.RCP).forEach(sides::add);
        List<LayerResult> layers = new ArrayList<>(LayeredEvaluator.evaluateEach(sides, request));
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
        boolean sameAccount = caller.iamPrincipal() && caller.account().equals(Caller.accountOf(roleArn));
        // a trust naming a role session's own ARN grants that session directly, as one naming a user does
        boolean namesSession = sameAccount && !caller.arn().equals(caller.principalArn())
                && allowsOnly(action, assumeContext, caller.arn());
        boolean namesCaller = sameAccount && (namesSession || allowsOnly(action, assumeContext, caller.principalArn()));
        boolean grantsSession = namesSession || namesCaller
                && caller.sessionArn().map(session -> allowsOnly(action, assumeContext, session)).orElse(true);
        for (LayerResult layer : layers) {
            if (layer == trust || layer.evaluation().decision().allowed()) {
                continue;
            }
            boolean organisation = layer.type() == PolicyType.SCP || layer.type() == PolicyType.RCP;
            if (!organisation && layer.type() == PolicyType.IDENTITY && namesCaller) {
                continue;
            }
            if (!organisation && layer.type() == PolicyType.PERMISSIONS_BOUNDARY && grantsSession) {
                continue;
            }
            String rule = organisation ? "every organisation level must allow"
                    : namesCaller ? "the trust policy names the role, not its session, so the caller's"
                            + " permissions boundary still limits it"
                    : sameAccount ? "the trust policy names the account, not the caller, so the caller's own"
                            + " policies must allow"
                    : "cross-account: the caller's own policies and the trust policy must both allow";
            return new Hop(hopName, request, Decision.IMPLICIT_DENY, layers, Optional.of(layer), rule);
        }
        String rule = caller.webIdentity() ? "the trust policy allows this web identity"
                : !caller.iamPrincipal() ? "the trust policy allows this service principal"
                : namesCaller ? "same account and the trust policy names the caller's ARN: it allows on its own"
                : sameAccount ? "the trust policy and the caller's own policies allow"
                : "cross-account: the caller's own policies and the trust policy both allow";
        return new Hop(hopName, request, Decision.ALLOWED, layers, Optional.empty(), rule);
    }

    /** Whether the trust policy still allows when the Principal may only be {@code identifier}. */
    private boolean allowsOnly(String action, List<ContextValue> assumeContext, String identifier) {
        Evaluation exact = new PolicyEvaluator(List.of(trustPolicy))
                .evaluate(assumeRequest(action, assumeContext, List.of(identifier)));
        return exact.decision().allowed();
    }

    private AccessRequest assumeRequest(String action, List<ContextValue> assumeContext, List<String> identifiers) {
        List<ContextValue> values = new ArrayList<>(assumeContext);
        List<String> tagKeys = new ArrayList<>();
        for (ContextValue value : assumeContext) {
            String key = value.key().toLowerCase(Locale.ROOT);
            if (key.equals("aws:tagkeys")) {
                tagKeys = null;
                break;
            }
            if (key.startsWith("aws:requesttag/")) {
                tagKeys.add(value.key().substring("aws:RequestTag/".length()));
            }
        }
        if (tagKeys != null && !tagKeys.isEmpty()) {
            // a request with tags carries their keys as aws:TagKeys (UG reference_policies_condition-keys)
            values.add(ContextValue.multi("aws:TagKeys", tagKeys));
        }
        values.add(ContextValue.multi(TrustPolicyCompiler.PRINCIPAL_KEY, identifiers));
        if (caller.iamPrincipal()) {
            values.add(ContextValue.single(StsNames.KEY_PRINCIPAL_ARN, caller.principalArn()));
            caller.account().ifPresent(a -> values.add(ContextValue.single(StsNames.KEY_PRINCIPAL_ACCOUNT, a)));
        }
        return new AccessRequest(action, roleArn, RequestContext.of(values));
    }
}
