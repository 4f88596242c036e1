package dev.policygen.aws;

import dev.policygen.PolicygenException;

/** A call to AWS that did not produce an answer; the message is one line a user can act on. */
public final class AwsFailure extends PolicygenException {
    private static final long serialVersionUID = 1L;

    /** Why the call failed, for callers and tests that need more than the text. */
    public enum Kind { MISSING_CREDENTIALS, ACCESS_DENIED, THROTTLED, SERVICE_ERROR, UNREACHABLE }

    private final Kind kind;

    public AwsFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
