package dev.policygen;


/** An output file that cannot be written; nothing already on disk has been changed. */
public class OutputException extends PolicygenException {
    private static final long serialVersionUID = 1L;

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public FailureCategory category() {
        return FailureCategory.FILE;
    }
}
