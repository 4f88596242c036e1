package dev.policygen.identity;

import dev.policygen.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step (Maven's process-classes phase), as {@code profile.ProfileCompiler}: parses every runtime of
 * {@link Runtimes#NAMES} from {@code runtimes/<name>.json} and writes its compiled form
 * ({@link RuntimeCodec}) to {@code <name>.bin} in the classes directory. A file that does not parse, is
 * missing, or names another runtime fails the build.
 */
public final class RuntimeCompiler {
    private RuntimeCompiler() {
    }

    /** Usage: RuntimeCompiler SOURCE_DIR TARGET_DIR (runtimes/ and target/classes/runtimes/). */
    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        for (String name : Runtimes.NAMES) {
            Files.write(target.resolve(name + Runtimes.COMPILED_EXTENSION), RuntimeCodec.encode(parse(source, name)));
        }
    }

    /** The runtime file {@code name}.json of {@code directory}, parsed and checked to name itself. */
    static RuntimeProfile parse(Path directory, String name) throws IOException {
        String file = name + ".json";
        String text = Files.readString(directory.resolve(file), StandardCharsets.UTF_8);
        try {
            RuntimeProfile profile = RuntimeReader.read(text, Runtimes.DIRECTORY + "/" + file);
            if (!profile.runtime().equals(name)) {
                throw new IllegalStateException("invalid runtime " + Runtimes.DIRECTORY + "/" + file
                        + ": it names runtime \"" + profile.runtime() + "\"");
            }
            return profile;
        } catch (InputException e) {
            throw new IllegalStateException("invalid runtime " + e.located(), e);
        }
    }
}
