package dev.policygen.cli;

import dev.policygen.OutputException;
import dev.policygen.format.RenderedFile;
import dev.policygen.io.AtomicFile;
import dev.policygen.io.FileMode;
import dev.policygen.io.StagedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rendered files next to {@code --output}: every file is staged (written to a temporary file
 * in the same directory and forced to disk) first, and only when all are written are they moved into
 * place, so a failure leaves what was on disk untouched; then the files of an earlier run of the same
 * pattern that this run does not write are removed ({@link StaleOutputs}). The files get mode 0600, as they always
 * have (they were temporary files before).
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
                staged.add(AtomicFile.stage(target, file.text().getBytes(StandardCharsets.UTF_8), FileMode.OWNER_ONLY));
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
            throw new OutputException("cannot write " + output + ": " + e.getMessage(), e);
        } finally {
            for (int i = 0; i < staged.size(); i++) {
                staged.get(i).discard();
            }
        }
    }
}
