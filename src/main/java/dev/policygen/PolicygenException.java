package dev.policygen;

/**
 * Root of every failure policygen reports to a user. Subclasses carry the data a message needs and
 * state their {@link FailureCategory}; the CLI alone turns a category into an exit code.
 */
public abstract class PolicygenException extends Exception {
    private static final long serialVersionUID = 1L;

    protected PolicygenException(String message) {
        super(message);
    }

    protected PolicygenException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What kind of failure this is; decides the exit code. */
    public abstract FailureCategory category();
}
