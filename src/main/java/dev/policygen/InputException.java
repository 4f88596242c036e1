package dev.policygen;


/** An input file (policy, profile, config) that cannot be read or does not have the expected shape. */
public class InputException extends PolicygenException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final SourcePosition position;

    public InputException(String source, SourcePosition position, String message) {
        super(message);
        this.source = source;
        this.position = position;
    }

    public InputException(String source, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
        this.position = SourcePosition.UNKNOWN;
    }

    public String source() {
        return source;
    }

    public SourcePosition position() {
        return position;
    }

    /** {@code file:line:col: message}, the form editors and CI annotators understand. */
    public String located() {
        return source + (position.known() ? ":" + position : "") + ": " + getMessage();
    }

    @Override
    public FailureCategory category() {
        return FailureCategory.FILE;
    }
}
