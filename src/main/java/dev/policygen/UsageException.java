package dev.policygen;

/** A command-line value that cannot be used, such as a malformed zone id or an unknown client. */
public class UsageException extends PolicygenException {
    private static final long serialVersionUID = 1L;
    private final String value;

    public UsageException(String value, String message) {
        super(message);
        this.value = value;
    }

    /** The offending value exactly as the user gave it. */
    public String value() {
        return value;
    }

    @Override
    public FailureCategory category() {
        return FailureCategory.USAGE;
    }
}
