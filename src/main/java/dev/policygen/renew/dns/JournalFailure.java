package dev.policygen.renew.dns;

import dev.policygen.FailureCategory;
import dev.policygen.PolicygenException;
import java.io.IOException;
import java.nio.file.Path;

/** The journal could not be written, so a TXT value would not be known to the next run; nothing is sent. */
public final class JournalFailure extends PolicygenException {
    private static final long serialVersionUID = 1L;

    public JournalFailure(Path file, IOException cause) {
        this(file.toString(), cause);
    }

    /** @param location the journal's file, or its {@code s3://} object */
    public JournalFailure(String location, IOException cause) {
        super("cannot write the renew journal " + location + ": " + cause.getMessage(), cause);
    }

    @Override
    public FailureCategory category() {
        return FailureCategory.FILE;
    }
}
