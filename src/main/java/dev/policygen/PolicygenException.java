package dev.policygen;

/**
 * Root of every failure policygen reports to a user. Subclasses carry the data a message needs;
 * the CLI alone turns them into exit codes.
 */
public abstract class PolicygenException extends Exception {
    private static final long serialVersionUID = 1L;

    protected PolicygenException(String message) {
        super(message);
    }

    protected PolicygenException(String message, Throwable cause) {
        super(message, cause);
    }
}
