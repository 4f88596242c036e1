package dev.policygen.profile;

import dev.policygen.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (Maven's process-classes phase): parses every profile listed in the index with
 * {@link ProfileReader} and writes its compiled form ({@link ProfileCodec}) next to it in the classes
 * directory. A profile that does not parse fails the build with its file, line and column.
 */
public final class ProfileCompiler {
    private ProfileCompiler() {
    }

    /** Usage: ProfileCompiler SOURCE_DIR TARGET_DIR (policies/ and target/classes/policies/). */
    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        for (String file : Profiles.indexedFiles(Files.readString(source.resolve(Profiles.INDEX), StandardCharsets.UTF_8))) {
            String text = Files.readString(source.resolve(file), StandardCharsets.UTF_8);
            try {
                ClientProfile profile = ProfileReader.read(text, Profiles.DIRECTORY + "/" + file);
                Files.write(target.resolve(Profiles.compiledName(file)), ProfileCodec.encode(profile));
            } catch (InputException e) {
                throw new IllegalStateException("invalid profile " + e.located(), e);
            }
        }
    }
}
