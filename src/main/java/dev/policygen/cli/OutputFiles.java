package dev.policygen.cli;

import dev.policygen.OutputException;
import dev.policygen.format.RenderedFile;
import dev.policygen.io.AtomicFile;
import dev.policygen.io.FileKind;
import dev.policygen.io.FileMode;
import dev.policygen.io.StagedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rendered files next to {@code --output}: every file is staged (written to a temporary file
 * in the same directory and forced to disk) first, and only when all are written are they moved into
 * place, so a failure leaves what was on disk untouched. {@code --output} is treated as the shell
 * treats {@code > FILE} ({@link AtomicFile#stageOutput}): a link is followed, a file that is replaced
 * keeps its mode (and, as root, its owner), a new file gets 0666 less the umask as a redirection
 * would (0644 usually: a policy is no secret), and a FIFO or character device ({@code /dev/stdout})
 * is written through, which takes one document only. Then the files of an earlier run of the same
 * pattern that this run does not write are removed ({@link StaleOutputs}).
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /** The path a rendered file goes to: the suffix before the extension of {@code output}. */
    static Path target(Path output, RenderedFile file) {
        if (file.suffix().isEmpty()) {
            return output;
        }
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        return output.resolveSibling(stem + file.suffix() + extension);
    }

    private static boolean isStream(Path output) throws IOException {
        FileKind kind = FileKind.of(output, true);
        return kind == FileKind.FIFO || kind == FileKind.CHARACTER_DEVICE;
    }

    /** The exception's words without a repetition of the path the message already names. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Writes the files; returns the paths written. */
    static List<Path> write(Path output, List<RenderedFile> files) throws OutputException {
        return write(output, files, null);
    }

    /**
     * generate's write: as {@link #write(Path, List)}, then removes the earlier run's outputs this run
     * does not write again ({@link StaleOutputs}), adding their paths to {@code removed}.
     */
    static List<Path> writeReplacingEarlierRun(Path output, List<RenderedFile> files, List<Path> removed)
            throws OutputException {
        return write(output, files, removed);
    }

    private static List<Path> write(Path output, List<RenderedFile> files, List<Path> removed) throws OutputException {
        List<Path> targets = new ArrayList<>();
        List<StagedFile> staged = new ArrayList<>();
        try {
            if (files.size() > 1 && isStream(output)) {
                // the other documents would be named after it (/dev/stdout-1): there is no such place
                throw new OutputException("cannot write " + files.size() + " documents to " + output
                        + ": it is " + FileKind.of(output, true).description()
                        + ", which takes one; give a file name", null);
            }
            for (RenderedFile file : files) {
                Path target = target(output, file).toAbsolutePath();
                if (Files.isDirectory(target)) {
                    throw new OutputException("cannot write " + target + ": it is a directory", null);
                }
                Path parent = target.getParent();
                if (!Files.isDirectory(parent)) {
                    throw new OutputException("cannot write " + target + ": directory " + parent + " does not exist",
                            null);
                }
                staged.add(AtomicFile.stageOutput(target, file.text().getBytes(StandardCharsets.UTF_8),
                        FileMode.UMASK_DEFAULT));
                targets.add(target);
            }
            List<Path> stale = removed == null ? List.of() : StaleOutputs.find(output, targets);
            for (int i = 0; i < staged.size(); i++) {
                staged.get(i).commit();
            }
            // only once every new file is in place: a failure above leaves the earlier run whole
            if (removed != null) {
                StaleOutputs.remove(stale);
                removed.addAll(stale);
            }
            return targets;
        } catch (IOException e) {
            throw new OutputException("cannot write " + output + ": " + reason(e), e);
        } finally {
            for (int i = 0; i < staged.size(); i++) {
                staged.get(i).discard();
            }
        }
    }
}
