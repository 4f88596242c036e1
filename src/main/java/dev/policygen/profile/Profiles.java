package dev.policygen.profile;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The client profiles shipped in the jar under {@code policies/}. The list of files is
 * {@code policies/index.txt}; a test keeps it equal to the directory.
 */
public final class Profiles {
    public static final String DIRECTORY = "policies";
    public static final String INDEX = "index.txt";

    private final List<ClientProfile> profiles;

    private Profiles(List<ClientProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    /** Loads every bundled profile. A broken bundled profile is a build defect, hence unchecked. */
    public static Profiles bundled() {
        try {
            List<ClientProfile> loaded = new ArrayList<>();
            for (String line : resource(INDEX).split("\n")) {
                String file = line.strip();
                if (!file.isEmpty() && !file.startsWith("#")) {
                    loaded.add(ProfileReader.read(resource(file), DIRECTORY + "/" + file));
                }
            }
            return new Profiles(loaded);
        } catch (InputException e) {
            throw new IllegalStateException("bundled profile is invalid: " + e.located(), e);
        }
    }

    /** Reads one profile file from disk, for tests and for users' own profiles. */
    public static ClientProfile read(String text, String source) throws InputException {
        return ProfileReader.read(text, source);
    }

    public List<ClientProfile> all() {
        return profiles;
    }

    /** Finds a profile by name or alias, ignoring case. */
    public ClientProfile find(String name) throws UsageException {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (ClientProfile profile : profiles) {
            for (String candidate : profile.names()) {
                if (candidate.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return profile;
                }
            }
        }
        List<String> known = new ArrayList<>();
        profiles.forEach(p -> known.addAll(p.names()));
        throw new UsageException(name, "unknown client \"" + name + "\"; known clients: " + String.join(", ", known));
    }

    private static String resource(String file) {
        String path = "/" + DIRECTORY + "/" + file;
        try (InputStream in = Profiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
