package dev.policygen.eval;

import java.util.Objects;

/**
 * What is being authorized: an action such as {@code route53:ChangeResourceRecordSets}, the
 * resource ARN (or {@code *} for actions without a resource type), and the request context.
 */
public record AccessRequest(String action, String resource, RequestContext context) {

    public AccessRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(context, "context");
    }
}
