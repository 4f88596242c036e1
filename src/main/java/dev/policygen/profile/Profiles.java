package dev.policygen.profile;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The client profiles shipped in the jar under {@code policies/}. {@code policies/index.txt} lists
 * each file with the client's aliases, so {@link #find} parses one file only; a test keeps the index
 * equal to the directory and to the files' own names and aliases.
 */
public final class Profiles {
    public static final String DIRECTORY = "policies";
    public static final String INDEX = "index.txt";

    /** File name to every name the client answers to (the file's stem first). */
    private final Map<String, List<String>> index;

    private Profiles(Map<String, List<String>> index) {
        this.index = index;
    }

    /** The bundled profiles; each file is parsed when first asked for. */
    public static Profiles bundled() {
        Map<String, List<String>> index = new LinkedHashMap<>();
        for (String line : resource(INDEX).split("\n")) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                List<String> words = new ArrayList<>();
                for (String word : entry.split(" ")) {
                    if (!word.isEmpty()) {
                        words.add(word);
                    }
                }
                List<String> names = new ArrayList<>();
                names.add(words.get(0).substring(0, words.get(0).length() - ".json".length()));
                names.addAll(words.subList(1, words.size()));
                index.put(words.get(0), names);
            }
        }
        return new Profiles(index);
    }

    /** Reads one profile file from disk, for tests and for users' own profiles. */
    public static ClientProfile read(String text, String source) throws InputException {
        return ProfileReader.read(text, source);
    }

    /** The names and aliases the index gives each file. */
    public Map<String, List<String>> index() {
        return Map.copyOf(index);
    }

    public List<ClientProfile> all() {
        List<ClientProfile> profiles = new ArrayList<>();
        for (String file : index.keySet()) {
            profiles.add(load(file));
        }
        return profiles;
    }

    /** Finds a profile by name or alias, ignoring case. */
    public ClientProfile find(String name) throws UsageException {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<String> known = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : index.entrySet()) {
            for (String candidate : entry.getValue()) {
                if (candidate.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return load(entry.getKey());
                }
            }
            known.addAll(entry.getValue());
        }
        throw new UsageException(name, "unknown client \"" + name + "\"; known clients: " + String.join(", ", known));
    }

    /** A broken bundled profile is a build defect, so it is unchecked here. */
    private static ClientProfile load(String file) {
        try {
            return ProfileReader.read(resource(file), DIRECTORY + "/" + file);
        } catch (InputException e) {
            throw new IllegalStateException("bundled profile is invalid: " + e.located(), e);
        }
    }

    private static String resource(String file) {
        return BundledFiles.read(DIRECTORY + "/" + file);
    }
}
