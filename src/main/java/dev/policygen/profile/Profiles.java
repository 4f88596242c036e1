package dev.policygen.profile;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The client profiles shipped in the jar under {@code policies/}. The index ({@value #INDEX}, written
 * at build time by {@link ProfileCompiler} from the profile files themselves) lists each file with the
 * client's aliases, so {@link #find} decodes one profile only.
 */
public final class Profiles {
    public static final String DIRECTORY = "policies";
    public static final String INDEX = "index.txt";

    /** File name to every name the client answers to (the file's stem first). */
    private final Map<String, List<String>> index;

    private Profiles(Map<String, List<String>> index) {
        this.index = index;
    }

    /** The bundled profiles; each file is read when first asked for. */
    public static Profiles bundled() {
        Map<String, List<String>> index = new LinkedHashMap<>();
        String text = BundledFiles.read(DIRECTORY + "/" + INDEX);
        for (String line : text.split("\n")) {
            List<String> words = words(line);
            if (!words.isEmpty()) {
                List<String> names = new ArrayList<>();
                names.add(words.get(0).substring(0, words.get(0).length() - ".json".length()));
                names.addAll(words.subList(1, words.size()));
                index.put(words.get(0), names);
            }
        }
        return new Profiles(index);
    }

    /**
     * The index for profile files (in the order given): a line per file, the file's name followed by
     * the client's aliases. The file's stem is the client's name, so it is not repeated.
     */
    static String indexText(Map<String, ClientProfile> profilesByFile) {
        StringBuilder text = new StringBuilder("# Written by ProfileCompiler at build time from policies/*.json: each profile file"
                + " and its client's aliases.\n");
        for (Map.Entry<String, ClientProfile> entry : profilesByFile.entrySet()) {
            text.append(entry.getKey());
            for (String alias : entry.getValue().aliases()) {
                text.append(' ').append(alias);
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The name of a profile's compiled form: {@code lego.json} gives {@code lego.profile}. */
    static String compiledName(String file) {
        return file.substring(0, file.length() - ".json".length()) + ".profile";
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        String entry = line.strip();
        if (entry.isEmpty() || entry.startsWith("#")) {
            return words;
        }
        for (String word : entry.split(" ")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
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

    /** The compiled form made at build time ({@link ProfileCompiler}); see {@link ProfileCodec} for why. */
    private static ClientProfile load(String file) {
        return ProfileCodec.decode(BundledFiles.bytes(DIRECTORY + "/" + compiledName(file)));
    }

    /** Parses a bundled profile's JSON source; the compiled form must decode to exactly this. */
    static ClientProfile parseSource(String file) throws InputException {
        return ProfileReader.read(BundledFiles.read(DIRECTORY + "/" + file), DIRECTORY + "/" + file);
    }
}
