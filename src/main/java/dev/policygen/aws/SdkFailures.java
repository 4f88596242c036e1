package dev.policygen.aws;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.RoleSessionGate;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an SDK exception from one AWS operation into a one-line {@link AwsFailure}. */
final class SdkFailures {
    /** The codes AWS services use when they refuse a request for its rate; the renewer backs off on them. */
    private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException",
            "TooManyRequestsException", "RequestLimitExceeded", "SlowDown");
    /** The "no such thing" codes of the operations the renewer makes. */
    private static final Set<String> NOT_FOUND = Set.of("NoSuchHostedZone", "NoSuchChange", "NoSuchEntity",
            "LoadBalancerNotFound", "ListenerNotFound", "CertificateNotFound", "ResourceNotFoundException",
            "NoSuchBucket", "NoSuchKey");

    private SdkFailures() {
    }

    /**
     * For the renewer's calls: the kind, AWS's code and status, and a message naming the call, such as
     * {@code Route 53 ChangeResourceRecordSets on hostedzone/Z1: PriorRequestNotComplete: ...}. The SDK
     * does not retry these (the renewer does), so no attempt count is given.
     *
     * @param service as users know it: Route 53, IAM, ELB, ELBv2, ACM, S3
     * @param target what the call was about, as the message names it
     */
    static AwsFailure of(SdkException e, String service, String operation, String target) {
        // a zone role's refresh the guard refused: no answer to map, the guard's denial goes up unchanged
        java.util.Optional<RoleSessionGate.Refused> refused = RoleSessionGate.Refused.in(e);
        if (refused.isPresent()) {
            throw refused.get();
        }
        String call = service + " " + operation + " on " + target + ": ";
        if (e instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
            String detail = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorMessage();
            String reported = (code == null ? "HTTP " + aws.statusCode() : code)
                    + (detail == null || detail.isBlank() ? "" : ": " + oneLine(detail));
            return new AwsFailure(kind(code, aws.statusCode()), code, aws.statusCode(), call + reported, e);
        }
        return new AwsFailure(AwsFailure.Kind.UNREACHABLE, null, 0, call + "no answer: "
                + oneLine(String.valueOf(e.getMessage())), e);
    }

    static AwsFailure.Kind kind(String code, int status) {
        if (status == 403 || (code != null && code.startsWith("AccessDenied"))) {
            return AwsFailure.Kind.ACCESS_DENIED;
        }
        if (status == 429 || THROTTLING.contains(code)) {
            return AwsFailure.Kind.THROTTLED;
        }
        if (status == 404 || NOT_FOUND.contains(code)) {
            return AwsFailure.Kind.NOT_FOUND;
        }
        return AwsFailure.Kind.SERVICE_ERROR;
    }

    /** AWS's error code of a service answer, or null for no answer. */
    static String code(SdkException e) {
        return e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                ? aws.awsErrorDetails().errorCode() : null;
    }

    /** The HTTP status of a service answer, 0 for no answer. */
    static int status(SdkException e) {
        return e instanceof AwsServiceException aws ? aws.statusCode() : 0;
    }

    /** For Access Analyzer (validate): the messages say how it was retried and what to do. */
    static AwsFailure translate(SdkException e, String operation, String endpoint) {
        String attempts = e.numAttempts() == null ? "" : " after " + e.numAttempts() + " attempt"
                + (e.numAttempts() == 1 ? "" : "s");
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String detail = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
            String reported = (code == null ? "HTTP " + service.statusCode() : code)
                    + (detail == null || detail.isBlank() ? "" : ": " + oneLine(detail));
            if (service.statusCode() == 403 || "AccessDeniedException".equals(code)) {
                return new AwsFailure(AwsFailure.Kind.ACCESS_DENIED, code, service.statusCode(), "AWS denied "
                        + operation + ": the credentials need the IAM permission access-analyzer:" + operation + " ("
                        + reported + ")", e);
            }
            if (service.isThrottlingException()) {
                return new AwsFailure(AwsFailure.Kind.THROTTLED, code, service.statusCode(), "Access Analyzer "
                        + "throttled " + operation + " and it was retried with exponential backoff and jitter"
                        + attempts + " without success (" + reported + "); wait a minute and run again", e);
            }
            return new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, code, service.statusCode(), "Access Analyzer "
                    + "rejected " + operation + attempts + ": " + reported, e);
        }
        return new AwsFailure(AwsFailure.Kind.UNREACHABLE, "cannot reach Access Analyzer at " + endpoint
                + attempts + ": " + oneLine(String.valueOf(e.getMessage())), e);
    }

    /** SDK messages may span lines and repeat the attempt count we already give; a failure is one line. */
    static String oneLine(String text) {
        return text.replaceAll("\\s*\\(SDK Attempt Count: \\d+\\)", "").strip().replaceAll("\\s+", " ");
    }
}
