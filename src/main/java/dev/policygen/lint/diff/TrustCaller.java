package dev.policygen.lint.diff;

import dev.policygen.eval.ContextValue;
import dev.policygen.eval.chain.Caller;
import java.util.List;

/**
 * Someone who calls {@code sts:AssumeRole*} on the role, as the chain evaluator takes it: the caller
 * and the keys its request carries (a web identity's {@code HOST:sub}, a service's
 * {@code aws:SourceAccount}, the session tags EKS Pod Identity sends, an {@code sts:ExternalId}); and
 * how a finding names it ({@code web identity arn:...:oidc-provider/HOST with sub system:...}).
 */
public record TrustCaller(Caller caller, List<ContextValue> context, String description) {

    public TrustCaller {
        context = List.copyOf(context);
    }
}
