package dev.policygen;

import java.util.Optional;

/**
 * A call to AWS that did not produce an answer; the message is one line a user can act on. It
 * carries AWS's error code and HTTP status when AWS answered, so callers can tell a retryable
 * failure (throttling, Route 53's PriorRequestNotComplete, 5xx, no connection) from a final one.
 */
public final class AwsFailure extends PolicygenException {
    private static final long serialVersionUID = 1L;

    /** Why the call failed, for callers and tests that need more than the text. */
    public enum Kind { MISSING_CREDENTIALS, ACCESS_DENIED, THROTTLED, SERVICE_ERROR, NOT_FOUND, UNREACHABLE }

    /** Route 53's answer to a change sent while the previous change of the zone is still being applied. */
    public static final String PRIOR_REQUEST_NOT_COMPLETE = "PriorRequestNotComplete";

    private final Kind kind;
    private final String code;
    private final int status;

    public AwsFailure(Kind kind, String message, Throwable cause) {
        this(kind, null, 0, message, cause);
    }

    /**
     * @param code AWS's error code (such as {@code Throttling}), or null when AWS did not answer
     * @param status the HTTP status, or 0 when AWS did not answer
     */
    public AwsFailure(Kind kind, String code, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** AWS's error code, when AWS answered with one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The HTTP status of AWS's answer, 0 when there was none. */
    public int status() {
        return status;
    }

    /** True when the same request may succeed if sent again later. */
    public boolean retryable() {
        return kind == Kind.THROTTLED || kind == Kind.UNREACHABLE || status >= 500
                || PRIOR_REQUEST_NOT_COMPLETE.equals(code);
    }

    @Override
    public FailureCategory category() {
        return FailureCategory.REMOTE;
    }
}
