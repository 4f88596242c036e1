package dev.policygen.sandbox;

import dev.policygen.InputException;
import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Decision;
import dev.policygen.eval.Evaluation;
import dev.policygen.eval.Mismatch;
import dev.policygen.eval.RequestContext;
import dev.policygen.eval.StatementRef;
import dev.policygen.eval.chain.Caller;
import dev.policygen.eval.chain.ChainEvaluator;
import dev.policygen.eval.chain.Hop;
import dev.policygen.eval.chain.LayerResult;
import dev.policygen.eval.chain.LayeredEvaluation;
import dev.policygen.eval.chain.LayeredEvaluator;
import dev.policygen.eval.chain.LayeredPolicies;
import dev.policygen.eval.chain.PolicyType;
import dev.policygen.io.InputFiles;
import dev.policygen.model.PolicyReader;
import dev.policygen.route53.Arn;
import dev.policygen.route53.StsNames;
import dev.policygen.sandbox.sts.StsRole;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides each emulated call with policygen's own evaluators, as AWS would for the principal that
 * signed it (see {@link Principals}): a request under every policy type of its principal
 * ({@link LayeredEvaluator}: SCPs, identity policies, boundary, session policy), an
 * {@code sts:AssumeRole*} as hop 1 of {@link ChainEvaluator} (the caller's policies and the role's
 * trust policy, same- and cross-account as AWS combines them). The request is mapped to its action,
 * resource ARN and context the way the service presents it to IAM (docs/design/iam-semantics.md §8.3),
 * and a denial is worded as AWS words it, so a client's error output looks the same as against AWS.
 */
final class RequestAuthorizer {
    /**
     * The outcome; {@code evaluation} is null when no policy applies and everything is allowed;
     * {@code denial} is AWS's AccessDenied text for it when it is not allowed.
     */
    record Outcome(AccessRequest request, Evaluation evaluation, String denial) {
        boolean allowed() {
            return evaluation == null || evaluation.decision().allowed();
        }
    }

    private final Principals principals;
    private final Function<String, Optional<String>> zoneAccount;

    /**
     * @param zoneAccount the account owning the hosted zone a resource ARN names; empty for any other
     *     resource (or a zone the sandbox does not hold, which the service answers itself)
     */
    RequestAuthorizer(Principals principals, Function<String, Optional<String>> zoneAccount) {
        this.principals = principals;
        this.zoneAccount = zoneAccount;
    }

    /** How a call is seen by IAM without deciding it (forward mode, where AWS decides): request only. */
    static Outcome observed(EmulatedService.Call call, HttpRequest http, String principalArn, Instant now) {
        SandboxPrincipal user = new SandboxPrincipal(principalArn, principalArn, accountOf(principalArn), null, "User",
                null, null);
        List<ContextValue> context = new ArrayList<>(globalKeys(http, now, user));
        context.addAll(call.context());
        return new Outcome(new AccessRequest(call.action(), call.resource(), RequestContext.of(context)), null, null);
    }

    /** The call's action on its resource, with the global keys of its principal and the call's own as context. */
    Outcome authorize(EmulatedService.Call call, HttpRequest http, String accessKeyId, Instant now) {
        if (call instanceof StsCall sts && sts.assumption()) {
            return assume(sts, http, accessKeyId, now);
        }
        SandboxPrincipal principal = principals.resolve(accessKeyId);
        List<ContextValue> context = new ArrayList<>(globalKeys(http, now, principal));
        context.addAll(call.context());
        AccessRequest request = new AccessRequest(call.action(), call.resource(), RequestContext.of(context));
        Optional<String> owner = zoneAccount.apply(call.resource());
        if (owner.isPresent() && !owner.get().equals(principal.account())) {
            // Route 53 has no resource-based policies: a zone is reachable only from its own account
            // (AWS's text for it, e.g. terraform-provider-aws issue 12570)
            return new Outcome(request, new Evaluation(Decision.IMPLICIT_DENY, List.of(), List.of()),
                    "User: " + principal.arn() + " is not authorized to access this resource");
        }
        if (principal.policies() == null) {
            return new Outcome(request, null, null);
        }
        LayeredEvaluation evaluation = new LayeredEvaluator(principal.policies()).evaluate(request);
        return new Outcome(request, combined(evaluation.decision(), evaluation.layers()),
                denial(principal.arn(), request, evaluation.decision(), evaluation.decidedBy()));
    }

    /**
     * {@code sts:AssumeRole} by the signing principal, or {@code sts:AssumeRoleWithWebIdentity} by the
     * token's OIDC provider: hop 1 of the chain. A role the sandbox does not hold is refused with the same
     * text, as AWS does not tell a missing role from a refused one.
     */
    private Outcome assume(StsCall call, HttpRequest http, String accessKeyId, Instant now) {
        SandboxPrincipal principal = call.webIdentity() ? null : principals.resolve(accessKeyId);
        List<ContextValue> context = new ArrayList<>();
        for (ContextValue value : globalKeys(http, now, principal)) {
            // the chain evaluator sets the principal keys of hop 1 itself
            if (!value.key().equals(StsNames.KEY_PRINCIPAL_ARN) && !value.key().equals(StsNames.KEY_PRINCIPAL_ACCOUNT)) {
                context.add(value);
            }
        }
        context.addAll(call.context());
        String denial = call.webIdentity() ? "Not authorized to perform " + call.action()
                : "User: " + principal.arn() + " is not authorized to perform: " + call.action() + " on resource: "
                        + call.resource();
        Optional<StsRole> role = principals.accounts().role(call.resource());
        if (role.isEmpty()) {
            return new Outcome(new AccessRequest(call.action(), call.resource(), RequestContext.of(context)),
                    new Evaluation(Decision.IMPLICIT_DENY, List.of(), List.of()), denial);
        }
        LayeredPolicies callerPolicies = principal == null ? null : principal.policies() != null
                ? principal.policies() : LayeredPolicies.identityOnly(List.of(Principals.AllowAll.POLICY));
        // a role session (role chaining) is the session of exactly the role its credentials were issued for,
        // path included, which its ARN does not carry
        Caller caller = call.webIdentity() ? new Caller(call.webIdentityProvider(), true, null)
                : principal.session() != null ? Caller.session(principal.arn(), principal.principalArn(), callerPolicies)
                : new Caller(principal.principalArn(), false, callerPolicies);
        StsRole target = role.get();
        Hop hop = new ChainEvaluator(caller, target.arn(), target.trustPolicy(),
                target.sessionPolicies(principals.accounts().scps(target.account()), Optional.empty())).assume(context);
        return new Outcome(hop.request(), combined(hop.decision(), hop.layers()), denial);
    }

    /** One evaluation over every policy that took part, so the call log names the deciding statements of all. */
    private static Evaluation combined(Decision decision, List<LayerResult> layers) {
        List<StatementRef> applied = new ArrayList<>();
        List<Mismatch> notApplied = new ArrayList<>();
        for (LayerResult layer : layers) {
            applied.addAll(layer.evaluation().applied());
            notApplied.addAll(layer.evaluation().notApplied());
        }
        return new Evaluation(decision, applied, notApplied);
    }

    /**
     * AWS's AccessDenied text (UG troubleshoot_access-denied): the resource is named unless the action
     * takes only {@code *}, and the reason names the policy type that decided.
     */
    private static String denial(String callerArn, AccessRequest request, Decision decision,
            Optional<LayerResult> decidedBy) {
        if (decision.allowed()) {
            return null;
        }
        String onResource = request.resource().equals("*") ? "" : " on resource: " + request.resource();
        String type = switch (decidedBy.map(LayerResult::type).orElse(PolicyType.IDENTITY)) {
            case SCP -> "service control policy";
            case RCP -> "resource control policy";
            case PERMISSIONS_BOUNDARY -> "permissions boundary";
            case SESSION_POLICY -> "session policy";
            default -> "identity-based policy";
        };
        String reason = decision == Decision.EXPLICIT_DENY ? " with an explicit deny in " + article(type) + type
                : " because no " + type + " allows the " + request.action() + " action";
        return "User: " + callerArn + " is not authorized to perform: " + request.action() + onResource + reason;
    }

    private static String article(String type) {
        return type.startsWith("identity") ? "an " : "a ";
    }

    /** The global condition keys AWS sets for a signed request over the public endpoint; none of a principal's for null. */
    private static List<ContextValue> globalKeys(HttpRequest http, Instant now, SandboxPrincipal principal) {
        List<ContextValue> keys = new ArrayList<>();
        keys.add(ContextValue.single("aws:SourceIp", http.remoteAddress()));
        keys.add(ContextValue.single("aws:SecureTransport", Boolean.toString(http.secure())));
        keys.add(ContextValue.single("aws:CurrentTime", now.truncatedTo(ChronoUnit.SECONDS).toString()));
        keys.add(ContextValue.single("aws:EpochTime", Long.toString(now.getEpochSecond())));
        keys.add(ContextValue.single("aws:ViaAWSService", "false"));
        if (principal != null) {
            keys.add(ContextValue.single("aws:PrincipalIsAWSService", "false"));
            keys.add(ContextValue.single(StsNames.KEY_PRINCIPAL_ARN, principal.principalArn()));
            keys.add(ContextValue.single(StsNames.KEY_PRINCIPAL_ACCOUNT, principal.account()));
            keys.add(ContextValue.single("aws:PrincipalType", principal.type()));
            if (principal.userName() != null) {
                keys.add(ContextValue.single("aws:username", principal.userName()));
            } else {
                keys.add(ContextValue.single("aws:userid", principal.userId()));
            }
        }
        keys.add(ContextValue.single("aws:RequestedRegion", SigV4Verifier.REGION));
        String userAgent = http.header("User-Agent");
        if (userAgent != null) {
            keys.add(ContextValue.single("aws:UserAgent", userAgent));
        }
        return keys;
    }

    /** The account an ARN names, or "" when it names none. */
    static String accountOf(String arn) {
        Arn parsed = Arn.parse(arn);
        return parsed == null ? "" : parsed.account();
    }

    /** AWS's AccessDenied under the code a service uses for it (ACM: AccessDeniedException, status 400). */
    static Route53Error denial(Outcome outcome, String code) {
        return Route53Error.sender(code.equals("AccessDeniedException") ? 400 : 403, code, outcome.denial());
    }

    /** The compiled policy files, in order; empty when none is given (every call allowed). */
    static List<CompiledPolicy> policies(List<Path> policies) throws InputException {
        List<CompiledPolicy> compiled = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            Path file = policies.get(i);
            String text = InputFiles.read(file, "policy");
            compiled.add(CompiledPolicy.compile(PolicyReader.read(text, file.toString()), i, file.toString()));
        }
        return compiled;
    }
}
