package dev.policygen.renew;

import dev.policygen.InputException;
import dev.policygen.io.InputFiles;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy the credentials have, given as files ({@code renew}, {@code cleanup} and {@code deliver}
 * {@code --policy}, repeatable). A principal's identity policies are evaluated together, so the files are one
 * policy: the documents {@code generate --split} writes ({@code FILE}, {@code FILE-1}, ...) when one managed
 * policy cannot hold it are given as they were attached, and a call is allowed when any of them allows it
 * (and none denies it). Renew's name groups are read from the statements of all of them, in the order given.
 */
public final class PolicyFiles {
    private PolicyFiles() {
    }

    /**
     * Each file's document, in the order given; the first that cannot be read or is not a policy is the one
     * line of the failure, naming that file.
     */
    public static List<PolicyDocument> read(List<Path> files) throws InputException {
        List<PolicyDocument> documents = new ArrayList<>();
        for (Path file : files) {
            documents.add(PolicyReader.read(InputFiles.read(file, "the policy"), file.toString()));
        }
        return List.copyOf(documents);
    }

    /** The files as the start line's {@code policy=} names them: every one, comma-separated, in the order given. */
    public static String describe(List<Path> files) {
        return String.join(",", files.stream().map(Path::toString).toList());
    }
}
