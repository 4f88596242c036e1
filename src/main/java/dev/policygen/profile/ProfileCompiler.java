package dev.policygen.profile;

import dev.policygen.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step (Maven's process-classes phase): parses every profile file with {@link ProfileReader},
 * writes its compiled form ({@link ProfileCodec}) next to it in the classes directory, and writes the
 * index {@link Profiles#bundled} reads, taking each client's aliases from its file, so the aliases are
 * stated once. A profile that does not parse fails the build with its file, line and column.
 */
public final class ProfileCompiler {
    private ProfileCompiler() {
    }

    /** Usage: ProfileCompiler SOURCE_DIR TARGET_DIR (policies/ and target/classes/policies/). */
    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        Map<String, ClientProfile> profilesByFile = new LinkedHashMap<>();
        for (String file : profileFiles(source)) {
            String text = Files.readString(source.resolve(file), StandardCharsets.UTF_8);
            ClientProfile profile;
            try {
                profile = ProfileReader.read(text, Profiles.DIRECTORY + "/" + file);
            } catch (InputException e) {
                throw new IllegalStateException("invalid profile " + e.located(), e);
            }
            // the index names each client by its file, so the two must agree
            if (!file.equals(profile.client() + ".json")) {
                throw new IllegalStateException("invalid profile " + Profiles.DIRECTORY + "/" + file
                        + ": its client \"" + profile.client() + "\" must be named like the file");
            }
            Files.write(target.resolve(Profiles.compiledName(file)), ProfileCodec.encode(profile));
            profilesByFile.put(file, profile);
        }
        Files.writeString(target.resolve(Profiles.INDEX), Profiles.indexText(profilesByFile), StandardCharsets.UTF_8);
    }

    /** The profile files, by name: the order of the index, of "known clients" and of docs/clients.md. */
    private static List<String> profileFiles(Path source) throws IOException {
        try (Stream<Path> files = Files.list(source)) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json")).sorted().toList();
        }
    }
}
