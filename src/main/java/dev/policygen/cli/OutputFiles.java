package dev.policygen.cli;

import dev.policygen.OutputException;
import dev.policygen.format.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes rendered files next to {@code --output}: every file goes to a temporary file in the same
 * directory first, and only when all are written are they moved into place, so a failure leaves
 * what was on disk untouched.
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

    static List<Path> write(Path output, List<RenderedFile> files) throws OutputException {
        List<Path> targets = new ArrayList<>();
        List<Path> temporaries = new ArrayList<>();
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
                Path temporary = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
                temporaries.add(temporary);
                Files.writeString(temporary, file.text(), StandardCharsets.UTF_8);
                targets.add(target);
            }
            for (int i = 0; i < targets.size(); i++) {
                move(temporaries.get(i), targets.get(i));
            }
            return targets;
        } catch (IOException e) {
            throw new OutputException("cannot write " + output + ": " + e.getMessage(), e);
        } finally {
            for (Path temporary : temporaries) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file is harmless
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
