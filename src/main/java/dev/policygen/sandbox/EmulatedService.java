package dev.policygen.sandbox;

import dev.policygen.eval.ContextValue;
import java.time.Instant;
import java.util.List;

/**
 * What one emulated service (Route 53, or IAM, ELB, ACM and S3 each) supplies to the
 * {@link RequestPipeline}: how it reads a request into a call, which faults it suffers, how it runs
 * the call and how it words an error. Signature checks, authorization, logging and the order of
 * the steps are the pipeline's and the same for every service.
 *
 * @param <C> the service's call, as read from a request
 */
interface EmulatedService<C extends EmulatedService.Call> {

    /** A call as the pipeline authorizes and logs it. */
    interface Call {
        /** The operation's wire name, e.g. ChangeResourceRecordSets. */
        String operation();

        /** The IAM action, e.g. route53:ChangeResourceRecordSets. */
        String action();

        /** The resource ARN IAM authorizes the action on. */
        String resource();

        /** The context keys the call itself adds to the global ones (Route 53's record-set keys). */
        default List<ContextValue> context() {
            return List.of();
        }

        /** False for the calls AWS answers without asking IAM (STS GetCallerIdentity). */
        default boolean needsAuthorization() {
            return true;
        }
    }

    /** The service name of the SigV4 credential scope this service verifies. */
    String signingName();

    /** Whether AWS takes this request unsigned (STS AssumeRoleWithWebIdentity): no signature is checked. */
    default boolean unsigned(HttpRequest http) {
        return false;
    }

    /**
     * The call as far as it is known before the signature is checked, or null. Route 53 routes by
     * path here so that a request refused for its signature is still logged with its operation; a
     * routing failure is raised only after the signature check, as AWS orders them.
     */
    default C route(HttpRequest http) throws Route53Error {
        return null;
    }

    /** Admits an authenticated request or refuses it for its rate; only Route 53 throttles. */
    default void admit(FaultInjector faults, Instant now) throws Route53Error {
    }

    /** Reads the authenticated request into its call; {@code routed} is what {@link #route} found. */
    C read(HttpRequest http, SigV4Verifier.Signed signature, C routed) throws Route53Error;

    /** The code this service denies with. */
    default String accessDeniedCode() {
        return "AccessDenied";
    }

    /** The injected faults an authorized call may suffer; every service suffers server errors. */
    default void injectFaults(FaultInjector faults, C call) throws Route53Error {
        faults.serverError();
    }

    /** Runs an authorized call. */
    HttpResponse execute(C call, HttpRequest http, String requestId) throws Route53Error;

    /**
     * Runs an authorized call for the principal of {@code accessKeyId} (null for an unsigned call): what a
     * service answers may depend on the caller's account (Route 53 lists only its zones, STS names it).
     */
    default HttpResponse execute(C call, HttpRequest http, String requestId, String accessKeyId) throws Route53Error {
        return execute(call, http, requestId);
    }

    /** The error as this service's protocol sends it. */
    HttpResponse error(Route53Error error, HttpRequest http, String requestId);
}
