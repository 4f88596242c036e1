package dev.policygen.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an SDK exception from one Access Analyzer operation into a one-line {@link AwsFailure}. */
final class SdkFailures {
    private SdkFailures() {
    }

    static AwsFailure translate(SdkException e, String operation, String endpoint) {
        String attempts = e.numAttempts() == null ? "" : " after " + e.numAttempts() + " attempt"
                + (e.numAttempts() == 1 ? "" : "s");
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String detail = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
            String reported = (code == null ? "HTTP " + service.statusCode() : code)
                    + (detail == null || detail.isBlank() ? "" : ": " + oneLine(detail));
            if (service.statusCode() == 403 || "AccessDeniedException".equals(code)) {
                return new AwsFailure(AwsFailure.Kind.ACCESS_DENIED, "AWS denied " + operation
                        + ": the credentials need the IAM permission access-analyzer:" + operation + " (" + reported
                        + ")", e);
            }
            if (service.isThrottlingException()) {
                return new AwsFailure(AwsFailure.Kind.THROTTLED, "Access Analyzer throttled " + operation
                        + " and it was retried with exponential backoff and jitter" + attempts
                        + " without success (" + reported + "); wait a minute and run again", e);
            }
            return new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "Access Analyzer rejected " + operation + attempts
                    + ": " + reported, e);
        }
        return new AwsFailure(AwsFailure.Kind.UNREACHABLE, "cannot reach Access Analyzer at " + endpoint
                + attempts + ": " + oneLine(String.valueOf(e.getMessage())), e);
    }

    /** SDK messages may span lines and repeat the attempt count we already give; a failure is one line. */
    static String oneLine(String text) {
        return text.replaceAll("\\s*\\(SDK Attempt Count: \\d+\\)", "").strip().replaceAll("\\s+", " ");
    }
}
