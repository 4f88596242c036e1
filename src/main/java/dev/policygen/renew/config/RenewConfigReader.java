package dev.policygen.renew.config;

import dev.policygen.InputException;
import dev.policygen.io.InputFiles;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.yaml.YamlTreeReader;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a renew config in either schema: policygen's own (camelCase, {@code certificates} by name)
 * or letsencrypt-aws's {@code LETSENCRYPT_AWS_CONFIG} unchanged (snake_case, {@code domains} list).
 * The schema is told by its keys, so an existing letsencrypt-aws config works as a file too.
 */
public final class RenewConfigReader {
    /** The environment variable letsencrypt-aws reads its JSON config from. */
    public static final String LEGACY_VARIABLE = "LETSENCRYPT_AWS_CONFIG";

    private RenewConfigReader() {
    }

    /** A config file: YAML when it ends in .yaml or .yml, JSON otherwise. */
    public static RenewConfig read(Path file) throws InputException {
        String source = file.toString();
        String text = InputFiles.read(file, "the renew config");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return read(text, source, name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    /** The value of {@link #LEGACY_VARIABLE}; errors name the variable as their source. */
    public static RenewConfig fromEnvironment(String value) throws InputException {
        return read(value, LEGACY_VARIABLE, false);
    }

    public static RenewConfig read(String text, String source, boolean yaml) throws InputException {
        if (text.isBlank()) {
            throw new InputException(source, dev.policygen.SourcePosition.UNKNOWN, "the renew config is empty");
        }
        JsonNode root = yaml ? YamlTreeReader.read(text, source) : JsonReader.read(text, source);
        ConfigTree tree = new ConfigTree(source);
        if (root instanceof JsonObject object && legacy(object)) {
            return LegacySchema.read(object, tree);
        }
        return OwnSchema.read(root, tree);
    }

    /** letsencrypt-aws's keys are snake_case and ours camelCase, so one of its keys decides. */
    private static boolean legacy(JsonObject root) {
        return root.get("acme_account_key").isPresent() || root.get("acme_directory_url").isPresent()
                || root.get("domains").isPresent();
    }
}
