package dev.policygen.renew.dns;

import dev.policygen.FailureCategory;
import dev.policygen.PolicygenException;
import java.io.IOException;
import java.nio.file.Path;

/** The journal could not be written, so a TXT value would not be known to the next run; nothing is sent. */
public final class JournalFailure extends PolicygenException {
    private static final long serialVersionUID = 1L;

    private final Path file;

    public JournalFailure(Path file, IOException cause) {
        super("cannot write the renew journal " + file + ": " + cause.getMessage(), cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public FailureCategory category() {
        return FailureCategory.FILE;
    }
}
