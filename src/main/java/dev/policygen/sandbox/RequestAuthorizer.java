package dev.policygen.sandbox;

import dev.policygen.InputException;
import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Decision;
import dev.policygen.eval.Evaluation;
import dev.policygen.eval.PolicyEvaluator;
import dev.policygen.eval.RequestContext;
import dev.policygen.io.InputFiles;
import dev.policygen.model.PolicyReader;
import dev.policygen.route53.Arn;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides each emulated call with policygen's own IAM evaluator, as if the caller were one IAM
 * user with the given identity policies attached. The request is mapped to its action, resource
 * ARN and context the way Route 53 presents it to IAM (docs/design/iam-semantics.md §8.3), and a denial is
 * worded as AWS words it, so a client's error output looks the same as against AWS.
 */
final class RequestAuthorizer {
    /** The outcome; {@code evaluation} is null when no policy was given and everything is allowed. */
    record Outcome(AccessRequest request, Evaluation evaluation) {
        boolean allowed() {
            return evaluation == null || evaluation.decision().allowed();
        }
    }

    private final PolicyEvaluator evaluator;
    private final String principalArn;

    /** @param evaluator the attached policies, or null to allow every call */
    RequestAuthorizer(PolicyEvaluator evaluator, String principalArn) {
        this.evaluator = evaluator;
        this.principalArn = principalArn;
    }

    /** The call's action on its resource, with the global keys and the call's own as context. */
    Outcome authorize(EmulatedService.Call call, HttpRequest http, Instant now) {
        List<ContextValue> context = new ArrayList<>(globalKeys(http, now));
        context.addAll(call.context());
        return decide(call.action(), call.resource(), context);
    }

    private Outcome decide(String action, String resource, List<ContextValue> context) {
        AccessRequest request = new AccessRequest(action, resource, RequestContext.of(context));
        return new Outcome(request, evaluator == null ? null : evaluator.evaluate(request));
    }

    /** The global condition keys AWS sets for a long-term IAM user key over the public endpoint. */
    private List<ContextValue> globalKeys(HttpRequest http, Instant now) {
        List<ContextValue> keys = new ArrayList<>();
        keys.add(ContextValue.single("aws:SourceIp", http.remoteAddress()));
        keys.add(ContextValue.single("aws:SecureTransport", Boolean.toString(http.secure())));
        keys.add(ContextValue.single("aws:CurrentTime", now.truncatedTo(ChronoUnit.SECONDS).toString()));
        keys.add(ContextValue.single("aws:EpochTime", Long.toString(now.getEpochSecond())));
        keys.add(ContextValue.single("aws:ViaAWSService", "false"));
        keys.add(ContextValue.single("aws:PrincipalIsAWSService", "false"));
        keys.add(ContextValue.single("aws:PrincipalArn", principalArn));
        keys.add(ContextValue.single("aws:PrincipalAccount", account()));
        keys.add(ContextValue.single("aws:PrincipalType", "User"));
        keys.add(ContextValue.single("aws:username", principalArn.substring(principalArn.lastIndexOf('/') + 1)));
        keys.add(ContextValue.single("aws:RequestedRegion", SigV4Verifier.REGION));
        String userAgent = http.header("User-Agent");
        if (userAgent != null) {
            keys.add(ContextValue.single("aws:UserAgent", userAgent));
        }
        return keys;
    }

    /** The principal's account, which owns every resource the sandbox holds. */
    String account() {
        Arn arn = Arn.parse(principalArn);
        return arn == null ? "" : arn.account();
    }

    /**
     * AWS's AccessDenied text, under the code a service uses for it (ACM: AccessDeniedException): the
     * resource is named unless the action takes only {@code *}.
     */
    Route53Error denial(Outcome outcome, String code) {
        AccessRequest request = outcome.request();
        String onResource = request.resource().equals("*") ? "" : " on resource: " + request.resource();
        String reason = outcome.evaluation().decision() == Decision.EXPLICIT_DENY
                ? " with an explicit deny in an identity-based policy"
                : " because no identity-based policy allows the " + request.action() + " action";
        return Route53Error.sender(code.equals("AccessDeniedException") ? 400 : 403, code, "User: " + principalArn + " is not authorized to perform: "
                + request.action() + onResource + reason);
    }

    /** The evaluator of the attached policy files, or null when none is given (every call allowed). */
    static PolicyEvaluator evaluator(List<Path> policies) throws InputException {
        if (policies.isEmpty()) {
            return null;
        }
        List<CompiledPolicy> compiled = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            Path file = policies.get(i);
            String text = InputFiles.read(file, "policy");
            compiled.add(CompiledPolicy.compile(PolicyReader.read(text, file.toString()), i, file.toString()));
        }
        return new PolicyEvaluator(compiled);
    }
}
